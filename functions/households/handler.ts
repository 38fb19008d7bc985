import { dynamoHouseholdStore } from '#shared/db/household-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import type { Scores } from '#shared/domain/assessment.ts';
import type { Household } from '#shared/domain/household.ts';
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
import { httpFunction } from '../http/pipeline.ts';
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
  const id = (params: Record<string, unknown>) => String(params.id);
  const ok = (body: unknown) => ({ status: 200, body });
  const field = (body: unknown, name: string) => String((body as Record<string, unknown>)[name]);

  return httpFunction({ logger: deps.logger, roster }, [
    {
      contract: listHouseholdsRoute,
      handle: async ({ query }, context) =>
        ok(
          await caseload(ports, context, {
            ...(query.teamId ? { teamId: String(query.teamId) } : {}),
            status: query.status as Household['status'],
            limit: Number(query.limit),
            ...(query.cursor ? { cursor: String(query.cursor) } : {}),
          }),
        ),
    },
    { contract: readDossierRoute, handle: async ({ params }, context) => ok(await dossier(ports, context, id(params))) },
    {
      contract: appointRegisseurRoute,
      handle: async ({ params, body }, context) => ok(await appointRegisseur(ports, context, id(params), field(body, 'userId'))),
    },
    {
      contract: transferRoute,
      handle: async ({ params, body }, context) => ok(await transfer(ports, context, id(params), field(body, 'teamId'))),
    },
    {
      contract: recordAssessmentRoute,
      handle: async ({ params, body }, context) => ({
        status: 201,
        body: await recordAssessment(ports, context, id(params), body as { scores: Scores; note?: string }),
        headers: { Location: `${BASE_PATH}/households/${id(params)}/assessments` },
      }),
    },
    {
      contract: listAssessmentsRoute,
      handle: async ({ params, query }, context) =>
        ok(
          await listAssessments(ports, context, id(params), {
            limit: Number(query.limit),
            ...(query.cursor ? { cursor: String(query.cursor) } : {}),
          }),
        ),
    },
    {
      contract: closeHouseholdRoute,
      handle: async ({ params, body }, context) => ok(await closeHousehold(ports, context, id(params), field(body, 'reason'))),
    },
  ]);
}
