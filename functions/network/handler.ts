import { dynamoNetworkStore } from '#shared/db/network-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { disclose, listConsents, listDisclosures, type NetworkPorts, recordConsent, withdrawConsent } from '#shared/use-cases/consents.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { discloseRoute, listConsentsRoute, listDisclosuresRoute, recordConsentRoute, withdrawConsentRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: NetworkPorts = { store: dynamoNetworkStore(deps.db, deps.tableName), city: deps.city };
  const ok = (body: unknown) => ({ status: 200, body });

  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(recordConsentRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await recordConsent(ports, context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}/consents` },
    })),
    route(withdrawConsentRoute, async ({ params, body }, context) =>
      ok(await withdrawConsent(ports, context, params.id, params.consentId, body)),
    ),
    route(listConsentsRoute, async ({ params, query }, context) => ok(await listConsents(ports, context, params.id, query))),
    route(discloseRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await disclose(ports, context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}/disclosures` },
    })),
    route(listDisclosuresRoute, async ({ params, query }, context) => ok(await listDisclosures(ports, context, params.id, query))),
  ]);
}
