import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';

type Item = Record<string, unknown>;

/** Where one partition's reading stands: not begun, the key to start after (an index's ExclusiveStartKey), or done. */
export type PartitionPosition = 'start' | 'done' | Record<string, string>;

export interface MergedPageQuery {
  table: string;
  indexName: string;
  /** The index's key attributes. */
  pk: string;
  sk: string;
  /** The table's key attributes plus the index's, which make up an index's ExclusiveStartKey. */
  keyAttributes: readonly string[];
  partitions: string[];
  limit: number;
  /** Only sort keys below this one (the work list's "overdue"). */
  sortKeyBelow?: string;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  after?: Record<string, PartitionPosition>;
}

/** Filtered Queries may return few items per request; this many requests per partition at most, then the page is what was found. */
const MAX_REQUESTS_PER_PARTITION = 4;

/**
 * One page over several partitions of an index, in sort-key order (ascending): a Query per
 * partition, side by side, merged. Each partition's position is the last of its items the page
 * shows (or where its reading stopped), so paging never skips or repeats an item.
 */
export async function mergedPage(
  db: DynamoDBDocumentClient,
  query: MergedPageQuery,
): Promise<{ items: Item[]; next?: Record<string, PartitionPosition> }> {
  const read = await Promise.all(
    query.partitions.map(async (partition): Promise<{ partition: string; items: Item[]; stoppedAt: Item | undefined }> => {
      const position = query.after?.[partition] ?? 'start';
      if (position === 'done') return { partition, items: [], stoppedAt: undefined };
      // A position past the key condition's bound has nothing after it (DynamoDB would refuse the start key).
      if (query.sortKeyBelow && position !== 'start' && (position[query.sk] ?? '') >= query.sortKeyBelow) {
        return { partition, items: [], stoppedAt: undefined };
      }
      let start: Item | undefined = position === 'start' ? undefined : position;
      const items: Item[] = [];
      let stoppedAt: Item | undefined;
      for (let request = 0; request < MAX_REQUESTS_PER_PARTITION && items.length < query.limit; request++) {
        const page: QueryCommandOutput = await db.send(
          new QueryCommand({
            TableName: query.table,
            IndexName: query.indexName,
            KeyConditionExpression: `#pk = :partition${query.sortKeyBelow ? ' AND #sk < :below' : ''}`,
            ...(query.filter ? { FilterExpression: query.filter.expression } : {}),
            ExpressionAttributeNames: { '#pk': query.pk, ...(query.sortKeyBelow ? { '#sk': query.sk } : {}), ...query.filter?.names },
            ExpressionAttributeValues: {
              ':partition': partition,
              ...(query.sortKeyBelow ? { ':below': query.sortKeyBelow } : {}),
              ...query.filter?.values,
            },
            Limit: query.limit,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...(page.Items ?? []));
        stoppedAt = page.LastEvaluatedKey;
        if (!stoppedAt) break;
        start = stoppedAt;
      }
      return { partition, items, stoppedAt };
    }),
  );
  const sortKey = (item: Item) => String(item[query.sk]);
  // DynamoDB's order (by code unit), never localeCompare, so the merge agrees with each partition's own order.
  const merged = read
    .flatMap((r) => r.items.map((item) => ({ partition: r.partition, item })))
    .sort((a, b) => (sortKey(a.item) < sortKey(b.item) ? -1 : sortKey(a.item) > sortKey(b.item) ? 1 : 0))
    .slice(0, query.limit);
  const next: Record<string, PartitionPosition> = {};
  let anyLeft = false;
  for (const r of read) {
    const shown = merged.filter((entry) => entry.partition === r.partition);
    const last = shown.at(-1)?.item;
    if (shown.length === r.items.length) {
      if (r.stoppedAt) {
        next[r.partition] = keyOf(r.stoppedAt, query.keyAttributes);
        anyLeft = true;
      } else next[r.partition] = 'done';
      continue;
    }
    anyLeft = true;
    // A partition none of whose items made this page keeps its place.
    next[r.partition] = last ? keyOf(last, query.keyAttributes) : (query.after?.[r.partition] ?? 'start');
  }
  const items = merged.map((entry) => entry.item);
  return anyLeft ? { items, next } : { items };
}

const keyOf = (item: Item, attributes: readonly string[]): Record<string, string> =>
  Object.fromEntries(attributes.map((name) => [name, String(item[name])]));

/**
 * Whether a decoded cursor holds a position for exactly these partitions, each a key inside
 * its own partition that `isKey` accepts: a made-up cursor is the client's mistake (400), never
 * a Query DynamoDB refuses.
 */
export function isMergedPosition(
  value: unknown,
  partitions: string[],
  query: Pick<MergedPageQuery, 'pk' | 'keyAttributes'>,
  isKey: (key: Record<string, string>) => boolean,
): value is Record<string, PartitionPosition> {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return (
    entries.length === partitions.length &&
    entries.every(([partition, position]) => {
      if (!partitions.includes(partition)) return false;
      if (position === 'done' || position === 'start') return true;
      return isKeyOf(position, query.keyAttributes) && position[query.pk] === partition && isKey(position);
    })
  );
}

/**
 * A position the use case already checked with the store's own guard (isMergedPosition over the
 * same partitions), checked again where its type is needed: one that fails is a made-up cursor (400).
 */
export function checkedPosition(
  value: Record<string, unknown> | undefined,
  partitions: string[],
  query: Pick<MergedPageQuery, 'pk' | 'keyAttributes'>,
  isKey: (key: Record<string, string>) => boolean,
): Record<string, PartitionPosition> | undefined {
  if (value === undefined) return undefined;
  if (!isMergedPosition(value, partitions, query, isKey)) throw invalidCursor();
  return value;
}

/** Whether a value is a key of exactly these attributes, each a string. */
function isKeyOf(value: unknown, attributes: readonly string[]): value is Record<string, string> {
  if (typeof value !== 'object' || value === null) return false;
  const fields = new Map(Object.entries(value));
  return fields.size === attributes.length && attributes.every((name) => typeof fields.get(name) === 'string');
}
