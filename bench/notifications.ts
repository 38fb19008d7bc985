import { BatchWriteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { notificationKey, notificationStateKey } from '#shared/db/keys.ts';
import { NOTIFICATION, NOTIFICATION_STATE } from '#shared/db/records/notification.ts';
import { NOTIFICATION_TITLES, notificationExpiry } from '#shared/domain/notifications.ts';
import { timeOrderedId } from '#shared/ids.ts';
import { apiEvent, comparedAtSizes } from './measure.ts';

/**
 * The notifications poll of a person holding 1,000 notifications against one holding 10: the
 * header asks once a minute, and an unchanged list is one GetItem of the person's state (304),
 * however many they hold; a changed one adds one Query of a page. Both must answer in the same
 * time (target ≤ 1.2×), sampled in turn.
 */
export async function measureNotifications(deps: {
  db: DynamoDBDocumentClient;
  table: string;
  invoke: (event: ReturnType<typeof apiEvent>) => Promise<unknown>;
  samples: number;
}) {
  const seed = async (userId: string, count: number) => {
    const now = Date.now();
    const items = Array.from({ length: count }, (_, i) => {
      const at = new Date(now - (i + 1) * 60_000).toISOString();
      const id = timeOrderedId(at);
      return {
        ...notificationKey(userId, id),
        type: NOTIFICATION,
        id,
        userId,
        kind: 'plan_changed',
        at,
        read: i >= 10,
        title: NOTIFICATION_TITLES.planChanged,
        householdId: 'bench',
        expiresAt: notificationExpiry(at),
      };
    });
    for (let start = 0; start < items.length; start += 25) {
      const chunk = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      await deps.db.send(new BatchWriteCommand({ RequestItems: { [deps.table]: chunk } }));
    }
    await deps.db.send(
      new PutCommand({
        TableName: deps.table,
        Item: { ...notificationStateKey(userId), type: NOTIFICATION_STATE, version: count, unread: 10 },
      }),
    );
  };
  const started = performance.now();
  await seed('nina', 10);
  await seed('nico', 1_000);
  const seeded = (performance.now() - started) / 1000;

  const poll = (userId: string, headers: Record<string, string> = {}) =>
    deps.invoke(
      apiEvent('GET /v1/me/notifications', {
        path: '/v1/me/notifications',
        query: { limit: '20' },
        claims: { sub: userId, 'cognito:groups': '[wijkcoach]', 'custom:teams': 'velve-lindenhof' },
        headers,
      }),
    ) as Promise<{ statusCode: number; headers?: Record<string, string> }>;
  const runsOf = async (userId: string) => {
    const first = await poll(userId);
    const etag = String(first.headers?.ETag ?? first.headers?.etag ?? '');
    const unchanged = await poll(userId, { 'if-none-match': etag });
    if (unchanged.statusCode !== 304) throw new Error(`the notifications poll with its ETag answered ${unchanged.statusCode}, not 304`);
    return { page: () => poll(userId), unchanged: () => poll(userId, { 'if-none-match': etag }) };
  };
  const rows = await comparedAtSizes({
    what: {
      unchanged: 'the poll, nothing new (304: one GetItem of the state)',
      page: 'the list, first page (20: the state + one Query)',
    },
    small: { size: 10, runs: await runsOf('nina') },
    large: { size: 1000, runs: await runsOf('nico') },
    samples: deps.samples,
  });
  return { seeded, rows };
}
