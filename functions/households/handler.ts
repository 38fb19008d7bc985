import { dynamoHouseholdStore } from '#shared/db/household-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import {
  appointRegisseur,
  caseload,
  closeHousehold,
  dossier,
  type HouseholdPorts,
  listAssessments,
  recordAssessment,
  transfer,
} from '#shared/use-cases/households.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import {
  appointRegisseurRoute,
  closeHouseholdRoute,
  listAssessmentsRoute,
  listHouseholdsRoute,
  readDossierRoute,
  recordAssessmentRoute,
  transferRoute,
} from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  const ports: HouseholdPorts = { store: dynamoHouseholdStore(deps.db, deps.tableName), city: deps.city, roster };
  const ok = (body: unknown) => ({ status: 200, body });

  return httpFunction(pipelineDeps(deps, roster), [
    route(listHouseholdsRoute, async ({ query }, context) =>
      ok(
        await caseload(ports, context, {
          ...(query.teamId ? { teamId: query.teamId } : {}),
          status: query.status,
          limit: query.limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
      ),
    ),
    route(readDossierRoute, async ({ params }, context) => ok(await dossier(ports, context, params.id))),
    route(appointRegisseurRoute, async ({ params, body }, context) => ok(await appointRegisseur(ports, context, params.id, body.userId))),
    route(transferRoute, async ({ params, body }, context) => ok(await transfer(ports, context, params.id, body.teamId))),
    route(recordAssessmentRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await recordAssessment(ports, context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}/assessments` },
    })),
    route(listAssessmentsRoute, async ({ params, query }, context) =>
      ok(await listAssessments(ports, context, params.id, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) })),
    ),
    route(closeHouseholdRoute, async ({ params, body }, context) => ok(await closeHousehold(ports, context, params.id, body.reason))),
  ]);
}
