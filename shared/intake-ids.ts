import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Public intake ids that do not give away their household (api.md 1.1: an intake registered
 * for a household another team holds is readable by its sender, who must not learn the
 * household's id). The id is a random 128-bit tweak followed by the household id, masked with
 * the tweak and encrypted as one AES-256 block under a key derived from the city's look-up key:
 * 43 characters, unique per intake. Only a function that holds the look-up key can open it, with
 * no read: the intakes function opens them; the signals function seals those of the intakes it
 * registers (registry holds the key too, for hashing, and never opens one).
 */
export interface IntakeIds {
  /** A new, unique intake id for an intake of this household. */
  seal(householdId: string): string;
  /** The household id inside an intake id; undefined for anything that is not one (a forged id opens to an unknown household). */
  open(intakeId: string): string | undefined;
}

const INTAKE_ID = /^[A-Za-z0-9_-]{43}$/;

export function sealedIntakeIds(lookupKey: Uint8Array): IntakeIds {
  const key = Buffer.from(hkdfSync('sha256', lookupKey, Buffer.alloc(0), 'wijkteams intake ids', 32));
  const aes = (decrypt: boolean, block: Buffer) => {
    const cipher = decrypt ? createDecipheriv('aes-256-ecb', key, null) : createCipheriv('aes-256-ecb', key, null);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]);
  };
  const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)));
  return {
    seal(householdId) {
      const household = Buffer.from(householdId, 'base64url');
      if (household.length !== 16) throw new Error('a household id is 128 bits');
      const tweak = randomBytes(16);
      return Buffer.concat([tweak, aes(false, xor(household, tweak))]).toString('base64url');
    },
    open(intakeId) {
      if (!INTAKE_ID.test(intakeId)) return undefined;
      const raw = Buffer.from(intakeId, 'base64url');
      if (raw.length !== 32) return undefined;
      return xor(aes(true, raw.subarray(16)), raw.subarray(0, 16)).toString('base64url');
    },
  };
}
