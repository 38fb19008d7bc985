import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RosterEntry, RosterStore } from '../use-cases/ports.ts';
import { batchPut, entityOf, queryAll } from './client.ts';
import { ROSTER_PREFIX, rosterKey, rosterPartition } from './keys.ts';

export function dynamoRosterStore(db: DynamoDBDocumentClient, table: string): RosterStore {
  return {
    async record(principal, now) {
      const items = principal.teams.map((teamId) => {
        const entry: RosterEntry = { teamId, userId: principal.userId, roles: principal.roles, lastSeenAt: now };
        if (principal.name) entry.name = principal.name;
        return { ...rosterKey(teamId, principal.userId), type: 'roster', ...entry };
      });
      await batchPut(db, table, items);
    },

    async listTeam(teamId) {
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': rosterPartition(teamId), ':member': ROSTER_PREFIX },
      });
      return items.map((item) => entityOf<RosterEntry>(item) as RosterEntry);
    },
  };
}
