import type { ReactNode } from 'react';
import { Button, Link } from '../../../components/nlds.tsx';
import { ErrorAlert } from '../../../components/ui.tsx';
import { useLinkHandler } from '../../../lib/router.tsx';
import { t } from '../../../lib/texts.ts';
import { MORE_STATUS_ID, NEW_TASK_ATTRIBUTE } from '../pages.ts';

/** A task's link to where its work is done; one that "Meer laden" just brought is marked, for the focus. */
export function TaskLink({ to, isNew, children }: { to: string; isNew: boolean; children: ReactNode }) {
  const onClick = useLinkHandler(to);
  return (
    <Link href={to} onClick={onClick} {...(isNew ? { [NEW_TASK_ATTRIBUTE]: '' } : {})}>
      {children}
    </Link>
  );
}

/**
 * "Meer laden" under a task list while the API has a page after the last one shown; gone once
 * it has none. While a page is under way, another press does nothing (the button stays, and
 * keeps the focus). A line says what the last press brought.
 */
export function MoreTasks({
  more,
  loaded,
}: {
  more: { available: boolean; loading: boolean; error: unknown; load: () => Promise<void> };
  loaded: number | undefined;
}) {
  return (
    <>
      <p id={MORE_STATUS_ID} role="status" tabIndex={-1}>
        {loaded !== undefined && t.worklist.moreLoaded(loaded, more.available)}
      </p>
      {more.available && (
        <div className="wt-actions">
          <Button aria-disabled={more.loading || undefined} onClick={() => void more.load()}>
            {t.more}
          </Button>
        </div>
      )}
      <ErrorAlert error={more.error} />
    </>
  );
}
