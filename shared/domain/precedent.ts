import type { Money } from '../city.ts';
import { isValidBsn } from './bsn.ts';
import type { Escalation } from './escalation.ts';
import type { LifeDomain } from './life-domains.ts';
import { nameWords } from './names.ts';

/**
 * A decided doorbraak published as a lesson for everyone (domain.md rule 14): the doorbraakteam's
 * own words for publication, and the facts of the decision. It holds no household id, no name
 * and no BSN, not even a link to the escalation: the escalation knows its precedent, never the
 * other way round.
 */
export interface PrecedentText {
  summary: string;
  blockingRule: string;
  organisations: string[];
  domains: LifeDomain[];
  solution: string;
}

export interface Precedent extends PrecedentText {
  id: string;
  decision: 'approved' | 'rejected';
  approvedCost?: Money;
  outcome: 'resolved' | 'unresolved' | 'pending';
  decidedAt: string;
  leadTimeDays: number;
  publishedAt: string;
  publishedBy: string;
  updatedAt: string;
}

const APPROVED: readonly Escalation['status'][] = ['approved', 'awaiting_evaluation', 'closed_resolved', 'closed_unresolved'];

/** The decision as a precedent states it; undefined while the doorbraak is not decided (or the flow failed). */
export function decisionOf(escalation: Escalation): Precedent['decision'] | undefined {
  if (escalation.status === 'rejected') return 'rejected';
  return APPROVED.includes(escalation.status) ? 'approved' : undefined;
}

/** The evaluation's result: a rejected doorbraak, or one not yet evaluated, stays pending. */
export function outcomeOf(escalation: Pick<Escalation, 'status'>): Precedent['outcome'] {
  return escalation.status === 'closed_resolved' ? 'resolved' : escalation.status === 'closed_unresolved' ? 'unresolved' : 'pending';
}

/** When the decision that settled it was taken: the last approve or reject in the history. */
export function decidedAtOf(escalation: Escalation): string {
  const settled = escalation.history.filter((e) => e.event === 'decision: approve' || e.event === 'decision: reject').at(-1);
  return settled?.at ?? escalation.updatedAt;
}

export const leadTimeDays = (submittedAt: string, decidedAt: string): number =>
  Math.round(((Date.parse(decidedAt) - Date.parse(submittedAt)) / 86_400_000) * 10) / 10;

/**
 * Personal data in a text meant for publication: a BSN-shaped number that passes the 11-proef,
 * or a word of a member's name (of the household the doorbraak was about) that is not a common
 * word of at most three letters. The doorbraakteam writes in its own words; this catches a name
 * or number copied from the case.
 */
export function personalDataIn(text: string, memberNames: string[]): 'bsn' | 'name' | undefined {
  if ((text.match(/\d{9}/g) ?? []).some(isValidBsn)) return 'bsn';
  const words = new Set(nameWords(text));
  const nameParts = memberNames.flatMap(nameWords).filter((word) => word.length > 3);
  return nameParts.some((part) => words.has(part)) ? 'name' : undefined;
}

export interface PrecedentFilter {
  q?: string;
  organisation?: string;
  domain?: LifeDomain;
  decision?: Precedent['decision'];
}

/** `q`: every word must start a word of the summary, blocking rule or solution (case- and accent-insensitive). */
export function matchesFilter(precedent: Precedent, filter: PrecedentFilter): boolean {
  if (filter.decision && precedent.decision !== filter.decision) return false;
  if (filter.domain && !precedent.domains.includes(filter.domain)) return false;
  if (filter.organisation) {
    const wanted = nameWords(filter.organisation).join(' ');
    if (!precedent.organisations.some((o) => nameWords(o).join(' ') === wanted)) return false;
  }
  if (filter.q) {
    const words = nameWords(`${precedent.summary} ${precedent.blockingRule} ${precedent.solution}`);
    if (!nameWords(filter.q).every((term) => words.some((word) => word.startsWith(term)))) return false;
  }
  return true;
}

export interface PrecedentFigure {
  count: number;
  approvedShare: number;
  medianLeadTimeDays: number | null;
  /** Of the evaluated approved doorbraken, the share that resolved the problem; null while none is evaluated. */
  resolvedShare: number | null;
  approvedCost: Money;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

export function figureOf(precedents: Precedent[]): PrecedentFigure {
  const approved = precedents.filter((p) => p.decision === 'approved');
  const evaluated = approved.filter((p) => p.outcome !== 'pending');
  return {
    count: precedents.length,
    approvedShare: share(approved.length, precedents.length) ?? 0,
    medianLeadTimeDays: median(precedents.map((p) => p.leadTimeDays)),
    resolvedShare: share(evaluated.filter((p) => p.outcome === 'resolved').length, evaluated.length),
    approvedCost: {
      amount: Math.round(approved.reduce((sum, p) => sum + (p.approvedCost?.amount ?? 0), 0) * 100) / 100,
      currency: 'EUR',
    },
  };
}

/** What blocks most: per organisation and per blocking rule, most often first. */
export function precedentFigures(precedents: Precedent[]) {
  const groupBy = (keyOf: (p: Precedent) => string[]) => {
    const groups = new Map<string, Precedent[]>();
    for (const p of precedents) for (const key of new Set(keyOf(p))) groups.set(key, [...(groups.get(key) ?? []), p]);
    return [...groups.entries()]
      .map(([key, group]) => ({ key, figure: figureOf(group) }))
      .sort((a, b) => b.figure.count - a.figure.count || a.key.localeCompare(b.key));
  };
  return {
    organisations: groupBy((p) => p.organisations).map(({ key, figure }) => ({ organisation: key, ...figure })),
    blockingRules: groupBy((p) => [p.blockingRule]).map(({ key, figure }) => ({ blockingRule: key, ...figure })),
  };
}
