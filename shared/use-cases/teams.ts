import { type CityRuntimeConfig, findTeam } from '../city.ts';
import { requireAnyRole, requireOwnTeam, TEAM_LEADERS } from '../domain/access.ts';
import { notFound } from '../errors.ts';
import type { RequestContext } from '../processing-log.ts';
import type { RosterStore } from './ports.ts';

export interface TeamPorts {
  roster: RosterStore;
  city: CityRuntimeConfig;
}

/** Teams are public within the city (GET /teams), so another team's list is forbidden rather than hidden. */
function ownTeam(ports: TeamPorts, context: RequestContext, teamId: string, action: string) {
  if (!findTeam(ports.city, teamId)) throw notFound('Team');
  requireOwnTeam(context.principal, teamId, `Only members of the team ${action}.`);
}

export async function teamRoster(ports: TeamPorts, context: RequestContext, teamId: string) {
  ownTeam(ports, context, teamId, 'see its roster');
  const members = await ports.roster.listTeam(teamId);
  return {
    items: members.map(({ userId, name, roles, lastSeenAt }) => ({ userId, ...(name ? { name } : {}), roles, lastSeenAt })),
  };
}

/**
 * A team leader takes someone off the roster (someone who left the team but still holds a token
 * that names it): they can no longer be appointed regisseur or coach, until they sign in with
 * the team again.
 */
export async function removeFromRoster(ports: TeamPorts, context: RequestContext, teamId: string, userId: string) {
  ownTeam(ports, context, teamId, 'manage its roster');
  requireAnyRole(context.principal, TEAM_LEADERS, "Only the team's leader takes someone off its roster.");
  if (!(await ports.roster.remove(teamId, userId, context.now))) throw notFound('Team member');
}
