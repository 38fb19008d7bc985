import type { CityRuntimeConfig, Money } from '../city.ts';
import {
  type AnswerKind,
  approvedAmount,
  type DecisionAnswer,
  defaultEvaluateAt,
  type Escalation,
  FINAL_STATUSES,
  FLOW_ACTOR,
  type HistoryEvent,
  STATUS_AWAITING,
} from '../domain/escalation.ts';
import { count } from '../domain/figures.ts';
import { recordDoorbraak } from '../domain/plan.ts';
import { escalationTask } from '../domain/tasks.ts';
import { parseHouseholdChildId } from '../ids.ts';
import { activityOf } from '../processing-activities.ts';
import { membersOf, processingLogLine } from '../processing-log.ts';
import { registerOf } from '../processing-register.ts';
import { newSpanId, newTraceId } from '../trace-context.ts';
import { type BusinessMetrics, type EscalationStore, noMetrics } from './ports.ts';

/**
 * The work of the doorbraak flow's Lambda tasks. The state machine decides what happens next;
 * each task only records it, so the escalation's status and history follow the execution.
 */
/** An answer as the API hands it to the flow: who, when, and the trace of that request. */
type Answered<T> = T & { by: string; at: string; traceId?: string };

export type FlowTask =
  | { action: 'await'; escalationId: string; awaiting: AnswerKind; token: string }
  | { action: 'recordDecision'; escalationId: string; answer: Answered<DecisionAnswer> }
  | { action: 'recordInformation'; escalationId: string; answer: Answered<{ information: string }> }
  | { action: 'recordBudgetApproval'; escalationId: string; answer: Answered<{ decision: 'approve' | 'reject'; motivation: string }> }
  | { action: 'markOverdue'; escalationId: string }
  | { action: 'approve'; escalationId: string }
  | { action: 'reject'; escalationId: string }
  | { action: 'recordEvaluation'; escalationId: string; answer: Answered<{ resolved: boolean; note: string }> }
  | { action: 'fail'; escalationId: string; error?: { Error?: string; Cause?: string } };

export interface FlowPorts {
  store: EscalationStore;
  city: CityRuntimeConfig;
  now: () => string;
  /** Called with the trace the task belongs to, before it does anything, so that its log lines carry it. */
  onTrace?: (traceId: string) => void;
  /** Called when a decision passes the SLA: the team leader is to be told. */
  onOverdue?: (escalation: Escalation) => void | Promise<void>;
  metrics?: BusinessMetrics;
}

export class FlowStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowStepError';
  }
}

async function escalationOf(store: EscalationStore, escalationId: string) {
  const ids = parseHouseholdChildId(escalationId);
  if (!ids) throw new FlowStepError('malformed escalation id');
  const found = await store.read(ids.householdId, ids.key);
  if (!found.escalation) throw new FlowStepError('escalation not found');
  return { ...found, escalation: found.escalation };
}

const event = (at: string, by: string, name: string, note: string | null = null): HistoryEvent => ({ at, by, event: name, note });

const isFinal = (status: Escalation['status']) => FINAL_STATUSES.includes(status);

/**
 * When the answer the flow now waits for is due: the evaluation on its date; any other answer
 * within the city's decision SLA. Waiting again for the same answer after the SLA passed keeps
 * the first due date, so the task stays overdue.
 */
function answerDue(escalation: Escalation, awaiting: AnswerKind, now: string, slaHours: number): string {
  if (awaiting === 'evaluation' && escalation.evaluateAt) return escalation.evaluateAt;
  // Waiting for the decision again after its SLA passed (the status has not moved): the first due date stands.
  const again = awaiting === 'decision' && escalation.overdue && escalation.status === 'awaiting_decision';
  if ((again || escalation.awaiting === awaiting) && escalation.answerDueAt) return escalation.answerDueAt;
  return new Date(Date.parse(now) + slaHours * 3_600_000).toISOString();
}

