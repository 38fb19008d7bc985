import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { COUNTERS, type Counter } from '../domain/figures.ts';
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
      const result = new Map(teamIds.map((teamId) => [teamId, { counts: {} as Partial<Record<Counter, number>>, open: 0 }]));
      for (const item of items) {
        const row = result.get(String(item.teamId));
        if (!row) continue;
        if (item.type === 'open-households') row.open = Number(item.openHouseholds ?? 0);
        else for (const counter of COUNTERS) if (typeof item[counter] === 'number') row.counts[counter] = item[counter] as number;
      }
      return result;
    },
  };
}
