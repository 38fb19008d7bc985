import { conflict, type InvalidParam, invalidInput, notFound, preconditionFailed, preconditionRequired } from '../errors.ts';
import type { LifeDomain } from './life-domains.ts';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanAction {
  /** Stable across versions: the work list and a completion name the action by it. */
  id: string;
  status: 'open' | 'done';
  doneAt?: string;
  doneBy?: string;
  description: string;
  /** The professional who carries the action out, if it is one of the team's. */
  ownerId?: string;
  /** The organisation responsible: under Den Haag's rule it gives the team the mandate over its worker. */
  organisation: string;
  /** Who of the household's network does it (v1.2): its organisation then follows from that party; the owner still keeps watch. */
  involvedId?: string;
  dueDate: string;
}

export interface PlanGoal {
  domain: LifeDomain;
  description: string;
  actions: PlanAction[];
}

export interface PlanContent {
  goals: PlanGoal[];
  evaluationDate: string;
}

/** An action as a plan is written: a new one without id, a kept one with the id it was read with. */
export type WrittenAction = Omit<PlanAction, 'id' | 'status' | 'doneAt' | 'doneBy'> & { id?: string; status?: PlanAction['status'] };

/** Plan content with every action's organisation known. */
export interface WrittenPlanContent {
  goals: (Omit<PlanGoal, 'actions'> & { actions: WrittenAction[] })[];
  evaluationDate: string;
}

/** An action as a client writes it: an organisation, or an involved party whose organisation it is. */
export type ActionInput = Omit<WrittenAction, 'organisation' | 'involvedId'> & {
  organisation?: string | undefined;
  involvedId?: string | undefined;
};

/** Plan content as a client writes it. */
export interface PlanInput {
  goals: (Omit<PlanGoal, 'actions'> & { actions: ActionInput[] })[];
  evaluationDate: string;
}

/**
 * Each action's organisation: of the involved party that does it (a professional's organisation,
 * or for the household's own circle what the writer wrote, else the person), else the one
 * written. A new action names a party involved now; a kept action may keep one that has ended
 * since (it did that work). Any other party is the writer's mistake.
 */
export function withTheirParties(
  written: PlanInput,
  involved: readonly { id: string; name: string; organisation?: string | undefined }[],
  former: readonly { id: string; name: string; organisation?: string | undefined }[] = [],
): WrittenPlanContent {
  const problems: InvalidParam[] = [];
  const goals = written.goals.map((goal, g) => ({
    ...goal,
    actions: goal.actions.map((action, a): WrittenAction => {
      const { organisation, involvedId, ...rest } = action;
      if (involvedId === undefined) {
        if (!organisation)
          problems.push({ name: `goals.${g}.actions.${a}.organisation`, code: 'required', reason: 'an organisation or an involvedId' });
        return { ...rest, organisation: organisation ?? '' };
      }
      const party = involved.find((p) => p.id === involvedId) ?? (action.id ? former.find((p) => p.id === involvedId) : undefined);
      if (!party) {
        problems.push({
          name: `goals.${g}.actions.${a}.involvedId`,
          code: 'unknown_involved',
          reason: 'must be an involved party of the household',
        });
        return { ...rest, organisation: organisation ?? '' };
      }
      return { ...rest, involvedId, organisation: party.organisation ?? organisation ?? party.name };
    }),
  }));
  if (problems.length > 0) throw invalidInput('An action names no organisation, or a party not involved with the household.', problems);
  return { goals, evaluationDate: written.evaluationDate };
}

/**
 * The content a client wrote, with every action's id and status: a new action gets an id and
 * is open; a kept one keeps its status (and when it was done) unless the writer set it. An id
 * the plan does not have is the writer's mistake.
 */
export function planContent(
  written: WrittenPlanContent,
  previous: Plan | undefined,
  by: string,
  now: string,
  newActionId: () => string,
): PlanContent {
  const known = new Map((previous?.goals ?? []).flatMap((goal) => goal.actions).map((action) => [action.id, action]));
  const seen = new Set<string>();
  const goals = written.goals.map((goal, g) => ({
    ...goal,
    actions: goal.actions.map((action, a): PlanAction => {
      const { id, status, ...rest } = action;
      if (id === undefined)
        return { id: newActionId(), status: status ?? 'open', ...rest, ...(status === 'done' ? { doneAt: now, doneBy: by } : {}) };
      const kept = known.get(id);
      if (!kept || seen.has(id)) {
        throw invalidInput('An action id must name one action of the plan, once.', [
          {
            name: `goals.${g}.actions.${a}.id`,
            code: 'unknown_action',
            reason: 'must be the id of an action of this plan, or left out for a new action',
          },
        ]);
      }
      seen.add(id);
      const nowStatus = status ?? kept.status;
      const done =
        nowStatus === 'done'
          ? kept.status === 'done' && kept.doneAt
            ? { doneAt: kept.doneAt, ...(kept.doneBy ? { doneBy: kept.doneBy } : {}) }
            : { doneAt: now, doneBy: by }
          : {};
      return { id, status: nowStatus, ...rest, ...done };
    }),
  }));
  return { goals, evaluationDate: written.evaluationDate };
}

