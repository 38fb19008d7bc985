import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseHouseholdChildId } from '../ids.ts';
import type { BreakGlassStore } from '../use-cases/ports.ts';
import { batchGet, queryPage, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import {
  addressLookupKey,
  bsnLookupKey,
  grantKey,
  grantsPartition,
  householdKey,
  isGrantSortKey,
  reachGrantsKey,
  taskKey,
} from './keys.ts';
import {
  GRANT,
  grantItem,
  grantKeyOf,
  parseGrant,
  parseReachGrants,
  REACH_GRANTS,
  reachGrantAttribute,
  reachGrantOf,
} from './records/grant.ts';
import { HOUSEHOLD, parseHousehold } from './records/household.ts';
import { notificationWrites } from './records/notification.ts';
import { processingLogItem } from './records/processing-log.ts';
import { taskItem } from './records/task.ts';
import { GRANTS_BY_REVIEW_INDEX, GRANTS_INDEX } from './table-schema.ts';

/** Break-glass grants (v1.2 rule 17): the grant in its household's partition, its reach under the holder. */
export function dynamoBreakGlassStore(db: DynamoDBDocumentClient, table: string): BreakGlassStore {
  const households = dynamoHouseholdStore(db, table);
  return {
    getHousehold: (householdId) => households.getHousehold(householdId),
    appendProcessingLog: (lines) => households.appendProcessingLog(lines),

    async reachOf(userId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: reachGrantsKey(userId), ConsistentRead: true }));
      return parseReachGrants(Item);
    },

    async lookup(kind, hash) {
      const key = kind === 'bsn' ? bsnLookupKey(hash) : addressLookupKey(hash);
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
      return typeof Item?.householdId === 'string' ? Item.householdId : undefined;
    },

    async grant({ grant, household, expired, task, notifications, log, counters }) {
      const reach = reachGrantAttribute(grant.householdId);
      const dropped = expired.filter((old) => old.householdId !== grant.householdId);
      await transactWrite(
        db,
        [
          { Put: { TableName: table, Item: grantItem(grant), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: table,
              Key: reachGrantsKey(grant.holder.userId),
              UpdateExpression: `SET #type = :type, #reach = :reach${dropped.length > 0 ? ` REMOVE ${dropped.map((_, i) => `#old${i}`).join(', ')}` : ''}`,
              // One grant in force per person and household: a second at the same time loses here. One that
              // ended by a move (the household on another team now, or moved since) no longer counts.
              ConditionExpression: `attribute_not_exists(#reach) OR #reach.expiresAt <= :now OR #reach.teamId <> :team${household.movedAt ? ' OR #reach.grantedAt <= :moved' : ''}`,
              ExpressionAttributeNames: {
                '#type': 'type',
                '#reach': reach,
                ...Object.fromEntries(dropped.map((old, i) => [`#old${i}`, reachGrantAttribute(old.householdId)])),
              },
              ExpressionAttributeValues: {
                ':type': REACH_GRANTS,
                ':reach': reachGrantOf(grant),
                ':now': grant.grantedAt,
                ':team': household.teamId,
                ...(household.movedAt ? { ':moved': household.movedAt } : {}),
              },
            },
          },
          {
            // The household as found: still open, still with the team whose leaders hear of it.
            ConditionCheck: {
              TableName: table,
              Key: householdKey(household.id),
              ConditionExpression: '#status = :open AND teamId = :team',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open', ':team': household.teamId },
            },
          },
          { Put: { TableName: table, Item: taskItem(task) } },
          ...notificationWrites(table, notifications),
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...counterUpdates(table, counters),
        ],
        'grant in force or household changed',
      );
    },

    async read(householdId, key) {
      const items = await batchGet(db, table, [householdKey(householdId), grantKey(householdId, key)]);
      return {
        household: parseHousehold(items.find((item) => item.type === HOUSEHOLD)),
        grant: parseGrant(items.find((item) => item.type === GRANT)),
      };
    },

    async review({ grant, review, taskId, log, counters }) {
      const reviewed = { ...grant, review };
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: table,
              Key: grantKeyOf(grant),
              UpdateExpression: 'SET review = :review, gsi2pk = :reviewed',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(review)',
              ExpressionAttributeValues: { ':review': review, ':reviewed': grantItem(reviewed).gsi2pk },
            },
          },
          { Delete: { TableName: table, Key: taskKey(grant.householdId, taskId) } },
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...counterUpdates(table, counters),
        ],
        'grant reviewed',
      );
    },

    async list(teamId, reviewed, limit, after) {
      const all = reviewed === undefined;
      const [pkName, skName, indexName] = all ? ['gsi1pk', 'gsi1sk', GRANTS_INDEX] : ['gsi2pk', 'gsi2sk', GRANTS_BY_REVIEW_INDEX];
      const partition = grantsPartition(teamId, reviewed);
      const page = await queryPage(
        db,
        {
          TableName: table,
          IndexName: indexName,
          KeyConditionExpression: `${pkName} = :pk`,
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { [pkName]: partition, [skName]: after, ...positionKey(after) } } : {}),
        },
        (item) => parseGrant(item),
        skName,
      );
      return page;
    },

    isListPosition: isGrantSortKey,
  };
}

/** The table key of the grant a list's position names (an index's ExclusiveStartKey holds the table key too). */
function positionKey(sortKey: string) {
  const id = sortKey.slice(sortKey.lastIndexOf('#') + 1);
  const ids = parseHouseholdChildId(id);
  return ids ? grantKey(ids.householdId, ids.key) : {};
}
