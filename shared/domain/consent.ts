/**
 * Consent and disclosure (v1.2 "The network around the household", rule 16): data leaves the
 * team only on a consent that covers the organisation, the member and the kind of data, or on a
 * legal basis in the register. These are the rules as plain functions, pure so that the web
 * client offers a disclosure only where the API would allow it (it imports this module).
 */
import type { InvalidParam } from '../errors.ts';
import { LIFE_DOMAINS, type LifeDomain } from './life-domains.ts';

/** What a consent may cover and a disclosure may hand over: the parts of the dossier a partner can be given. */
export const DATA_KINDS = ['plan', 'assessments', 'members', 'journal'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const CONSENT_FORMS = ['written', 'verbal', 'digital'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Stored: given or withdrawn. Shown: expired too, once `validUntil` has passed (a status never goes back to given). */
export type ConsentStatus = 'given' | 'withdrawn' | 'expired';

/** A child under this age consents through a holder of `gezag` recorded on them. */
export const CONSENT_AGE = 16;

export interface ConsentInput {
  memberId: string;
  organisation: string;
  purpose: string;
  dataKinds: DataKind[];
  /** Absent: every domain. */
  domains?: LifeDomain[] | undefined;
  form: ConsentForm;
  givenAt: string;
  givenBy?: { name: string } | undefined;
  validUntil?: string | undefined;
}

export interface Consent {
  id: string;
  householdId: string;
  memberId: string;
  organisation: string;
  purpose: string;
  dataKinds: DataKind[];
  domains?: LifeDomain[];
  form: ConsentForm;
  givenAt: string;
  givenBy?: { name: string };
  validUntil?: string;
  /** As stored; `consentStatus` says what it is today. */
  status: 'given' | 'withdrawn';
  recordedBy: string;
  recordedAt: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawalReason?: string;
  /** How many disclosures were made on it; each one counted in its own transaction, while the consent was given. */
  disclosureCount: number;
  /** The count when it was withdrawn, copied in the withdrawal's own write: no disclosure comes after it. */
  disclosuresBeforeWithdrawal?: number;
}

/** Whom a household member is: what the consent rules need of one. */
interface Member {
  id: string;
  birthDate: string;
  legalRelations?: readonly { kind: string; holderName: string }[] | undefined;
}

/** Organisations and names compared as people write them: case, accents and spacing aside. */
export const sameName = (a: string, b: string): boolean => normal(a) === normal(b);

const normal = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Full years between a birth date and a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) return 0;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * What is wrong with a consent for this household, beyond its schema: it is a member's; it ends
 * after it began; a child under 16 consents through a holder of `gezag` recorded on them.
 */
export function consentProblems(input: ConsentInput, members: readonly Member[]): InvalidParam[] {
  const member = members.find((m) => m.id === input.memberId);
  if (!member) return [{ name: 'memberId', code: 'unknown_member', reason: 'must be a member of the household' }];
  const problems: InvalidParam[] = [];
  if (input.validUntil !== undefined && input.validUntil < input.givenAt)
    problems.push({ name: 'validUntil', code: 'too_early', reason: 'must not lie before givenAt' });
  if (ageOn(member.birthDate, input.givenAt) < CONSENT_AGE) {
    const holders = (member.legalRelations ?? []).filter((r) => r.kind === 'gezag').map((r) => r.holderName);
    if (!input.givenBy || !holders.some((holder) => sameName(holder, input.givenBy?.name ?? '')))
      problems.push({ name: 'givenBy', code: 'not_gezag_holder', reason: 'a child under 16 consents through a holder of gezag on them' });
  }
  return problems;
}

export function newConsent(id: string, householdId: string, input: ConsentInput, recorded: { by: string; at: string }): Consent {
  return {
    id,
    householdId,
    memberId: input.memberId,
    organisation: input.organisation,
    purpose: input.purpose,
    dataKinds: [...new Set(input.dataKinds)],
    ...(input.domains ? { domains: [...new Set(input.domains)] } : {}),
    form: input.form,
    givenAt: input.givenAt,
    ...(input.givenBy ? { givenBy: { name: input.givenBy.name } } : {}),
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    status: 'given',
    recordedBy: recorded.by,
    recordedAt: recorded.at,
    disclosureCount: 0,
  };
}

/** A consent as the rules read it: stored (given or withdrawn), or as the API shows it (expired too). */
export type ConsentTerms = Pick<Consent, 'memberId' | 'organisation' | 'dataKinds' | 'domains' | 'givenAt' | 'validUntil'> & {
  status: ConsentStatus;
};

/** What a consent is on a day: withdrawn stays withdrawn; given past its `validUntil` is expired. */
export function consentStatus(consent: { status: ConsentStatus; validUntil?: string | undefined }, today: string): ConsentStatus {
  if (consent.status !== 'given') return consent.status;
  return consent.validUntil !== undefined && consent.validUntil < today ? 'expired' : 'given';
}

/** A consent that holds today: given, begun, not expired. */
export const consentHolds = (consent: Pick<ConsentTerms, 'status' | 'validUntil' | 'givenAt'>, today: string): boolean =>
  consentStatus(consent, today) === 'given' && consent.givenAt <= today;

/** What a disclosure asks to hand over: kinds of data of some members, in some domains (absent: every domain). */
export interface DisclosureScope {
  dataKinds: readonly DataKind[];
  memberIds: readonly string[];
  domains?: readonly LifeDomain[] | undefined;
}

/** The kinds whose data is by domain: for them a consent limited to some domains covers only those. */
const BY_DOMAIN: ReadonlySet<DataKind> = new Set(['plan', 'assessments', 'journal']);

/** One part of a disclosure no consent covers: a member, a kind and, for data by domain, a domain. */
export interface Uncovered {
  memberId: string;
  dataKind: DataKind;
  domain?: LifeDomain;
}

/**
 * The parts of a disclosure to `receiver` that the consents do not cover (empty: covered). Every
 * member, kind and domain asked needs a consent of that member, for that organisation, naming
 * the kind and (for data by domain) the domain, that holds today.
 */
export function uncoveredBy(consents: readonly ConsentTerms[], receiver: string, scope: DisclosureScope, today: string): Uncovered[] {
  const holding = consents.filter((c) => consentHolds(c, today) && sameName(c.organisation, receiver));
  const domains = scope.domains ?? LIFE_DOMAINS;
  return scope.memberIds.flatMap((memberId) =>
    scope.dataKinds.flatMap((dataKind): Uncovered[] => {
      const mine = holding.filter((c) => c.memberId === memberId && c.dataKinds.includes(dataKind));
      if (!BY_DOMAIN.has(dataKind)) return mine.length > 0 ? [] : [{ memberId, dataKind }];
      return domains.flatMap((domain) =>
        mine.some((c) => c.domains === undefined || c.domains.includes(domain)) ? [] : [{ memberId, dataKind, domain }],
      );
    }),
  );
}

/** Who receives a disclosure: the party's organisation, or for the household's own circle the person. */
export const receiverOf = (party: { name: string; organisation?: string | undefined }): string => party.organisation ?? party.name;

export type DisclosureBasis = { consentIds: string[] } | { processingActivityId: string };

export interface Disclosure {
  id: string;
  householdId: string;
  at: string;
  by: string;
  to: { involvedId: string; name: string; organisation: string };
  dataKinds: DataKind[];
  memberIds: string[];
  domains?: LifeDomain[];
  basis: DisclosureBasis;
  note?: string;
}

/**
 * What of the household a package holds: of the asked members and domains only. A journal entry
 * goes only when every member it is about was asked (it speaks of them all) and, when domains
 * were asked, it is about those domains alone; a restricted entry never leaves the team.
 */
export function journalInScope<E extends { about: readonly string[]; domains: readonly LifeDomain[]; restricted: boolean }>(
  entry: E,
  scope: DisclosureScope,
): boolean {
  if (entry.restricted || entry.about.length === 0) return false;
  if (!entry.about.every((m) => scope.memberIds.includes(m))) return false;
  return scope.domains === undefined || (entry.domains.length > 0 && entry.domains.every((d) => scope.domains?.includes(d)));
}

/** The goals of a plan that a package holds: those of the asked domains. */
export const goalInScope = (goal: { domain: LifeDomain }, scope: DisclosureScope): boolean =>
  scope.domains === undefined || scope.domains.includes(goal.domain);

/** An assessment's scores that a package holds: those of the asked domains. */
export function scoresInScope(scores: Partial<Record<LifeDomain, number>>, scope: DisclosureScope): Partial<Record<LifeDomain, number>> {
  if (scope.domains === undefined) return scores;
  const kept: Partial<Record<LifeDomain, number>> = {};
  for (const domain of scope.domains) {
    const score = scores[domain];
    if (score !== undefined) kept[domain] = score;
  }
  return kept;
}
