import { findTeam } from '#shared/city.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { forbidden, notFound } from '#shared/errors.ts';
import { httpFunction } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { listTeamMembersRoute, listTeamsRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  return httpFunction({ logger: deps.logger, roster }, [
    {
      contract: listTeamsRoute,
      handle: async () => ({
        status: 200,
        body: { items: deps.city.teams.map(({ id, name, kind, neighbourhoods }) => ({ id, name, kind, neighbourhoods })) },
      }),
    },
    {
      contract: listTeamMembersRoute,
      async handle(input, context) {
        const teamId = String(input.params.id);
        if (!findTeam(deps.city, teamId)) throw notFound('Team');
        // Teams are public within the city, so another team's roster is forbidden rather than hidden.
        if (!context.principal.teams.includes(teamId)) throw forbidden('Only members of the team see its roster.');
        const members = await roster.listTeam(teamId);
        return {
          status: 200,
          body: {
            items: members.map(({ userId, name, roles, lastSeenAt }) => ({ userId, ...(name ? { name } : {}), roles, lastSeenAt })),
          },
        };
      },
    },
  ]);
}
