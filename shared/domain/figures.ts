import type { TriageOutcome } from './intake.ts';

/**
 * The figures the seeds argue with, kept as counters per team and calendar month
 * (Europe/Amsterdam), written in the same transaction as the change they count.
 */
export const COUNTERS = [
  'intakes',
  'resolvedByIntaker',
  'referredToCoach',
  'referredToInterventieteam',
  'referredExternal',
  'complex',
  'plansAgreed',
  'escalationsSubmitted',
  'escalationsApproved',
  'escalationsRejected',
  'escalationsOverdue',
  'decisions',
  'decisionHours',
  'signalsReceived',
  'signalsReached',
  'signalsHelpAccepted',
  'breakGlassGrants',
  'breakGlassUnjustified',
] as const;
export type Counter = (typeof COUNTERS)[number];

/** The signal counters again per partner (`partner.<id>.<counter>`), and days to first contact as a histogram (`[partner.<id>.]firstContactDays.<days>`), so medians come from counters too. */
export type SignalCounterKey = `partner.${string}.${Counter}` | `${'' | `partner.${string}.`}firstContactDays.${number}`;

/** A team's counters of a month as read: the fixed ones and the per-partner and histogram ones. */
export type Counts = Partial<Record<Counter | SignalCounterKey, number>>;

const COUNTER_NAMES: ReadonlySet<string> = new Set(COUNTERS);

/** Whether a stored attribute is one of the counters (fixed, per partner, or a histogram bucket). */
export const isCounterName = (name: string): name is Counter | SignalCounterKey =>
  COUNTER_NAMES.has(name) ||
  /^(partner\.[a-z0-9-]+\.)?firstContactDays\.\d+$/.test(name) ||
  /^partner\.[a-z0-9-]+\.signals(Received|Reached|HelpAccepted)$/.test(name);

export interface CounterChange {
  teamId: string;
  /** YYYY-MM in Europe/Amsterdam; undefined for the running count of open households. */
  month?: string;
  counts: Partial<Record<Counter | SignalCounterKey | 'openHouseholds', number>>;
}

let amsterdamMonthFormat: Intl.DateTimeFormat | undefined;

/** The calendar month in Europe/Amsterdam of a UTC timestamp: 2026-01-31T23:30Z is 2026-02. (The format is made at first use, as amsterdamDate's.) */
export function monthOf(timestamp: string): string {
  if (amsterdamMonthFormat === undefined)
    amsterdamMonthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });
  const parts = amsterdamMonthFormat.formatToParts(new Date(timestamp));
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

export const count = (teamId: string, at: string, counts: CounterChange['counts']): CounterChange => ({
  teamId,
  month: monthOf(at),
  counts,
});

export const openHouseholds = (teamId: string, delta: number): CounterChange => ({ teamId, counts: { openHouseholds: delta } });

const TRIAGE_COUNTER: Record<TriageOutcome, Counter> = {
  resolved_by_intaker: 'resolvedByIntaker',
  referred_to_coach: 'referredToCoach',
  referred_to_interventieteam: 'referredToInterventieteam',
  referred_external: 'referredExternal',
};

export function triageCounts(outcome: TriageOutcome, complex: boolean): CounterChange['counts'] {
  return { [TRIAGE_COUNTER[outcome]]: 1, ...(complex ? { complex: 1 } : {}) };
}

/** A signal counted for its team and its partner. */
export function signalCounts(partnerId: string, counter: 'signalsReceived' | 'signalsReached' | 'signalsHelpAccepted', n = 1): Counts {
  return { [counter]: n, [`partner.${partnerId}.${counter}`]: n };
}

/** A signal's first contact, `days` after its receipt, in the team's and the partner's histogram. */
export function firstContactCounts(partnerId: string, days: number): Counts {
  return { [`firstContactDays.${days}`]: 1, [`partner.${partnerId}.firstContactDays.${days}`]: 1 };
}

/** Adds counts (of several signals in one change) into one. */
export function addCounts(...all: Counts[]): Counts {
  // Keyed by any name: every name summed is one of the given counts'.
  const sum: Record<string, number> = {};
  for (const counts of all) for (const [name, value] of Object.entries(counts)) sum[name] = (sum[name] ?? 0) + (value ?? 0);
  return sum;
}

