import * as z from 'zod/mini';
import { NOTIFICATION_KINDS, type Notification, notificationExpiry } from '../../domain/notifications.ts';
import { notificationKey, notificationStateKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/** A notification (v1.2): `NOTE#<userId>` / `N#<id>`, expiring after 90 days. */
export const NOTIFICATION = 'notification';

export const NotificationRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    userId: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    at: z.string(),
    read: z.boolean(),
    title: z.string(),
    householdId: z.optional(z.string()),
    escalationId: z.optional(z.string()),
    signalId: z.optional(z.string()),
    intakeId: z.optional(z.string()),
    grantId: z.optional(z.string()),
  }),
);

export const parseNotification = (item: Record<string, unknown> | undefined): Notification | undefined =>
  parseRecord(NOTIFICATION, NotificationRecord, item);

/** A person's notification state: `NOTE#<userId>` / `STATE`. */
export const NOTIFICATION_STATE = 'notification-state';

export const NotificationStateRecord = z.lazy(() =>
  z.looseObject({
    version: z._default(z.int(), 0),
    unread: z._default(z.int(), 0),
  }),
);

export const parseNotificationState = (item: Record<string, unknown> | undefined) =>
  parseRecord(NOTIFICATION_STATE, NotificationStateRecord, item) ?? { version: 0, unread: 0 };

/**
 * The items a change puts in its own transaction for its notifications: each notification, and
 * per person one update of their state (one operation per item: a transaction may not touch an
 * item twice), raising its version and its unread count.
 */
export function notificationWrites(table: string, notifications: readonly Notification[]) {
  const perPerson = new Map<string, number>();
  for (const n of notifications) perPerson.set(n.userId, (perPerson.get(n.userId) ?? 0) + 1);
  return [
    ...notifications.map((n) => ({
      Put: {
        TableName: table,
        Item: { ...notificationKey(n.userId, n.id), type: NOTIFICATION, ...n, expiresAt: notificationExpiry(n.at) },
      },
    })),
    ...[...perPerson].map(([userId, count]) => ({
      Update: {
        TableName: table,
        Key: notificationStateKey(userId),
        UpdateExpression: 'SET #type = :type ADD version :count, unread :count',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': NOTIFICATION_STATE, ':count': count },
      },
    })),
  ];
}
