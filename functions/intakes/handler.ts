import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoIntakeStore } from '#shared/db/intake-store.ts';
import { idempotencyPartition } from '#shared/db/keys.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { TABLE_SCHEMA } from '#shared/db/table-schema.ts';
import type { TriageInput } from '#shared/domain/intake.ts';
import { conflict } from '#shared/errors.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import type { RequestContext } from '#shared/processing-log.ts';
import { type IntakeView, intakeView, type NewIntake, readIntake, registerIntake, triage } from '#shared/use-cases/intakes.ts';
import type { IntakePorts } from '#shared/use-cases/ports.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { readIntakeRoute, registerIntakeRoute, triageIntakeRoute } from './contract.ts';

/** A replay must find the first answer: a day covers every client's retry policy. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A concurrent retry waits for the first attempt's answer rather than failing; this bounds the wait. */
const IN_PROGRESS_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function idempotentRegistration(runtime: FunctionRuntime, ports: IntakePorts) {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
  });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: runtime.tableName,
    keyAttr: TABLE_SCHEMA.partitionKey,
    sortKeyAttr: TABLE_SCHEMA.sortKey,
    staticPkValue: idempotencyPartition('intakes'),
    expiryAttr: TABLE_SCHEMA.timeToLiveAttribute,
    awsSdkV3Client: runtime.db as never,
  });
  const register = makeIdempotent(
    async (request: { key: string; body: NewIntake }, context: RequestContext) => registerIntake(ports, context, request.body),
    { persistenceStore, config },
  );

  return async (body: NewIntake, context: RequestContext, key: string | undefined, lambda?: Context): Promise<IntakeView> => {
    if (!key) return registerIntake(ports, context, body);
    if (lambda) config.registerLambdaContext(lambda);
    // Keys are per professional: one person's key never replays another person's answer.
    const request = { key: `${context.principal.userId}:${key}`, body };
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      try {
        return intakeView(await register(request, context));
      } catch (error) {
        if (error instanceof IdempotencyValidationError) {
          throw conflict('This Idempotency-Key was used before with another body.');
        }
        if (!(error instanceof IdempotencyAlreadyInProgressError) || Date.now() > deadline) {
          if (error instanceof IdempotencyAlreadyInProgressError)
            throw conflict('A request with this Idempotency-Key is still in progress.');
          throw error;
        }
      }
      await sleep(wait);
    }
  };
}

export interface IntakeFunctionDeps extends FunctionRuntime {
  lookupKey: Uint8Array;
}

export function createHandler(deps: IntakeFunctionDeps) {
  const ports: IntakePorts = {
    store: dynamoIntakeStore(deps.db, deps.tableName),
    hasher: hmacLookupHasher(deps.lookupKey),
    city: deps.city,
  };
  const register = idempotentRegistration(deps, ports);
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
