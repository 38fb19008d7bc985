import { api, ok, type Schemas } from '../../lib/api.ts';

/** The team's outreach queue, oldest first (GET /signals?teamId=). */
export const getSignals = (teamId: string) => api.GET('/signals', { params: { query: { teamId, limit: 100 } } }).then(ok);

export const getSignal = (id: string) => api.GET('/signals/{id}', { params: { path: { id } } }).then(ok);

export const addContactAttempt = (id: string, body: Schemas['NewContactAttempt']) =>
  api.POST('/signals/{id}/contact-attempts', { params: { path: { id } }, body }).then(ok);

export const recordOutcome = (id: string, body: Schemas['SignalOutcome']) =>
  api.POST('/signals/{id}/outcome', { params: { path: { id } }, body }).then(ok);
