import { dynamoPlanStore } from '#shared/db/plan-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { expectedVersion, type Plan, planETag } from '#shared/domain/plan.ts';
import {
  agreeToPlan,
  closeThePlan,
  completePlanAction,
  createPlan,
  type PlanPorts,
  planVersions,
  readPlan,
  updatePlan,
} from '#shared/use-cases/plans.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import {
  agreePlanRoute,
  closePlanRoute,
  completeActionRoute,
  createPlanRoute,
  planVersionsRoute,
  readPlanRoute,
  updatePlanRoute,
} from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: PlanPorts = { store: dynamoPlanStore(deps.db, deps.tableName), metrics: deps.metrics };
  const withETag = (plan: Plan, status = 200) => ({ status, body: plan, headers: { ETag: planETag(plan) } });

  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(createPlanRoute, async ({ params, body }, context) => {
      const created = withETag(await createPlan(ports, context, params.id, body), 201);
      return { ...created, headers: { ...created.headers, Location: `${BASE_PATH}/households/${params.id}/plan` } };
    }),
    route(readPlanRoute, async ({ params }, context) => withETag(await readPlan(ports, context, params.id))),
    route(updatePlanRoute, async ({ params, body, headers }, context) =>
      withETag(await updatePlan(ports, context, params.id, expectedVersion(headers['if-match']), body)),
    ),
    route(agreePlanRoute, async ({ params, body }, context) => withETag(await agreeToPlan(ports, context, params.id, body.agreedBy))),
    route(closePlanRoute, async ({ params, body }, context) => withETag(await closeThePlan(ports, context, params.id, body.outcome))),
    route(completeActionRoute, async ({ params }, context) =>
      withETag(await completePlanAction(ports, context, params.id, params.actionId)),
    ),
    route(planVersionsRoute, async ({ params, query }, context) => ({
      status: 200,
      body: await planVersions(ports, context, params.id, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    })),
  ]);
}
