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
] as const;
export type Counter = (typeof COUNTERS)[number];

export interface CounterChange {
  teamId: string;
  /** YYYY-MM in Europe/Amsterdam; undefined for the running count of open households. */
  month?: string;
  counts: Partial<Record<Counter | 'openHouseholds', number>>;
}

const AMSTERDAM_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });

/** The calendar month in Europe/Amsterdam of a UTC timestamp: 2026-01-31T23:30Z is 2026-02. */
export function monthOf(timestamp: string): string {
  const parts = AMSTERDAM_MONTH.formatToParts(new Date(timestamp));
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
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export function teamFigures(teamId: string, counts: Partial<Record<Counter, number>>, open: number): TeamFigures {
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
  };
}

/** The city's total row: the sum of the teams, with the shares derived again from the sums. */
export function cityTotal(rows: { counts: Partial<Record<Counter, number>>; open: number }[]): TeamFigures {
  const counts: Partial<Record<Counter, number>> = {};
  for (const row of rows)
    for (const [counter, value] of Object.entries(row.counts))
      counts[counter as Counter] = (counts[counter as Counter] ?? 0) + (value ?? 0);
  return teamFigures(
    'city',
    counts,
    rows.reduce((sum, row) => sum + row.open, 0),
  );
}
