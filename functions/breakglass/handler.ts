import { dynamoBreakGlassStore } from '#shared/db/break-glass-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import { type BreakGlassPorts, breakGlass, listGrants, reviewGrant } from '#shared/use-cases/break-glass.ts';
import { onFirstUse } from '../first-use.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { breakGlassRoute, listGrantsRoute, reviewGrantRoute } from './contract.ts';

export interface BreakGlassFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
}

export function createHandler(deps: BreakGlassFunctionDeps) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  // Built on the first request, once the look-up key is there (no AWS call at import).
  const portsOf = onFirstUse(
    async (): Promise<BreakGlassPorts> => ({
      store: dynamoBreakGlassStore(deps.db, deps.tableName),
      hasher: hmacLookupHasher(await deps.lookupKey()),
      city: deps.city,
      roster,
    }),
  );

  return httpFunction(pipelineDeps(deps, roster), [
    route(breakGlassRoute, async ({ body }, context) => {
      const grant = await breakGlass(await portsOf(), context, body);
      return { status: 201, body: grant, headers: { Location: `${BASE_PATH}/households/${grant.householdId}` } };
    }),
    route(reviewGrantRoute, async ({ params, body }, context) => ({
      status: 200,
      body: await reviewGrant(await portsOf(), context, params.id, body),
    })),
    route(listGrantsRoute, async ({ query }, context) => ({ status: 200, body: await listGrants(await portsOf(), context, query) })),
  ]);
}
