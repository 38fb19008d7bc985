import { api, ok, type Schemas } from '../../lib/api.ts';

export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];

/** How many notifications the first page holds (the badge counts them all: `unreadCount`). */
export const NOTIFICATION_PAGE = 25;

/**
 * The first page of the caller's notifications, sent with the ETag held: 304 (nothing changed)
 * is `undefined`, and costs the server one read.
 */
export async function pollNotifications(
  etag: string | undefined,
): Promise<{ page: NotificationPage; etag: string | undefined } | undefined> {
  const answer = await api.GET('/me/notifications', {
    params: { query: { limit: NOTIFICATION_PAGE }, header: etag ? { 'if-none-match': etag } : {} },
  });
  if (answer.response.status === 304) return undefined;
  return { page: ok(answer), etag: answer.response.headers.get('etag') ?? undefined };
}

export const moreNotifications = (cursor: string) =>
  api.GET('/me/notifications', { params: { query: { limit: NOTIFICATION_PAGE, cursor } } }).then(ok);

export async function markRead(which: { ids: string[] } | { all: true }): Promise<void> {
  const answer = await api.POST('/me/notifications/read', { body: which });
  if (!answer.response.ok) ok(answer);
}

export { householdNames } from '../../lib/household-names.ts';
