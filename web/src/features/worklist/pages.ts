import { useEffect, useRef, useState } from 'react';
import { useLoad } from '../../components/ui.tsx';

/** A page of a task list as both task endpoints answer it. */
export interface TaskListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The attribute a task link of the page "Meer laden" last brought carries: the focus goes to the first of them. */
export const NEW_TASK_ATTRIBUTE = 'data-nieuwe-taak';
/** The id of the line that says what "Meer laden" brought (the focus goes there when it brought no task). */
export const MORE_STATUS_ID = 'meer-taken-status';

/**
 * A task list read page by page: the first page when the screen opens (again when `key`
 * changes), and on `more()` the page after, appended in the API's order (so the groups keep
 * theirs: a group's tasks stay in order, a new group comes after). One page at a time: a
 * second `more()` while one is under way does nothing. Once React has drawn the page, the focus
 * goes to the first task link it added (`NEW_TASK_ATTRIBUTE`), so the keyboard goes on there.
 */
export function useTaskPages<T>(load: (cursor?: string) => Promise<TaskListPage<T>>, key: string) {
  const first = useLoad(() => load(), key);
  // The pages after the first, for the first page they follow: a new first page starts over.
  const [after, setAfter] = useState<{ base: TaskListPage<T>; pages: T[][]; cursor: string | null }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const busy = useRef(false);

  const base = first.data;
  const own = base && after?.base === base ? after : undefined;
  const items = base ? [...base.items, ...(own?.pages.flat() ?? [])] : undefined;
  const cursor = own ? own.cursor : (base?.nextCursor ?? null);
  const newest = new Set(own?.pages.at(-1) ?? []);

  const more = async () => {
    if (!base || !cursor || busy.current) return;
    busy.current = true;
    setLoading(true);
    try {
      const page = await load(cursor);
      setAfter((a) => ({ base, pages: [...(a?.base === base ? a.pages : []), page.items], cursor: page.nextCursor }));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      busy.current = false;
      setLoading(false);
    }
  };

  // After each page "Meer laden" brought (only `more()` sets `after`), once React has drawn it.
  useEffect(() => {
    if (!after || after.base !== base) return;
    const target = document.querySelector<HTMLElement>(`[${NEW_TASK_ATTRIBUTE}]`) ?? document.getElementById(MORE_STATUS_ID);
    target?.focus();
  }, [after, base]);

  return {
    ...first,
    data: items,
    /** Whether a task came with the page "Meer laden" last brought (its link carries `NEW_TASK_ATTRIBUTE`). */
    isNew: (task: T) => newest.has(task),
    /** How many tasks the page "Meer laden" last brought, for the status line; none yet: undefined. */
    loaded: own?.pages.at(-1)?.length,
    more: { available: cursor !== null, loading, error, load: more },
  };
}
