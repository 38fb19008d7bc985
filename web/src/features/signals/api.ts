import { api, ok, type Schemas } from '../../lib/api.ts';

export type SignalOutcomeKind = Schemas['SignalOutcome']['outcome'];

/**
 * The team's signals, oldest first (GET /signals?teamId=): without `status` the outreach queue
 * (the signals still without outcome), with it those that ended so.
 */
export const getSignals = (teamId: string, status?: SignalOutcomeKind) =>
  api.GET('/signals', { params: { query: { teamId, limit: 100, ...(status ? { status } : {}) } } }).then(ok);

export const getSignal = (id: string) => api.GET('/signals/{id}', { params: { path: { id } } }).then(ok);

export const addContactAttempt = (id: string, body: Schemas['NewContactAttempt']) =>
  api.POST('/signals/{id}/contact-attempts', { params: { path: { id } }, body }).then(ok);

export const recordOutcome = (id: string, body: Schemas['SignalOutcome']) =>
  api.POST('/signals/{id}/outcome', { params: { path: { id } }, body }).then(ok);

/** The city's teams, for their names. */
export const getTeams = () => api.GET('/teams').then(ok);

/** The team's roster: the name of whom recorded an outcome. */
export const getRoster = (teamId: string) => api.GET('/teams/{id}/members', { params: { path: { id: teamId } } }).then(ok);
