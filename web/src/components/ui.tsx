import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type InvalidParam } from '../lib/api.ts';
import { problemInDutch } from '../lib/problems.ts';
import { useLinkHandler } from '../lib/router.tsx';
import { t } from '../lib/texts.ts';
import { Alert, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from './nlds.tsx';

/** A link to a screen of the client (an NL Design System link, navigating without a page load). */
export function ScreenLink({
  to,
  children,
  current,
  onFollow,
}: {
  to: string;
  children: ReactNode;
  current?: boolean;
  /** Called as the link is followed (a notification is read from then on). */
  onFollow?: () => void;
}) {
  const navigate = useLinkHandler(to);
  const onClick: typeof navigate = (event) => {
    onFollow?.();
    navigate(event);
  };
  return (
    <Link href={to} onClick={onClick} {...(current ? { 'aria-current': 'page' as const } : {})}>
      {children}
    </Link>
  );
}

/**
 * What a failed call means for the person at the screen, in Dutch, by the problem's code (never
 * the API's English text). With `ownWords` the form says at its fields what is wrong, and the
 * alert only that there is something to check.
 */
export function messageOf(error: unknown, ownWords = false): string {
  return error instanceof ApiError ? problemInDutch(error, ownWords) : t.error;
}

export function ErrorAlert({ error, ownWords }: { error: unknown; ownWords?: boolean }) {
  if (!error) return null;
  return (
    <Alert type="error">
      <Paragraph>{messageOf(error, ownWords)}</Paragraph>
    </Alert>
  );
}

/** How a form says an API's invalid param in its own Dutch words: the field it shows at, and what it says there. */
export type ParamInDutch = (param: InvalidParam) => { field: string; message: string };

/** One call when the screen opens, again when `key` (what the load depends on) changes, and on `reload`: its data, or its error. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const latest = useRef(load);
  latest.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the load depends on; the load itself is read from a ref
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    latest.current().then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => setState({ error, loading: false }),
    );
  }, [key]);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/**
 * What a form's last call said was wrong: the problem, for the alert above the form, and its
 * `invalidParams` by field name, for the fields they name (in the form's own words when it
 * gives `inDutch`; the first param for a field is the one shown).
 */
export function useProblem(inDutch?: ParamInDutch) {
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return {
    error,
    fieldErrors,
    /** A check of the form's own, at the field it concerns. */
    setFieldErrors,
    /** The call failed: its problem for the alert, its invalidParams at their fields (which it returns, for the focus). */
    fail(caught: unknown): Record<string, string> {
      const said: Record<string, string> = {};
      if (caught instanceof ApiError && !inDutch) Object.assign(said, caught.fieldErrors());
      else if (caught instanceof ApiError && inDutch) {
        for (const param of caught.problem?.invalidParams ?? []) {
          const { field, message } = inDutch(param);
          said[field] ??= message;
        }
      }
      setFieldErrors(said);
      setError(caught);
      return said;
    },
    clear() {
      setError(undefined);
      setFieldErrors({});
    },
  };
}

/**
 * A link may name the place on its screen where the work is done (`…/plan#actie-123`): once the
 * screen has what it shows (`ready`), the element with that id gets the focus and is scrolled
 * into view, so the keyboard and a screen reader start there. Once per hash.
 */
export function useFocusOnHash(ready: boolean) {
  const done = useRef<string>('');
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!ready || !id || done.current === location.href) return;
    const target = document.getElementById(id);
    if (!target) return;
    done.current = location.href;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: 'center' });
  });
}

export function Loading() {
  return <Paragraph aria-live="polite">{t.loading}</Paragraph>;
}

/** The value of the form control an NL Design System form field's change event came from. */
export const inputValue = (event: { target: EventTarget }) => (event.target as HTMLInputElement).value;
export const inputChecked = (event: { target: EventTarget }) => (event.target as HTMLInputElement).checked;

/**
 * A list as every screen shows one: loading, the error, an empty message, or a table with a
 * header cell per column and a row per item.
 */
export function ListTable<T>({
  state,
  columns,
  empty,
  rowKey,
  cells,
  caption,
}: {
  state: { data?: T[]; error?: unknown; loading: boolean };
  columns: string[];
  empty: string;
  rowKey: (item: T) => string;
  cells: (item: T) => ReactNode[];
  caption?: string;
}) {
  if (state.loading && !state.data) return <Loading />;
  if (!state.data) return <ErrorAlert error={state.error} />;
  if (state.data.length === 0) return <Paragraph>{empty}</Paragraph>;
  // On a phone every row is a card, each value under its column's name (`data-label`, layout.css): nothing
  // off-screen. Wider, more than a few columns may still not fit: the table then scrolls, reachable by keyboard.
  return (
    <Table className="wt-cards" {...(columns.length > 5 ? { scrollLabel: caption ?? columns.join(', ') } : {})}>
      {caption && <TableCaption className="wt-skip">{caption}</TableCaption>}
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column} scope="col">
              {column}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {state.data.map((item) => (
          <TableRow key={rowKey(item)}>
            {cells(item).map((cell, i) => (
              <TableCell key={columns[i] ?? i} data-label={columns[i]}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
