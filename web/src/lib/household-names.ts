import { householdName } from '#shared/domain/names.ts';
import { api } from './api.ts';

/**
 * The households a list may name, named as a person recognises them: the caller's own teams'
 * open households (their caseload, which they may read). One outside it is "a household".
 */
export async function householdNames(): Promise<Map<string, string>> {
  const answer = await api.GET('/households', { params: { query: { status: 'open', limit: 100 } } });
  if (!answer.response.ok || !answer.data) return new Map();
  return new Map(answer.data.items.map((h) => [h.id, householdName(h)]));
}