export async function runFlowTask(ports: FlowPorts, task: FlowTask): Promise<Record<string, unknown>> {
  const { store } = ports;
  const metrics = ports.metrics ?? noMetrics;
  const { escalation, plan, household } = await escalationOf(store, task.escalationId);
  const now = ports.now();
  // A decision and what the flow does with it share a trace: an answer brings its request's, a later step the escalation's.
  const traceId = ('answer' in task ? task.answer.traceId : undefined) ?? escalation.traceId ?? newTraceId();
  ports.onTrace?.(traceId);
  const traced = (fields: Partial<Escalation> = {}) => ({ ...fields, traceId });
  const flowLine = (resource: string, status: 'ok' | 'error' = 'ok') =>
    processingLogLine(
      {
        principal: { userId: FLOW_ACTOR, roles: [], teams: [] },
        purpose: 'doorbraak',
        traceId,
        spanId: newSpanId(),
        processingActivity: { id: 'doorbraak', version: activityOf(registerOf(ports.city), 'doorbraak').version },
        now,
      },
      escalation.householdId,
      'update',
      resource,
      household ? membersOf(household) : [],
      status,
    );
  switch (task.action) {
    case 'await': {
      const status = STATUS_AWAITING[task.awaiting];
      const answerDueAt = answerDue(escalation, task.awaiting, now, ports.city.decisionSlaHours);
      const waitingFor = { ...escalation, awaiting: task.awaiting, answerDueAt };
      const workListTask = escalationTask(waitingFor, household?.teamId ?? escalation.teamId, answerDueAt);
      await store.awaitAnswer({
        escalation,
        kind: task.awaiting,
        status,
        token: task.token,
        event: event(now, FLOW_ACTOR, status),
        answerDueAt,
        ...(workListTask ? { task: workListTask } : {}),
      });
      return {};
    }
    case 'recordDecision': {
      const { answer } = task;
      const fields: Partial<Escalation> = { decision: answer.decision, decidedBy: answer.by };
      if (answer.decision === 'approve') {
        const cost: Money | undefined = answer.approvedCost ?? escalation.cost;
        if (cost) fields.approvedCost = cost;
        if (answer.evaluateAt) fields.evaluateAt = answer.evaluateAt;
      }
      // Lead time counts from submission to the decision that settles it (not to a request for information).
      const hours = Math.round(((Date.parse(answer.at) - Date.parse(escalation.submittedAt)) / 3_600_000) * 100) / 100;
      const settles = answer.decision !== 'request_info';
      await store.recordEvent(
        escalation,
        event(answer.at, answer.by, `decision: ${answer.decision}`, answer.motivation),
        traced(fields),
        settles ? [count(escalation.teamId, answer.at, { decisions: 1, decisionHours: hours })] : [],
      );
      if (settles) metrics.record('DecisionLeadTime', hours);
      return { decision: answer.decision, approvedAmount: approvedAmount(escalation, answer) };
    }
    case 'recordInformation':
      await store.recordEvent(escalation, event(task.answer.at, task.answer.by, 'information given', task.answer.information), traced());
      return {};
    case 'recordBudgetApproval': {
      const { answer } = task;
      await store.recordEvent(
        escalation,
        event(answer.at, answer.by, `budget: ${answer.decision}`, answer.motivation),
        traced({ budgetApprovedBy: answer.by }),
      );
      return { decision: answer.decision };
    }
    case 'markOverdue': {
      // Counted once per escalation, however many SLA periods pass.
      const first = !escalation.overdue;
      await store.recordEvent(
        escalation,
        event(now, FLOW_ACTOR, 'overdue', `No decision within the decision SLA of ${ports.city.decisionSlaHours} hours.`),
        { overdue: true },
        first ? [count(escalation.teamId, now, { escalationsOverdue: 1 })] : [],
        // The timed-out token is dead: until the flow waits again with a new one, an answer is 409, not lost.
        ['taskToken', 'awaiting'],
      );
      if (first) metrics.record('EscalationOverdue');
      await ports.onOverdue?.(escalation);
      return {};
    }
    case 'approve': {
      // A retry of a task whose write already committed: done, nothing twice (the write is conditional too).
      if (escalation.status === 'approved' || isFinal(escalation.status)) return { evaluateAt: escalation.evaluateAt };
      if (!plan || plan.status === 'closed') throw new FlowStepError('the household has no plan to record the doorbraak on');
      const evaluateAt = escalation.evaluateAt ?? defaultEvaluateAt(now, ports.city.defaultEvaluationPeriodDays);
      const withDoorbraak = recordDoorbraak(
        plan,
        {
          escalationId: escalation.id,
          proposal: escalation.proposal,
          organisations: escalation.organisations,
          ...(escalation.approvedCost ? { approvedCost: escalation.approvedCost } : {}),
          approvedAt: now,
          evaluateAt,
        },
        FLOW_ACTOR,
        now,
      );
      const log = flowLine(`/households/${escalation.householdId}/plan`);
      await store.approve({
        escalation,
        historyEvent: event(now, FLOW_ACTOR, 'approved', "Recorded on the household's plan."),
        evaluateAt,
        plan: withDoorbraak,
        expectedPlanVersion: plan.version,
        log,
        counters: [count(escalation.teamId, now, { escalationsApproved: 1 })],
      });
      metrics.record('EscalationApproved');
      return { evaluateAt };
    }
    case 'reject':
      if (isFinal(escalation.status)) return {};
      await store.finish(escalation, 'rejected', event(now, FLOW_ACTOR, 'rejected'), [
        count(escalation.teamId, now, { escalationsRejected: 1 }),
      ]);
      metrics.record('EscalationRejected');
      return {};
    case 'recordEvaluation': {
      const { answer } = task;
      const status = answer.resolved ? 'closed_resolved' : 'closed_unresolved';
      if (isFinal(escalation.status)) return {};
      await store.finish(escalation, status, event(answer.at, answer.by, status, answer.note));
      return {};
    }
    case 'fail':
      if (isFinal(escalation.status)) return {};
      // The processing the flow was doing did not complete: the household's log says so (status error).
      await store.finish(
        escalation,
        'failed',
        event(now, FLOW_ACTOR, 'failed', task.error?.Error ?? null),
        [],
        flowLine(`/escalations/${escalation.id}`, 'error'),
      );
      return {};
  }
}
