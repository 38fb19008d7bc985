import type { ApiError, InvalidParam } from './api.ts';
import { t } from './texts.ts';

const TYPE_PREFIX = 'https://wijkteams.nl/problems/';

/** What an invalid param means, in Dutch, by its code (never the API's English `reason`). */
export const paramInDutch = (param: Pick<InvalidParam, 'code'>): string =>
  (t.problems.params as Record<string, string | undefined>)[param.code] ?? t.problems.params.custom;

/**
 * What a failed call means, in Dutch, by the problem's `type` (never its English `detail`); an
 * answer without a problem (the gateway's own 401 or 403, a network failure) by its status. With
 * `atFields` the form says at its fields what is wrong, so a 400 says only that; without, the
 * invalid params follow in words.
 */
export function problemInDutch(error: ApiError, atFields = false): string {
  const type = error.problem?.type;
  const name = type?.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : undefined;
  const byType = name ? (t.problems.types as Record<string, string | undefined>)[name] : undefined;
  const said = byType ?? byStatus(error.status);
  const params = error.problem?.invalidParams ?? [];
  if (atFields || params.length === 0 || error.status !== 400) return said;
  return `${t.problems.check} ${[...new Set(params.map(paramInDutch))].join(' ')}`;
}

function byStatus(status: number): string {
  if (status === 401) return t.problems.types.unauthenticated;
  if (status === 403) return t.problems.types.forbidden;
  if (status === 404) return t.problems.types['not-found'];
  if (status === 409) return t.problems.types.conflict;
  if (status === 412) return t.problems.types['precondition-failed'];
  if (status === 503) return t.problems.types['service-unavailable'];
  return t.error;
}
