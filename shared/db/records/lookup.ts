/**
 * A keyed-hash look-up: `BSN#<hmac>` or `ADDR#<hmac>` / `LOOKUP`, pointing to the open household
 * that holds the BSN or address. Written by registrations and corrections alike.
 */
export const LOOKUP = 'lookup';

export const lookupItem = (key: { pk: string; sk: string }, householdId: string) => ({ ...key, type: LOOKUP, householdId });
