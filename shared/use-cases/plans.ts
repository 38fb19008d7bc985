import { hasAnyRole } from '../auth.ts';
import { decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import { type CounterChange, count } from '../domain/figures.ts';
import type { Household } from '../domain/household.ts';
import { agreePlan, closePlan, newPlan, type Plan, type PlanContent, revisePlan } from '../domain/plan.ts';
import { conflict, forbidden, invalidInput, notFound, preconditionFailed } from '../errors.ts';
import { newId } from '../ids.ts';
import { processingLogLine, type RequestContext } from '../processing-log.ts';
import { visibleHousehold } from './households.ts';
import { type BusinessMetrics, noMetrics, type PlanStore } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface PlanPorts {
  store: PlanStore;
  metrics?: BusinessMetrics;
}

const planResource = (householdId: string, rest = '') => `/households/${householdId}/plan${rest}`;

/** The regisseur directs the plan; the team leader may always act for the team. */
function requireRegisseurOrTeamleider(context: RequestContext, household: Household, action: string): void {
  if (household.regisseur?.userId !== context.principal.userId && !hasAnyRole(context.principal, ['teamleider'])) {
    throw forbidden(`Only the household's regisseur or a team leader may ${action}.`);
  }
}

async function load(ports: PlanPorts, context: RequestContext, householdId: string) {
  const { household, plan } = await ports.store.householdAndPlan(householdId);
  return { household: visibleHousehold(context, household), plan };
}

function checkEvaluationDate(content: PlanContent, today: string): void {
  if (content.evaluationDate < today) {
    throw invalidInput('The evaluation date lies in the past.', [
      { name: 'evaluationDate', code: 'in_the_past', reason: 'must be today or later' },
    ]);
  }
}

export async function createPlan(ports: PlanPorts, context: RequestContext, householdId: string, content: PlanContent): Promise<Plan> {
  const { household, plan: latest } = await load(ports, context, householdId);
  if (household.status !== 'open') throw conflict('The household is closed.');
  if (!household.regisseur) throw conflict("Appoint the household's regisseur before writing its plan.");
  if (latest && latest.status !== 'closed') throw conflict('The household already has a plan that is not closed: one household, one plan.');
  requireRegisseurOrTeamleider(context, household, 'write the plan');
  checkEvaluationDate(content, context.now.slice(0, 10));
  const plan = newPlan(newId(), householdId, content, context.principal.userId, context.now);
  await ports.store
    .createPlan(household, plan, processingLogLine(context, householdId, 'create', planResource(householdId)))
    .catch(raceLostAs(() => conflict('The household already has a plan that is not closed: one household, one plan.')));
  return plan;
}

export async function readPlan(ports: PlanPorts, context: RequestContext, householdId: string): Promise<Plan> {
  const { plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  await ports.store.appendProcessingLog([processingLogLine(context, householdId, 'read', planResource(householdId))]);
  return plan;
}

async function save(
  ports: PlanPorts,
  context: RequestContext,
  before: Plan,
  after: Plan,
  rest: string,
  counters: CounterChange[] = [],
): Promise<Plan> {
  await ports.store
    .savePlan(
      after,
      before.version,
      processingLogLine(context, before.householdId, 'update', planResource(before.householdId, rest)),
      after.status !== before.status,
      counters,
    )
    .catch(raceLostAs(() => preconditionFailed('The plan was changed since you read it: read it again.')));
  return after;
}

export async function updatePlan(
  ports: PlanPorts,
  context: RequestContext,
  householdId: string,
  ifMatchVersion: number,
  content: PlanContent,
): Promise<Plan> {
  const { plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  const revised = revisePlan(plan, ifMatchVersion, content, context.principal.userId, context.now);
  if (content.evaluationDate !== plan.evaluationDate) checkEvaluationDate(content, context.now.slice(0, 10));
  return save(ports, context, plan, revised, '');
}

export async function agreeToPlan(ports: PlanPorts, context: RequestContext, householdId: string, agreedBy: string): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  requireRegisseurOrTeamleider(context, household, "record the household's agreement");
  const agreed = await save(ports, context, plan, agreePlan(plan, agreedBy, context.principal.userId, context.now), '/agreement', [
    count(household.teamId, context.now, { plansAgreed: 1 }),
  ]);
  (ports.metrics ?? noMetrics).record('PlanAgreed');
  return agreed;
}

export async function closeThePlan(ports: PlanPorts, context: RequestContext, householdId: string, outcome: string): Promise<Plan> {
  const { household, plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  requireRegisseurOrTeamleider(context, household, 'close the plan');
  return save(ports, context, plan, closePlan(plan, outcome, context.principal.userId, context.now), '/close');
}

const isVersionCursor = (value: unknown): value is { before: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isInteger((value as { before: unknown }).before) &&
  (value as { before: number }).before >= 2;

export async function planVersions(
  ports: PlanPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<Plan>> {
  const before = decodeCursor(query.cursor, isVersionCursor)?.before;
  const { plan } = await load(ports, context, householdId);
  if (!plan) throw notFound('Plan');
  const page = await ports.store.versions(householdId, plan.id, query.limit, before);
  await ports.store.appendProcessingLog([processingLogLine(context, householdId, 'read', planResource(householdId, '/versions'))]);
  return { items: page.items, nextCursor: page.next !== undefined ? encodeCursor({ before: page.next }) : null };
}
