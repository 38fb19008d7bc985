import type { $ZodObject, $ZodType, JSONSchema } from 'zod/v4/core';
import { toJSONSchema } from 'zod/v4/core';
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

type Json = JSONSchema.BaseSchema;
type Responses = Record<number, Record<string, unknown>>;

/**
 * The JSON Schemas of the document, converted by Zod's own JSON Schema generator (draft 2020-12,
 * OpenAPI 3.1's dialect), which reads the mini schemas the functions validate with. A schema
 * with an `id` in its metadata becomes a component, referred to wherever it is used. Requests and
 * answers are described as a client writes them (Zod's input side: a field with a default may be
 * left out), so one component serves both.
 */
class Components {
  readonly schemas: Record<string, Json> = {};

  /** The schema, or a reference to its component; its own components gathered. */
  of(schema: $ZodType): Json {
    const {
      $schema: _,
      $defs,
      ...json
    } = toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', override: plainer }) as Json & {
      $defs?: Record<string, Json>;
    };
    for (const [id, found] of Object.entries($defs ?? {})) {
      const definition = relink(found) as Json;
      const known = this.schemas[id];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(definition)) throw new Error(`two schemas with the id ${id}`);
      if (id.startsWith('__schema')) throw new Error(`a schema refers to itself without an id: give it one (${id})`);
      this.schemas[id] = definition;
    }
    return relink(json) as Json;
  }

  /** One parameter per field of a route's path, query or header schema. */
  parameters(shape: $ZodObject | undefined, place: 'path' | 'query' | 'header') {
    if (!shape) return [];
    const object = this.of(shape) as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, schema]) => ({
      schema,
      required: place === 'path' || (object.required ?? []).includes(name),
      ...(schema.description ? { description: schema.description } : {}),
      name,
      in: place,
    }));
  }
}

/**
 * What Zod writes out that says nothing a client can use: the pattern it checks a `format` with
 * (the format says it), and the bounds of a safe integer. A record by the keys of an enum (the
 * scores by life domain) as the object it is: a property per key, so that the client's types name
 * them; all required unless the record is partial.
 */
const plainer = ({ zodSchema, jsonSchema }: { zodSchema: $ZodType; jsonSchema: Json }) => {
  // Only the format's own pattern: a pattern the contract adds to a format (a regex check) stays.
  const patterns = (zodSchema._zod.bag as { patterns?: Set<RegExp> } | undefined)?.patterns;
  if (jsonSchema.format !== undefined && (patterns?.size ?? 0) <= 1) delete jsonSchema.pattern;
  if (jsonSchema.const !== undefined) {
    // One value as an enum of one, as the NL API Design Rules' linter and the client's generator read it.
    jsonSchema.enum = [jsonSchema.const];
    delete jsonSchema.const;
  }
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  const def = zodSchema._zod.def;
  if (def.type === 'record') {
    const keys = (jsonSchema.propertyNames as Json | undefined)?.enum as string[] | undefined;
    const value = jsonSchema.additionalProperties;
    if (keys === undefined || typeof value !== 'object') return;
    delete jsonSchema.propertyNames;
    jsonSchema.properties = Object.fromEntries(keys.map((key) => [key, value]));
    // Every key required, as zod requires them, unless the record is partial or its value may be left out.
    const { partial, valueType } = def as { partial?: boolean; valueType?: $ZodType };
    if (!partial && valueType?._zod.optin !== 'optional') jsonSchema.required = keys;
    jsonSchema.additionalProperties = false;
  }
};

/** A reference into the schema's `$defs` as one into the components; a schema that refers to itself without an id has none to point to. */
const componentRef = (ref: string) => {
  if (!ref.startsWith('#/$defs/')) throw new Error(`a schema refers to ${ref}: give a schema that refers to itself an id`);
  return `#/components/schemas/${ref.slice('#/$defs/'.length)}`;
};

/**
 * Zod's references point into the schema's own `$defs`; in the document they point to its
 * components. A nullable value that is not a reference is one schema with `null` among its
 * types, so that its format and bounds sit where a reader (and the API Design Rules' linter)
 * looks for them.
 */
const relink = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  const { anyOf, ...rest } = value as { anyOf?: Json[] };
  const [branch, other] = anyOf ?? [];
  if (anyOf?.length === 2 && typeof branch?.type === 'string' && other?.type === 'null' && Object.keys(other).length === 1)
    return relink({ ...branch, ...rest, type: [branch.type, 'null'], ...(branch.enum ? { enum: [...branch.enum, null] } : {}) });
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? componentRef(inner) : relink(inner)]),
  );
};

/** The OpenAPI 3.1 document, generated from the same route contracts and schemas that validate requests. */
export function openApiDocument(routes: RouteContract[]) {
  const components = new Components();
  const problem = { 'application/problem+json': { schema: components.of(Problem) } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const errors = new Set(route.errors);
    // Every route that reads input can refuse it.
    if (route.body || route.params || route.query || route.method !== 'GET') errors.add('invalid_input');
    // Every signed-in route refuses a token it is not for: a partner's machine client on a professionals' route.
    if (route.auth === 'jwt') errors.add('forbidden');
    const answer = answers[route.operationId];
    if (answer === undefined) throw new Error(`no answer schema for ${route.operationId} in its function's answers.ts`);
    const responses: Responses = {
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
        ...(answer ? { content: { 'application/json': { schema: components.of(answer) } } } : {}),
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
      responses[status] = { description: title, headers: answerHeaders, content: problem };
    }
    if (route.callers === 'partners') {
      // The gateway itself refuses a token without the signals scope, with its own fixed body.
      responses[403] = {
        description:
          'Forbidden: a token without the `signals/write` scope (the JWT authorizer\'s fixed `{"message":"Forbidden"}`), or a client that is not one of the city\'s partners (problem details).',
        headers: gatewayHeaders,
        content: { 'application/json': { schema: components.of(GatewayForbidden) }, ...problem },
      };
    }
    responses[500] = { description: 'Internal server error', headers: gatewayHeaders, content: problem };
    const parameters = [
      ...components.parameters(route.params, 'path'),
      ...components.parameters(route.query, 'query'),
      // A precondition header whose absence is 428 is required, though the schema lets it through
      // so that the use case can answer 428 rather than a 400.
      ...components
        .parameters(route.headers, 'header')
        .map((parameter) =>
          parameter.name === 'if-match' && route.errors.includes('precondition_required') ? { ...parameter, required: true } : parameter,
        ),
    ];
    paths[route.path] = {
      ...paths[route.path],
      [OPENAPI_METHOD[route.method]]: {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: components.of(route.body) } } } } : {}),
        responses,
      },
    };
  }

  return {
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
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "An ID token of the city's Cognito user pool (professionals: roles from `cognito:groups`, teams from `custom:teams`, comma-separated), or a partner's access token of the client-credentials grant with the scope `signals/write` (the signal routes only).",
        },
      },
    },
  };
}
