import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ConcurrentChange } from '../use-cases/races.ts';

export function documentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

type Item = Record<string, unknown>;

/** DynamoDB answers at most this many keys in one BatchGetItem. */
const MAX_BATCH_GET_KEYS = 100;

/** BatchGet against one table, 100 keys a request side by side, following UnprocessedKeys until every key is answered. */
export async function batchGet(db: DynamoDBDocumentClient, table: string, keys: Item[]): Promise<Item[]> {
  if (keys.length === 0) return [];
  if (keys.length > MAX_BATCH_GET_KEYS) {
    const chunks = Array.from({ length: Math.ceil(keys.length / MAX_BATCH_GET_KEYS) }, (_, i) =>
      keys.slice(i * MAX_BATCH_GET_KEYS, (i + 1) * MAX_BATCH_GET_KEYS),
    );
    return (await Promise.all(chunks.map((chunk) => batchGet(db, table, chunk)))).flat();
  }
  const found: Item[] = [];
  let request: BatchGetCommandInput['RequestItems'] = { [table]: { Keys: keys, ConsistentRead: true } };
  for (let round = 0; request && Object.keys(request).length > 0; round++) {
    if (round > 0) await backoff(round);
    const answer: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: request }));
    found.push(...(answer.Responses?.[table] ?? []));
    request = answer.UnprocessedKeys;
  }
  return found;
}

export async function batchPut(db: DynamoDBDocumentClient, table: string, items: Item[]): Promise<void> {
  await batchWrite(
    db,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** Puts and deletes, 25 to a request, with unprocessed items sent again after a backoff. */
export async function batchWrite(db: DynamoDBDocumentClient, table: string, requests: WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let request: BatchWriteCommandInput['RequestItems'] = { [table]: requests.slice(start, start + 25) };
    for (let round = 0; request && Object.keys(request).length > 0; round++) {
      if (round > 0) await backoff(round);
      const answer: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = answer.UnprocessedItems;
    }
  }
}

const backoff = (round: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));

/**
 * One TransactWriteItems call. A failed condition means another writer got there first:
 * it becomes ConcurrentChange, naming which part of the transaction lost.
 */
export async function transactWrite(
  db: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  what: string,
): Promise<void> {
  for (let round = 0; ; round++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const cancelled = TransactionCanceled.safeParse(error);
      if (!cancelled.success) throw error;
      const reasons = cancelled.data.CancellationReasons;
      if (reasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw new ConcurrentChange(what);
      // Another transaction held one of the items (the team's counters, a busy household): nothing was
      // written, and the same transaction, conditions and all, is sent again after a backoff.
      if (reasons?.some((r) => r.Code === 'TransactionConflict') && round < TRANSACTION_CONFLICT_RETRIES) {
        await backoff(round + 1);
        continue;
      }
      throw error;
    }
  }
}

/** A cancelled transaction as the SDK throws it (typed unknown): why each of its items failed, in order. */
const TransactionCanceled = z.lazy(() =>
  z.object({
    name: z.literal('TransactionCanceledException'),
    CancellationReasons: z.optional(z.array(z.object({ Code: z.optional(z.string()) }))),
  }),
);

/** On AWS, concurrent transactions on one item cancel each other (TransactionConflict); a few rounds settle it. */
const TRANSACTION_CONFLICT_RETRIES = 5;

/**
 * One page of a list: one Query, its items parsed as records, and the sort key the next page
 * starts after (what the list's cursor carries) when there is more.
 */
export async function queryPage<T>(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
  parse: (item: Item) => T | undefined,
  sortKeyName = 'sk',
): Promise<{ items: T[]; next?: string }> {
  const page = await db.send(new QueryCommand(input));
  const items = (page.Items ?? []).flatMap((item) => parse(item) ?? []);
  const next = page.LastEvaluatedKey?.[sortKeyName];
  return typeof next === 'string' ? { items, next } : { items };
}

/** Every item of a Query, following LastEvaluatedKey: for whole partitions that are small by design. */
export async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page: QueryCommandOutput = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
