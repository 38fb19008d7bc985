import * as z from 'zod';
import {
  BLOCKAGE_FIGURE_READERS,
  BUDGET_HOLDERS,
  CASE_PROFESSIONALS,
  CASE_WORKERS,
  CITY_WIDE,
  DOORBRAAKTEAM,
  ESCALATION_READERS,
} from '#shared/domain/access.ts';
import { ESCALATION_STATUSES } from '#shared/domain/escalation.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, IdempotencyHeaders, ListQuery, Money, Timestamp } from '../http/schemas.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const NewEscalation = z
  .strictObject({
    blockage: Text(5000).meta({ description: 'Which rule or mandate blocks the way.' }),
    organisations: z.array(Text(200)).min(1).max(20),
    proposal: Text(5000).meta({ description: 'The tailored solution (maatwerk) proposed.' }),
    cost: Money.optional(),
    urgency: z.enum(['normal', 'high']),
  })
  .meta({ id: 'NewEscalation', description: 'What blocks, which organisations, what tailored solution is proposed, and at what cost.' });

const EscalationParams = z.object({ id: z.string().min(1).max(100) });
const answerErrors = ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'] as const;
const answered = {
  status: 202,
  description:
    'Handed to the flow: the escalation as it will be once the flow has taken the answer (the status it moves to), with the answer pending.',
  headers: { Location: 'The escalation, to follow the flow.' },
};

export const submitEscalationRoute = defineRoute({
  operationId: 'submitEscalation',
  method: 'POST',
  path: '/households/{id}/escalations',
  fn: 'escalations',
  summary: 'Submit a blockage to the doorbraakteam',
  tag: 'Escalations',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: HouseholdParams,
  headers: IdempotencyHeaders,
  body: NewEscalation,
  success: {
    status: 201,
    description: 'The escalation; its approval flow has started.',
    headers: { Location: 'The new escalation.' },
  },
  errors: [...answerErrors, 'service_unavailable'],
});

export const escalationQueueRoute = defineRoute({
  operationId: 'listEscalations',
  method: 'GET',
  path: '/escalations',
  fn: 'escalations',
  summary: 'The queue of escalations by status, oldest first',
  tag: 'Escalations',
  auth: 'jwt',
  roles: CITY_WIDE,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  query: z.object({ status: z.enum(ESCALATION_STATUSES).optional(), ...ListQuery }),
  success: { status: 200, description: 'A page of escalations.' },
  errors: ['invalid_input', 'forbidden', 'conflict'],
});

