import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type Principal, principalFromClaims } from '#shared/auth.ts';
import { dynamoBreakGlassStore } from '#shared/db/break-glass-store.ts';
import { grantsInForce, isOnTeam, requireAnyRole } from '#shared/domain/access.ts';
import {
  DomainError,
  forbidden,
  type InvalidParam,
  invalidInput,
  notFound,
  payloadTooLarge,
  toProblem,
  unauthenticated,
  unsupportedMediaType,
} from '#shared/errors.ts';
import { currentRegister, type ProcessingActivity, type ProcessingActivityId } from '#shared/processing-activities.ts';
import type { RequestContext } from '#shared/processing-log.ts';
import { registerOf } from '#shared/processing-register.ts';
import { traceContextOf, traceparentOf } from '#shared/trace-context.ts';
import type { GrantReachReader, RosterStore } from '#shared/use-cases/ports.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { API_VERSION, type RouteContract, routeKeyOf } from './contract.ts';

/** What a schema of the contract parses to; nothing where the contract declares none. */
type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** A route's input as its contract's schemas parsed it: typed from the contract, never cast. */
export interface RouteInput<C extends RouteContract = RouteContract> {
  params: Parsed<C['params']>;
  query: Parsed<C['query']>;
  body: Parsed<C['body']>;
  /** Every request header (lower-case), with the ones the contract declares parsed. */
  headers: Record<string, string | undefined> & Partial<Parsed<C['headers']>>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteImplementation<C extends RouteContract = RouteContract> {
  contract: C;
  // A method, so that an implementation for one contract serves where any route is expected.
  handle(input: RouteInput<C>, context: RequestContext, lambda?: Context): Promise<RouteResult>;
}

/** A route's implementation, its input typed from its contract. */
export const route = <const C extends RouteContract>(contract: C, handle: RouteImplementation<C>['handle']): RouteImplementation<C> => ({
  contract,
  handle,
});

/** The claims API Gateway's JWT authorizer verified, on the event it passes to the function. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

export interface HttpFunctionDeps {
  logger: Logger;
  /** The city's register of processing activities: each route's line names its entry and version. */
  register: readonly ProcessingActivity[];
  /** Records who signed in, so that team rosters can be listed; absent for functions without teams. */
  roster?: RosterStore;
  /**
   * Break-glass (v1.2 rule 17): the interventieteam, whose members' grants are read at each
   * request on a household's route, and where they are read from.
   */
  grants?: { interventieteamId: string; reader: GrantReachReader };
  now?: () => Date;
}

/** A story of 10,000 characters is at most 40 kB in UTF-8; anything far above that is not an honest request. */
export const MAX_BODY_BYTES = 256 * 1024;

const SECURITY_HEADERS = {
  'API-Version': API_VERSION,
  'Cache-Control': 'no-store',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/**
 * Zod's issues as invalidParams that never echo the request (api.md 1.1): a key the client made
 * up is reported on its parent without its name, and its message (which quotes the key) is
 * replaced. Every other message is zod's or ours and names only what the contract expects.
 */
function issuesToParams(issues: z.core.$ZodIssue[], prefix: string): InvalidParam[] {
  return issues.map((issue) => {
    const path = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
    const reason =
      issue.code === 'unrecognized_keys'
        ? 'holds a field the contract does not know'
        : issue.code === 'invalid_key'
          ? 'holds a key the contract does not allow'
          : issue.message;
    // An issue on the body itself (an unknown top-level field, a body that is not an object) is named `body`.
    const name = [prefix, ...path.map(String)].filter(Boolean).join('.') || 'body';
    return { name, code: issue.code, reason };
  });
}

function validate<S extends z.ZodMiniType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw invalidInput(`The request ${where} is not valid.`, issuesToParams(parsed.error.issues, where === 'body' ? '' : where));
  return parsed.data;
}

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers']): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

function readBody(event: HttpEvent, headers: Record<string, string | undefined>): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw payloadTooLarge(`The body may be at most ${MAX_BODY_BYTES} bytes.`);
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json' && !mediaType?.endsWith('+json')) {
    throw unsupportedMediaType('The body must be application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput('The body is not well-formed JSON.', [{ name: 'body', code: 'malformed_json', reason: 'not parseable as JSON' }]);
  }
}

