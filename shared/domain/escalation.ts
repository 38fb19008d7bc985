import type { Money } from '../city.ts';
import { conflict, invalidInput } from '../errors.ts';

export const ESCALATION_STATUSES = [
  'awaiting_decision',
  'awaiting_information',
  'awaiting_budget_approval',
  'approved',
  'awaiting_evaluation',
  'rejected',
  'closed_resolved',
  'closed_unresolved',
  'failed',
] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** The statuses in which the escalation is over: the household may close again. */
export const FINAL_STATUSES: readonly EscalationStatus[] = ['rejected', 'closed_resolved', 'closed_unresolved', 'failed'];

/** While in these statuses an escalation is before the doorbraakteam (or its budget holder). */
export const BEFORE_DOORBRAAKTEAM: readonly EscalationStatus[] = ['awaiting_decision', 'awaiting_information', 'awaiting_budget_approval'];

/** The answers people give through the API, each awaited by one state of the flow. */
export const ANSWERS = ['decision', 'information', 'budget_approval', 'evaluation'] as const;
export type AnswerKind = (typeof ANSWERS)[number];

export const STATUS_AWAITING: Record<AnswerKind, EscalationStatus> = {
  decision: 'awaiting_decision',
  information: 'awaiting_information',
  budget_approval: 'awaiting_budget_approval',
  evaluation: 'awaiting_evaluation',
};

export interface HistoryEvent {
  at: string;
  /** A professional's user id, or `doorbraak-flow` for what the flow does by itself. */
  by: string;
  event: string;
  note: string | null;
}

export interface Escalation {
  id: string;
  householdId: string;
  /** The household's team when the escalation was submitted. */
  teamId: string;
  submittedBy: string;
  blockage: string;
  organisations: string[];
  proposal: string;
  cost?: Money;
  urgency: 'normal' | 'high';
  status: EscalationStatus;
  overdue: boolean;
  /** Which answer the flow waits for now, with the task token that resumes it. */
  awaiting?: AnswerKind;
  taskToken?: string;
  /** The precedent the doorbraakteam published from it (the precedent never names the escalation). */
  precedentId?: string;
  /** The W3C trace of the latest request that moved the escalation: what the flow does with an answer shares its trace. */
  traceId?: string;
  /** When the answer the flow waits for is due (the work list's due date); kept when the flow waits again after an SLA. */
  answerDueAt?: string;
  /** An answer handed to the flow that it has not recorded yet (api.md 1.1: answers to the flow). */
  pendingAnswer?: { kind: AnswerKind; at: string; by: string };
  decision?: 'approve' | 'reject' | 'request_info';
  decidedBy?: string;
  approvedCost?: Money;
  evaluateAt?: string;
  budgetApprovedBy?: string;
  history: HistoryEvent[];
  submittedAt: string;
  updatedAt: string;
}

export const FLOW_ACTOR = 'doorbraak-flow';

/** Step Functions Standard executions end after a year: the evaluation must come well before. */
export const MAX_EVALUATION_DAYS = 330;

export interface DecisionAnswer {
  decision: 'approve' | 'reject' | 'request_info';
  motivation: string;
  approvedCost?: Money;
  evaluateAt?: string;
}

/** Fields a decision carries only when it approves. */
export function checkDecision(answer: DecisionAnswer, now: string): void {
  if (answer.decision !== 'approve') {
    const extra = (['approvedCost', 'evaluateAt'] as const).filter((field) => answer[field] !== undefined);
    if (extra.length > 0) {
      throw invalidInput(
        'Only an approval carries a cost and an evaluation moment.',
        extra.map((name) => ({ name, code: 'not_allowed', reason: 'only allowed when decision is approve' })),
      );
    }
  }
  if (answer.evaluateAt !== undefined && answer.evaluateAt <= now) {
    throw invalidInput('The evaluation moment lies in the past.', [
      { name: 'evaluateAt', code: 'in_the_past', reason: 'must be in the future' },
    ]);
  }
  if (answer.evaluateAt !== undefined && Date.parse(answer.evaluateAt) > Date.parse(now) + MAX_EVALUATION_DAYS * 86_400_000) {
    throw invalidInput('The evaluation moment is too far ahead.', [
      { name: 'evaluateAt', code: 'too_late', reason: `must be within ${MAX_EVALUATION_DAYS} days` },
    ]);
  }
}

/** Rule 6 and 7: an answer only when the flow waits for it, by someone who may give it. */
export function checkAwaiting(escalation: Escalation, kind: AnswerKind): string {
  if (escalation.awaiting !== kind || !escalation.taskToken) {
    throw conflict(
      `The escalation is not waiting for ${kind === 'budget_approval' ? 'a budget approval' : `a${kind === 'information' || kind === 'evaluation' ? 'n' : ''} ${kind}`} (it is ${escalation.status}).`,
    );
  }
  return escalation.taskToken;
}

/** What the approved cost is: the decided one, else the one asked for, else nothing. */
export function approvedAmount(escalation: Pick<Escalation, 'cost'>, answer: Pick<DecisionAnswer, 'approvedCost'>): number {
  return answer.approvedCost?.amount ?? escalation.cost?.amount ?? 0;
}

export function defaultEvaluateAt(now: string, days: number): string {
  return new Date(Date.parse(now) + days * 24 * 60 * 60 * 1000).toISOString();
}

/** An answer as the API takes it, with its kind: what the flow is handed, and what decides the status it moves to. */
export type GivenAnswer =
  | { kind: 'decision'; payload: DecisionAnswer }
  | { kind: 'information'; payload: { information: string } }
  | { kind: 'budget_approval'; payload: { decision: 'approve' | 'reject'; motivation: string } }
  | { kind: 'evaluation'; payload: { resolved: boolean; note: string } };

/**
 * The status an answer moves the escalation to, as the state machine decides it
 * (infra/constructs/doorbraak-flow.ts): what a 202 shows before the flow has taken the answer.
 */
export function statusAfterAnswer(escalation: Pick<Escalation, 'cost'>, given: GivenAnswer, threshold: number): EscalationStatus {
  switch (given.kind) {
    case 'decision': {
      const answer = given.payload;
      if (answer.decision === 'reject') return 'rejected';
      if (answer.decision === 'request_info') return 'awaiting_information';
      return approvedAmount(escalation, answer) > threshold ? 'awaiting_budget_approval' : 'approved';
    }
    case 'information':
      return 'awaiting_decision';
    case 'budget_approval':
      return given.payload.decision === 'approve' ? 'approved' : 'rejected';
    case 'evaluation':
      return given.payload.resolved === true ? 'closed_resolved' : 'closed_unresolved';
  }
}

/** What the API shows: never the task token, nor the flow's bookkeeping (when the awaited answer is due, the last request's trace). */
export function escalationView(escalation: Escalation) {
  const { taskToken: _token, answerDueAt: _due, traceId: _trace, ...view } = escalation;
  return view;
}