export const readEscalationRoute = defineRoute({
  operationId: 'getEscalation',
  method: 'GET',
  path: '/escalations/{id}',
  fn: 'escalations',
  summary: 'An escalation with its status and history',
  tag: 'Escalations',
  auth: 'jwt',
  roles: ESCALATION_READERS,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  success: { status: 200, description: 'The escalation.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const decisionRoute = defineRoute({
  operationId: 'decideEscalation',
  method: 'POST',
  path: '/escalations/{id}/decision',
  fn: 'escalations',
  summary: "The doorbraakteam's decision",
  tag: 'Escalations',
  auth: 'jwt',
  roles: DOORBRAAKTEAM,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  body: z
    .strictObject({
      decision: z.enum(['approve', 'reject', 'request_info']),
      motivation: Text(5000),
      approvedCost: Money.optional(),
      evaluateAt: Timestamp.optional(),
    })
    .meta({ id: 'Decision', description: "The doorbraakteam's decision." }),
  success: answered,
  errors: [...answerErrors],
});

export const informationRoute = defineRoute({
  operationId: 'giveInformation',
  method: 'POST',
  path: '/escalations/{id}/information',
  fn: 'escalations',
  summary: 'The information the doorbraakteam asked the submitter for',
  tag: 'Escalations',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  body: z
    .strictObject({ information: Text(10000) })
    .meta({ id: 'Information', description: 'The information the doorbraakteam asked for.' }),
  success: answered,
  errors: [...answerErrors],
});

export const budgetApprovalRoute = defineRoute({
  operationId: 'approveBudget',
  method: 'POST',
  path: '/escalations/{id}/budget-approval',
  fn: 'escalations',
  summary: "A budget holder's approval of a cost above the city's threshold",
  tag: 'Escalations',
  auth: 'jwt',
  roles: BUDGET_HOLDERS,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  body: z
    .strictObject({ decision: z.enum(['approve', 'reject']), motivation: Text(5000) })
    .meta({ id: 'BudgetApproval', description: "The budget holder's approval or rejection of the approved cost." }),
  success: answered,
  errors: [...answerErrors],
});

export const evaluationRoute = defineRoute({
  operationId: 'evaluateEscalation',
  method: 'POST',
  path: '/escalations/{id}/evaluation',
  fn: 'escalations',
  summary: 'Whether the doorbraak worked, at its evaluation moment',
  tag: 'Escalations',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  body: z
    .strictObject({ resolved: z.boolean(), note: Text(5000) })
    .meta({ id: 'Evaluation', description: 'Whether the doorbraak resolved the problem.' }),
  success: answered,
  errors: [...answerErrors],
});

export const escalationRoutes = [
  submitEscalationRoute,
  escalationQueueRoute,
  readEscalationRoute,
  decisionRoute,
  informationRoute,
  budgetApprovalRoute,
  evaluationRoute,
];

const PrecedentText = z
  .strictObject({
    summary: Text(2000).meta({ description: 'The case in the doorbraakteam’s own words, for publication: no names, no BSNs.' }),
    blockingRule: Text(500).meta({ description: 'The rule or mandate that blocked.' }),
    organisations: z.array(Text(200)).min(1).max(20),
    domains: z.array(z.enum(LIFE_DOMAINS)).min(1).max(LIFE_DOMAINS.length),
    solution: Text(4000).meta({ description: 'The tailored solution (maatwerk).' }),
  })
  .meta({ id: 'PrecedentText', description: 'A precedent as the doorbraakteam writes it for publication.' });

export const publishPrecedentRoute = defineRoute({
  operationId: 'publishPrecedent',
  method: 'POST',
  path: '/escalations/{id}/precedent',
  fn: 'escalations',
  summary: 'Publish a decided doorbraak as a precedent, in the doorbraakteam’s own words',
  tag: 'Precedents',
  auth: 'jwt',
  roles: DOORBRAAKTEAM,
  purpose: 'doorbraak',
  processingActivity: 'doorbraak',
  params: EscalationParams,
  body: PrecedentText,
  success: { status: 201, description: 'The precedent.', headers: { Location: 'The precedent.' } },
  errors: [...answerErrors],
});

export const editPrecedentRoute = defineRoute({
  operationId: 'editPrecedent',
  method: 'PUT',
  path: '/precedents/{id}',
  fn: 'escalations',
  summary: 'Reword a precedent',
  tag: 'Precedents',
  auth: 'jwt',
  roles: DOORBRAAKTEAM,
  params: z.object({ id: z.string().min(1).max(100) }),
  body: PrecedentText,
  success: { status: 200, description: 'The precedent as reworded.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'unsupported_media_type', 'payload_too_large'],
});

export const listPrecedentsRoute = defineRoute({
  operationId: 'listPrecedents',
  method: 'GET',
  path: '/precedents',
  fn: 'escalations',
  summary: 'Search the precedents by words, organisation, life domain and decision',
  tag: 'Precedents',
  auth: 'jwt',
  roles: CASE_PROFESSIONALS,
  query: z.object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Words that start words of the summary, blocking rule or solution.' }),
    organisation: z.string().trim().min(1).max(200).optional(),
    domain: z.enum(LIFE_DOMAINS).optional(),
    decision: z.enum(['approved', 'rejected']).optional(),
    ...ListQuery,
  }),
  success: { status: 200, description: 'A page of precedents.' },
  errors: ['invalid_input', 'forbidden'],
});

export const readPrecedentRoute = defineRoute({
  operationId: 'getPrecedent',
  method: 'GET',
  path: '/precedents/{id}',
  fn: 'escalations',
  summary: 'One precedent',
  tag: 'Precedents',
  auth: 'jwt',
  roles: CASE_PROFESSIONALS,
  params: z.object({ id: z.string().min(1).max(100) }),
  success: { status: 200, description: 'The precedent.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const precedentFiguresRoute = defineRoute({
  operationId: 'getPrecedentFigures',
  method: 'GET',
  path: '/precedents/figures',
  fn: 'escalations',
  summary: 'Which organisations and rules block most, how often a doorbraak is approved, its lead time, cost and result',
  tag: 'Precedents',
  auth: 'jwt',
  roles: BLOCKAGE_FIGURE_READERS,
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100).meta({ description: 'A calendar year (Europe/Amsterdam).' }) }),
  success: { status: 200, description: 'The figures of the year.' },
  errors: ['invalid_input', 'forbidden'],
});

export const precedentRoutes = [publishPrecedentRoute, editPrecedentRoute, readPrecedentRoute, listPrecedentsRoute, precedentFiguresRoute];
