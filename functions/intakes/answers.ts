import { Intake } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { intakeRoutes } from './contract.ts';

/** The answers of the intakes function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const intakeAnswers = {
  registerIntake: Intake,
  getIntake: Intake,
  triageIntake: Intake,
} satisfies AnswersOf<(typeof intakeRoutes)[number]>;
