import * as z from 'zod/mini';
import { decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import { completesPlanAction, directsCase, teamHousehold, teamOrGrantHousehold } from '../domain/access.ts';
import { type CounterChange, count } from '../domain/figures.ts';
import type { Household } from '../domain/household.ts';
import { NOTIFICATION_TITLES, notify, taskNotifications } from '../domain/notifications.ts';
import {
  agreePlan,
  checkRevisionBase,
  closePlan,
  completeAction,
  findAction,
  newPlan,
  type Plan,
  type PlanContent,
  type PlanInput,
  planContent,
  revisePlan,
  withTheirParties,
} from '../domain/plan.ts';
import { planTasks, taskChanges } from '../domain/tasks.ts';
import { conflict, forbidden, invalidInput, notFound, preconditionFailed } from '../errors.ts';
import { newId, timeOrderedId } from '../ids.ts';
import { asReached, membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { type BusinessMetrics, noMetrics, type PlanStore } from './ports.ts';
import { raceLostAs, retryLostRaces } from './races.ts';

export interface PlanPorts {
  store: PlanStore;
  metrics?: BusinessMetrics;
}

const planResource = (householdId: string, rest = '') => `/households/${householdId}/plan${rest}`;

/** The regisseur directs the plan; the team leader may always act for the team. */
function requireRegisseurOrTeamleider(context: RequestContext, household: Household, action: string): void {
  if (!directsCase(context.principal, household)) {
    throw forbidden(`Only the household's regisseur or a team leader may ${action}.`);
  }
}

/** `read`: the plan as a break-glass grant may read it too (v1.2 rule 17); every change is the team's. */
async function load(ports: PlanPorts, context: RequestContext, householdId: string, owners: string[] = [], read = false) {
  // The owners' roster entries are read with the household (in each of the caller's teams: the household's is among them).
  const checks = context.principal.teams.flatMap((teamId) => owners.map((userId) => ({ teamId, userId })));
  const { household, plan, rosterHits } = await ports.store.householdAndPlan(householdId, checks);
  const visible = read ? teamOrGrantHousehold(context.principal, household) : teamHousehold(context.principal, household);
  checkOwners(owners, visible.teamId, rosterHits);
  return { household: visible, plan };
}

const ownersOf = (written: PlanInput) => [
  ...new Set(written.goals.flatMap((goal) => goal.actions.flatMap((action) => (action.ownerId ? [action.ownerId] : [])))),
];

/**
 * Need to know (rule 8): an action's owner gets it in their work list with the household's id,
 * so an owner is one of the household team's professionals (on its roster).
 */
function checkOwners(owners: string[], teamId: string, rosterHits: { teamId: string; userId: string }[]) {
  const missing = owners.filter((owner) => !rosterHits.some((hit) => hit.teamId === teamId && hit.userId === owner));
  if (missing.length > 0) {
    throw invalidInput("An action's owner must be on the roster of the household's team.", [
      { name: 'goals', code: 'owner_not_on_roster', reason: "every ownerId must be a professional on the household team's roster" },
    ]);
  }
}

function checkEvaluationDate(content: PlanContent, today: string): void {
  if (content.evaluationDate < today) {
    throw invalidInput('The evaluation date lies in the past.', [
      { name: 'evaluationDate', code: 'in_the_past', reason: 'must be today or later' },
    ]);
  }
}

export async function createPlan(ports: PlanPorts, context: RequestContext, householdId: string, written: PlanInput): Promise<Plan> {
  const { household, plan: latest } = await load(ports, context, householdId, ownersOf(written));
  if (household.status !== 'open') throw conflict('The household is closed.');
  if (!household.regisseur) throw conflict("Appoint the household's regisseur before writing its plan.");
  if (latest && latest.status !== 'closed') throw conflict('The household already has a plan that is not closed: one household, one plan.');
  requireRegisseurOrTeamleider(context, household, 'write the plan');
  const content = planContent(
    withTheirParties(written, household.involved ?? [], household.formerInvolved ?? []),
    undefined,
    context.principal.userId,
    context.now,
    newId,
  );
  checkEvaluationDate(content, context.now.slice(0, 10));
  const plan = newPlan(newId(), householdId, content, context.principal.userId, context.now);
  await ports.store
    .createPlan(household, plan, processingLogLine(context, householdId, 'create', planResource(householdId), membersOf(household)))
    .catch(raceLostAs(() => conflict('The household already has a plan that is not closed: one household, one plan.')));
  return plan;
}

export async function readPlan(ports: PlanPorts, context: RequestContext, householdId: string): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId, [], true);
  if (!plan) throw notFound('Plan');
  await ports.store.appendProcessingLog([
    processingLogLine(asReached(context, household), householdId, 'read', planResource(householdId), membersOf(household)),
  ]);
  return plan;
}

