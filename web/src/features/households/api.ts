import { api, ok, type Schemas } from '../../lib/api.ts';

/** What a household search looks for: a BSN, an address, or a name. */
export type SearchCriterion = { bsn: string } | { postcode: string; houseNumber: string; houseNumberAddition?: string } | { name: string };

/** A page of the team's households (GET /households, paged by cursor). */
export const getHouseholds = (status: 'open' | 'closed', cursor?: string) =>
  api.GET('/households', { params: { query: { status, limit: 25, ...(cursor ? { cursor } : {}) } } }).then(ok);

export const searchHouseholds = (criterion: SearchCriterion) => api.GET('/households/search', { params: { query: criterion } }).then(ok);

export const getDossier = (id: string) => api.GET('/households/{id}', { params: { path: { id } } }).then(ok);

export const getAssessments = (id: string) =>
  api.GET('/households/{id}/assessments', { params: { path: { id }, query: { limit: 100 } } }).then(ok);

/** A team's roster; one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => ({ teamId: id, members: answer.data?.items ?? [] }));

export const appointRegisseur = (id: string, userId: string) =>
  api.PUT('/households/{id}/regisseur', { params: { path: { id } }, body: { userId } }).then(ok);

export const recordAssessment = (id: string, body: Schemas['NewAssessment']) =>
  api.POST('/households/{id}/assessments', { params: { path: { id } }, body }).then(ok);
