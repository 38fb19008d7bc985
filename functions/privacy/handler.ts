import { dynamoPrivacyStore } from '#shared/db/privacy-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { exportHousehold, type PrivacyPorts, readProcessingLog } from '#shared/use-cases/privacy.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { exportRoute, processingLogRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: PrivacyPorts = { store: dynamoPrivacyStore(deps.db, deps.tableName), city: deps.city };
  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(processingLogRoute, async ({ params, query }, context) => ({
      status: 200,
      body: await readProcessingLog(ports, context, params.id, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.member ? { member: query.member } : {}),
      }),
    })),
    route(exportRoute, async ({ params }, context) => ({
      status: 200,
      body: await exportHousehold(ports, context, params.id),
      headers: { 'Content-Disposition': `attachment; filename="household-${params.id}.json"` },
    })),
  ]);
}
