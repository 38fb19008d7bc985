import { dynamoFiguresStore } from '#shared/db/figures-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { figures } from '#shared/use-cases/figures.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { statsRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports = { store: dynamoFiguresStore(deps.db, deps.tableName), city: deps.city };
  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(statsRoute, async ({ query }, context) => ({
      status: 200,
      body: await figures(ports, context, {
        ...(query.month ? { month: query.month } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
      }),
    })),
  ]);
}
