import * as z from 'zod/mini';
import { ANSWERS, ESCALATION_STATUSES, type Escalation } from '../../domain/escalation.ts';
import { escalationQueueKeys } from '../keys.ts';
import { Money, parseRecord } from './record.ts';

/** An escalation: `HH#<householdId>` / `ESCALATION#<key>`, in the city's queue index by status. */
export const ESCALATION = 'escalation';

export const EscalationRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string(),
    submittedBy: z.string(),
    blockage: z.string(),
    organisations: z.array(z.string()),
    proposal: z.string(),
    cost: z.optional(Money),
    urgency: z.enum(['normal', 'high']),
    status: z.enum(ESCALATION_STATUSES),
    overdue: z.boolean(),
    awaiting: z.optional(z.enum(ANSWERS)),
    taskToken: z.optional(z.string()),
    pendingAnswer: z.optional(z.looseObject({ kind: z.enum(ANSWERS), at: z.string(), by: z.string() })),
    decision: z.optional(z.enum(['approve', 'reject', 'request_info'])),
    decidedBy: z.optional(z.string()),
    approvedCost: z.optional(Money),
    evaluateAt: z.optional(z.string()),
    answerDueAt: z.optional(z.string()),
    traceId: z.optional(z.string()),
    precedentId: z.optional(z.string()),
    budgetApprovedBy: z.optional(z.string()),
    history: z.array(z.looseObject({ at: z.string(), by: z.string(), event: z.string(), note: z.nullable(z.string()) })),
    submittedAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const parseEscalation = (item: Record<string, unknown> | undefined): Escalation | undefined =>
  parseRecord(ESCALATION, EscalationRecord, item);

export const escalationItem = (escalation: Escalation, key: { pk: string; sk: string }) => ({
  ...key,
  ...escalationQueueKeys(escalation.status, escalation.submittedAt, escalation.id),
  type: ESCALATION,
  ...escalation,
});
