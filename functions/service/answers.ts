import * as z from 'zod/mini';
import { ProcessingActivity } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { serviceRoutes } from './contract.ts';

export const Health = z
  .object({ status: z.literal('ok') })
  .register(z.globalRegistry, { id: 'Health', description: 'The service answers.' });

export const ProcessingActivityList = z
  .object({ items: z.array(ProcessingActivity), nextCursor: z.null() })
  .register(z.globalRegistry, { id: 'ProcessingActivityList', description: "The city's register of processing activities, as it stands." });

/** The answers of the service function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const serviceAnswers = {
  getHealth: Health,
  getOpenApi: z.looseObject({}),
  listProcessingActivities: ProcessingActivityList,
} satisfies AnswersOf<(typeof serviceRoutes)[number]>;
