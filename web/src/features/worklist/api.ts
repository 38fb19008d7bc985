import { api, ok } from '../../lib/api.ts';

/** The caller's tasks, overdue first (GET /me/tasks, one call); with `overdue`, only those that are. */
export const getTasks = (overdue: boolean) =>
  api.GET('/me/tasks', { params: { query: { limit: 100, ...(overdue ? { overdue: 'true' as const } : {}) } } }).then(ok);

/** The team's tasks with whom each waits for (GET /teams/{id}/tasks, team leader). */
export const getTeamTasks = (teamId: string, overdue: boolean) =>
  api
    .GET('/teams/{id}/tasks', {
      params: { path: { id: teamId }, query: { limit: 100, ...(overdue ? { overdue: 'true' as const } : {}) } },
    })
    .then(ok);

/** The team's roster: the names of whom the tasks wait for. */
export const getRoster = (teamId: string) => api.GET('/teams/{id}/members', { params: { path: { id: teamId } } }).then(ok);

/** The city's teams, for their names. */
export const getTeams = () => api.GET('/teams').then(ok);
