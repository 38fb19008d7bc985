import type { CounterChange } from '../domain/figures.ts';
import { statsKey } from './keys.ts';

/** The counter updates of a change, as items of its transaction: ADD is commutative, so counters never contend. */
export function counterUpdates(table: string, changes: CounterChange[] = []) {
  return mergedByItem(changes)
    .filter((change) => Object.keys(change.counts).length > 0)
    .map((change) => {
      const entries = Object.entries(change.counts);
      return {
        Update: {
          TableName: table,
          Key: statsKey(change.teamId, change.month),
          UpdateExpression: `SET teamId = :team, #type = :type ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
          ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])) },
          ExpressionAttributeValues: {
            ':team': change.teamId,
            ':type': change.month ? 'figures' : 'open-households',
            ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])),
          },
        },
      };
    });
}

/** One update per counter item: a transaction may not touch an item twice (a signal's outcome and the intake it registers count in one team's month). */
function mergedByItem(changes: CounterChange[]): CounterChange[] {
  const merged = new Map<string, CounterChange>();
  for (const change of changes) {
    const key = `${change.teamId}|${change.month ?? ''}`;
    const known = merged.get(key);
    if (!known) merged.set(key, { ...change, counts: { ...change.counts } });
    else {
      // Read and written by any name: the names added are those of another change's counts.
      const counts: Record<string, number | undefined> = known.counts;
      for (const [name, value] of Object.entries(change.counts)) counts[name] = (counts[name] ?? 0) + (value ?? 0);
    }
  }
  return [...merged.values()];
}
