import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { useLinkHandler } from '../lib/router.tsx';
import { t } from '../lib/texts.ts';
import { Alert, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from './nlds.tsx';

/** A link to a screen of the client (an NL Design System link, navigating without a page load). */
export function ScreenLink({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const onClick = useLinkHandler(to);
  return (
    <Link href={to} onClick={onClick} {...(current ? { 'aria-current': 'page' as const } : {})}>
      {children}
    </Link>
  );
}

/** What a failed call means for the person at the screen, in Dutch. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t.notFound;
    if (error.status === 403) return t.forbidden;
    if (error.status === 409 || error.status === 412) return error.problem?.detail ?? t.conflict;
    if (error.status === 400) return error.problem?.detail ?? t.fixFields;
  }
  return t.error;
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert type="error">
      <Paragraph>{messageOf(error)}</Paragraph>
    </Alert>
  );
}

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
 * `invalidParams` by field name, for the fields they name.
 */
export function useProblem() {
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return {
    error,
    fieldErrors,
    /** A check of the form's own, at the field it concerns. */
    setFieldErrors,
    fail(caught: unknown) {
      setFieldErrors(caught instanceof ApiError ? caught.fieldErrors() : {});
      setError(caught);
    },
    clear() {
      setError(undefined);
      setFieldErrors({});
    },
  };
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
  // More than a few columns may not fit a narrow screen: the table then scrolls, reachable by keyboard.
  return (
    <Table {...(columns.length > 5 ? { scrollLabel: caption ?? columns.join(', ') } : {})}>
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
              <TableCell key={columns[i] ?? i}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
