import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { HttpEvent } from '#functions/http/pipeline.ts';
import { readEnvironment, runtimeFrom } from '#functions/runtime.ts';
import { backfillDailyWork } from '#shared/db/backfill.ts';
import { documentClient } from '#shared/db/client.ts';
import { haalCentraalBrp } from '../../shared/brp/haal-centraal.ts';
import { cityConfig, runtimeConfigOf } from '../cities.ts';
import { FLOW_STATES } from '../constructs/names.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { type BrpStandIn, startBrpStandIn } from './brp-stand-in.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION, type LocalDynamo, startDynamoDbLocal } from './dynamodb.ts';
import { claimsAsApiGatewayPassesThem, type LocalIdp, localIdp } from './idp.ts';
import { readPayload } from './request-body.ts';
import { resumeWaitingFlows } from './resume-flows.ts';
import { type LocalStepFunctions, readStateMachine, startLocalStepFunctions } from './step-functions.ts';
import {
  cityTemplate,
  type LocalRoute,
  type LocalStackDefinition,
  localPartnerClients,
  readStackDefinition,
  resolveEnvironment,
} from './template.ts';
import { type DemoResident, webHandler } from './web.ts';

export interface LocalStackOptions {
  city?: string;
  port?: number;
  host?: string;
  /** Where DynamoDB Local keeps its files and the look-up key lives; `:memory:` keeps nothing. */
  dataDir?: string;
  /** An engine the caller started already (on `dataDir`), owned by the stack from then on: `npm start` starts it, for a quick start, before loading anything else. */
  dynamo?: Promise<LocalDynamo>;
  /** Use a DynamoDB engine that is already running (tests share one per run) instead of starting one. */
  dynamoEndpoint?: string;
  tableName?: string;
  idp?: LocalIdp;
  /** Powertools log level of the functions (INFO as deployed; tests quieten it). */
  logLevel?: string;
  /** The functions' clock (default the system's): the demo city sets it back to make months of history. */
  clock?: () => Date;
  /** Time in the doorbraak flow, shortened for demos and tests; the definition is otherwise the deployed one. */
  flow?: {
    /** Seconds before an undecided escalation is overdue (deployed: the city's decision SLA). */
    decisionSlaSeconds?: number;
    /** Seconds between approval and the evaluation (deployed: until evaluateAt). Default 0 locally. */
    evaluationWaitSeconds?: number;
    /** Milliseconds between retries of a failed task (deployed: 2 s, doubling). */
    retryIntervalMs?: number;
  };
}

export interface LocalStack {
  /** `http://host:port`; the API lives under `/v1`. */
  url: string;
  port: number;
  tableName: string;
  dynamoEndpoint: string;
  db: DynamoDBDocumentClient;
  definition: LocalStackDefinition;
  idp: LocalIdp;
  stepFunctions: LocalStepFunctions;
  /** The DynamoDB client of each function, by function name. */
  functionClients: Map<string, DynamoDBDocumentClient>;
  /** Each function's handler, by function name, for in-process measurements. */
  functionHandlers: Map<string, Invoke>;
  /** The BRP stand-in the brp function asks (v1.2): the demo city and tests register people at addresses in it. */
  brp: BrpStandIn;
  /** The demo households' adults the local sign-in offers residents (filled by the demo city). */
  demoResidents: DemoResident[];
  /** The Lambda context local mode hands to a function. */
  lambdaContext(functionName: string): Context;
  stop(): Promise<void>;
}

export type Invoke = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

/** The OIN local mode's requests to its BRP stand-in carry: no organisation's (all zeros). */
const LOCAL_OIN = '00000000000000000000';

