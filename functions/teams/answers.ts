import * as z from 'zod/mini';
import { TEAM_KINDS } from '#shared/city.ts';
import { ROLES } from '#shared/domain/access.ts';
import type { AnswersOf } from '../http/contract.ts';
import { Timestamp } from '../http/schemas.ts';
import type { teamRoutes } from './contract.ts';

export const Team = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TEAM_KINDS),
    neighbourhoods: z.array(z.string()),
  })
  .register(z.globalRegistry, { id: 'Team', description: 'A team of the city: a wijkteam, the interventieteam or the doorbraakteam.' });

export const TeamList = z
  .object({ items: z.array(Team) })
  .register(z.globalRegistry, { id: 'TeamList', description: 'Every team of the city.' });

export const TeamMember = z
  .object({
    userId: z.string(),
    name: z.optional(z.string()),
    roles: z.array(z.enum(ROLES)),
    lastSeenAt: Timestamp,
  })
  .register(z.globalRegistry, {
    id: 'TeamMember',
    description: "A professional on a team's roster, as their latest sign-in describes them.",
  });

export const TeamMemberList = z
  .object({ items: z.array(TeamMember) })
  .register(z.globalRegistry, { id: 'TeamMemberList', description: "A team's roster." });

/** The answers of the teams function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const teamAnswers = {
  listTeams: TeamList,
  listTeamMembers: TeamMemberList,
  removeTeamMember: null,
} satisfies AnswersOf<(typeof teamRoutes)[number]>;
