import type { BrpPort } from '#shared/brp/haal-centraal.ts';
import { dynamoBrpStore } from '#shared/db/brp-store.ts';
import { hmacLookupHasher } from '#shared/lookup-hasher.ts';
import { type BrpPorts, lookUpResidents } from '#shared/use-cases/brp.ts';
import { onFirstUse } from '../first-use.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { LookupKeySource } from '../lookup-key.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { brpResidentsRoute } from './contract.ts';

export interface BrpFunctionDeps extends FunctionRuntime {
  lookupKey: LookupKeySource;
  /** The city's BRP (deployed: its Haal Centraal endpoint and key; locally: the stand-in), undefined when none is configured. */
  brp: () => Promise<BrpPort | undefined>;
}

export function createHandler(deps: BrpFunctionDeps) {
  const portsOf = onFirstUse(
    async (): Promise<BrpPorts> => ({
      brp: await deps.brp(),
      store: dynamoBrpStore(deps.db, deps.tableName),
      hasher: hmacLookupHasher(await deps.lookupKey()),
      city: deps.city,
    }),
  );
  return httpFunction(pipelineDeps(deps), [
    route(brpResidentsRoute, async ({ query }, context) => ({
      status: 200,
      body: await lookUpResidents(await portsOf(), context, {
        postcode: query.postcode,
        houseNumber: query.houseNumber,
        ...(query.houseNumberAddition ? { houseNumberAddition: query.houseNumberAddition } : {}),
      }),
    })),
  ]);
}
