import * as z from 'zod/mini';
import { CHANNELS, type Intake, TRIAGE_OUTCOMES, URGENCIES } from '../../domain/intake.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { intakeKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/** The intake record: `HH#<householdId>` / `INTAKE#<intakeId>`, in its household's partition. */
export const INTAKE = 'intake';

export const IntakeRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string(),
    channel: z.enum(CHANNELS),
    urgency: z.enum(URGENCIES),
    question: z.string(),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    source: z.optional(z.looseObject({ organisation: z.string(), reference: z.optional(z.string()) })),
    status: z.enum(['open', 'triaged']),
    visibleToTeams: z.array(z.string()),
    routedToTeamId: z.optional(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
    matchedExistingHousehold: z.optional(z.boolean()),
    triage: z.optional(
      z.looseObject({
        outcome: z.enum(TRIAGE_OUTCOMES),
        resolution: z.optional(z.string()),
        coachId: z.optional(z.string()),
        complexity: z.optional(z.enum(['simple', 'complex'])),
        triagedAt: z.string(),
        triagedBy: z.string(),
      }),
    ),
  }),
);

export const parseIntake = (item: Record<string, unknown> | undefined): Intake | undefined => parseRecord(INTAKE, IntakeRecord, item);

export const intakeItem = (intake: Intake) => ({ ...intakeKey(intake.householdId, intake.id), type: INTAKE, ...intake });
