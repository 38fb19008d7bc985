import * as z from 'zod/mini';
import { Plan } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { planRoutes } from './contract.ts';

export const PlanPage = z
  .object({ items: z.array(Plan), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'PlanVersionPage', description: 'A page of plan versions, newest first.' });

/** The answers of the plans function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const planAnswers = {
  createPlan: Plan,
  getPlan: Plan,
  updatePlan: Plan,
  agreeToPlan: Plan,
  closePlan: Plan,
  listPlanVersions: PlanPage,
  completePlanAction: Plan,
} satisfies AnswersOf<(typeof planRoutes)[number]>;