function parseRequest(contract: RouteContract, event: HttpEvent): RouteInput {
  const headers = lowerCaseHeaders(event.headers);
  const body = contract.body ? readBody(event, headers) : undefined;
  if (contract.headers) validate(contract.headers, headers, 'header');
  return {
    params: contract.params ? validate(contract.params, event.pathParameters ?? {}, 'path') : {},
    query: contract.query ? validate(contract.query, event.queryStringParameters ?? {}, 'query') : {},
    body: contract.body ? validate(contract.body, body, 'body') : undefined,
    headers,
  };
}

function respond(result: RouteResult): APIGatewayProxyResultV2 {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...result.headers };
  if (result.body === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(result.body),
  };
}

/** Name and stack only: messages of our own errors never hold personal data, and nothing from the request is logged. */
const errorFields = (error: unknown) =>
  error instanceof Error ? { errorName: error.name, stack: error.stack } : { errorName: typeof error, stack: undefined };

export function errorResponse(error: unknown, instance: string): APIGatewayProxyResultV2 {
  if (error instanceof DomainError && error.code === 'unauthenticated') {
    // Its status from errors.ts; its body the exact answer of API Gateway's JWT authorizer, so clients see one behaviour.
    return {
      statusCode: error.status,
      headers: { 'Content-Type': 'application/json', 'www-authenticate': 'Bearer', ...SECURITY_HEADERS },
      body: JSON.stringify({ message: 'Unauthorized' }),
    };
  }
  const problem = toProblem(error, instance);
  return {
    statusCode: problem.status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/problem+json', ...(problem.status === 503 ? { 'Retry-After': '1' } : {}) },
    body: JSON.stringify(problem),
  };
}

function principalOf(event: HttpEvent): Principal {
  const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims ?? {});
  if (!principal) throw unauthenticated();
  return principal;
}

/**
 * What every HTTP function hands its pipeline: its logger, its city's register of processing
 * activities, the runtime's clock when it sets one (else the pipeline takes the system clock), and
 * the roster store for the functions that keep team rosters current (all but service, whose one
 * signed-in route reads only the register).
 */
export const pipelineDeps = (
  runtime: Pick<FunctionRuntime, 'logger' | 'city' | 'clock'> & Partial<Pick<FunctionRuntime, 'db' | 'tableName'>>,
  roster?: RosterStore,
): HttpFunctionDeps => {
  const interventieteam = runtime.city.teams.find((team) => team.kind === 'interventieteam');
  return {
    logger: runtime.logger,
    register: registerOf(runtime.city),
    ...(roster ? { roster } : {}),
    // Every function with the table: service (the one without) serves no household's route.
    ...(runtime.db && runtime.tableName && interventieteam
      ? { grants: { interventieteamId: interventieteam.id, reader: dynamoBreakGlassStore(runtime.db, runtime.tableName) } }
      : {}),
    ...(runtime.clock ? { now: runtime.clock } : {}),
  };
};

/** The routes a break-glass grant can reach: a household's own (`/households/{id}…`). */
const reachesHousehold = (contract: RouteContract) => contract.path.startsWith('/households/{id}');

/**
 * One Lambda function serving several routes: it finds the route by API Gateway's route key,
 * checks the caller's roles, validates the request against the route's schemas and turns
 * every error into its answer (problem+json; a 401 as the JWT authorizer gives it). Use cases
 * see plain values and a RequestContext.
 */
