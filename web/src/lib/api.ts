import createClient from 'openapi-fetch';
import type { components, paths } from '../../../client/schema.d.ts';
import { paramInDutch } from './problems.ts';

/**
 * The API, through the client generated from the served OpenAPI document (client/schema.d.ts):
 * no hand-written request or response types. Same origin: `/v1` beside the client. The features
 * make their calls through it (each in its own `api.ts`); whose token they carry is the entry's
 * business (`authorizeWith`), not this module's.
 */
export const api = createClient<paths>({ baseUrl: '/v1' });

/** Every call carries the bearer token `token` gives at the moment of the call (none while no one is signed in). */
export function authorizeWith(token: () => string | undefined): void {
  api.use({
    onRequest({ request }) {
      const bearer = token();
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      return request;
    },
  });
}

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type InvalidParam = NonNullable<Problem['invalidParams']>[number];

/** An answer that is not the one hoped for, as the screens show it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
  /** The API's invalidParams by field name (`household.members.0.bsn`), for the form to show at the field: in Dutch, by their code. */
  fieldErrors(say: (param: InvalidParam) => string = paramInDutch): Record<string, string> {
    return Object.fromEntries((this.problem?.invalidParams ?? []).map((p) => [p.name, say(p)]));
  }
}

/** The data of a successful answer, or an ApiError with what the API said. */
export function ok<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data !== undefined && answer.response.ok) return answer.data;
  const problem = typeof answer.error === 'object' && answer.error !== null ? (answer.error as Partial<Problem>) : undefined;
  throw new ApiError(answer.response.status, problem);
}