/** Saves `after` over `before`; the plan's tasks (its owners' actions, the regisseur's evaluation) follow in the same transaction. */
async function save(
  ports: { store: Pick<PlanStore, 'savePlan'> },
  context: RequestContext,
  household: Household,
  before: Plan,
  after: Plan,
  rest: string,
  counters: CounterChange[] = [],
  /** A completion retries a lost race itself; every other save tells the writer to read again (412). */
  retriesItself = false,
): Promise<Plan> {
  const tasks = taskChanges(planTasks(before, household), planTasks(after, household));
  const cause = { actor: context.principal.userId, at: context.now };
  // The regisseur hears of a colleague's change of their plan (v1.2); the owner of an action new to them, of that action.
  const regisseur = household.regisseur?.userId;
  const title =
    rest === ''
      ? NOTIFICATION_TITLES.planChanged
      : rest.endsWith('/completion')
        ? NOTIFICATION_TITLES.actionDone
        : after.agreedVia === 'digid' && rest === '/agreement'
          ? NOTIFICATION_TITLES.residentAgreed
          : undefined;
  const told = title && regisseur ? notify('plan_changed', [regisseur], cause, { title, householdId: household.id }, timeOrderedId) : [];
  const notifications = [
    ...told,
    ...taskNotifications(tasks.put, planTasks(before, household), cause, timeOrderedId).filter(
      (n) => !told.some((t) => t.userId === n.userId),
    ),
  ];
  const saving = ports.store.savePlan({
    plan: after,
    teamId: household.teamId,
    expectedVersion: before.version,
    log: processingLogLine(context, before.householdId, 'update', planResource(before.householdId, rest), membersOf(household)),
    statusChanged: after.status !== before.status,
    counters,
    tasks,
    notifications,
  });
  await (retriesItself
    ? saving
    : saving.catch(raceLostAs(() => preconditionFailed('The plan was changed since you read it: read it again.'))));
  return after;
}

export async function updatePlan(
  ports: PlanPorts,
  context: RequestContext,
  householdId: string,
  ifMatchVersion: number,
  written: PlanInput,
): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId, ownersOf(written));
  if (!plan) throw notFound('Plan');
  checkRevisionBase(plan, ifMatchVersion);
  const content = planContent(
    withTheirParties(written, household.involved ?? [], household.formerInvolved ?? []),
    plan,
    context.principal.userId,
    context.now,
    newId,
  );
  const revised = revisePlan(plan, ifMatchVersion, content, context.principal.userId, context.now);
  if (content.evaluationDate !== plan.evaluationDate) checkEvaluationDate(content, context.now.slice(0, 10));
  return save(ports, context, household, plan, revised, '');
}

export async function agreeToPlan(ports: PlanPorts, context: RequestContext, householdId: string, agreedBy: string): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  requireRegisseurOrTeamleider(context, household, "record the household's agreement");
  return recordAgreement(ports, context, household, plan, agreedBy);
}

/**
 * The household's agreement, recorded by its regisseur or team leader, or given by the resident
 * themself (`via: 'digid'`, v1.2): a new version, its tasks, the month's count, one transaction.
 * A resident's agreement tells the regisseur; a colleague's recording does not (they were there).
 */
export async function recordAgreement(
  ports: { store: Pick<PlanStore, 'savePlan'>; metrics?: BusinessMetrics | undefined },
  context: RequestContext,
  household: Household,
  plan: Plan,
  agreedBy: string,
  via?: 'digid',
): Promise<Plan> {
  const agreed = await save(
    ports,
    context,
    household,
    plan,
    agreePlan(plan, agreedBy, context.principal.userId, context.now, via),
    '/agreement',
    [count(household.teamId, context.now, { plansAgreed: 1 })],
  );
  (ports.metrics ?? noMetrics).record('PlanAgreed');
  return agreed;
}

export async function closeThePlan(ports: PlanPorts, context: RequestContext, householdId: string, outcome: string): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  requireRegisseurOrTeamleider(context, household, 'close the plan');
  return save(ports, context, household, plan, closePlan(plan, outcome, context.principal.userId, context.now), '/close');
}

/**
 * Lost races are retried from a fresh read: a completion never needs the caller to read again.
 * Each round one writer wins, so this many rounds let a dozen people complete at the same moment.
 */
const COMPLETION_ATTEMPTS = 12;

/**
 * The owner (or the regisseur) marks one action done. It needs no If-Match: the plan is read,
 * only that action changes, and the write is conditional on the version read, so an edit made
 * meanwhile is never overwritten: the completion is applied again on top of it.
 */
export async function completePlanAction(ports: PlanPorts, context: RequestContext, householdId: string, actionId: string): Promise<Plan> {
  const severalAtOnce = () => conflict('The plan is being changed by several people at once. Please try again.');
  return retryLostRaces({ attempts: COMPLETION_ATTEMPTS, baseMs: 5, maxExponent: 6, exhausted: severalAtOnce }, async () => {
    const { household, plan } = await load(ports, context, householdId);
    if (!plan) throw notFound('Plan');
    const action = findAction(plan, actionId);
    if (!action) throw notFound('Action');
    const { userId } = context.principal;
    if (!completesPlanAction(context.principal, action, household)) {
      throw forbidden("An action is marked done by its owner or the household's regisseur.");
    }
    if (plan.status !== 'active') throw conflict('Only an action of an agreed plan can be done.');
    const done = completeAction(plan, actionId, userId, context.now);
    return save(ports, context, household, plan, done, `/actions/${actionId}/completion`, [], true);
  });
}

/** The next page starts before this version: the first version is never one (it has nothing before it). */
const VersionCursor = z.object({ before: z.int().check(z.minimum(2)) });

export async function planVersions(
  ports: PlanPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<Plan>> {
  const before = decodeCursor(query.cursor, VersionCursor)?.before;
  const { household, plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  const page = await ports.store.versions(householdId, plan.id, query.limit, before);
  await ports.store.appendProcessingLog([
    processingLogLine(context, householdId, 'read', planResource(householdId, '/versions'), membersOf(household)),
  ]);
  return { items: page.items, nextCursor: page.next !== undefined ? encodeCursor({ before: page.next }) : null };
}
