import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CityRuntimeConfig } from '#shared/city.ts';
import { redactPersonalData } from '#shared/redaction.ts';
import type { BusinessMetrics } from '#shared/use-cases/ports.ts';
import { powertoolsBusinessMetrics } from './metrics.ts';

/**
 * What every function is given, whatever runs it: Lambda builds it from its environment in
 * the function's index.ts, local mode from the synthesized template. Nothing reads
 * process.env below this point, so functions sharing one process cannot mix configurations.
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
  /** On the signals function: each partner's Cognito client id, as `<clientId>=<partnerId>` pairs joined by commas. */
  PARTNER_CLIENTS?: string;
  POWERTOOLS_METRICS_NAMESPACE?: string;
  POWERTOOLS_SERVICE_NAME?: string;
  POWERTOOLS_LOG_LEVEL?: string;
}

export function readEnvironment(env: Record<string, string | undefined>): FunctionEnvironment {
  const { CITY_CONFIG, TABLE_NAME } = env;
  if (!CITY_CONFIG || !TABLE_NAME) throw new Error('CITY_CONFIG and TABLE_NAME must be set');
  // The two required variables are checked above; the rest are optional strings, as the type says.
  return { ...env, CITY_CONFIG, TABLE_NAME } as FunctionEnvironment;
}

export function createLogger(env: FunctionEnvironment, fn: string): Logger {
  return new Logger({
    serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'wijkteams',
    // Powertools accepts any of its level names at run time; the stack and local mode set one of them.
    logLevel: (env.POWERTOOLS_LOG_LEVEL ?? 'INFO') as 'INFO',
    persistentKeys: { function: fn },
    jsonReplacerFn: redactPersonalData,
  });
}

export function runtimeFrom(env: FunctionEnvironment, db: DynamoDBDocumentClient, fn: string): FunctionRuntime {
  // Written by the stack (and local mode) from the typed city configuration.
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
