import { api, ok } from '../../lib/api.ts';

/** One month's figures, the city's and each team's the caller may read (GET /stats?month=). */
export const getFigures = (month: string) => api.GET('/stats', { params: { query: { month } } }).then(ok);

/** The city's teams, for their names. */
export const getTeams = () => api.GET('/teams').then(ok);
