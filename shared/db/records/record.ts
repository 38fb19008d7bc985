import * as z from 'zod/mini';

type Item = Record<string, unknown>;

/** A stored item that is not the record its type tag or its fields say: a bug or a hand edit, never the client's fault (500). */
export class CorruptRecord extends Error {
  constructor(kind: string, detail: string) {
    super(`stored ${kind} record is not valid: ${detail}`);
    this.name = 'CorruptRecord';
  }
}

/**
 * An item as the record it is: the type tag is checked, the table's own attributes (keys,
 * index keys, type tag, expiry, and `<kind>#<key>` bookkeeping such as member identities) are
 * left off, and the rest is parsed by the record's schema. Schemas are loose: a field the
 * schema does not name is kept, a field it names must be right. Each record's schema is a
 * `z.lazy`: built on the first parse of its kind, not at import (docs/data-model.md, the checklist).
 */
export function parseRecord<S extends z.ZodMiniType>(kind: string, schema: S, item: Item | undefined): z.output<S> | undefined {
  if (!item) return undefined;
  if (item.type !== kind) throw new CorruptRecord(kind, `type tag ${String(item.type)}`);
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, type, expiresAt, ...entity } = item;
  for (const name of Object.keys(entity)) if (name.includes('#')) delete entity[name];
  const parsed = schema.safeParse(entity);
  if (!parsed.success) throw new CorruptRecord(kind, parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  return parsed.data;
}

/** An item's table key, as a keys-only Query (ProjectionExpression `pk, sk`) returns it. */
export const ItemKey = z.object({ pk: z.string(), sk: z.string() });

/** Every item of the given kind among items of several (one BatchGet or one partition Query). */
export const recordsOf = <S extends z.ZodMiniType>(kind: string, schema: S, items: Item[]): z.output<S>[] =>
  items.filter((item) => item.type === kind).flatMap((item) => parseRecord(kind, schema, item) ?? []);

export const Money = z.object({ amount: z.number(), currency: z.literal('EUR') });
