import * as z from 'zod/mini';
import { Assessment, Dossier, HouseholdSummary } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { householdRoutes } from './contract.ts';

export const HouseholdPage = z
  .object({ items: z.array(HouseholdSummary), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'HouseholdPage', description: 'A page of households, newest first.' });

export const AssessmentPage = z
  .object({ items: z.array(Assessment), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'AssessmentPage', description: 'A page of assessments, newest first.' });

/** The answers of the households function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const householdAnswers = {
  listHouseholds: HouseholdPage,
  getHousehold: Dossier,
  appointRegisseur: HouseholdSummary,
  transferHousehold: HouseholdSummary,
  recordAssessment: Assessment,
  listAssessments: AssessmentPage,
  closeHousehold: HouseholdSummary,
} satisfies AnswersOf<(typeof householdRoutes)[number]>;