/** The action with this id, with where it sits, or undefined. */
export function findAction(plan: Plan, actionId: string): PlanAction | undefined {
  return plan.goals.flatMap((goal) => goal.actions).find((action) => action.id === actionId);
}

/** An action done: a new version of the plan in which only that action changed. */
export function completeAction(plan: Plan, actionId: string, by: string, now: string): Plan {
  assertNotClosed(plan);
  const action = findAction(plan, actionId);
  if (!action) throw notFound('Action');
  if (action.status === 'done') throw conflict('The action is already done.');
  return {
    ...plan,
    goals: plan.goals.map((goal) => ({
      ...goal,
      actions: goal.actions.map((a) => (a.id === actionId ? { ...a, status: 'done' as const, doneAt: now, doneBy: by } : a)),
    })),
    version: plan.version + 1,
    updatedAt: now,
    updatedBy: by,
  };
}

/** A tailored exception the doorbraakteam approved, recorded on the plan it unblocks. */
export interface Doorbraak {
  escalationId: string;
  proposal: string;
  organisations: string[];
  approvedCost?: { amount: number; currency: 'EUR' };
  approvedAt: string;
  evaluateAt: string;
}

export interface Plan extends PlanContent {
  id: string;
  householdId: string;
  status: PlanStatus;
  /** Raised by every change; clients send it back as If-Match. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  agreedBy?: string;
  agreedAt?: string;
  /** `digid`: the resident agreed themself, signed in with DigiD (v1.2); absent when a professional recorded it. */
  agreedVia?: 'digid';
  /** The household's last agreement, and the version it agreed to (v1.2; plans agreed before 1.2 have only agreedBy and agreedAt). */
  agreement?: { by: string; at: string; version: number };
  /** An active plan whose goals or actions were changed since the household agreed: it is to be agreed again (v1.2). */
  changedSinceAgreement?: boolean;
  closedAt?: string;
  outcome?: string;
  doorbraken?: Doorbraak[];
}

export function newPlan(id: string, householdId: string, content: PlanContent, by: string, now: string): Plan {
  return { id, householdId, status: 'draft', version: 1, ...content, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by };
}

/** `If-Match: "3"` (or W/"3", or 3): the version the writer read. Missing → 428; unreadable → 412. */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw preconditionRequired('A plan is changed only from the version you read: send If-Match with its ETag.');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw preconditionFailed('If-Match does not name a version of this plan.');
  return Number(match[1]);
}

function assertNotClosed(plan: Plan): void {
  if (plan.status === 'closed') throw conflict('The plan is closed.');
}

/** A new version of the content. The plan keeps its status: an agreed plan stays the household's while the team works on it. */
/**
 * A revision must start from the version it read (If-Match). Checked before the content: a
 * content written against an older version may name actions that version had, and the answer
 * it needs is 412 (read again), not 400.
 */
export function checkRevisionBase(plan: Plan, ifMatchVersion: number): void {
  assertNotClosed(plan);
  if (plan.version !== ifMatchVersion) throw preconditionFailed('The plan was changed since you read it: read it again.');
}

export function revisePlan(plan: Plan, ifMatchVersion: number, content: PlanContent, by: string, now: string): Plan {
  checkRevisionBase(plan, ifMatchVersion);
  // What the household agreed to changed (not only which actions are done): it is theirs to agree to again.
  const agreedContent = (p: PlanContent) =>
    JSON.stringify([
      p.evaluationDate,
      p.goals.map((g) => [g.domain, g.description, g.actions.map(({ status, doneAt, doneBy, ...a }) => a)]),
    ]);
  const changed = plan.status === 'active' && agreedContent(content) !== agreedContent(plan);
  return {
    ...plan,
    ...content,
    ...(changed ? { changedSinceAgreement: true } : {}),
    version: plan.version + 1,
    updatedAt: now,
    updatedBy: by,
  };
}

/** The household agrees to its plan and owns it from then on (Enschede's Maatwerkroute). */
export function agreePlan(plan: Plan, agreedBy: string, by: string, now: string, via?: 'digid'): Plan {
  assertNotClosed(plan);
  if (plan.status === 'active' && !plan.changedSinceAgreement) throw conflict('The household has already agreed to this plan.');
  const version = plan.version + 1;
  const { agreedVia: _earlier, ...rest } = plan;
  return {
    ...rest,
    status: 'active',
    agreedBy,
    agreedAt: now,
    ...(via ? { agreedVia: via } : {}),
    agreement: { by: agreedBy, at: now, version },
    changedSinceAgreement: false,
    version,
    updatedAt: now,
    updatedBy: by,
  };
}

export function closePlan(plan: Plan, outcome: string, by: string, now: string): Plan {
  assertNotClosed(plan);
  return { ...plan, status: 'closed', outcome, closedAt: now, version: plan.version + 1, updatedAt: now, updatedBy: by };
}

/** The flow records an approved doorbraak on the plan: a change like any other, so a new version. */
export function recordDoorbraak(plan: Plan, doorbraak: Doorbraak, by: string, now: string): Plan {
  assertNotClosed(plan);
  return { ...plan, doorbraken: [...(plan.doorbraken ?? []), doorbraak], version: plan.version + 1, updatedAt: now, updatedBy: by };
}

export const planETag = (plan: Pick<Plan, 'version'>) => `"${plan.version}"`;
