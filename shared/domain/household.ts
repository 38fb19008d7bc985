import { createHash } from 'node:crypto';
import type { Address } from './address.ts';
import type { FormerInvolvedParty, InvolvedParty } from './involved.ts';

export const MEMBER_ROLES = ['adult', 'child'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const LEGAL_RELATION_KINDS = ['gezag', 'bewind', 'curatele', 'mentorschap'] as const;

/** A member's legal representative (domain.md): who may sign the plan for them depends on it. */
export interface LegalRelation {
  kind: (typeof LEGAL_RELATION_KINDS)[number];
  holderName: string;
  holderOrganisation?: string;
  since: string;
}

/** A member as the household record holds it: the BSN only as a keyed hash and its masked form. */
export interface HouseholdMember {
  id: string;
  name: string;
  birthDate: string;
  role: MemberRole;
  bsnHash?: string;
  bsnMasked?: string;
  legalRelations?: LegalRelation[];
}

/** A member who moved out: kept on the household for its history, no longer found by BSN. */
export interface FormerMember {
  id: string;
  name: string;
  birthDate: string;
  role: MemberRole;
  bsnMasked?: string;
  leftAt: string;
  reason: string;
}

/** A member as an intake brings it in, with the BSN already hashed by the caller. */
export type IncomingMember = Omit<HouseholdMember, 'id'>;

export type HouseholdStatus = 'open' | 'closed';

/** A household holds at most this many members: its look-ups and name entries must fit its transactions. */
export const MAX_MEMBERS = 40;

export const CORRECTION_KINDS = [
  'address',
  'member_added',
  'member_changed',
  'member_removed',
  'involved_added',
  'involved_changed',
  'involved_ended',
] as const;

/** What was corrected on a household, by whom and when (the values before are not kept). */
export interface Correction {
  id: string;
  householdId: string;
  kind: (typeof CORRECTION_KINDS)[number];
  memberId?: string;
  involvedId?: string;
  /** The fields that changed: `postcode`, `name`, `bsn`, `legalRelations`, … */
  fields: string[];
  reason?: string;
  at: string;
  by: string;
}

/** Den Haag's "één regisseur": the one professional who directs the household's plan. */
export interface Regisseur {
  userId: string;
  name?: string;
  appointedAt: string;
  appointedBy: string;
}

export interface Household {
  id: string;
  teamId: string;
  status: HouseholdStatus;
  address: Address;
  members: HouseholdMember[];
  formerMembers?: FormerMember[];
  /** The network around the household (v1.2): who of other organisations and of its own circle is involved. */
  involved?: InvolvedParty[];
  formerInvolved?: FormerInvolvedParty[];
  /** A complex case was found at triage: the household needs one plan and one regisseur. */
  needsPlan: boolean;
  regisseur?: Regisseur;
  /** Escalations not yet in a final status; the household cannot close while there are any. */
  openEscalations?: number;
  /** How many journal entries it has: closing checks it, so an entry written meanwhile cannot miss the household's expiry. */
  journalEntries?: number;
  /** The status of the household's latest plan, kept with the household for lists. */
  planStatus?: 'draft' | 'active' | 'closed';
  /** The look-ups this household owns (removed when it closes): keyed hashes, never values. */
  ownedBsnHashes: string[];
  addressHash: string;
  /** The scores of the first assessment: the baseline every later one is compared with. */
  firstAssessment?: { id: string; scores: Record<string, number> };
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  closeReason?: string;
  /** When it last moved to another team: a break-glass grant taken before it reaches it no more (v1.2 rule 17). */
  movedAt?: string;
  /** Optimistic-lock counter for changes that replace the member list. */
  version: number;
}

/** What lists show of a household: no BSN, not even masked, and no hashes. */
export interface HouseholdSummary {
  id: string;
  teamId: string;
  status: HouseholdStatus;
  address: Address;
  members: { name: string; role: MemberRole }[];
  needsPlan: boolean;
  regisseur?: Regisseur;
  planStatus?: Household['planStatus'];
  createdAt: string;
  updatedAt: string;
}

export function householdSummary(household: Household): HouseholdSummary {
  const summary: HouseholdSummary = {
    id: household.id,
    teamId: household.teamId,
    status: household.status,
    address: household.address,
    members: household.members.map(({ name, role }) => ({ name, role })),
    needsPlan: household.needsPlan,
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
  };
  if (household.regisseur) summary.regisseur = household.regisseur;
  if (household.planStatus) summary.planStatus = household.planStatus;
  return summary;
}

/** A member as the dossier shows them: the BSN masked, its hash never. */
export const memberForDisplay = ({ bsnHash: _hash, ...member }: HouseholdMember) => member;

/** Members as the dossier shows them: the BSN masked, its hash never. */
export function membersForDisplay(household: Household) {
  return household.members.map(memberForDisplay);
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
const normalName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * What makes a member the same person (as membersNotYetKnown compares them): the BSN's keyed
 * hash, or else name and birth date. The store keeps one attribute per member under this key,
 * so that two registrations adding the same person cannot both succeed, while registrations
 * adding different people never contend.
 */
export function memberIdentity(member: Pick<IncomingMember, 'bsnHash' | 'name' | 'birthDate'>): string {
  if (member.bsnHash) return `bsn:${member.bsnHash}`;
  return `name:${createHash('sha256')
    .update(JSON.stringify([normalName(member.name), member.birthDate]))
    .digest('base64url')
    .slice(0, 22)}`;
}

export function membersNotYetKnown(existing: HouseholdMember[], incoming: IncomingMember[]): IncomingMember[] {
  const sameName = (a: string, b: string) => normalName(a) === normalName(b);
  return incoming.filter(
    (candidate) =>
      !existing.some((known) =>
        known.bsnHash && candidate.bsnHash
          ? known.bsnHash === candidate.bsnHash
          : known.birthDate === candidate.birthDate && sameName(known.name, candidate.name),
      ),
  );
}
