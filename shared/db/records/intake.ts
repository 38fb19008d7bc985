import * as z from 'zod';
import { CHANNELS, type Intake, TRIAGE_OUTCOMES, URGENCIES } from '../../domain/intake.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { intakeKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/** The intake record: `HH#<householdId>` / `INTAKE#<intakeId>`, in its household's partition. */
export const INTAKE = 'intake';

export const IntakeRecord = z.looseObject({
  id: z.string(),
  householdId: z.string(),
  teamId: z.string(),
  channel: z.enum(CHANNELS),
  urgency: z.enum(URGENCIES),
  question: z.string(),
  domains: z.array(z.enum(LIFE_DOMAINS)),
  source: z.looseObject({ organisation: z.string(), reference: z.string().optional() }).optional(),
  status: z.enum(['open', 'triaged']),
  visibleToTeams: z.array(z.string()),
  routedToTeamId: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  matchedExistingHousehold: z.boolean().optional(),
  triage: z
    .looseObject({
      outcome: z.enum(TRIAGE_OUTCOMES),
      resolution: z.string().optional(),
      coachId: z.string().optional(),
      complexity: z.enum(['simple', 'complex']).optional(),
      triagedAt: z.string(),
      triagedBy: z.string(),
    })
    .optional(),
});

export const parseIntake = (item: Record<string, unknown> | undefined): Intake | undefined => parseRecord(INTAKE, IntakeRecord, item);

export const intakeItem = (intake: Intake) => ({ ...intakeKey(intake.householdId, intake.id), type: INTAKE, ...intake });
