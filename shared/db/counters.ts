import type { CounterChange } from '../domain/figures.ts';
import { statsKey } from './keys.ts';

/** The counter updates of a change, as items of its transaction: ADD is commutative, so counters never contend. */
export function counterUpdates(table: string, changes: CounterChange[] = []) {
  return changes
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
