import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { problemStatuses } from '#shared/errors.ts';
import { answers } from './answers.ts';
import { GatewayForbidden, Problem } from './http/answer-schemas.ts';
import { API_VERSION, BASE_PATH, type Method, type RouteContract } from './http/contract.ts';

const versionHeader = {
  'API-Version': { description: 'The full semantic version of the API.', schema: { type: 'string' as const, example: API_VERSION } },
};

const traceparent = {
  description: "W3C Trace Context: the request's trace (the caller's, or a new one) with this request's span as parent.",
  schema: { type: 'string' as const, example: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
};

/** Each method as OpenAPI names it (a path item's key). */
const OPENAPI_METHOD = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' } as const satisfies Record<Method, string>;

/** Every answer of a function carries its trace; the gateway's own 401, and a crash's 500, cannot. */
const answerHeaders = { ...versionHeader, traceparent: { ...traceparent, required: true } };
const gatewayHeaders = { ...versionHeader, traceparent };

/** The OpenAPI 3.1 document, generated from the same route contracts and schemas that validate requests. */
export function openApiDocument(routes: RouteContract[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "An ID token of the city's Cognito user pool (professionals: roles from `cognito:groups`, teams from `custom:teams`, comma-separated), or a partner's access token of the client-credentials grant with the scope `signals/write` (the signal routes only).",
  });

  for (const route of routes) {
    const errors = new Set(route.errors);
    // Every route that reads input can refuse it.
    if (route.body || route.params || route.query || route.method !== 'GET') errors.add('invalid_input');
    // Every signed-in route refuses a token it is not for: a partner's machine client on a professionals' route.
    if (route.auth === 'jwt') errors.add('forbidden');
    const answer = answers[route.operationId];
    if (answer === undefined) throw new Error(`no answer schema for ${route.operationId} in its function's answers.ts`);
    const responses: RouteConfig['responses'] = {
      [route.success.status]: {
        description: route.success.description,
        headers: {
          ...answerHeaders,
          ...Object.fromEntries(
            // A header the route declares for its success is always sent.
            Object.entries(route.success.headers ?? {}).map(([name, description]) => [
              name,
              { description, required: true, schema: { type: 'string' as const } },
            ]),
          ),
        },
        ...(answer ? { content: { 'application/json': { schema: answer } } } : {}),
      },
    };
    if (route.notModified) {
      responses[304] = {
        description: route.notModified,
        headers: {
          ...answerHeaders,
          ETag: { description: 'The version of the answer you hold.', required: true, schema: { type: 'string' as const } },
        },
      };
    }
    if (route.auth === 'jwt') {
      responses[401] = {
        description: 'No valid token. The body is the JWT authorizer\'s fixed `{"message":"Unauthorized"}`.',
        headers: gatewayHeaders,
      };
    }
    for (const code of [...errors].sort()) {
      const { status, title } = problemStatuses[code];
      responses[status] = { description: title, headers: answerHeaders, content: { 'application/problem+json': { schema: Problem } } };
    }
    if (route.callers === 'partners') {
      // The gateway itself refuses a token without the signals scope, with its own fixed body.
      responses[403] = {
        description:
          'Forbidden: a token without the `signals/write` scope (the JWT authorizer\'s fixed `{"message":"Forbidden"}`), or a client that is not one of the city\'s partners (problem details).',
        headers: gatewayHeaders,
        content: {
          'application/json': { schema: GatewayForbidden },
          'application/problem+json': { schema: Problem },
        },
      };
    }
    responses[500] = {
      description: 'Internal server error',
      headers: gatewayHeaders,
      content: { 'application/problem+json': { schema: Problem } },
    };
    registry.registerPath({
      method: OPENAPI_METHOD[route.method],
      path: route.path,
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.headers ? { headers: route.headers } : {}),
        ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses,
    });
  }

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Wijkteams API',
      version: API_VERSION,
      description:
        'Case management for municipal social neighbourhood teams: intakes, households, one plan and one regisseur, and doorbraak escalations. ' +
        'Every operation accepts a W3C `traceparent` request header (its trace id is kept; an unreadable one is ignored and a new trace starts, never refused) ' +
        'and answers with `traceparent`: the trace that every log line and processing-log line of the request carries.',
      contact: { name: 'Wijkteams', email: 'wijkteams@example.org', url: 'https://github.com/wijkteams/wijkteams' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: BASE_PATH, description: "This city's API" }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
  });
  // A precondition header whose absence is 428 is required, though the schema lets it through
  // so that the use case can answer 428 rather than a 400.
  for (const route of routes) {
    if (!route.errors.includes('precondition_required')) continue;
    const operation = document.paths?.[route.path]?.[OPENAPI_METHOD[route.method]];
    for (const parameter of operation?.parameters ?? []) {
      if ('in' in parameter && parameter.in === 'header' && parameter.name === 'if-match') parameter.required = true;
    }
  }
  return document;
}
