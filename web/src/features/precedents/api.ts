import { api, ok } from '../../lib/api.ts';

/** Earlier doorbraken in the doorbraakteam's words, all or those matching `query` (GET /precedents?q=). */
export const searchPrecedents = (query: string) =>
  api.GET('/precedents', { params: { query: { limit: 50, ...(query ? { q: query } : {}) } } }).then(ok);
