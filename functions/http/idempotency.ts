import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { idempotencyPartition } from '#shared/db/keys.ts';
import { TABLE_SCHEMA } from '#shared/db/table-schema.ts';
import { conflict } from '#shared/errors.ts';
import type { RequestContext } from '#shared/processing-log.ts';
import { onFirstUse } from '../first-use.ts';
import type { FunctionRuntime } from '../runtime.ts';

/** A replay must find the first answer: a day covers every client's retry policy. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A concurrent retry waits for the first attempt's answer rather than failing; this bounds the wait. */
const IN_PROGRESS_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Idempotency-Key` for a creating route, with Powertools idempotency on the city's table:
 * the same key and body replay the first answer, the same key with another body is 409.
 * Without a key the operation simply runs. `normalize` puts a replayed answer (whose field
 * order the table does not keep) back in its one shape.
 */
export function idempotentOperation<Body, Result>(
  runtime: FunctionRuntime,
  scope: string,
  operation: (body: Body, context: RequestContext) => Promise<Result>,
  normalize: (result: Result) => Result,
) {
  // Powertools' idempotency (and the JMESPath it brings) is loaded with the first request that
  // carries a key, not at import: most requests carry none (docs/performance.md, Cold start).
  const powertools = onFirstUse(async () => {
    const [idempotency, { DynamoDBPersistenceLayer }] = await Promise.all([
      import('@aws-lambda-powertools/idempotency'),
      import('@aws-lambda-powertools/idempotency/dynamodb'),
    ]);
    const config = new idempotency.IdempotencyConfig({
      eventKeyJmesPath: 'key',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    });
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: runtime.tableName,
      keyAttr: TABLE_SCHEMA.partitionKey,
      sortKeyAttr: TABLE_SCHEMA.sortKey,
      staticPkValue: idempotencyPartition(scope),
      expiryAttr: TABLE_SCHEMA.timeToLiveAttribute,
      // Powertools types its client as the plain DynamoDBClient and sends its own low-level commands
      // (GetItem, PutItem with attribute values it marshals itself). The DocumentClient is that client
      // with translation added only to its own document commands: it sends those commands unchanged.
      awsSdkV3Client: runtime.db as DynamoDBClient,
    });
    const once = idempotency.makeIdempotent(
      async (request: { key: [string, string]; body: Body }, context: RequestContext) => operation(request.body, context),
      { persistenceStore, config },
    );
    return { idempotency, config, once };
  });

  return async (body: Body, context: RequestContext, key: string | undefined, lambda?: Context): Promise<Result> => {
    if (!key) return operation(body, context);
    const { idempotency, config, once } = await powertools();
    if (lambda) config.registerLambdaContext(lambda);
    // Keys are per professional: one person's key never replays another person's answer. The two
    // stay separate fields (Powertools hashes the pair as JSON), so no (sub, key) pair can be
    // written as another: `a:b` + `c` and `a` + `b:c` are two records.
    const request: { key: [string, string]; body: Body } = { key: [context.principal.userId, key], body };
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      try {
        return normalize(await once(request, context));
      } catch (error) {
        if (error instanceof idempotency.IdempotencyValidationError)
          throw conflict('This Idempotency-Key was used before with another body.');
        if (!(error instanceof idempotency.IdempotencyAlreadyInProgressError)) throw error;
        if (Date.now() > deadline) throw conflict('A request with this Idempotency-Key is still in progress.');
      }
      await sleep(wait);
    }
  };
}
