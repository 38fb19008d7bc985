import { createHash } from 'node:crypto';
import { AfterCursor, decodeCursor, encodeCursor, invalidCursor } from '../cursor.ts';
import type { Notification } from '../domain/notifications.ts';
import type { RequestContext } from '../processing-log.ts';
import type { NotificationStore } from './ports.ts';
import { ConcurrentChange } from './races.ts';

export interface NotificationPorts {
  store: NotificationStore;
}

export interface NotificationQuery {
  unread?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The ETag of a page: the person's state version and the page asked for (another page is another answer). */
const etagOf = (version: number, query: NotificationQuery) =>
  `"${version}.${createHash('sha256')
    .update(JSON.stringify([query.unread === true, query.limit, query.cursor ?? '']))
    .digest('base64url')
    .slice(0, 12)}"`;

const view = ({ userId: _user, ...notification }: Notification) => notification;

/**
 * `GET /me/notifications`: the state first (one GetItem); when its version is what the client
 * holds (`If-None-Match`), 304 and nothing more is read. Notifications name no one: no
 * processing-log line (v1.2 precisions).
 */
export async function myNotifications(ports: NotificationPorts, context: RequestContext, query: NotificationQuery, ifNoneMatch?: string) {
  const userId = context.principal.userId;
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  if (after !== undefined && !ports.store.isPosition(after)) throw invalidCursor();
  const state = await ports.store.state(userId);
  const etag = etagOf(state.version, query);
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return { notModified: true as const, etag };
  }
  const page = await ports.store.page(userId, query.limit, after, query.unread === true);
  let unreadCount = Math.max(0, state.unread);
  // The whole partition was this page: the unread count is known exactly (one may have expired unread).
  if (after === undefined && page.next === undefined && query.unread !== true) {
    const counted = page.items.filter((n) => !n.read).length;
    if (counted !== state.unread) {
      await ports.store.recount(userId, counted);
      unreadCount = counted;
    }
  }
  return {
    notModified: false as const,
    etag,
    body: { items: page.items.map(view), unreadCount, nextCursor: page.next ? encodeCursor({ after: page.next }) : null },
  };
}

/** `POST /me/notifications/read`: the caller's own, by id or all; one read meanwhile elsewhere is read once. */
export async function markNotificationsRead(ports: NotificationPorts, context: RequestContext, input: { ids: string[] } | { all: true }) {
  const userId = context.principal.userId;
  for (let attempt = 1; ; attempt++) {
    const unread = await ports.store.unread(userId, 'ids' in input ? [...new Set(input.ids)] : undefined);
    try {
      await ports.store.markRead(userId, unread);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= 3) throw error;
    }
  }
}
