import { randomBytes } from 'node:crypto';

/** Opaque, unguessable ids: 128 random bits in base64url (22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

const ID = /^[A-Za-z0-9_-]{22}$/;

export function isId(value: string): boolean {
  return ID.test(value);
}

/**
 * Escalations live in their household's partition (the dossier is one Query), so their public
 * id carries the household id, in clear: reading one is then one strongly consistent request.
 * Intakes live there too, but their id seals the household id (shared/intake-ids.ts), since an
 * intake's sender may be outside the household's team. Clients treat either id as opaque.
 */
export function householdChildId(householdId: string, key: string): string {
  return `${householdId}.${key}`;
}

export function parseHouseholdChildId(id: string): { householdId: string; key: string } | undefined {
  const [householdId, key, ...rest] = id.split('.');
  if (rest.length > 0 || !householdId || !key || !isId(householdId) || !isId(key)) return undefined;
  return { householdId, key };
}

/** base64url's 64 characters in code-unit order, so that encoded numbers sort as the numbers do. */
const SORTABLE = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/**
 * An id that starts with a moment (8 characters: milliseconds since 1970, in an alphabet that
 * sorts as the numbers do) and ends in 84 random bits: ids made this way sort by their moment,
 * so a partition keyed by them reads in time order, and one is still found by its id alone.
 */
export function timeOrderedId(at: string): string {
  let ms = Math.max(0, Date.parse(at));
  let time = '';
  for (let i = 0; i < 8; i++) {
    time = SORTABLE.charAt(ms % 64) + time;
    ms = Math.floor(ms / 64);
  }
  return time + randomBytes(11).toString('base64url').slice(0, 14);
}
