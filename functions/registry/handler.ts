import { dynamoRegistryStore } from '#shared/db/registry-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import { addInvolved, changeInvolved, endInvolved } from '#shared/use-cases/network.ts';
import { addMember, changeAddress, changeMember, type RegistryPorts, removeMember, searchHouseholds } from '#shared/use-cases/registry.ts';
import { onFirstUse } from '../first-use.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import {
  addInvolvedRoute,
  addMemberRoute,
  changeAddressRoute,
  changeInvolvedRoute,
  changeMemberRoute,
  endInvolvedRoute,
  removeMemberRoute,
  searchRoute,
} from './contract.ts';

export interface RegistryFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
}

export function createHandler(deps: RegistryFunctionDeps) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  // Built on the first request, once the look-up key is there (no AWS call at import).
  const ports = onFirstUse(
    async (): Promise<RegistryPorts> => ({
      store: dynamoRegistryStore(deps.db, deps.tableName),
      hasher: hmacLookupHasher(await deps.lookupKey()),
      city: deps.city,
      roster,
    }),
  );
  const ok = (body: unknown) => ({ status: 200, body });
  return httpFunction(pipelineDeps(deps, roster), [
    route(searchRoute, async ({ query }, context) => {
      const { limit, cursor, ...criteria } = query;
      const given = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
      return ok(await searchHouseholds(await ports(), context, { ...given, limit, ...(cursor ? { cursor } : {}) }));
    }),
    route(changeAddressRoute, async ({ params, body }, context) => ok(await changeAddress(await ports(), context, params.id, body))),
    route(addMemberRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await addMember(await ports(), context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}` },
    })),
    route(changeMemberRoute, async ({ params, body }, context) =>
      ok(await changeMember(await ports(), context, params.id, params.memberId, body)),
    ),
    route(removeMemberRoute, async ({ params, body }, context) =>
      ok(await removeMember(await ports(), context, params.id, params.memberId, body.reason)),
    ),
    route(addInvolvedRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await addInvolved(await ports(), context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}` },
    })),
    route(changeInvolvedRoute, async ({ params, body }, context) =>
      ok(await changeInvolved(await ports(), context, params.id, params.involvedId, body)),
    ),
    route(endInvolvedRoute, async ({ params, body }, context) =>
      ok(await endInvolved(await ports(), context, params.id, params.involvedId, body)),
    ),
  ]);
}
