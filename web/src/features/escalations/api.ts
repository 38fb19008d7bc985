import { api, ok, type Schemas } from '../../lib/api.ts';

/** Doorbraken: the queue of those the caller sees (GET /escalations), oldest first. */
export const getEscalations = () => api.GET('/escalations', { params: { query: { limit: 100 } } }).then(ok);

export const getEscalation = (id: string) => api.GET('/escalations/{id}', { params: { path: { id } } }).then(ok);

/** A team's roster, as names by user id; one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => answer.data?.items ?? []);

export const createEscalation = (householdId: string, body: Schemas['NewEscalation']) =>
  api.POST('/households/{id}/escalations', { params: { path: { id: householdId } }, body }).then(ok);

/**
 * The answers the flow waits for are taken with a 202 and reach the flow a moment later: these
 * calls give the API's answer as it is, for the screen to read the doorbraak again until it has.
 */
export const decide = (id: string, body: Schemas['Decision']) => api.POST('/escalations/{id}/decision', { params: { path: { id } }, body });

export const approveBudget = (id: string, body: Schemas['BudgetApproval']) =>
  api.POST('/escalations/{id}/budget-approval', { params: { path: { id } }, body });

export const giveInformation = (id: string, body: Schemas['Information']) =>
  api.POST('/escalations/{id}/information', { params: { path: { id } }, body });

export const evaluate = (id: string, body: Schemas['Evaluation']) =>
  api.POST('/escalations/{id}/evaluation', { params: { path: { id } }, body });

export const publishPrecedent = (id: string, body: Schemas['PrecedentText']) =>
  api.POST('/escalations/{id}/precedent', { params: { path: { id } }, body });
