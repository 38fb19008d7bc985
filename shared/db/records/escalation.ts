import * as z from 'zod';
import { ANSWERS, ESCALATION_STATUSES, type Escalation } from '../../domain/escalation.ts';
import { escalationQueueKeys } from '../keys.ts';
import { Money, parseRecord } from './record.ts';

/** An escalation: `HH#<householdId>` / `ESCALATION#<key>`, in the city's queue index by status. */
export const ESCALATION = 'escalation';

export const EscalationRecord = z.looseObject({
  id: z.string(),
  householdId: z.string(),
  teamId: z.string(),
  submittedBy: z.string(),
  blockage: z.string(),
  organisations: z.array(z.string()),
  proposal: z.string(),
  cost: Money.optional(),
  urgency: z.enum(['normal', 'high']),
  status: z.enum(ESCALATION_STATUSES),
  overdue: z.boolean(),
  awaiting: z.enum(ANSWERS).optional(),
  taskToken: z.string().optional(),
  pendingAnswer: z.looseObject({ kind: z.enum(ANSWERS), at: z.string(), by: z.string() }).optional(),
  decision: z.enum(['approve', 'reject', 'request_info']).optional(),
  decidedBy: z.string().optional(),
  approvedCost: Money.optional(),
  evaluateAt: z.string().optional(),
  answerDueAt: z.string().optional(),
  traceId: z.string().optional(),
  precedentId: z.string().optional(),
  budgetApprovedBy: z.string().optional(),
  history: z.array(z.looseObject({ at: z.string(), by: z.string(), event: z.string(), note: z.string().nullable() })),
  submittedAt: z.string(),
  updatedAt: z.string(),
});

export const parseEscalation = (item: Record<string, unknown> | undefined): Escalation | undefined =>
  parseRecord(ESCALATION, EscalationRecord, item);

export const escalationItem = (escalation: Escalation, key: { pk: string; sk: string }) => ({
  ...key,
  ...escalationQueueKeys(escalation.status, escalation.submittedAt, escalation.id),
  type: ESCALATION,
  ...escalation,
});
