import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { documentClient } from '#shared/db/client.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from '../../infra/local/dynamodb.ts';
import { type IdTokenClaims, localIdp } from '../../infra/local/idp.ts';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../infra/local/server.ts';
import type { LocalTable } from '../../infra/local/template.ts';
import { type AnswerValidator, contractValidator, countFileFor } from './contract.ts';

/** A new, empty table in the run's DynamoDB Local, created from the synthesized template. */
export async function freshTable() {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-${randomUUID()}`;
  const client = localDynamoClient(endpoint);
  await ensureTable(client, tableName, JSON.parse(inject('tableDefinition')) as LocalTable);
  client.destroy();
  const db = documentClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return { tableName, db, endpoint };
}

export interface TestApi {
  stack: LocalStack;
  url: (path: string) => string;
  token(claims: IdTokenClaims): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: every answer is validated against the served OpenAPI document here, so tests read its fields freely
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>;
}

/** The local stack on a free port, on a fresh table of the run's engine, with its own signing key. */
export async function startTestApi(city = 'enschede', options: Partial<LocalStackOptions> = {}): Promise<TestApi> {
  const idp = options.idp ?? (await localIdp(null));
  const stack = await startLocalStack({
    city,
    port: 0,
    dataDir: ':memory:',
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `test-${randomUUID()}`,
    idp,
    logLevel: 'SILENT',
    ...options,
  });
  const url = (path: string) => `${stack.url}/v1${path}`;
  let validator: AnswerValidator | undefined;
  const contract = async () => {
    if (!validator) {
      const served = await (await fetch(url('/openapi.json'))).json();
      validator = contractValidator(served as Parameters<typeof contractValidator>[0], countFileFor(inject('contractCountDir')));
    }
    return validator;
  };
  return {
    stack,
    url,
    token: (claims) => idp.sign(claims),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(url(path), { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const answer = { status: response.status, headers: response.headers, body: parsed, text };
      // Every answer, errors included, against the document this server serves.
      (await contract()).check(method, path, answer);
      return answer;
    },
  };
}

/** A random BSN that passes the 11-proef, so that test households do not link to each other by accident. */
export function randomBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const check = digits.reduce((sum, digit, i) => sum + digit * (9 - i), 0) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}
