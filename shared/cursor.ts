import * as z from 'zod/mini';
import { invalidInput } from './errors.ts';

/**
 * List cursors are opaque to clients: base64url of a small JSON position. A cursor that does
 * not decode to the expected shape is the client's mistake (400), never a failed query.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Each list's cursor has one schema (zod/mini: validation without the classic API's cost at import). */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodMiniType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

/** The cursor of a list read in one partition's key order: the sort key of the last item given. */
export const AfterCursor = z.object({ after: z.string() });

/** A cursor this list did not give out, or gave out for another query: the client's mistake, 400. */
export function invalidCursor(reason = 'use nextCursor as returned', detail = 'The cursor is not one this list gave out.') {
  return invalidInput(detail, [{ name: 'cursor', code: 'invalid_cursor', reason }]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
