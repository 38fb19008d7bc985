import { api, ok, type Schemas } from '../../lib/api.ts';

/** The city's teams (GET /teams): the intake is registered for one of the caller's. */
export const getTeams = () => api.GET('/teams').then(ok);

/** A whole intake in one call (POST /intakes), once: a retry with the same key is the same intake. */
export const createIntake = (body: Schemas['NewIntake']) =>
  api.POST('/intakes', { body, headers: { 'Idempotency-Key': crypto.randomUUID() } }).then(ok);

/** The household an intake belongs to (its own team's): its name, and whether it already has a regisseur and a plan. */
export const getHousehold = (id: string) => api.GET('/households/{id}', { params: { path: { id } } }).then(ok);

export const getIntake = (id: string) => api.GET('/intakes/{id}', { params: { path: { id } } }).then(ok);

/** A team's roster; one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => answer.data?.items ?? []);

export const triageIntake = (id: string, body: Schemas['TriageRequest']) =>
  api.POST('/intakes/{id}/triage', { params: { path: { id } }, body }).then(ok);

/** Who is registered at an address, from the city's BRP (v1.2): 503 `brp_unavailable` when it is down. */
export const getBrpResidents = (query: { postcode: string; houseNumber: string; houseNumberAddition?: string }) =>
  api.GET('/brp/residents', { params: { query } }).then(ok);