export interface SignalFigures {
  received: number;
  reached: number;
  helpAccepted: number;
  /** Null while no signal has had a contact attempt (api.md precisions). */
  medianDaysToFirstContact: number | null;
}

/** The median of a histogram of whole days: the middle value, or the mean of the two middle ones. */
export function medianOfHistogram(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (rank < seen) return days;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? valueAt(middle) : (valueAt(middle - 1) + valueAt(middle)) / 2;
}

/** The signal figures of a team's (or the city's) counts; with a partner, that partner's. */
export function signalFigures(counts: Counts, partnerId?: string): SignalFigures {
  const prefix = partnerId ? `partner.${partnerId}.` : '';
  // Read by any name: a partner's counter names are built from its id.
  const byName: Readonly<Record<string, number | undefined>> = counts;
  const read = (name: string) => byName[name] ?? 0;
  const histogram = new Map<number, number>();
  for (const [name, value] of Object.entries(counts)) {
    if (!name.startsWith(`${prefix}firstContactDays.`)) continue;
    histogram.set(Number(name.slice(`${prefix}firstContactDays.`.length)), value ?? 0);
  }
  return {
    received: read(`${prefix}signalsReceived`),
    reached: read(`${prefix}signalsReached`),
    helpAccepted: read(`${prefix}signalsHelpAccepted`),
    medianDaysToFirstContact: medianOfHistogram(histogram),
  };
}

export interface TeamFigures {
  teamId: string;
  intakes: number;
  resolvedByIntaker: number;
  referredToCoach: number;
  referredToInterventieteam: number;
  referredExternal: number;
  complex: number;
  openHouseholds: number;
  plansAgreed: number;
  escalations: { submitted: number; approved: number; rejected: number; overdue: number };
  /** Almelo's "almost 1 in 4": of the intakes triaged, the share the intaker resolved at once. */
  resolvedByIntakerShare: number | null;
  /** Almelo's 23%: of the cases referred to a coach, the share that is complex. */
  complexShare: number | null;
  averageDecisionHours: number | null;
  signals: SignalFigures;
  /** Break-glass grants on the team's households (v1.2), and how many of them a team leader judged unjustified (in the grant's month). */
  breakGlass: { grants: number; unjustified: number };
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export function teamFigures(teamId: string, counts: Counts, open: number): TeamFigures {
  const n = (counter: Counter) => counts[counter] ?? 0;
  const triaged = n('resolvedByIntaker') + n('referredToCoach') + n('referredToInterventieteam') + n('referredExternal');
  return {
    teamId,
    intakes: n('intakes'),
    resolvedByIntaker: n('resolvedByIntaker'),
    referredToCoach: n('referredToCoach'),
    referredToInterventieteam: n('referredToInterventieteam'),
    referredExternal: n('referredExternal'),
    complex: n('complex'),
    openHouseholds: open,
    plansAgreed: n('plansAgreed'),
    escalations: {
      submitted: n('escalationsSubmitted'),
      approved: n('escalationsApproved'),
      rejected: n('escalationsRejected'),
      overdue: n('escalationsOverdue'),
    },
    resolvedByIntakerShare: share(n('resolvedByIntaker'), triaged),
    complexShare: share(n('complex'), n('referredToCoach')),
    averageDecisionHours: n('decisions') > 0 ? Math.round((n('decisionHours') / n('decisions')) * 10) / 10 : null,
    signals: signalFigures(counts),
    breakGlass: { grants: n('breakGlassGrants'), unjustified: n('breakGlassUnjustified') },
  };
}

/** The city's total row: the sum of the teams, with the shares derived again from the sums, and the signals per partner. */
export function cityTotal(
  rows: { counts: Counts; open: number }[],
  partners: { id: string; name: string }[],
): TeamFigures & { partners: ({ partnerId: string; name: string } & SignalFigures)[] } {
  const counts = addCounts(...rows.map((row) => row.counts));
  return {
    ...teamFigures(
      'city',
      counts,
      rows.reduce((sum, row) => sum + row.open, 0),
    ),
    partners: partners.map((partner) => ({ partnerId: partner.id, name: partner.name, ...signalFigures(counts, partner.id) })),
  };
}
