import * as z from 'zod/mini';
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

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const NewEscalation = z
  .strictObject({
    blockage: Text(5000).register(z.globalRegistry, { description: 'Which rule or mandate blocks the way.' }),
    organisations: z.array(Text(200)).check(z.minLength(1), z.maxLength(20)),
    proposal: Text(5000).register(z.globalRegistry, { description: 'The tailored solution (maatwerk) proposed.' }),
    cost: z.optional(Money),
    urgency: z.enum(['normal', 'high']),
  })
  .register(z.globalRegistry, {
    id: 'NewEscalation',
    description: 'What blocks, which organisations, what tailored solution is proposed, and at what cost.',
  });

const EscalationParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });
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
  query: z.object({ status: z.optional(z.enum(ESCALATION_STATUSES)), ...ListQuery }),
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
      approvedCost: z.optional(Money),
      evaluateAt: z.optional(Timestamp),
    })
    .register(z.globalRegistry, { id: 'Decision', description: "The doorbraakteam's decision." }),
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
    .register(z.globalRegistry, { id: 'Information', description: 'The information the doorbraakteam asked for.' }),
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
    .register(z.globalRegistry, { id: 'BudgetApproval', description: "The budget holder's approval or rejection of the approved cost." }),
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
    .register(z.globalRegistry, { id: 'Evaluation', description: 'Whether the doorbraak resolved the problem.' }),
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
    summary: Text(2000).register(z.globalRegistry, {
      description: 'The case in the doorbraakteam’s own words, for publication: no names, no BSNs.',
    }),
    blockingRule: Text(500).register(z.globalRegistry, { description: 'The rule or mandate that blocked.' }),
    organisations: z.array(Text(200)).check(z.minLength(1), z.maxLength(20)),
    domains: z.array(z.enum(LIFE_DOMAINS)).check(z.minLength(1), z.maxLength(LIFE_DOMAINS.length)),
    solution: Text(4000).register(z.globalRegistry, { description: 'The tailored solution (maatwerk).' }),
  })
  .register(z.globalRegistry, { id: 'PrecedentText', description: 'A precedent as the doorbraakteam writes it for publication.' });

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
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
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
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
      .register(z.globalRegistry, { description: 'Words that start words of the summary, blocking rule or solution.' }),
    organisation: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    domain: z.optional(z.enum(LIFE_DOMAINS)),
    decision: z.optional(z.enum(['approved', 'rejected'])),
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
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
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
  query: z.object({
    year: z.coerce
      .number()
      .check(z.int(), z.gte(2000), z.lte(2100))
      .register(z.globalRegistry, { description: 'A calendar year (Europe/Amsterdam).' }),
  }),
  success: { status: 200, description: 'The figures of the year.' },
  errors: ['invalid_input', 'forbidden'],
});

export const precedentRoutes = [publishPrecedentRoute, editPrecedentRoute, readPrecedentRoute, listPrecedentsRoute, precedentFiguresRoute];
