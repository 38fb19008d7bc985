import * as z from 'zod/mini';
import type { CityRuntimeConfig, Money } from '../city.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import {
  approvesBudgetOf,
  BUDGET_HOLDERS,
  DOORBRAAKTEAM,
  decidesEscalation,
  evaluatesEscalation,
  hasAnyRole,
  informsEscalation,
  requireAnyRole,
  seesEscalationsOf,
  teamHousehold,
} from '../domain/access.ts';
import {
  checkAwaiting,
  checkDecision,
  type DecisionAnswer,
  type Escalation,
  type EscalationStatus,
  escalationView,
  FLOW_ACTOR,
  type GivenAnswer,
  statusAfterAnswer,
} from '../domain/escalation.ts';
import { count } from '../domain/figures.ts';
import type { Household } from '../domain/household.ts';
import { NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import { escalationTask } from '../domain/tasks.ts';
import { conflict, forbidden, notFound, serviceUnavailable } from '../errors.ts';
import { householdChildId, newId, parseHouseholdChildId, timeOrderedId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { type ApprovalFlow, type BusinessMetrics, type EscalationStore, noMetrics } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface EscalationPorts {
  store: EscalationStore;
  flow: ApprovalFlow;
  /** The budget threshold decides the status an approval moves to. */
  city: CityRuntimeConfig;
  metrics?: BusinessMetrics;
}

export interface NewEscalation {
  blockage: string;
  organisations: string[];
  proposal: string;
  cost?: Money;
  urgency: 'normal' | 'high';
}

const resource = (escalationId: string, rest = '') => `/escalations/${escalationId}${rest}`;

export async function submitEscalation(ports: EscalationPorts, context: RequestContext, householdId: string, input: NewEscalation) {
  const read = await ports.store.read(householdId);
  const household = teamHousehold(context.principal, read.household);
  const { plan } = read;
  if (household.status !== 'open') throw conflict('The household is closed.');
  if (!plan || plan.status === 'closed') throw conflict('A doorbraak unblocks a plan: the household needs a plan that is not closed.');
  const id = householdChildId(householdId, newId());
  const escalation: Escalation = {
    id,
    householdId,
    teamId: household.teamId,
    submittedBy: context.principal.userId,
    ...input,
    status: 'awaiting_decision',
    overdue: false,
    history: [{ at: context.now, by: context.principal.userId, event: 'submitted', note: null }],
    submittedAt: context.now,
    updatedAt: context.now,
    traceId: context.traceId,
  };
  await ports.store.submit(
    escalation,
    processingLogLine(context, householdId, 'create', `/households/${householdId}/escalations`, membersOf(household)),
    [count(household.teamId, context.now, { escalationsSubmitted: 1 })],
  );
  (ports.metrics ?? noMetrics).record('EscalationSubmitted');
  try {
    await ports.flow.start(escalation);
  } catch (startError) {
    // Without a flow the escalation would wait forever (and keep the household open): it ends as failed, in its history.
    const closed = await ports.store
      .finish(escalation, 'failed', { at: context.now, by: FLOW_ACTOR, event: 'failed', note: 'The approval flow could not start.' })
      .then(
        () => undefined,
        (finishError: unknown) => finishError,
      );
    // The 503 keeps both causes, so the pipeline's log of the failed request names them.
    const cause =
      closed === undefined ? startError : new AggregateError([startError, closed], 'flow start and its failure record both failed');
    throw serviceUnavailable('The approval flow could not start, so the escalation was closed as failed. Submit it again later.', cause);
  }
  return escalationView(escalation);
}

async function load(ports: EscalationPorts, context: RequestContext, escalationId: string) {
  const ids = parseHouseholdChildId(escalationId);
  if (!ids) throw notFound('Escalation');
  const { household, escalation } = await ports.store.read(ids.householdId, ids.key);
  if (!escalation || !seesEscalationsOf(context.principal, household)) throw notFound('Escalation');
  return { household, escalation };
}

export async function readEscalation(ports: EscalationPorts, context: RequestContext, escalationId: string) {
  const { escalation, household } = await load(ports, context, escalationId);
  await ports.store.appendProcessingLog([
    processingLogLine(context, escalation.householdId, 'read', resource(escalation.id), household ? membersOf(household) : []),
  ]);
  return escalationView(escalation);
}

const QueueCursor = z.object({ status: z.string(), after: z.string() });

export async function escalationQueue(
  ports: EscalationPorts,
  context: RequestContext,
  query: { status?: EscalationStatus; limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof escalationView>>> {
  // Without a status, each role sees what waits for it.
  const status = query.status ?? (hasAnyRole(context.principal, DOORBRAAKTEAM) ? 'awaiting_decision' : 'awaiting_budget_approval');
  const cursor = decodeCursor(query.cursor, QueueCursor);
  if (cursor && cursor.status !== status) {
    throw invalidCursor('use it with the same status', 'The cursor belongs to another list.');
  }
  const page = await ports.store.queue(status, query.limit, cursor?.after);
  if (page.items.length > 0) {
    await ports.store.appendProcessingLog(page.items.map((e) => processingLogLine(context, e.householdId, 'read', '/escalations', [])));
  }
  return {
    items: page.items.map(escalationView),
    nextCursor: page.next ? encodeCursor({ status, after: page.next }) : null,
  };
}

/** The submitter hears of a decision or a budget decision on their doorbraak (v1.2 `escalation_answered`). */
function answeredToSubmitter(escalation: Escalation, given: GivenAnswer, context: RequestContext) {
  const title =
    given.kind === 'decision'
      ? { approve: NOTIFICATION_TITLES.approved, reject: NOTIFICATION_TITLES.rejected, request_info: NOTIFICATION_TITLES.informationAsked }[
          given.payload.decision
        ]
      : given.kind === 'budget_approval'
        ? given.payload.decision === 'approve'
          ? NOTIFICATION_TITLES.budgetApproved
          : NOTIFICATION_TITLES.budgetRejected
        : undefined;
  if (!title) return [];
  return notify(
    'escalation_answered',
    [escalation.submittedBy],
    { actor: context.principal.userId, at: context.now },
    { title, escalationId: escalation.id, householdId: escalation.householdId },
    timeOrderedId,
  );
}

/**
 * Hands an answer to the waiting flow. The token is taken off the escalation in a conditional
 * write first, so of two deliveries of the same answer exactly one resumes the flow; the other,
 * and any answer the flow does not wait for, is 409.
 */
async function answer(
  ports: EscalationPorts,
  context: RequestContext,
  escalationId: string,
  given: GivenAnswer,
  authorize: (escalation: Escalation, household: Household | undefined) => void,
) {
  const { kind } = given;
  const { escalation, household } = await load(ports, context, escalationId);
  authorize(escalation, household);
  const token = checkAwaiting(escalation, kind);
  const path = { decision: '/decision', information: '/information', budget_approval: '/budget-approval', evaluation: '/evaluation' }[kind];
  const pendingAnswer = { kind, at: context.now, by: context.principal.userId };
  // The task in the work list goes with the answer, and comes back if the flow cannot take it.
  const waiting = escalationTask(escalation, household?.teamId ?? escalation.teamId, escalation.answerDueAt ?? context.now);
  await ports.store
    .claimAnswer(
      escalation,
      token,
      pendingAnswer,
      processingLogLine(context, escalation.householdId, 'update', resource(escalation.id, path), household ? membersOf(household) : []),
      waiting?.id,
      answeredToSubmitter(escalation, given, context),
    )
    .catch(raceLostAs(() => conflict('This answer was already given: the flow has moved on.')));
  let resumed: boolean;
  try {
    resumed = await ports.flow.resume(token, { ...given.payload, by: context.principal.userId, at: context.now, traceId: context.traceId });
  } catch (error) {
    // Step Functions could not be reached: the flow still waits on this token, so it goes back for a
    // retry. If that write fails too, the error carries both causes to the pipeline's log.
    // The answer did not reach the flow: the log says this processing did not complete.
    const failed = processingLogLine(
      context,
      escalation.householdId,
      'update',
      resource(escalation.id, path),
      household ? membersOf(household) : [],
      'error',
    );
    const restored = await ports.store.restoreAnswer(escalation, token, kind, waiting, failed).then(
      () => undefined,
      (restoreError: unknown) => restoreError,
    );
    if (restored !== undefined)
      throw new AggregateError([error, restored], 'the flow could not be reached, and the answer could not be put back');
    throw error;
  }
  if (!resumed) throw conflict('The flow no longer waits for this answer.');
  // Never the state from before the answer: the escalation as it will be once the flow has taken it.
  const { taskToken: _token, awaiting: _awaiting, ...rest } = escalation;
  return escalationView({
    ...rest,
    status: statusAfterAnswer(escalation, given, ports.city.doorbraakBudgetThreshold.amount),
    pendingAnswer,
  });
}

export const decide = (ports: EscalationPorts, context: RequestContext, escalationId: string, input: DecisionAnswer) => {
  checkDecision(input, context.now);
  return answer(ports, context, escalationId, { kind: 'decision', payload: input }, (escalation) => {
    requireAnyRole(context.principal, DOORBRAAKTEAM, "Decisions are the doorbraakteam's.");
    if (!decidesEscalation(context.principal, escalation)) throw forbidden('Nobody decides on an escalation they submitted.');
  });
};

export const giveInformation = (ports: EscalationPorts, context: RequestContext, escalationId: string, information: string) =>
  answer(ports, context, escalationId, { kind: 'information', payload: { information } }, (escalation) => {
    if (!informsEscalation(context.principal, escalation)) throw forbidden('The submitter gives the information asked for.');
  });

export const approveBudget = (
  ports: EscalationPorts,
  context: RequestContext,
  escalationId: string,
  input: { decision: 'approve' | 'reject'; motivation: string },
) =>
  answer(ports, context, escalationId, { kind: 'budget_approval', payload: input }, (escalation) => {
    requireAnyRole(context.principal, BUDGET_HOLDERS, "Budget approvals are the budget holders'.");
    if (!approvesBudgetOf(context.principal, escalation)) {
      throw forbidden('A budget approval is given by someone other than who decided or submitted.');
    }
  });

export const evaluate = (
  ports: EscalationPorts,
  context: RequestContext,
  escalationId: string,
  input: { resolved: boolean; note: string },
) =>
  answer(ports, context, escalationId, { kind: 'evaluation', payload: input }, (escalation, household) => {
    if (!evaluatesEscalation(context.principal, escalation, household))
      throw forbidden("The household's regisseur or the submitter evaluates a doorbraak.");
  });
