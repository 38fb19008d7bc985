import { dynamoIntakeStore } from '#shared/db/intake-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { dynamoSignalStore } from '#shared/db/signal-store.ts';
import { sealedIntakeIds } from '#shared/intake-ids.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import {
  type NewSignal,
  type ReceivedSignal,
  readSignal,
  receiveSignal,
  recordContactAttempt,
  recordOutcome,
  type SignalPorts,
  signalQueue,
} from '#shared/use-cases/signals.ts';
import { onFirstUse } from '../first-use.ts';
import { BASE_PATH } from '../http/contract.ts';
import { idempotentOperation } from '../http/idempotency.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { contactAttemptRoute, readSignalRoute, receiveSignalRoute, signalOutcomeRoute, signalQueueRoute } from './contract.ts';

export interface SignalFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
}

export function createHandler(deps: SignalFunctionDeps) {
  // Built on the first request, once the look-up key is there (no AWS call at import).
  const ports = onFirstUse(async (): Promise<SignalPorts> => {
    const key = await deps.lookupKey();
    return {
      store: dynamoSignalStore(deps.db, deps.tableName),
      intakes: {
        store: dynamoIntakeStore(deps.db, deps.tableName),
        hasher: hmacLookupHasher(key),
        intakeIds: sealedIntakeIds(key),
        city: deps.city,
        metrics: deps.metrics,
      },
      city: deps.city,
      roster: dynamoRosterStore(deps.db, deps.tableName),
      partnerOfClient: (clientId) => {
        // Deployed, Cognito generated the client ids (PARTNER_CLIENTS); locally a partner's client id is its own id.
        const partnerId = deps.partnerClients ? deps.partnerClients[clientId] : clientId;
        return deps.city.partners.find((partner) => partner.id === partnerId);
      },
    };
  });
  const receive = idempotentOperation(
    deps,
    'signals',
    async (body: NewSignal, context) => receiveSignal(await ports(), context, body),
    (answer: ReceivedSignal): ReceivedSignal => ({ id: answer.id, status: answer.status, receivedAt: answer.receivedAt }),
  );
  const location = (id: string) => ({ Location: `${BASE_PATH}/signals/${id}` });
  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(receiveSignalRoute, async ({ body, headers }, context, lambda) => {
      const signal = await receive(body, context, headers['idempotency-key'], lambda);
      return { status: 201, body: signal, headers: location(signal.id) };
    }),
    route(signalQueueRoute, async ({ query }, context) => {
      const { cursor, status, ...rest } = query;
      return {
        status: 200,
        body: await signalQueue(await ports(), context, { ...rest, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }),
      };
    }),
    route(readSignalRoute, async ({ params }, context) => ({ status: 200, body: await readSignal(await ports(), context, params.id) })),
    route(contactAttemptRoute, async ({ params, body }, context) => {
      const signal = await recordContactAttempt(await ports(), context, params.id, body);
      return { status: 201, body: signal, headers: location(signal.id) };
    }),
    route(signalOutcomeRoute, async ({ params, body }, context) => ({
      status: 200,
      body: await recordOutcome(await ports(), context, params.id, body),
    })),
  ]);
}
