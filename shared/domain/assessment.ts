import type { LifeDomain } from './life-domains.ts';

/** ZRM scores: 1 acute, 2 not self-reliant, 3 limited, 4 sufficient, 5 fully self-reliant. */
export type ZrmScore = 1 | 2 | 3 | 4 | 5;
export type Scores = Partial<Record<LifeDomain, ZrmScore>>;

export interface Assessment {
  id: string;
  householdId: string;
  scores: Scores;
  note?: string;
  assessedAt: string;
  assessedBy: string;
}

export interface AssessmentWithProgress extends Assessment {
  /** Per domain scored both now and in the first assessment: the change in points (positive is progress). */
  changeSinceFirst: Partial<Record<LifeDomain, number>>;
}

export function withProgress(assessment: Assessment, first: { scores: Record<string, number> } | undefined): AssessmentWithProgress {
  const changeSinceFirst: Partial<Record<LifeDomain, number>> = {};
  if (first) {
    for (const [domain, score] of Object.entries(assessment.scores) as [LifeDomain, number][]) {
      const baseline = first.scores[domain];
      if (baseline !== undefined) changeSinceFirst[domain] = score - baseline;
    }
  }
  return { ...assessment, changeSinceFirst };
}
