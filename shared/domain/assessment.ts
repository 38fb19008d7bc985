import { invalidInput } from '../errors.ts';
import { isLifeDomain, type LifeDomain } from './life-domains.ts';

/** ZRM scores: 1 acute, 2 not self-reliant, 3 limited, 4 sufficient, 5 fully self-reliant. */
export const ZRM_SCORES = [1, 2, 3, 4, 5] as const;
export type ZrmScore = (typeof ZRM_SCORES)[number];
export type Scores = Partial<Record<LifeDomain, ZrmScore>>;

const isZrmScore = (score: number): score is ZrmScore => Number.isInteger(score) && score >= 1 && score <= 5;

/** Scores as the contract let them through (whole numbers 1–5), as the domain's type; anything else is refused. */
export function zrmScores(scores: Partial<Record<LifeDomain, number>>): Scores {
  const checked: Scores = {};
  for (const [domain, score] of Object.entries(scores)) {
    // The contract lets only the domains through: another key is refused without echoing it.
    if (!isLifeDomain(domain))
      throw invalidInput('Scores are given per life domain.', [
        { name: 'scores', code: 'unknown_domain', reason: 'holds a domain the ZRM does not know' },
      ]);
    if (score === undefined || !isZrmScore(score))
      throw invalidInput('A ZRM score is a whole number from 1 to 5.', [
        { name: `scores.${domain}`, code: 'too_big', reason: 'must be 1 to 5' },
      ]);
    checked[domain] = score;
  }
  return checked;
}

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
    for (const [domain, score] of Object.entries(assessment.scores)) {
      const baseline = first.scores[domain];
      // Scores are stored by domain (the record's schema checks it), each 1–5.
      if (isLifeDomain(domain) && score !== undefined && baseline !== undefined) changeSinceFirst[domain] = score - baseline;
    }
  }
  return { ...assessment, changeSinceFirst };
}
