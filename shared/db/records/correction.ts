import * as z from 'zod/mini';
import { CORRECTION_KINDS, type Correction } from '../../domain/household.ts';
import { correctionKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/**
 * A correction of the household's data (api.md 1.1 "Keep a household right"):
 * `HH#<householdId>` / `CORRECTION#<at>#<id>`. It says what was corrected, by whom and when,
 * never the values before: a resident's corrected data is not kept behind their back.
 */
export const CORRECTION = 'correction';

export const CorrectionRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    kind: z.enum(CORRECTION_KINDS),
    memberId: z.optional(z.string()),
    involvedId: z.optional(z.string()),
    fields: z.array(z.string()),
    reason: z.optional(z.string()),
    at: z.string(),
    by: z.string(),
  }),
);

export const parseCorrection = (item: Record<string, unknown> | undefined): Correction | undefined =>
  parseRecord(CORRECTION, CorrectionRecord, item);

export const correctionItem = (correction: Correction) => ({
  ...correctionKey(correction.householdId, correction.at, correction.id),
  type: CORRECTION,
  ...correction,
});
