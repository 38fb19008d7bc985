import { invalidInput } from './errors.ts';

/**
 * List cursors are opaque to clients: base64url of a small JSON position. A cursor that does
 * not decode to the expected shape is the client's mistake (400), never a failed query.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, isValid: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isValid(value)) throw invalidCursor();
  return value;
}

/** A cursor this list did not give out, or gave out for another query: the client's mistake, 400. */
export function invalidCursor(reason = 'use nextCursor as returned', detail = 'The cursor is not one this list gave out.') {
  return invalidInput(detail, [{ name: 'cursor', code: 'invalid_cursor', reason }]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
