import { dynamoPlanStore } from '#shared/db/plan-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { expectedVersion, type Plan, type PlanContent, planETag } from '#shared/domain/plan.ts';
import { agreeToPlan, closeThePlan, createPlan, type PlanPorts, planVersions, readPlan, updatePlan } from '#shared/use-cases/plans.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { agreePlanRoute, closePlanRoute, createPlanRoute, planVersionsRoute, readPlanRoute, updatePlanRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: PlanPorts = { store: dynamoPlanStore(deps.db, deps.tableName), metrics: deps.metrics };
  const id = (params: Record<string, unknown>) => String(params.id);
  const withETag = (plan: Plan, status = 200) => ({ status, body: plan, headers: { ETag: planETag(plan) } });

  return httpFunction({ logger: deps.logger, roster: dynamoRosterStore(deps.db, deps.tableName) }, [
    {
      contract: createPlanRoute,
      async handle({ params, body }, context) {
        const created = withETag(await createPlan(ports, context, id(params), body as PlanContent), 201);
        return { ...created, headers: { ...created.headers, Location: `${BASE_PATH}/households/${id(params)}/plan` } };
      },
    },
    { contract: readPlanRoute, handle: async ({ params }, context) => withETag(await readPlan(ports, context, id(params))) },
    {
      contract: updatePlanRoute,
      handle: async ({ params, body, headers }, context) =>
        withETag(await updatePlan(ports, context, id(params), expectedVersion(headers['if-match']), body as PlanContent)),
    },
    {
      contract: agreePlanRoute,
      handle: async ({ params, body }, context) =>
        withETag(await agreeToPlan(ports, context, id(params), String((body as { agreedBy: string }).agreedBy))),
    },
    {
      contract: closePlanRoute,
      handle: async ({ params, body }, context) =>
        withETag(await closeThePlan(ports, context, id(params), String((body as { outcome: string }).outcome))),
    },
    {
      contract: planVersionsRoute,
      handle: async ({ params, query }, context) => ({
        status: 200,
        body: await planVersions(ports, context, id(params), {
          limit: Number(query.limit),
          ...(query.cursor ? { cursor: String(query.cursor) } : {}),
        }),
      }),
    },
  ]);
}
