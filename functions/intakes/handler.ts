import { dynamoIntakeStore } from '#shared/db/intake-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { sealedIntakeIds } from '#shared/intake-ids.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import { type NewIntake, orderedIntakeView, readIntake, registerIntake, triage } from '#shared/use-cases/intakes.ts';
import type { IntakePorts } from '#shared/use-cases/ports.ts';
import { onFirstUse } from '../first-use.ts';
import { BASE_PATH } from '../http/contract.ts';
import { idempotentOperation } from '../http/idempotency.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { readIntakeRoute, registerIntakeRoute, triageIntakeRoute } from './contract.ts';

export interface IntakeFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
}

export function createHandler(deps: IntakeFunctionDeps) {
  // Built on the first request, once the look-up key is there (no AWS call at import).
  const ports = onFirstUse(async (): Promise<IntakePorts> => {
    const key = await deps.lookupKey();
    return {
      store: dynamoIntakeStore(deps.db, deps.tableName),
      hasher: hmacLookupHasher(key),
      intakeIds: sealedIntakeIds(key),
      city: deps.city,
      metrics: deps.metrics,
    };
  });
  const register = idempotentOperation(
    deps,
    'intakes',
    async (body: NewIntake, context) => registerIntake(await ports(), context, body),
    orderedIntakeView,
  );
  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(registerIntakeRoute, async ({ body, headers }, context, lambda) => {
      const intake = await register(body, context, headers['idempotency-key'], lambda);
      return { status: 201, body: intake, headers: { Location: `${BASE_PATH}/intakes/${intake.id}` } };
    }),
    route(readIntakeRoute, async ({ params }, context) => ({ status: 200, body: await readIntake(await ports(), context, params.id) })),
    route(triageIntakeRoute, async ({ params, body }, context) => ({
      status: 200,
      body: await triage(await ports(), context, params.id, body),
    })),
  ]);
}