export function httpFunction(deps: HttpFunctionDeps, routes: RouteImplementation[]) {
  const byRouteKey = new Map(routes.map((route) => [routeKeyOf(route.contract), route]));
  // The register as it stands, once per instance rather than once per request.
  const versions = new Map(currentRegister(deps.register).map((activity) => [activity.id, activity.version]));
  const activityVersion = (id: ProcessingActivityId) => {
    const version = versions.get(id);
    if (version === undefined) throw new Error(`the register of processing activities has no entry ${id}`);
    return { id, version };
  };
  const now = deps.now ?? (() => new Date());
  const { logger } = deps;
  // What this instance last wrote to the roster per professional. A call writes again when its
  // token says anything else (teams, roles, name: at once), or when lastSeenAt is older than the
  // refresh period; so a busy professional costs one roster write per period, not one per call.
  const rosterRecorded = new Map<string, { fingerprint: string; at: number }>();
  const ROSTER_REFRESH_MS = 5 * 60 * 1000;

  const recordRoster = async (principal: Principal, at: Date) => {
    if (!deps.roster) return;
    const fingerprint = JSON.stringify([principal.name, principal.roles, principal.teams, principal.signedInAt]);
    const last = rosterRecorded.get(principal.userId);
    if (last?.fingerprint === fingerprint && at.getTime() - last.at < ROSTER_REFRESH_MS) return;
    await deps.roster.record(principal, at.toISOString());
    rosterRecorded.set(principal.userId, { fingerprint, at: at.getTime() });
  };

  const serve = async (event: HttpEvent, lambda: Context): Promise<APIGatewayProxyResultV2> => {
    const started = performance.now();
    const route = byRouteKey.get(event.routeKey);
    const instance = event.rawPath ?? '';
    // Every log line of this request, and every processing-log line, carries its trace.
    const trace = traceContextOf(event.headers?.traceparent);
    logger.appendKeys({ traceId: trace.traceId, spanId: trace.spanId });
    let response: APIGatewayProxyResultV2;
    try {
      if (!route) throw notFound('Route');
      const at = now();
      const principal = route.contract.auth === 'jwt' ? principalOf(event) : undefined;
      const callers = route.contract.callers ?? 'professionals';
      // A resident reaches the resident's routes only, and those are a resident's alone (v1.2 rule 18).
      if (principal?.residentBsn && callers !== 'residents') throw forbidden('This route is for professionals.');
      if (principal && !principal.residentBsn && callers === 'residents')
        throw forbidden('This route is for residents signed in with DigiD.');
      if (principal?.partnerId && callers === 'professionals')
        throw forbidden("A partner's client may only send and follow its own signals.");
      if (principal && !principal.partnerId && callers === 'partners') throw forbidden('This route is for partners’ machine clients.');
      if (principal && !principal.partnerId && route.contract.roles) requireAnyRole(principal, route.contract.roles);
      const input = parseRequest(route.contract, event);
      // An interventieteam member's grants in force, read afresh at every request on a household's
      // route (one GetItem), so that no reach outlives its grant; the access module decides with them.
      const grants =
        principal && deps.grants && reachesHousehold(route.contract) && isOnTeam(principal, deps.grants.interventieteamId)
          ? grantsInForce(await deps.grants.reader.reachOf(principal.userId), at.toISOString())
          : [];
      const context: RequestContext = {
        principal: principal ? (grants.length > 0 ? { ...principal, grants } : principal) : { userId: 'anonymous', roles: [], teams: [] },
        ...(grants.length > 0 && versions.has('break-glass') ? { breakGlassActivity: activityVersion('break-glass') } : {}),
        purpose: route.contract.purpose ?? route.contract.summary,
        traceId: trace.traceId,
        spanId: trace.spanId,
        ...(route.contract.processingActivity ? { processingActivity: activityVersion(route.contract.processingActivity) } : {}),
        now: at.toISOString(),
      };
      // The roster write runs beside the route and never fails it: a missed refresh is repaired by the next call.
      const roster =
        principal && !principal.partnerId && !principal.residentBsn
          ? recordRoster(principal, at).catch((error: Error) => logger.warn('roster not recorded', { errorName: error.name }))
          : undefined;
      try {
        response = respond(await route.handle(input, context, lambda));
      } finally {
        await roster;
      }
    } catch (error) {
      response = errorResponse(error, instance);
      const status = typeof response === 'object' ? response.statusCode : 500;
      if ((status ?? 500) >= 500) {
        const cause = error instanceof Error ? error.cause : undefined;
        const causes: unknown[] = cause instanceof AggregateError ? cause.errors : cause === undefined ? [] : [cause];
        logger.error('request failed', { ...errorFields(error), ...(causes.length > 0 ? { causes: causes.map(errorFields) } : {}) });
      } else if (!(error instanceof DomainError)) {
        logger.warn('request refused', { errorName: errorFields(error).errorName });
      }
    }
    if (typeof response === 'object') response.headers = { ...response.headers, traceparent: traceparentOf(trace) };
    const statusCode = typeof response === 'object' ? response.statusCode : 200;
    logger.info('request', {
      routeKey: event.routeKey,
      status: statusCode,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: event.requestContext.requestId,
    });
    return response;
  };

  return middy<HttpEvent, APIGatewayProxyResultV2>(serve).use(injectLambdaContext(logger, { resetKeys: true }));
}
