import type { BrpPort } from '#shared/brp/haal-centraal.ts';
import { documentClient } from '#shared/db/client.ts';
import { onFirstUse } from './first-use.ts';
import type { LookupKeySource } from './lookup-key.ts';
import { type FunctionRuntime, readEnvironment, runtimeFrom } from './runtime.ts';

/** The runtime of a function deployed on Lambda: its environment and the default AWS clients. */
export function lambdaRuntime(fn: string): FunctionRuntime {
  return runtimeFrom(readEnvironment(process.env), documentClient(), fn);
}

/**
 * A secret's text from Secrets Manager. The client is loaded with the first request that needs
 * a secret: a function without one never loads it.
 */
async function secretString(arn: string, what: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!secret.SecretString) throw new Error(`the ${what} secret is empty`);
  return secret.SecretString;
}

/** The city's look-up key from Secrets Manager: read on the first request that needs it, then kept. */
export const lambdaLookupKey: LookupKeySource = onFirstUse(async () => {
  const arn = readEnvironment(process.env).LOOKUP_KEY_SECRET_ARN;
  if (!arn) throw new Error('LOOKUP_KEY_SECRET_ARN must be set');
  return Buffer.from(await secretString(arn, 'look-up key'), 'utf8');
});

/**
 * The city's BRP (v1.2): Haal Centraal at `BRP_URL`, its API key from Secrets Manager on the
 * first look-up; undefined when the city configures none (the route answers 503 `brp_unavailable`).
 */
export const lambdaBrp = onFirstUse(async (): Promise<BrpPort | undefined> => {
  const { BRP_URL, BRP_API_KEY_SECRET_ARN, BRP_ORIGIN_OIN } = readEnvironment(process.env);
  if (!BRP_URL || !BRP_API_KEY_SECRET_ARN) return undefined;
  const apiKey = onFirstUse(() => secretString(BRP_API_KEY_SECRET_ARN, 'BRP key'));
  // Loaded here, not at import: every function imports this module, and Haal Centraal's answer
  // schemas were some 2 ms of each one's cold start (docs/performance.md).
  const { haalCentraalBrp } = await import('#shared/brp/haal-centraal.ts');
  return haalCentraalBrp({ url: BRP_URL, apiKey, originOin: BRP_ORIGIN_OIN ?? '' });
});
