import type { Address } from './address.ts';

export const MEMBER_ROLES = ['adult', 'child'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A member as the household record holds it: the BSN only as a keyed hash and its masked form. */
export interface HouseholdMember {
  id: string;
  name: string;
  birthDate: string;
  role: MemberRole;
  bsnHash?: string;
  bsnMasked?: string;
}

/** A member as an intake brings it in, with the BSN already hashed by the caller. */
export type IncomingMember = Omit<HouseholdMember, 'id'>;

export type HouseholdStatus = 'open' | 'closed';

export interface Household {
  id: string;
  teamId: string;
  status: HouseholdStatus;
  address: Address;
  members: HouseholdMember[];
  needsPlan: boolean;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-lock counter: every change of the household record raises it by one. */
  version: number;
}

/** What the look-ups found for an intake: the household of each known BSN, in the intake's order, and of the address. */
export interface HouseholdMatches {
  byBsn: { bsnHash: string; householdId: string }[];
  byAddress?: string;
}

/**
 * Rule 1, one household one record. A person is identified by BSN more reliably than a
 * household by its address (people move, several households can share a building's number),
 * so a BSN match wins; the first member's match wins among BSN matches.
 */
export function chooseHousehold(matches: HouseholdMatches): string | undefined {
  return matches.byBsn[0]?.householdId ?? matches.byAddress;
}

/**
 * The members an intake adds to an existing household: those not yet known, by BSN when
 * both sides have one, otherwise by name and birth date (case- and space-insensitive).
 */
export function membersNotYetKnown(existing: HouseholdMember[], incoming: IncomingMember[]): IncomingMember[] {
  const sameName = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
  return incoming.filter(
    (candidate) =>
      !existing.some((known) =>
        known.bsnHash && candidate.bsnHash
          ? known.bsnHash === candidate.bsnHash
          : known.birthDate === candidate.birthDate && sameName(known.name, candidate.name),
      ),
  );
}
