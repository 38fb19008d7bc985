import * as z from 'zod/mini';
import { Grant } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import { Timestamp } from '../http/schemas.ts';
import type { breakGlassRoutes } from './contract.ts';

/** The answers of the breakglass function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const breakGlassAnswers = {
  breakGlass: z
    .object({ id: z.string(), householdId: z.string(), expiresAt: Timestamp, reason: z.string() })
    .register(z.globalRegistry, { id: 'BreakGlassGrantIssued', description: 'The grant as its holder sees it.' }),
  reviewBreakGlassGrant: Grant,
  listBreakGlassGrants: z
    .object({ items: z.array(Grant), nextCursor: z.nullable(z.string()) })
    .register(z.globalRegistry, { id: 'BreakGlassGrantPage', description: 'A page of grants.' }),
} satisfies AnswersOf<(typeof breakGlassRoutes)[number]>;
