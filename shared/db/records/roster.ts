import * as z from 'zod/mini';
import type { RosterEntry } from '../../use-cases/ports.ts';
import { rosterKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/** A roster entry: `TEAM#<teamId>` / `MEMBER#<userId>`. (What the roster last recorded of a person, `USER#<id>` / `ROSTER`, is read by the roster store only.) */
export const ROSTER = 'roster';

export const RosterEntryRecord = z.lazy(() =>
  z.looseObject({
    teamId: z.string(),
    userId: z.string(),
    name: z.optional(z.string()),
    roles: z.array(z.string()),
    lastSeenAt: z.string(),
  }),
);

export const parseRosterEntry = (item: Record<string, unknown> | undefined): RosterEntry | undefined =>
  parseRecord(ROSTER, RosterEntryRecord, item);

export const rosterEntryItem = (entry: RosterEntry) => ({ ...rosterKey(entry.teamId, entry.userId), type: ROSTER, ...entry });
