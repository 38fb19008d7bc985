import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HttpEvent } from '#functions/http/pipeline.ts';

/** Percentile of a sample, in the sample's unit. */
export function percentile(sample: number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The same reads against a small and a large case, sampled in turn (a warm-up of 20 rounds first)
 * so that whatever else the machine does weighs on both: one row per read, its p50 at each size
 * and their ratio against the target of 1.2.
 */
export async function comparedAtSizes<K extends string>(options: {
  what: Record<K, string>;
  small: { size: number; runs: Record<K, () => Promise<unknown>> };
  large: { size: number; runs: Record<K, () => Promise<unknown>> };
  samples: number;
}) {
  const kinds = Object.keys(options.what) as K[];
  const cases = [options.small, options.large];
  for (let i = 0; i < 20; i++) for (const kind of kinds) for (const at of cases) await at.runs[kind]();
  const samples = cases.map(() => new Map<K, number[]>(kinds.map((kind) => [kind, []])));
  for (let i = 0; i < options.samples; i++)
    for (const kind of kinds) for (const [c, at] of cases.entries()) samples[c]?.get(kind)?.push(await time(at.runs[kind]));
  return kinds.map((kind) => {
    const [atSmall, atLarge] = samples.map((bySize) => percentile(bySize.get(kind) ?? [], 50)) as [number, number];
    return {
      what: options.what[kind],
      [`p50 ms at ${options.small.size}`]: round(atSmall),
      [`p50 ms at ${options.large.size}`]: round(atLarge),
      ratio: round(atLarge / atSmall),
      target: '≤ 1.2',
    };
  });
}

/** An API Gateway HTTP API event as the gateway hands it to a function after its JWT authorizer. */
export function apiEvent(
  routeKey: string,
  options: {
    path: string;
    claims: Record<string, string>;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  },
): HttpEvent {
  return {
    version: '2.0',
    routeKey,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: routeKey.split(' ')[0] ?? 'GET',
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: { jwt: { claims: options.claims, scopes: null } },
    } as HttpEvent['requestContext'],
  };
}

export interface Capacity {
  requests: string[];
  readUnits: number;
  writeUnits: number;
}

/**
 * Counts the requests a client makes and the capacity DynamoDB reports for them, by asking
 * every request to return its consumed capacity.
 */
export function meterClient(client: DynamoDBDocumentClient) {
  let current: Capacity = { requests: [], readUnits: 0, writeUnits: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      current.requests.push((context.commandName ?? '').replace(/Command$/, ''));
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const entry of (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
        CapacityUnits?: number;
        ReadCapacityUnits?: number;
        WriteCapacityUnits?: number;
      }[]) {
        if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
          current.readUnits += entry.ReadCapacityUnits ?? 0;
          current.writeUnits += entry.WriteCapacityUnits ?? 0;
        } else if (/^(Get|BatchGet|Query|Scan)/.test(context.commandName ?? '')) current.readUnits += entry.CapacityUnits ?? 0;
        else current.writeUnits += entry.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  return {
    reset() {
      current = { requests: [], readUnits: 0, writeUnits: 0 };
    },
    read: () => current,
  };
}
