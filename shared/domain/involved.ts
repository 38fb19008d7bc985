import type { InvalidParam } from '../errors.ts';
import type { LifeDomain } from './life-domains.ts';

/**
 * The network around the household (v1.2, issue 27): the professionals of other organisations and
 * the household's own family and neighbours who are involved, kept on the household so that the
 * dossier, the journal and the plan name them in one read. An ended party is kept, as former.
 */
export const INVOLVED_KINDS = ['professional', 'informal'] as const;
export type InvolvedKind = (typeof INVOLVED_KINDS)[number];

/** A household names at most this many parties at once (they live on the household item, which DynamoDB bounds at 400 kB). */
export const MAX_INVOLVED = 50;

export interface InvolvedInput {
  kind: InvolvedKind;
  name: string;
  organisation?: string | undefined;
  role?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  about?: string[] | undefined;
  domains?: LifeDomain[] | undefined;
  since?: string | undefined;
}

export interface InvolvedParty {
  id: string;
  kind: InvolvedKind;
  name: string;
  organisation?: string;
  role?: string;
  phone?: string;
  email?: string;
  /** The members it is involved with (none: the household as a whole). */
  about: string[];
  domains: LifeDomain[];
  since?: string;
  addedAt: string;
  addedBy: string;
}

export interface FormerInvolvedParty extends InvolvedParty {
  until: string;
  endReason: string;
  endedAt: string;
  endedBy: string;
}

/**
 * What is wrong with a party for this household, beyond its schema: a professional names their
 * organisation; it is about members of this household.
 */
export function involvedProblems(input: InvolvedInput, members: readonly { id: string }[]): InvalidParam[] {
  const problems: InvalidParam[] = [];
  if (input.kind === 'professional' && !input.organisation)
    problems.push({ name: 'organisation', code: 'required', reason: 'required for a professional' });
  const known = new Set(members.map((m) => m.id));
  (input.about ?? []).forEach((memberId, i) => {
    if (!known.has(memberId)) problems.push({ name: `about.${i}`, code: 'unknown_member', reason: 'must be a member of the household' });
  });
  return problems;
}

/** The party as the household keeps it: the input's fields that are given, deduplicated. */
export function involvedFrom(id: string, input: InvolvedInput, added: { at: string; by: string }): InvolvedParty {
  return {
    id,
    kind: input.kind,
    name: input.name,
    ...(input.organisation ? { organisation: input.organisation } : {}),
    ...(input.role ? { role: input.role } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
    about: [...new Set(input.about ?? [])],
    domains: [...new Set(input.domains ?? [])],
    ...(input.since ? { since: input.since } : {}),
    addedAt: added.at,
    addedBy: added.by,
  };
}
