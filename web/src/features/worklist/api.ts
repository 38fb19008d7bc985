import { api, ok } from '../../lib/api.ts';

/**
 * How many tasks a page holds (GET /me/tasks and /teams/{id}/tasks, `limit`): the rest comes
 * with "Meer laden", from the page's `nextCursor`.
 */
export const TASK_PAGE = 100;

const pageQuery = (overdue: boolean, cursor: string | undefined) => ({
  limit: TASK_PAGE,
  ...(overdue ? { overdue: 'true' as const } : {}),
  ...(cursor ? { cursor } : {}),
});

/** A page of the caller's tasks, overdue first (GET /me/tasks); with `overdue`, only those that are; `cursor`: the page after. */
export const getTasks = (overdue: boolean, cursor?: string) =>
  api.GET('/me/tasks', { params: { query: pageQuery(overdue, cursor) } }).then(ok);

/** A page of the team's tasks with whom each waits for (GET /teams/{id}/tasks, team leader); `cursor`: the page after. */
export const getTeamTasks = (teamId: string, overdue: boolean, cursor?: string) =>
  api.GET('/teams/{id}/tasks', { params: { path: { id: teamId }, query: pageQuery(overdue, cursor) } }).then(ok);

/** The team's roster: the names of whom the tasks wait for. */
export const getRoster = (teamId: string) => api.GET('/teams/{id}/members', { params: { path: { id: teamId } } }).then(ok);

/**
 * Takes someone off the team's roster (DELETE /teams/{id}/members/{userId}, the team's leader):
 * 204 and no body, or an ApiError (404: they were no longer on it).
 */
export const removeFromTeam = (teamId: string, userId: string) =>
  api.DELETE('/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } } }).then(({ error, response }) => {
    if (!response.ok) ok({ error, response });
  });

/** The city's teams, for their names. */
export const getTeams = () => api.GET('/teams').then(ok);
