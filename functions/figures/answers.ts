import * as z from 'zod';
import { orNull } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { figuresRoutes } from './contract.ts';

export const SignalFigures = z
  .object({
    received: z.number().int(),
    reached: z
      .number()
      .int()
      .meta({ description: 'Signals whose household was reached (counted in the month of the first attempt that reached it).' }),
    helpAccepted: z.number().int(),
    medianDaysToFirstContact: z
      .number()
      .nullable()
      .meta({ description: 'Median whole days from receipt to the first contact attempt, reached or not; null while there is none.' }),
  })
  .meta({
    id: 'SignalFigures',
    description: 'Vroegsignalering: signals received, households reached, help accepted, days to first contact.',
  });

export const TeamFigures = z
  .object({
    teamId: z.string(),
    intakes: z.number().int(),
    resolvedByIntaker: z.number().int(),
    referredToCoach: z.number().int(),
    referredToInterventieteam: z.number().int(),
    referredExternal: z.number().int(),
    complex: z.number().int(),
    openHouseholds: z.number().int().meta({ description: 'Open households now (not at the end of the month).' }),
    plansAgreed: z.number().int(),
    escalations: z.object({
      submitted: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      overdue: z.number().int(),
    }),
    resolvedByIntakerShare: z
      .number()
      .nullable()
      .meta({ description: 'Of the intakes triaged this month, the share resolved by the intaker.' }),
    complexShare: z.number().nullable().meta({ description: 'Of the cases referred to a coach, the share that is complex.' }),
    averageDecisionHours: z.number().nullable().meta({ description: "Hours from submission to the doorbraakteam's decision." }),
    signals: SignalFigures,
    breakGlass: z
      .object({ grants: z.number().int(), unjustified: z.number().int() })
      .meta({ description: "Break-glass grants on the team's households this month, and how many were judged unjustified (v1.2)." }),
    partners: z
      .array(SignalFigures.extend({ partnerId: z.string(), name: z.string() }))
      .optional()
      .meta({ description: 'In the city total only: the signals per partner organisation.' }),
  })
  .meta({ id: 'TeamFigures', description: "One team's figures for a month (the city total has the same shape)." });

/** The answers of the figures function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const figuresAnswers = {
  getStats: z
    .object({ month: z.string(), teams: z.array(TeamFigures), city: orNull(TeamFigures) })
    .meta({ id: 'Figures', description: 'Figures per team for a month, and the city total for the beheerder (null for a team leader).' }),
} satisfies AnswersOf<(typeof figuresRoutes)[number]>;
