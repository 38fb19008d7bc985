import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Counts, isCounterName } from '../domain/figures.ts';
import type { FiguresStore } from '../use-cases/ports.ts';
import { batchGet } from './client.ts';
import { statsKey } from './keys.ts';

export function dynamoFiguresStore(db: DynamoDBDocumentClient, table: string): FiguresStore {
  return {
    async figures(month, teamIds) {
      const items = await batchGet(
        db,
        table,
        teamIds.flatMap((teamId) => [statsKey(teamId, month), statsKey(teamId)]),
      );
      const result = new Map<string, { counts: Counts; open: number }>(teamIds.map((teamId) => [teamId, { counts: {}, open: 0 }]));
      for (const item of items) {
        const row = result.get(String(item.teamId));
        if (!row) continue;
        if (item.type === 'open-households') row.open = Number(item.openHouseholds ?? 0);
        else
          for (const [name, value] of Object.entries(item)) if (isCounterName(name) && typeof value === 'number') row.counts[name] = value;
      }
      return result;
    },
  };
}
