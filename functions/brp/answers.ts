import * as z from 'zod/mini';
import type { AnswersOf } from '../http/contract.ts';
import { Bsn, CalendarDate } from '../http/schemas.ts';
import type { brpRoutes } from './contract.ts';

export const BrpResident = z
  .object({
    name: z.string(),
    birthDate: z
      .nullable(CalendarDate)
      .register(z.globalRegistry, { description: 'null when the BRP knows the date only in part: type it in.' }),
    bsn: Bsn,
    role: z.enum(['adult', 'child']).register(z.globalRegistry, { description: '`child`: under 18 today.' }),
  })
  .register(z.globalRegistry, { id: 'BrpResident', description: 'A person registered at the address, as an intake takes a member.' });

/** The answers of the brp function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const brpAnswers = {
  getBrpResidents: z
    .object({ items: z.array(BrpResident) })
    .register(z.globalRegistry, { id: 'BrpResidents', description: 'The people at the address.' }),
} satisfies AnswersOf<(typeof brpRoutes)[number]>;
