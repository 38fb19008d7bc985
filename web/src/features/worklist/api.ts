import { api, ok } from '../../lib/api.ts';

/** The caller's tasks, overdue first (GET /me/tasks, one call). */
export const getTasks = () => api.GET('/me/tasks', { params: { query: { limit: 100 } } }).then(ok);
