import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_METADATA_KEY } from '../constructs/names.ts';
import { PROJECT_ROOT } from '../project-root.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are whatever each resource type defines; local mode reads the few it needs
type Resource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> };
export type CfnTemplate = { Resources: Record<string, Resource> };

export interface LocalTable {
  logicalId: string;
  keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  globalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  }[];
  timeToLiveAttribute?: string;
}

export interface LocalFunction {
  logicalId: string;
  /** The folder under functions/. */
  name: string;
  /** Environment variables as the template sets them, with references still unresolved. */
  environment: Record<string, unknown>;
}

export interface LocalRoute {
  routeKey: string;
  method: string;
  path: string;
  authorization: 'JWT' | 'NONE';
  /** The scopes the route's authorizer requires (one of them); empty for none. */
  scopes: string[];
  function: LocalFunction;
}

export interface LocalStackDefinition {
  template: CfnTemplate;
  table: LocalTable;
  functions: LocalFunction[];
  routes: LocalRoute[];
  cors?: { allowOrigins: string[]; allowHeaders: string[]; allowMethods: string[]; exposeHeaders: string[]; maxAge?: number };
}

/** Synthesizes the city's stack in this process, without bundling, exactly as `cdk synth` builds it. */
export async function synthesizeCityTemplate(city: string): Promise<CfnTemplate> {
  // Loaded here, not at the top: with a cached template local mode never loads aws-cdk-lib.
  const [{ App }, { buildApp }] = await Promise.all([import('aws-cdk-lib'), import('../app.ts')]);
  const outdir = mkdtempSync(join(tmpdir(), 'wijkteams-synth-'));
  try {
    const app = new App({ outdir, context: { city, 'aws:cdk:bundling-stacks': [], 'wijkteams:local': 'true' } });
    const stack = buildApp(app);
    return app.synth().getStackByName(stack.stackName).template as CfnTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** What the template is made from: the infrastructure, the functions' contracts, the domain, and the pinned versions. */
const TEMPLATE_SOURCES = ['infra', 'functions', 'shared'];

function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of TEMPLATE_SOURCES) walk(join(PROJECT_ROOT, dir));
  for (const file of ['cdk.json', 'package-lock.json']) hash.update(readFileSync(join(PROJECT_ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The city's template, synthesized once per change of what it is made from and kept in
 * `.local/synth/` (synthesis with cdk-nag takes seconds; reading the sources' digest, milliseconds).
 */
export async function cityTemplate(city: string): Promise<CfnTemplate> {
  const dir = join(PROJECT_ROOT, '.local', 'synth');
  const file = join(dir, `${city}-${sourceDigest()}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CfnTemplate;
  const template = await synthesizeCityTemplate(city);
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((name) => name.startsWith(`${city}-`) && name.endsWith('.json') && join(dir, name) !== file))
    rmSync(join(dir, old), { force: true });
  // Written whole under another name, then renamed: a process starting beside this one reads all of it or nothing.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(template));
  renameSync(partial, file);
  return template;
}

const only = (template: CfnTemplate, type: string) => Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** Reads what local mode runs from the template: the table, the functions and the routes between them. */
export function readStackDefinition(template: CfnTemplate): LocalStackDefinition {
  const tables = only(template, 'AWS::DynamoDB::Table');
  if (tables.length !== 1) throw new Error(`expected one table in the template, found ${tables.length}`);
  const [tableId, tableResource] = tables[0] as [string, Resource];
  const tp = tableResource.Properties ?? {};
  const table: LocalTable = {
    logicalId: tableId,
    keySchema: tp.KeySchema,
    attributeDefinitions: tp.AttributeDefinitions,
    globalSecondaryIndexes: tp.GlobalSecondaryIndexes ?? [],
    timeToLiveAttribute: tp.TimeToLiveSpecification?.Enabled ? tp.TimeToLiveSpecification.AttributeName : undefined,
  };

  const functions = new Map<string, LocalFunction>();
  for (const [logicalId, resource] of only(template, 'AWS::Lambda::Function')) {
    const name = resource.Metadata?.[FUNCTION_METADATA_KEY];
    if (typeof name !== 'string') continue;
    functions.set(logicalId, { logicalId, name, environment: resource.Properties?.Environment?.Variables ?? {} });
  }

  const integrations = new Map(
    only(template, 'AWS::ApiGatewayV2::Integration').map(([id, resource]) => {
      const uri = resource.Properties?.IntegrationUri;
      const target = uri?.['Fn::GetAtt']?.[0] as string | undefined;
      return [id, target] as const;
    }),
  );

  const routes: LocalRoute[] = only(template, 'AWS::ApiGatewayV2::Route').map(([id, resource]) => {
    const props = resource.Properties ?? {};
    const routeKey = props.RouteKey as string;
    const [method = '', path = ''] = routeKey.split(' ');
    const integrationRef = props.Target?.['Fn::Join']?.[1]?.[1]?.Ref as string | undefined;
    const functionId = integrationRef ? integrations.get(integrationRef) : undefined;
    const fn = functionId ? functions.get(functionId) : undefined;
    if (!fn) throw new Error(`route ${id} (${routeKey}) has no function in the template`);
    const scopes = Array.isArray(props.AuthorizationScopes) ? (props.AuthorizationScopes as string[]) : [];
    return { routeKey, method, path, authorization: props.AuthorizationType === 'JWT' ? 'JWT' : 'NONE', scopes, function: fn };
  });

  const api = only(template, 'AWS::ApiGatewayV2::Api')[0]?.[1];
  const corsConfig = api?.Properties?.CorsConfiguration;
  const cors = corsConfig
    ? {
        allowOrigins: corsConfig.AllowOrigins ?? [],
        allowHeaders: corsConfig.AllowHeaders ?? [],
        allowMethods: corsConfig.AllowMethods ?? [],
        exposeHeaders: corsConfig.ExposeHeaders ?? [],
        maxAge: corsConfig.MaxAge,
      }
    : undefined;

  return { template, table, functions: [...functions.values()], routes, ...(cors ? { cors } : {}) };
}

/**
 * Resolves the references the functions' environments hold: the table's name becomes the
 * local table, a secret's ARN a local marker. Anything else unresolved is an error, so a new
 * reference in the stack cannot pass unnoticed in local mode.
 */
export function resolveEnvironment(fn: LocalFunction, resolve: Record<string, string>): Record<string, string> {
  const resolved = (name: string, value: unknown): string => {
    if (typeof value === 'string') return value;
    const ref = (value as { Ref?: string }).Ref;
    if (ref && resolve[ref] !== undefined) return resolve[ref];
    // A value built of references and text (the partners' client ids): each part resolved the same way.
    const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1]))
      return join[1].map((part) => resolved(name, part)).join(join[0]);
    throw new Error(`local mode cannot resolve ${name} of function ${fn.name}: ${JSON.stringify(value)}`);
  };
  return Object.fromEntries(Object.entries(fn.environment).map(([name, value]) => [name, resolved(name, value)]));
}

/** Locally a partner's machine client id is the partner's own id (what `npm run token -- --partner` signs): the stack's partner clients resolve to it. */
export function localPartnerClients(template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }) {
  return Object.fromEntries(
    Object.entries(template.Resources).flatMap(([logicalId, resource]) => {
      const name = resource.Type === 'AWS::Cognito::UserPoolClient' ? resource.Properties?.ClientName : undefined;
      return typeof name === 'string' && name.startsWith('partner-') ? [[logicalId, name.slice('partner-'.length)]] : [];
    }),
  );
}
