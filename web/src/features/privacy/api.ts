import { api, ok } from '../../lib/api.ts';

/** The household (for its members' names). */
export const getHousehold = (id: string) => api.GET('/households/{id}', { params: { path: { id } } }).then(ok);

/** A page of the household's processing log, for everyone or for one member, after `cursor`. */
export const getProcessingLog = (id: string, limit: number, member: string, cursor: string | null) =>
  api
    .GET('/households/{id}/processing-log', {
      params: { path: { id }, query: { limit, ...(member ? { member } : {}), ...(cursor ? { cursor } : {}) } },
    })
    .then(ok);

/** Everything held about the household (GET /households/{id}/export). */
export const exportHousehold = (id: string) => api.GET('/households/{id}/export', { params: { path: { id } } }).then(ok);

/** A team's roster, for the names of who acted; one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => ({ items: answer.data?.items ?? [] }));

/** The city's register of processing activities: each activity's Dutch name. */
export const getProcessingActivities = () => api.GET('/processing-activities').then(ok);
