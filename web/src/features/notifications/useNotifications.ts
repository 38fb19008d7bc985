import { useCallback, useEffect, useRef, useState } from 'react';
import { type NotificationPage, pollNotifications } from './api.ts';

/** At most one poll a minute, and only while the page is visible (v1.2 web additions). */
export const POLL_MS = 60_000;

/**
 * The caller's notifications, kept fresh without a reload: polled with the ETag held
 * (If-None-Match: a 304 changes nothing and costs the server one read) once a minute while the
 * page is visible, and again when it becomes visible after a minute or more away.
 */
export function useNotifications(signedIn: boolean) {
  const [page, setPage] = useState<NotificationPage>();
  const etag = useRef<string | undefined>(undefined);
  const last = useRef(0);

  const poll = useCallback(async () => {
    last.current = Date.now();
    try {
      const answer = await pollNotifications(etag.current);
      if (!answer) return;
      etag.current = answer.etag;
      setPage(answer.page);
    } catch {
      // A failed poll shows nothing new; the next one tries again.
    }
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    void poll();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void poll();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - last.current >= POLL_MS) void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [signedIn, poll]);

  /** After marking read here: the next answer is a new one, asked for now. */
  const refresh = useCallback(() => {
    etag.current = undefined;
    return poll();
  }, [poll]);

  return { page, refresh };
}
