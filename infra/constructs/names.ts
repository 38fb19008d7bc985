/**
 * Names the synthesized template carries that local mode and the tests read: kept apart from
 * the constructs, so that reading a template never loads aws-cdk-lib.
 */

/** The template metadata key that names a function's folder under functions/; local mode reads it. */
export const FUNCTION_METADATA_KEY = 'wijkteams:function';

/** State names: local mode and the tests address states by them. */
export const FLOW_STATES = {
  awaitDecision: 'AwaitDecision',
  markOverdue: 'MarkOverdue',
  recordDecision: 'RecordDecision',
  decisionChoice: 'Decision?',
  awaitInformation: 'AwaitInformation',
  recordInformation: 'RecordInformation',
  awaitBudgetApproval: 'AwaitBudgetApproval',
  recordBudgetApproval: 'RecordBudgetApproval',
  budgetChoice: 'Budget approved?',
  approve: 'RecordApproval',
  reject: 'RecordRejection',
  waitForEvaluation: 'WaitForEvaluation',
  awaitEvaluation: 'AwaitEvaluation',
  recordEvaluation: 'RecordEvaluation',
  recordFailure: 'RecordFailure',
} as const;
