/**
 * Break-glass (noodtoegang, v1.2 rule 17): an interventieteam member opens a household outside
 * their reach in an acute situation, with a stated reason, for eight hours; every read under it
 * is logged with the grant, the household's team leaders hear of it at once and one of them
 * reviews it afterwards. Who may break the glass and what a grant reaches are the access
 * module's (shared/domain/access.ts); these are the grant's own rules, as plain functions.
 */
import type { ReachGrant } from './access.ts';
import { nextWorkingDay, type Task } from './tasks.ts';

/** How long a grant lasts. */
export const GRANT_HOURS = 8;
export const REASON_LENGTH = { min: 20, max: 2000 } as const;
export const REVIEW_NOTE_MAX = 2000;

export const VERDICTS = ['justified', 'unjustified'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The purpose every processing-log line under a grant carries (v1.2: `purpose: "break_glass"`). */
export const BREAK_GLASS_PURPOSE = 'break_glass';

export interface GrantReview {
  verdict: Verdict;
  note: string;
  by: { userId: string; name?: string };
  at: string;
}

export interface Grant extends ReachGrant {
  holder: { userId: string; name?: string };
  reason: string;
  grantedAt: string;
  review?: GrantReview;
}

export const grantExpiry = (at: string): string => new Date(Date.parse(at) + GRANT_HOURS * 3_600_000).toISOString();

/** The review waits with the household's team leaders for two working days (v1.2). */
const REVIEW_WORKING_DAYS = 2;

export const grantReviewTaskId = (grant: Pick<Grant, 'id'>): string => `break-glass.${grant.id.split('.')[1] ?? grant.id}`;

export function grantReviewTask(grant: Grant): Task {
  let dueDate = nextWorkingDay(grant.grantedAt);
  for (let day = 1; day < REVIEW_WORKING_DAYS; day++) dueDate = nextWorkingDay(`${dueDate}T12:00:00Z`);
  return {
    id: grantReviewTaskId(grant),
    kind: 'break_glass_review',
    dueDate,
    householdId: grant.householdId,
    teamId: grant.teamId,
    assignee: { leaders: grant.teamId },
    title: 'Review the break-glass access to the household',
    grantId: grant.id,
  };
}

/** What the grant's holder, the reviewer and the team leaders' list see of a grant. */
export const grantView = (grant: Grant) => ({
  id: grant.id,
  householdId: grant.householdId,
  teamId: grant.teamId,
  holder: grant.holder,
  reason: grant.reason,
  grantedAt: grant.grantedAt,
  expiresAt: grant.expiresAt,
  review: grant.review ?? null,
});
