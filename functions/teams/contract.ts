import * as z from 'zod/mini';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';

export const listTeamsRoute = defineRoute({
  operationId: 'listTeams',
  method: 'GET',
  path: '/teams',
  fn: 'teams',
  summary: "The city's teams",
  tag: 'Teams',
  auth: 'jwt',
  success: { status: 200, description: 'Every team of the city.' },
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
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
  success: { status: 200, description: 'The roster of the team.' },
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
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)), userId: z.string().check(z.minLength(1), z.maxLength(200)) }),
  success: { status: 204, description: 'Taken off the roster.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const teamRoutes = [listTeamsRoute, listTeamMembersRoute, removeTeamMemberRoute];
