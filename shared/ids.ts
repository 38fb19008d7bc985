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
 * An intake lives in its household's partition (the dossier is one Query), so its public id
 * carries the household id: a read of an intake is then one strongly consistent request.
 * Clients treat the id as opaque.
 */
export function intakeIdOf(householdId: string, intakeKey: string): string {
  return `${householdId}.${intakeKey}`;
}

export function parseIntakeId(intakeId: string): { householdId: string; intakeKey: string } | undefined {
  const [householdId, intakeKey, ...rest] = intakeId.split('.');
  if (rest.length > 0 || !householdId || !intakeKey || !isId(householdId) || !isId(intakeKey)) return undefined;
  return { householdId, intakeKey };
}
