import { api, ok, type Schemas } from '../../lib/api.ts';

export type BreakGlassRequest = Schemas['BreakGlassRequest'];
export type Grant = Schemas['BreakGlassGrant'];

export const breakGlass = (body: BreakGlassRequest) => api.POST('/break-glass', { body }).then(ok);

/** A team's grants still to review (a team has few: one page of 100 holds them). */
export const grantsToReview = (teamId: string) =>
  api.GET('/break-glass', { params: { query: { teamId, reviewed: 'false', limit: 100 } } }).then(ok);

export const reviewGrant = (id: string, body: Schemas['BreakGlassReview']) =>
  api.POST('/break-glass/{id}/review', { params: { path: { id } }, body }).then(ok);

/** The city's teams by id, for their names. */
export const teamNames = () =>
  api
    .GET('/teams')
    .then(ok)
    .then((answer) => new Map(answer.items.map((team) => [team.id, team.name])));

export { householdNames } from '../../lib/household-names.ts';
