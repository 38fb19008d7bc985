import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoEscalationStore } from '#shared/db/escalation-store.ts';
import { ANSWERS, type AnswerKind, type Escalation, type EscalationStatus, STATUS_AWAITING } from '#shared/domain/escalation.ts';
import { executionNameOf } from '#shared/sfn/approval-flow.ts';
import { FLOW_STATES } from '../constructs/names.ts';
import type { LocalStepFunctions } from './step-functions.ts';

/** The state of the flow that waits for each answer. */
const WAITING_STATE: Record<AnswerKind, string> = {
  decision: FLOW_STATES.awaitDecision,
  information: FLOW_STATES.awaitInformation,
  budget_approval: FLOW_STATES.awaitBudgetApproval,
  evaluation: FLOW_STATES.awaitEvaluation,
};

/** Statuses in which an execution is still under way: waiting for an answer, or for the evaluation moment. */
const UNDER_WAY: EscalationStatus[] = [
  'awaiting_decision',
  'awaiting_information',
  'awaiting_budget_approval',
  'approved',
  'awaiting_evaluation',
];

const PAGE_SIZE = 100;
/** A city has dozens of open escalations, not a hundred thousand: the bound only stops a runaway loop. */
const MAX_PAGES = 1000;

/** Where the flow of an escalation waited, from what its record says; undefined when it waits for nothing. */
export function waitingStateOf(escalation: Escalation): { stateName: string; input: Record<string, unknown> } | undefined {
  const input: Record<string, unknown> = { escalationId: escalation.id };
  if (escalation.status === 'approved') {
    // Approved and waiting until the evaluation moment (the Wait state reads $.approved.evaluateAt).
    if (!escalation.evaluateAt) return undefined;
    return { stateName: FLOW_STATES.waitForEvaluation, input: { ...input, approved: { evaluateAt: escalation.evaluateAt } } };
  }
  // A record without `awaiting` in an awaiting status had its answer claimed but not delivered
  // when the server stopped: the flow waits again, and the answer is given again.
  const kind = escalation.awaiting ?? ANSWERS.find((answer) => STATUS_AWAITING[answer] === escalation.status);
  if (!kind) return undefined;
  return { stateName: WAITING_STATE[kind], input };
}

/**
 * Local executions live in the server's process, so a restart would leave every waiting
 * escalation stranded. On start, local mode reads the escalations under way from the
 * escalation queue index (by status, no Scan) and starts each one's flow again at the state it
 * waited in. The waiting task then hands out a new token, as a retried task does on AWS;
 * a decision SLA starts again from the restart.
 */
export async function resumeWaitingFlows(
  db: DynamoDBDocumentClient,
  tableName: string,
  stepFunctions: LocalStepFunctions,
): Promise<number> {
  const store = dynamoEscalationStore(db, tableName);
  let resumed = 0;
  for (const status of UNDER_WAY) {
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { items, next } = await store.queue(status, PAGE_SIZE, after);
      for (const escalation of items) {
        const waiting = waitingStateOf(escalation);
        if (!waiting) continue;
        stepFunctions.resume(executionNameOf(escalation.id), waiting.input, waiting.stateName);
        resumed++;
      }
      if (!next) break;
      after = next;
    }
  }
  return resumed;
}