/** API Gateway's own limit for an HTTP API payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

const gatewayAnswer = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ message }));
};

function lookupKey(dataDir: string | undefined): Uint8Array {
  if (!dataDir) return randomBytes(48);
  const file = resolve(dataDir, 'lookup-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

interface CompiledRoute {
  route: LocalRoute;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

function compileRoutes(routes: LocalRoute[]): CompiledRoute[] {
  return routes
    .map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          const param = /^\{(.+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1] ?? '');
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names, literalSegments: route.path.split('/').length - names.length };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
}

function joinHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return headers;
}

const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * Runs the city's stack on this machine: synthesizes it, creates its table in DynamoDB Local
 * from the template, and serves its routes with its functions over real HTTP, answering like
 * API Gateway does (JWT authorizer, CORS, 404 for unknown routes, 500 for a crashed function).
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const city = options.city ?? 'enschede';
  const dataDir = options.dataDir === ':memory:' ? undefined : resolve(options.dataDir ?? '.data');
  const tableName = options.tableName ?? `wijkteams-${city}`;
  // The Java engine takes longest to start: it starts first, and the rest happens meanwhile.
  const dynamoStarting = options.dynamoEndpoint ? undefined : (options.dynamo ?? startDynamoDbLocal(dataDir ? { dataDir } : {}));
  const definitionRead = cityTemplate(city).then(readStackDefinition);
  // The city's BRP, its stand-in (v1.2): a small HTTP server, started beside the engine, off its critical path.
  const brpStarting = startBrpStandIn();
  const preparing = Promise.all([
    definitionRead,
    options.idp ?? localIdp(),
    brpStarting,
    // Each function's module, imported side by side while the engine starts.
    definitionRead.then((read) =>
      Promise.all(
        read.functions.map(
          async (fn) =>
            [
              fn.name,
              (await import(`${PROJECT_ROOT}functions/${fn.name}/handler.ts`)) as { createHandler: (deps: unknown) => Invoke },
            ] as const,
        ),
      ),
    ),
    dynamoStarting,
  ] as const);
  let prepared: Awaited<typeof preparing>;
  try {
    prepared = await preparing;
  } catch (error) {
    // Whatever fails while starting, the engine this call started does not outlive it.
    await dynamoStarting?.then((started) => started.stop()).catch(() => undefined);
    await brpStarting.then((started) => started.stop()).catch(() => undefined);
    throw error;
  }
  const [definition, idp, brp, imported, dynamo] = prepared;
  const modules = new Map(imported);
  const dynamoEndpoint = options.dynamoEndpoint ?? dynamo?.endpoint ?? '';
  const db = documentClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  let stepFunctionsStarted: LocalStepFunctions | undefined;
  try {
    const partnerIds = new Set(cityConfig(city).partners.map((partner) => partner.id));
    const addedIndexes = await ensureTable(db as never, tableName, definition.table);
    // A table kept from 1.0 gets the name index and the work list 1.1 keeps (idempotent).
    if (addedIndexes.length > 0) await backfillDailyWork(db, tableName, runtimeConfigOf(cityConfig(city)), new Date().toISOString());

    const key = lookupKey(dataDir);
    const handlers = new Map<string, Invoke>();
    const functionClients = new Map<string, DynamoDBDocumentClient>();
    const functionHandlers = new Map<string, Invoke>();
    const lambdaContext = (name: string, deadline: number) =>
      ({
        functionName: `wijkteams-${city}-${name}`,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:wijkteams-${city}-${name}`,
        memoryLimitInMB: '1024',
        awsRequestId: randomUUID(),
        logGroupName: `/aws/lambda/wijkteams-${city}-${name}`,
        logStreamName: 'local',
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done: () => {},
        fail: () => {},
        succeed: () => {},
      }) as Context;

    const machine = readStateMachine(definition.template);
    const functionNames = new Map(definition.functions.map((fn) => [fn.logicalId, fn.name]));
    const stepFunctions = await startLocalStepFunctions({
      machine,
      invoke: async (logicalId, payload) => {
        const invoke = handlers.get(logicalId);
        if (!invoke) throw new Error(`no local function ${logicalId}`);
        return invoke(payload as never, lambdaContext(functionNames.get(logicalId) ?? logicalId, Date.now() + 10_000));
      },
      stateTimeoutSeconds:
        options.flow?.decisionSlaSeconds !== undefined ? { [FLOW_STATES.awaitDecision]: options.flow.decisionSlaSeconds } : {},
      waitTimeOverrides: { [FLOW_STATES.waitForEvaluation]: (options.flow?.evaluationWaitSeconds ?? 0) * 1000 },
      ...(options.flow?.retryIntervalMs !== undefined ? { retryIntervalMs: options.flow.retryIntervalMs } : {}),
    });
    stepFunctionsStarted = stepFunctions;
    const sfn = new SFNClient({ endpoint: stepFunctions.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

    for (const fn of definition.functions) {
      const env = resolveEnvironment(fn, {
        [definition.table.logicalId]: tableName,
        [machine.logicalId]: machine.arn,
        ...localPartnerClients(definition.template),
        ...Object.fromEntries(
          Object.entries(definition.template.Resources)
            .filter(([, resource]) => resource.Type === 'AWS::SecretsManager::Secret')
            .map(([id]) => [id, `local:${id}`]),
        ),
      });
      if (options.logLevel) env.POWERTOOLS_LOG_LEVEL = options.logLevel;
      const module = modules.get(fn.name);
      if (!module) throw new Error(`no local function ${fn.name}`);
      // Each function its own client, as each Lambda function has.
      const client = documentClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
      functionClients.set(fn.name, client);
      const handler = module.createHandler({
        ...runtimeFrom(readEnvironment(env), client, fn.name),
        lookupKey: async () => key,
        sfn: async () => sfn,
        brp: async () => haalCentraalBrp({ url: brp.url, apiKey: async () => brp.apiKey, originOin: LOCAL_OIN }),
        ...(options.clock ? { clock: options.clock } : {}),
      });
      handlers.set(fn.logicalId, handler);
      functionHandlers.set(fn.name, handler);
    }

    await resumeWaitingFlows(db, tableName, stepFunctions);

    const routes = compileRoutes(definition.routes);
    const cors = definition.cors;

    const corsHeaders = (origin: string | undefined): Record<string, string> => {
      if (!cors || !origin || !(cors.allowOrigins.includes(origin) || cors.allowOrigins.includes('*'))) return {};
      return {
        'access-control-allow-origin': origin,
        ...(cors.exposeHeaders.length > 0 ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') } : {}),
        vary: 'origin',
      };
    };

    const demoResidents: DemoResident[] = [];
    const web = webHandler({ city, idp, residents: demoResidents });
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
      const started = new Date();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const headers = joinHeaders(req);
      const method = (req.method ?? 'GET').toUpperCase();

      // The web client lives beside the API, on the same origin.
      if (url.pathname !== '/v1' && !url.pathname.startsWith('/v1/')) return web(req, res, url.pathname);

      if (method === 'OPTIONS' && cors && headers.origin && headers['access-control-request-method']) {
        const allowed = corsHeaders(headers.origin);
        if (!allowed['access-control-allow-origin']) return gatewayAnswer(res, 404, 'Not Found');
        res.writeHead(204, {
          ...allowed,
          'access-control-allow-methods': cors.allowMethods.join(','),
          'access-control-allow-headers': cors.allowHeaders.join(','),
          ...(cors.maxAge !== undefined ? { 'access-control-max-age': String(cors.maxAge) } : {}),
        });
        return res.end();
      }

      let match: { route: LocalRoute; params: Record<string, string> } | undefined;
      for (const compiled of routes) {
        if (compiled.route.method !== method) continue;
        const found = compiled.pattern.exec(url.pathname);
        if (found) {
          match = {
            route: compiled.route,
            params: Object.fromEntries(compiled.names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')])),
          };
          break;
        }
      }
      if (!match) return gatewayAnswer(res, 404, 'Not Found', corsHeaders(headers.origin));

      let claims: Record<string, string> | undefined;
      if (match.route.authorization === 'JWT') {
        const token = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
        const verified = token ? await idp.verify(token) : undefined;
        // The authorizer's audience: the web client, and each partner's machine client (locally its client id is the partner's id).
        const payload = verified?.token_use === 'access' && !partnerIds.has(String(verified.client_id)) ? undefined : verified;
        if (!payload) return gatewayAnswer(res, 401, 'Unauthorized', { 'www-authenticate': 'Bearer', ...corsHeaders(headers.origin) });
        // A route that requires scopes (the partners' POST /signals) takes only a token holding one of them, as the gateway does.
        const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
        if (match.route.scopes.length > 0 && !match.route.scopes.some((scope) => scopes.includes(scope)))
          return gatewayAnswer(res, 403, 'Forbidden', corsHeaders(headers.origin));
        claims = claimsAsApiGatewayPassesThem(payload);
      }

      const payload = await readPayload(req, MAX_PAYLOAD_BYTES);
      if (payload === 'too_large') return gatewayAnswer(res, 413, 'Request Entity Too Large');

      const requestId = randomUUID();
      const traceId = `Root=1-${Math.floor(started.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
      const event: HttpEvent = {
        version: '2.0',
        routeKey: match.route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: { ...headers, 'x-amzn-trace-id': traceId },
        ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
        ...(Object.keys(match.params).length > 0 ? { pathParameters: match.params } : {}),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'localhost',
          http: {
            method,
            path: url.pathname,
            protocol: `HTTP/${req.httpVersion}`,
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: match.route.routeKey,
          stage: '$default',
          time: started.toUTCString(),
          timeEpoch: started.getTime(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        } as HttpEvent['requestContext'],
        ...(payload.length > 0 ? { body: payload.toString('utf8') } : {}),
        isBase64Encoded: false,
      };
      const context = lambdaContext(match.route.function.name, Date.now() + 10_000);

      let result: APIGatewayProxyResultV2;
      try {
        const invoke = handlers.get(match.route.function.logicalId);
        if (!invoke) throw new Error(`no handler for ${match.route.function.name}`);
        result = await invoke(event, context);
      } catch (error) {
        console.error(`local: function ${match.route.function.name} crashed:`, (error as Error).name);
        return gatewayAnswer(res, 500, 'Internal Server Error', corsHeaders(headers.origin));
      }
      const response =
        typeof result === 'object' && result !== null && 'statusCode' in result
          ? result
          : { statusCode: 200, body: JSON.stringify(result) };
      // API Gateway drops headers without a value; Node's http would throw on them.
      const responseHeaders: Record<string, string> = { 'apigw-requestid': requestId, ...corsHeaders(headers.origin) };
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        if (value !== undefined && value !== null) responseHeaders[name] = String(value);
      }
      res.writeHead(response.statusCode ?? 200, responseHeaders);
      res.end(response.body === undefined ? undefined : response.isBase64Encoded ? Buffer.from(response.body, 'base64') : response.body);
    };

    const server: Server = createServer((req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) gatewayAnswer(res, 500, 'Internal Server Error');
        else res.end();
      });
    });
    server.keepAliveTimeout = 5_000;
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(options.port ?? 3000, host, () => listening());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);

    return {
      url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
      port,
      tableName,
      dynamoEndpoint,
      db,
      definition,
      idp,
      stepFunctions,
      functionClients,
      functionHandlers,
      demoResidents,
      brp,
      lambdaContext: (name) => lambdaContext(name, Date.now() + 10_000),
      async stop() {
        await stepFunctions.stop();
        await brp.stop().catch(() => undefined);
        sfn.destroy();
        for (const client of functionClients.values()) client.destroy();
        await new Promise<void>((closed) => {
          server.close(() => closed());
          server.closeAllConnections();
        });
        db.destroy();
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await stepFunctionsStarted?.stop().catch(() => undefined);
    await brp.stop().catch(() => undefined);
    db.destroy();
    await dynamo?.stop();
    throw error;
  }
}
