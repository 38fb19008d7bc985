import * as z from 'zod/mini';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { PLAN_STATUSES, type Plan } from '../../domain/plan.ts';
import { planKey, planVersionKey } from '../keys.ts';
import { Money, parseRecord } from './record.ts';

/** The plan (`HH#<householdId>` / `PLAN`, the latest) and its versions (`HH#<householdId>#PLAN-VERSIONS` / `<planId>#<version>`): one shape. */
export const PLAN = 'plan';
export const PLAN_VERSION = 'plan-version';

export const PlanRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    status: z.enum(PLAN_STATUSES),
    version: z.number(),
    goals: z.array(
      z.looseObject({
        domain: z.enum(LIFE_DOMAINS),
        description: z.string(),
        actions: z.array(
          z.looseObject({
            // Plans written before 1.1 have no action ids: each action is named by its place until the plan is saved again.
            id: z.optional(z.string()),
            status: z._default(z.enum(['open', 'done']), 'open'),
            doneAt: z.optional(z.string()),
            doneBy: z.optional(z.string()),
            description: z.string(),
            ownerId: z.optional(z.string()),
            organisation: z.string(),
            dueDate: z.string(),
          }),
        ),
      }),
    ),
    evaluationDate: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    agreedBy: z.optional(z.string()),
    agreedAt: z.optional(z.string()),
    agreedVia: z.optional(z.literal('digid')),
    agreement: z.optional(z.object({ by: z.string(), at: z.string(), version: z.number() })),
    changedSinceAgreement: z.optional(z.boolean()),
    closedAt: z.optional(z.string()),
    outcome: z.optional(z.string()),
    doorbraken: z.optional(
      z.array(
        z.looseObject({
          escalationId: z.string(),
          proposal: z.string(),
          organisations: z.array(z.string()),
          approvedCost: z.optional(Money),
          approvedAt: z.string(),
          evaluateAt: z.string(),
        }),
      ),
    ),
  }),
);

type StoredPlan = z.output<typeof PlanRecord>;

/** Every action with an id: a plan from before 1.1 names its actions by their place. */
const withActionIds = (plan: StoredPlan | undefined): Plan | undefined =>
  plan && {
    ...plan,
    goals: plan.goals.map((goal, g) => ({
      ...goal,
      actions: goal.actions.map((action, a) => ({ ...action, id: action.id ?? `${plan.id}-${g}-${a}` })),
    })),
  };

export const parsePlan = (item: Record<string, unknown> | undefined): Plan | undefined =>
  withActionIds(parseRecord(PLAN, PlanRecord, item));
export const parsePlanVersion = (item: Record<string, unknown> | undefined): Plan | undefined =>
  withActionIds(parseRecord(PLAN_VERSION, PlanRecord, item));

export const planItem = (plan: Plan) => ({ ...planKey(plan.householdId), type: PLAN, ...plan });
export const planVersionItem = (plan: Plan) => ({
  ...planVersionKey(plan.householdId, plan.id, plan.version),
  type: PLAN_VERSION,
  ...plan,
});
