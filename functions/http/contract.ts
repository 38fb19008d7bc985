import type * as z from 'zod/mini';
import type { Role } from '#shared/domain/access.ts';
import type { ProblemCode } from '#shared/errors.ts';
import type { ProcessingActivityId } from '#shared/processing-activities.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One route of the API, declared once: the CDK stack makes its API Gateway route from it,
 * local mode serves it from the synthesized template, the function validates requests with
 * its schemas, and the OpenAPI document is generated from them.
 */
export interface RouteContract {
  operationId: string;
  method: Method;
  /** Path below the `/v1` base path, in OpenAPI form (`/intakes/{id}`). */
  path: string;
  /** The Lambda function (a folder under functions/) that serves the route. */
  fn: string;
  summary: string;
  tag: string;
  /** `none` only for /health and /openapi.json: every other route needs a signed-in professional. */
  auth: 'jwt' | 'none';
  /** Roles that may call the route at all; the use case checks the record itself (team, state). */
  roles?: readonly Role[];
  /**
   * Who signs in to call it: professionals (ID tokens, the default), partners (their machine
   * clients' access tokens with the `signals/write` scope), or both. A partner's token on any
   * other route is 403 (api.md 1.1).
   */
  callers?: 'professionals' | 'partners' | 'both' | 'residents';
  /** The purpose of processing written to the processing log for this route. */
  purpose?: string;
  /** The entry of the register of processing activities the route's processing belongs to (every route on personal data names one). */
  processingActivity?: ProcessingActivityId;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Request headers the route reads, for the OpenAPI document. */
  headers?: z.ZodMiniObject;
  /** The answer's schema is not here but in the function's answers.ts (AnswersOf): only the OpenAPI document reads it. */
  success: { status: number; description: string; headers?: Record<string, string> };
  /** A route answering 304 to If-None-Match: what that means (the answer has the success's ETag, no body). */
  notModified?: string;
  /** The problem types the route can answer besides the ones every route can. */
  errors: ProblemCode[];
}

export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

/** The API's full semantic version, sent as the `API-Version` header (NL API Design Rules). */
export const API_VERSION = '1.2.0';
export const BASE_PATH = '/v1';

/** `GET /v1/intakes/{id}`: the route key as API Gateway names it. */
export const routeKeyOf = (route: Pick<RouteContract, 'method' | 'path'>) => `${route.method} ${BASE_PATH}${route.path}`;

/**
 * Each route's answer schema by its operationId (null: an answer without a body), for the
 * OpenAPI document alone. A function validates what it is sent, never what it answers, so the
 * answers live apart from the contracts (each function's answers.ts), and no function's bundle
 * builds them: building them was the larger part of a cold start (docs/performance.md).
 */
export type AnswersOf<R extends RouteContract> = { [K in R['operationId']]: z.ZodMiniType | null };
