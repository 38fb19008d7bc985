import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notifications.ts';
import type { NotificationStore } from '../use-cases/ports.ts';
import { batchGet, queryAll, queryPage, transactWrite } from './client.ts';
import { isNotificationSortKey, NOTIFICATION_PREFIX, notificationKey, notificationPartition, notificationStateKey } from './keys.ts';
import { parseNotification, parseNotificationState } from './records/notification.ts';

/** A transaction holds at most 100 items: the state's update and 99 notifications marked read. */
const MARK_CHUNK = 99;

/** A person's notifications: the state a poll reads alone, the pages, and marking read (v1.2). */
export function dynamoNotificationStore(db: DynamoDBDocumentClient, table: string): NotificationStore {
  const markRead = async (userId: string, unread: Notification[]) => {
    for (let start = 0; start < unread.length; start += MARK_CHUNK) {
      const chunk = unread.slice(start, start + MARK_CHUNK);
      await transactWrite(
        db,
        [
          ...chunk.map((n) => ({
            Update: {
              TableName: table,
              Key: notificationKey(userId, n.id),
              UpdateExpression: 'SET #read = :true',
              // Read meanwhile (another tab): the transaction fails and is not counted twice.
              ConditionExpression: '#read = :false',
              ExpressionAttributeNames: { '#read': 'read' },
              ExpressionAttributeValues: { ':true': true, ':false': false },
            },
          })),
          {
            Update: {
              TableName: table,
              Key: notificationStateKey(userId),
              UpdateExpression: 'ADD version :one, unread :minus',
              ExpressionAttributeValues: { ':one': 1, ':minus': -chunk.length },
            },
          },
        ],
        'notification read meanwhile',
      );
    }
  };

  return {
    async state(userId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: notificationStateKey(userId), ConsistentRead: true }));
      return parseNotificationState(Item);
    },

    page(userId, limit, after, unreadOnly) {
      const pk = notificationPartition(userId);
      return queryPage(
        db,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(unreadOnly ? { FilterExpression: '#read = :false', ExpressionAttributeNames: { '#read': 'read' } } : {}),
          ExpressionAttributeValues: { ':pk': pk, ':prefix': NOTIFICATION_PREFIX, ...(unreadOnly ? { ':false': false } : {}) },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        },
        parseNotification,
      );
    },

    isPosition: isNotificationSortKey,

    async unread(userId, ids) {
      if (ids) {
        const items = await batchGet(
          db,
          table,
          ids.map((id) => notificationKey(userId, id)),
        );
        return items.flatMap((item) => parseNotification(item) ?? []).filter((n) => !n.read);
      }
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#read = :false',
        ExpressionAttributeNames: { '#read': 'read' },
        ExpressionAttributeValues: { ':pk': notificationPartition(userId), ':prefix': NOTIFICATION_PREFIX, ':false': false },
      });
      return items.flatMap((item) => parseNotification(item) ?? []);
    },

    markRead,

    async recount(userId, unread) {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: notificationStateKey(userId),
          UpdateExpression: 'SET unread = :unread ADD version :one',
          ExpressionAttributeValues: { ':unread': unread, ':one': 1 },
        }),
      );
    },
  };
}
