import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isOnTeam } from '../domain/access.ts';
import type { RosterEntry, RosterStore } from '../use-cases/ports.ts';
import { ConcurrentChange } from '../use-cases/races.ts';
import { batchWrite, queryAll, transactWrite } from './client.ts';
import { ROSTER_PREFIX, removedFromAttribute, rosterKey, rosterPartition, userRosterKey } from './keys.ts';
import { parseRosterEntry, rosterEntryItem } from './records/roster.ts';

/**
 * The roster follows the token. Each professional has one USER#…/ROSTER item with the teams
 * and roles last recorded; recording a sign-in updates it and reads back what it held in the
 * same request (ALL_OLD), so the teams no longer in the token are left in one more request.
 * A team leader's removal is remembered there, so that the same sign-in does not bring the
 * person back; a later sign-in does.
 */
export function dynamoRosterStore(db: DynamoDBDocumentClient, table: string): RosterStore {
  return {
    async record(principal, now) {
      const { Attributes: previous } = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: userRosterKey(principal.userId),
          UpdateExpression: `SET #type = :type, #teams = :teams, #roles = :roles, #lastSeenAt = :now${principal.name ? ', #name = :name' : ' REMOVE #name'}`,
          // Every attribute by name: ROLES and NAME are reserved words in DynamoDB expressions.
          ExpressionAttributeNames: { '#type': 'type', '#name': 'name', '#teams': 'teams', '#roles': 'roles', '#lastSeenAt': 'lastSeenAt' },
          ExpressionAttributeValues: {
            ':type': 'user-roster',
            ':teams': principal.teams,
            ':roles': principal.roles,
            ':now': now,
            ...(principal.name ? { ':name': principal.name } : {}),
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const signedInAt = principal.signedInAt ?? now;
      const removedSinceSignIn = (teamId: string) => {
        const removedAt = previous?.[removedFromAttribute(teamId)];
        return typeof removedAt === 'string' && removedAt >= signedInAt;
      };
      const previousTeams: string[] = Array.isArray(previous?.teams)
        ? previous.teams.filter((t): t is string => typeof t === 'string')
        : [];
      const puts = principal.teams
        .filter((teamId) => !removedSinceSignIn(teamId))
        .map((teamId) => {
          const entry: RosterEntry = { teamId, userId: principal.userId, roles: principal.roles, lastSeenAt: now };
          if (principal.name) entry.name = principal.name;
          return { PutRequest: { Item: rosterEntryItem(entry) } };
        });
      const deletes = previousTeams
        .filter((teamId) => !isOnTeam(principal, teamId))
        .map((teamId) => ({ DeleteRequest: { Key: rosterKey(teamId, principal.userId) } }));
      await batchWrite(db, table, [...puts, ...deletes]);
    },

    async listTeam(teamId) {
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': rosterPartition(teamId), ':member': ROSTER_PREFIX },
      });
      return items.flatMap((item) => parseRosterEntry(item) ?? []);
    },

    async remove(teamId, userId, now) {
      try {
        await transactWrite(
          db,
          [
            { Delete: { TableName: table, Key: rosterKey(teamId, userId), ConditionExpression: 'attribute_exists(pk)' } },
            {
              Update: {
                TableName: table,
                Key: userRosterKey(userId),
                UpdateExpression: 'SET #removed = :now, #type = :type',
                ExpressionAttributeNames: { '#removed': removedFromAttribute(teamId), '#type': 'type' },
                ExpressionAttributeValues: { ':now': now, ':type': 'user-roster' },
              },
            },
          ],
          'not on the roster',
        );
        return true;
      } catch (error) {
        // The only condition is that the entry exists: they were not on the roster.
        if (error instanceof ConcurrentChange) return false;
        throw error;
      }
    },

    async isOnRoster(teamId, userId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: rosterKey(teamId, userId), ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },
  };
}
