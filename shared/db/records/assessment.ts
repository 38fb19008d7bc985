import * as z from 'zod/mini';
import { type Assessment, ZRM_SCORES } from '../../domain/assessment.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { assessmentKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/** A ZRM assessment: `HH#<householdId>` / `ASSESSMENT#<at>#<id>`, in its household's partition. */
export const ASSESSMENT = 'assessment';

export const AssessmentRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    scores: z.partialRecord(z.enum(LIFE_DOMAINS), z.literal(ZRM_SCORES)),
    note: z.optional(z.string()),
    assessedAt: z.string(),
    assessedBy: z.string(),
  }),
);

export const parseAssessment = (item: Record<string, unknown> | undefined): Assessment | undefined =>
  parseRecord(ASSESSMENT, AssessmentRecord, item);

export const assessmentItem = (assessment: Assessment) => ({
  ...assessmentKey(assessment.householdId, assessment.assessedAt, assessment.id),
  type: ASSESSMENT,
  ...assessment,
});
