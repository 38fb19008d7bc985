import { dynamoIntakeStore } from '#shared/db/intake-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import type { TriageInput } from '#shared/domain/intake.ts';
import { sealedIntakeIds } from '#shared/intake-ids.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import { type NewIntake, orderedIntakeView, readIntake, registerIntake, triage } from '#shared/use-cases/intakes.ts';
import type { IntakePorts } from '#shared/use-cases/ports.ts';
import { BASE_PATH } from '../http/contract.ts';
import { idempotentOperation } from '../http/idempotency.ts';
import { httpFunction } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { readIntakeRoute, registerIntakeRoute, triageIntakeRoute } from './contract.ts';

export interface IntakeFunctionDeps extends FunctionRuntime {
  lookupKey: Uint8Array;
}

export function createHandler(deps: IntakeFunctionDeps) {
  const ports: IntakePorts = {
    store: dynamoIntakeStore(deps.db, deps.tableName),
    hasher: hmacLookupHasher(deps.lookupKey),
    intakeIds: sealedIntakeIds(deps.lookupKey),
    city: deps.city,
    metrics: deps.metrics,
  };
  const register = idempotentOperation(
    deps,
    'intakes',
    (body: NewIntake, context) => registerIntake(ports, context, body),
    orderedIntakeView,
  );
  const intakeId = (params: Record<string, unknown>) => String(params.id);

  return httpFunction({ logger: deps.logger, roster: dynamoRosterStore(deps.db, deps.tableName) }, [
    {
      contract: registerIntakeRoute,
      async handle(input, context, lambda) {
        const intake = await register(input.body as NewIntake, context, input.headers['idempotency-key'], lambda);
        return { status: 201, body: intake, headers: { Location: `${BASE_PATH}/intakes/${intake.id}` } };
      },
    },
    {
      contract: readIntakeRoute,
      handle: async (input, context) => ({ status: 200, body: await readIntake(ports, context, intakeId(input.params)) }),
    },
    {
      contract: triageIntakeRoute,
      handle: async (input, context) => ({
        status: 200,
        body: await triage(ports, context, intakeId(input.params), input.body as TriageInput),
      }),
    },
  ]);
}
