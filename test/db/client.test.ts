import { describe, expect, it } from 'vitest';
import { batchGet, batchPut } from '#shared/db/client.ts';
import { freshTable } from '../setup/helpers.ts';

/** DynamoDB answers at most 100 keys in one BatchGetItem: a longer list is split, never refused. */
describe('batchGet on DynamoDB Local', () => {
  it('reads 250 keys, as many requests of at most 100 as it takes', async () => {
    const { db, tableName } = await freshTable();
    const items = Array.from({ length: 250 }, (_, i) => ({ pk: `K#${i}`, sk: 'ITEM', n: i }));
    await batchPut(db, tableName, items);
    const found = await batchGet(
      db,
      tableName,
      items.map(({ pk, sk }) => ({ pk, sk })),
    );
    expect(found.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(items.map((item) => item.n));
  });
});
