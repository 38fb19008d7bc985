import { conflict, preconditionFailed, preconditionRequired } from '../errors.ts';
import type { LifeDomain } from './life-domains.ts';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanAction {
  description: string;
  /** The professional who carries the action out, if it is one of the team's. */
  ownerId?: string;
  /** The organisation responsible: under Den Haag's rule it gives the team the mandate over its worker. */
  organisation: string;
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
export function revisePlan(plan: Plan, ifMatchVersion: number, content: PlanContent, by: string, now: string): Plan {
  assertNotClosed(plan);
  if (plan.version !== ifMatchVersion) throw preconditionFailed('The plan was changed since you read it: read it again.');
  return { ...plan, ...content, version: plan.version + 1, updatedAt: now, updatedBy: by };
}

/** The household agrees to its plan and owns it from then on (Enschede's Maatwerkroute). */
export function agreePlan(plan: Plan, agreedBy: string, by: string, now: string): Plan {
  assertNotClosed(plan);
  if (plan.status === 'active') throw conflict('The household has already agreed to this plan.');
  return { ...plan, status: 'active', agreedBy, agreedAt: now, version: plan.version + 1, updatedAt: now, updatedBy: by };
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
