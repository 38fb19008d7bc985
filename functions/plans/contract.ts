import * as z from 'zod/mini';
import { CASE_WORKERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { ActionStatus, CalendarDate, HouseholdParams, Id, ListQuery } from '../http/schemas.ts';

const Action = z.strictObject({
  id: z
    .optional(z.string().check(z.minLength(1), z.maxLength(100)))
    .register(z.globalRegistry, { description: 'The id of an action of the plan you keep; leave it out for a new action.' }),
  status: z.optional(ActionStatus).register(z.globalRegistry, { description: 'Leave it out to keep the status (a new action is open).' }),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  ownerId: z
    .optional(z.string().check(z.minLength(1), z.maxLength(200)))
    .register(z.globalRegistry, { description: 'The team member who keeps watch over it (it is on their work list).' }),
  organisation: z
    .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
    .register(z.globalRegistry, { description: 'Required unless involvedId is given: then the organisation of that party.' }),
  involvedId: z.optional(Id).register(z.globalRegistry, { description: 'Who of the household’s network does it (v1.2).' }),
  dueDate: CalendarDate,
});

const Goal = z.strictObject({
  domain: z.enum(LIFE_DOMAINS),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  actions: z.array(Action).check(z.maxLength(50)),
});

/** An agreed plan's actions are tasks written in the plan's own transaction (at most 100 items: a save may delete every old task and put every new one): a plan holds at most this many. */
export const MAX_PLAN_ACTIONS = 45;

export const PlanContent = z
  .strictObject({
    goals: z.array(Goal).check(
      z.minLength(1),
      z.maxLength(30),
      z.refine(
        (goals) => goals.reduce((sum, goal) => sum + goal.actions.length, 0) <= MAX_PLAN_ACTIONS,
        `must hold at most ${MAX_PLAN_ACTIONS} actions in all`,
      ),
    ),
    evaluationDate: CalendarDate,
  })
  .register(z.globalRegistry, { id: 'PlanContent', description: 'Goals per life domain, actions per organisation, and when to evaluate.' });

const etag = { ETag: "The plan's version, to send back as If-Match." };
const writeErrors = ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'] as const;

export const createPlanRoute = defineRoute({
  operationId: 'createPlan',
  method: 'POST',
  path: '/households/{id}/plan',
  fn: 'plans',
  summary: "Write the household's one plan",
  tag: 'Plan',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  body: PlanContent,
  success: {
    status: 201,
    description: 'The plan, as a draft, version 1.',
    headers: { ...etag, Location: "The household's plan." },
  },
  errors: [...writeErrors],
});

export const readPlanRoute = defineRoute({
  operationId: 'getPlan',
  method: 'GET',
  path: '/households/{id}/plan',
  fn: 'plans',
  summary: "The household's plan",
  tag: 'Plan',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  success: { status: 200, description: 'The plan.', headers: etag },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const updatePlanRoute = defineRoute({
  operationId: 'updatePlan',
  method: 'PUT',
  path: '/households/{id}/plan',
  fn: 'plans',
  summary: 'Change the plan, from the version you read',
  tag: 'Plan',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  headers: z.object({
    // Optional in the schema: a missing If-Match is 428, said by the use case, not 400.
    'if-match': z
      .optional(z.string().check(z.maxLength(100)))
      .register(z.globalRegistry, { description: 'The ETag of the version you read (required: 428 without it).' }),
  }),
  body: PlanContent,
  success: { status: 200, description: 'The plan, one version on.', headers: etag },
  errors: [...writeErrors, 'precondition_failed', 'precondition_required'],
});

export const agreePlanRoute = defineRoute({
  operationId: 'agreeToPlan',
  method: 'POST',
  path: '/households/{id}/plan/agreement',
  fn: 'plans',
  summary: 'Record that the household agrees to its plan',
  tag: 'Plan',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  body: z
    .strictObject({ agreedBy: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)) })
    .register(z.globalRegistry, { id: 'PlanAgreement', description: 'Who of the household agreed to the plan.' }),
  success: { status: 200, description: 'The plan, now active.', headers: etag },
  errors: [...writeErrors],
});

export const closePlanRoute = defineRoute({
  operationId: 'closePlan',
  method: 'POST',
  path: '/households/{id}/plan/close',
  fn: 'plans',
  summary: 'Close the plan',
  tag: 'Plan',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  body: z
    .strictObject({ outcome: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) })
    .register(z.globalRegistry, { id: 'PlanClosing', description: 'How the plan ended.' }),
  success: { status: 200, description: 'The closed plan.', headers: etag },
  errors: [...writeErrors],
});

export const planVersionsRoute = defineRoute({
  operationId: 'listPlanVersions',
  method: 'GET',
  path: '/households/{id}/plan/versions',
  fn: 'plans',
  summary: 'Every version of the plan, newest first',
  tag: 'Plan',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: { status: 200, description: 'A page of versions.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const completeActionRoute = defineRoute({
  operationId: 'completePlanAction',
  method: 'POST',
  path: '/households/{id}/plan/actions/{actionId}/completion',
  fn: 'plans',
  summary: 'Mark one action of the plan done',
  tag: 'Plan',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'care planning',
  processingActivity: 'care-planning',
  params: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    actionId: z.string().check(z.minLength(1), z.maxLength(100)),
  }),
  success: {
    status: 200,
    description: 'The plan, one version on, with the action done. No If-Match: completing one action never overwrites another change.',
    headers: etag,
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict'],
});

export const planRoutes = [
  createPlanRoute,
  readPlanRoute,
  updatePlanRoute,
  agreePlanRoute,
  closePlanRoute,
  planVersionsRoute,
  completeActionRoute,
];
