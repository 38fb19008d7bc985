import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { removeFromRoster, type TeamPorts, teamRoster } from '#shared/use-cases/teams.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { listTeamMembersRoute, listTeamsRoute, removeTeamMemberRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: TeamPorts = { roster: dynamoRosterStore(deps.db, deps.tableName), city: deps.city };
  return httpFunction(pipelineDeps(deps, ports.roster), [
    route(listTeamsRoute, async () => ({
      status: 200,
      body: { items: deps.city.teams.map(({ id, name, kind, neighbourhoods }) => ({ id, name, kind, neighbourhoods })) },
    })),
    route(listTeamMembersRoute, async ({ params }, context) => ({ status: 200, body: await teamRoster(ports, context, params.id) })),
    route(removeTeamMemberRoute, async ({ params }, context) => {
      await removeFromRoster(ports, context, params.id, params.userId);
      // A professional's id, not a resident's data: the team leader's action is traceable in the logs.
      deps.logger.info('roster entry removed', { teamId: params.id, removedBy: context.principal.userId });
      return { status: 204 };
    }),
  ]);
}
