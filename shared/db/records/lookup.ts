import * as z from 'zod/mini';
import { CorruptRecord } from './record.ts';

/**
 * A keyed-hash look-up: `BSN#<hmac>` or `ADDR#<hmac>` / `LOOKUP`, pointing to the open household
 * that holds the BSN or address. Written by registrations and corrections alike.
 */
export const LOOKUP = 'lookup';

export const lookupItem = (key: { pk: string; sk: string }, householdId: string) => ({ ...key, type: LOOKUP, householdId });

/** A look-up as read back: its key (which names the hash) is part of what it says, so it is kept. */
const LookupItem = z.object({ pk: z.string(), type: z.literal(LOOKUP), householdId: z.string() });

export function parseLookup(item: Record<string, unknown>): { pk: string; householdId: string } {
  const parsed = LookupItem.safeParse(item);
  if (!parsed.success) throw new CorruptRecord(LOOKUP, parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  return { pk: parsed.data.pk, householdId: parsed.data.householdId };
}
