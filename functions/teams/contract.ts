import * as z from 'zod';
import { TEAM_KINDS } from '#shared/city.ts';
import { ROLES, TEAM_LEADERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';
import { Timestamp } from '../http/schemas.ts';

export const Team = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TEAM_KINDS),
    neighbourhoods: z.array(z.string()),
  })
  .meta({ id: 'Team', description: 'A team of the city: a wijkteam, the interventieteam or the doorbraakteam.' });

export const TeamList = z.object({ items: z.array(Team) }).meta({ id: 'TeamList', description: 'Every team of the city.' });

export const TeamMember = z
  .object({
    userId: z.string(),
    name: z.string().optional(),
    roles: z.array(z.enum(ROLES)),
    lastSeenAt: Timestamp,
  })
  .meta({ id: 'TeamMember', description: "A professional on a team's roster, as their latest sign-in describes them." });

export const TeamMemberList = z.object({ items: z.array(TeamMember) }).meta({ id: 'TeamMemberList', description: "A team's roster." });

export const listTeamsRoute = defineRoute({
  operationId: 'listTeams',
  method: 'GET',
  path: '/teams',
  fn: 'teams',
  summary: "The city's teams",
  tag: 'Teams',
  auth: 'jwt',
  success: { status: 200, description: 'Every team of the city.', schema: TeamList },
  errors: [],
});

export const listTeamMembersRoute = defineRoute({
  operationId: 'listTeamMembers',
  method: 'GET',
  path: '/teams/{id}/members',
  fn: 'teams',
  summary: "A team's roster: every professional whose latest sign-in names the team, with when they were last seen",
  tag: 'Teams',
  auth: 'jwt',
  params: z.object({ id: z.string().min(1).max(100) }),
  success: { status: 200, description: 'The roster of the team.', schema: TeamMemberList },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const removeTeamMemberRoute = defineRoute({
  operationId: 'removeTeamMember',
  method: 'DELETE',
  path: '/teams/{id}/members/{userId}',
  fn: 'teams',
  summary: "Take someone off a team's roster (they come back when they sign in with the team again)",
  tag: 'Teams',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  params: z.object({ id: z.string().min(1).max(100), userId: z.string().min(1).max(200) }),
  success: { status: 204, description: 'Taken off the roster.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const teamRoutes = [listTeamsRoute, listTeamMembersRoute, removeTeamMemberRoute];
