import { dynamoResidentStore } from '#shared/db/resident-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import {
  agreeToMyPlan,
  messageRegisseur,
  myHousehold,
  myProcessingLog,
  type ResidentPorts,
  withdrawMyConsent,
} from '#shared/use-cases/resident.ts';
import { onFirstUse } from '../first-use.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { agreeToMyPlanRoute, messageRegisseurRoute, myHouseholdRoute, myProcessingLogRoute, withdrawMyConsentRoute } from './contract.ts';

export interface ResidentFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
}

export function createHandler(deps: ResidentFunctionDeps) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  // Built on the first request, once the look-up key is there (no AWS call at import).
  const portsOf = onFirstUse(
    async (): Promise<ResidentPorts> => ({
      store: dynamoResidentStore(deps.db, deps.tableName),
      hasher: hmacLookupHasher(await deps.lookupKey()),
      city: deps.city,
      roster,
    }),
  );
  return httpFunction(pipelineDeps(deps), [
    route(myHouseholdRoute, async (_input, context) => ({ status: 200, body: await myHousehold(await portsOf(), context) })),
    route(myProcessingLogRoute, async ({ query }, context) => ({
      status: 200,
      body: await myProcessingLog(await portsOf(), context, query),
    })),
    route(messageRegisseurRoute, async ({ body }, context) => ({
      status: 201,
      body: await messageRegisseur(await portsOf(), context, body.text),
    })),
    route(agreeToMyPlanRoute, async ({ body }, context) => ({
      status: 200,
      body: await agreeToMyPlan(await portsOf(), context, body.version),
    })),
    route(withdrawMyConsentRoute, async ({ params, body }, context) => ({
      status: 200,
      body: await withdrawMyConsent(await portsOf(), context, params.consentId, body.reason),
    })),
  ]);
}
