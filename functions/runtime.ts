import { Logger, LogLevel } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import type { CityRuntimeConfig } from '#shared/city.ts';
import { redactPersonalData } from '#shared/redaction.ts';
import type { BusinessMetrics } from '#shared/use-cases/ports.ts';
import { powertoolsBusinessMetrics } from './metrics.ts';

// zod/mini carries no messages of its own (a function loads only the library it uses): the
// invalidParams reasons (api.md 1.1) and every log line about a record are in English. Every
// function's runtime is made here, so every function has them.
z.config(english());

/**
 * What every function is given, whatever runs it: on Lambda, each function's index.ts builds it
 * with lambdaRuntime (functions/lambda.ts) from process.env; local mode builds one per function
 * from the environment the synthesized template gives it. A function's own configuration (city,
 * table, state machine, partner clients, log level) comes only from here, never from process.env,
 * so functions sharing one process (local mode) cannot mix configurations. What still reads
 * process.env is the same for every function of a process: the switch that turns business metrics
 * off (functions/metrics.ts, for tests and local runs) and the variables Powertools reads itself.
 */
export interface FunctionRuntime {
  city: CityRuntimeConfig;
  tableName: string;
  db: DynamoDBDocumentClient;
  logger: Logger;
  /** The doorbraak state machine, for the functions that start or resume it. */
  stateMachineArn?: string;
  metrics: BusinessMetrics;
  /** Each partner's machine client id → the partner (set on the signals function; locally a client id is the partner's own id). */
  partnerClients?: Record<string, string>;
  /** The time of a request or flow task; the system clock unless set (the demo city sets it back to make months of history). */
  clock?: () => Date;
}

/** The environment variables the stack sets on every function. */
export interface FunctionEnvironment {
  CITY_CONFIG: string;
  TABLE_NAME: string;
  LOOKUP_KEY_SECRET_ARN?: string;
  STATE_MACHINE_ARN?: string;
  /** On the brp function (v1.2): the city's Haal Centraal BRP endpoint and the secret holding its API key. */
  BRP_URL?: string;
  BRP_API_KEY_SECRET_ARN?: string;
  BRP_ORIGIN_OIN?: string;
  /** On the signals function: each partner's Cognito client id, as `<clientId>=<partnerId>` pairs joined by commas. */
  PARTNER_CLIENTS?: string;
  POWERTOOLS_METRICS_NAMESPACE?: string;
  POWERTOOLS_SERVICE_NAME?: string;
  POWERTOOLS_LOG_LEVEL?: string;
}

export function readEnvironment(env: Record<string, string | undefined>): FunctionEnvironment {
  const { CITY_CONFIG, TABLE_NAME } = env;
  if (!CITY_CONFIG || !TABLE_NAME) throw new Error('CITY_CONFIG and TABLE_NAME must be set');
  // The two required variables are checked above; every other variable is an optional string.
  const environment: FunctionEnvironment = { ...env, CITY_CONFIG, TABLE_NAME };
  return environment;
}

type LevelName = (typeof LogLevel)[keyof typeof LogLevel];
const LEVEL_NAMES: ReadonlySet<string> = new Set(Object.values(LogLevel));
const isLevelName = (name: string): name is LevelName => LEVEL_NAMES.has(name);

/** A level name in either case, as Powertools takes it; anything else leaves the level to Powertools (INFO unless its own variables say). */
function logLevelOf(name: string): LevelName | undefined {
  const upper = name.toUpperCase();
  return isLevelName(upper) ? upper : undefined;
}

export function createLogger(env: FunctionEnvironment, fn: string): Logger {
  return new Logger({
    serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'wijkteams',
    logLevel: logLevelOf(env.POWERTOOLS_LOG_LEVEL ?? 'INFO'),
    persistentKeys: { function: fn },
    jsonReplacerFn: redactPersonalData,
  });
}

export function runtimeFrom(env: FunctionEnvironment, db: DynamoDBDocumentClient, fn: string): FunctionRuntime {
  // Sound without a parse: the stack writes CITY_CONFIG (local mode reads it from the synthesized
  // template) with runtimeConfigOf (infra/cities.ts), from the typed city configuration that
  // test/infra/stack.test.ts synthesizes for every city; a schema of the whole configuration would
  // be parsed again at every cold start for nothing.
  const city = JSON.parse(env.CITY_CONFIG) as CityRuntimeConfig;
  return {
    city,
    tableName: env.TABLE_NAME,
    db,
    logger: createLogger(env, fn),
    metrics: powertoolsBusinessMetrics({
      namespace: env.POWERTOOLS_METRICS_NAMESPACE ?? 'Wijkteams',
      serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'wijkteams',
      city: city.cityId,
    }),
    ...(env.STATE_MACHINE_ARN ? { stateMachineArn: env.STATE_MACHINE_ARN } : {}),
    ...(env.PARTNER_CLIENTS ? { partnerClients: partnerClientsOf(env.PARTNER_CLIENTS) } : {}),
  };
}

/** `PARTNER_CLIENTS` as the stack writes it: `<clientId>=<partnerId>` pairs joined by commas (Cognito generates the client ids). */
export function partnerClientsOf(value: string): Record<string, string> {
  return Object.fromEntries(
    value.split(',').flatMap((pair) => {
      const [clientId, partnerId, ...rest] = pair.split('=');
      return clientId && partnerId && rest.length === 0 ? [[clientId, partnerId]] : [];
    }),
  );
}
