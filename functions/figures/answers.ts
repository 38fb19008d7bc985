import * as z from 'zod/mini';
import { orNull } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { figuresRoutes } from './contract.ts';

export const SignalFigures = z
  .object({
    received: z.int(),
    reached: z.int().register(z.globalRegistry, {
      description: 'Signals whose household was reached (counted in the month of the first attempt that reached it).',
    }),
    helpAccepted: z.int(),
    medianDaysToFirstContact: z.nullable(z.number()).register(z.globalRegistry, {
      description: 'Median whole days from receipt to the first contact attempt, reached or not; null while there is none.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'SignalFigures',
    description: 'Vroegsignalering: signals received, households reached, help accepted, days to first contact.',
  });

export const TeamFigures = z
  .object({
    teamId: z.string(),
    intakes: z.int(),
    resolvedByIntaker: z.int(),
    referredToCoach: z.int(),
    referredToInterventieteam: z.int(),
    referredExternal: z.int(),
    complex: z.int(),
    openHouseholds: z.int().register(z.globalRegistry, { description: 'Open households now (not at the end of the month).' }),
    plansAgreed: z.int(),
    escalations: z.object({
      submitted: z.int(),
      approved: z.int(),
      rejected: z.int(),
      overdue: z.int(),
    }),
    resolvedByIntakerShare: z
      .nullable(z.number())
      .register(z.globalRegistry, { description: 'Of the intakes triaged this month, the share resolved by the intaker.' }),
    complexShare: z
      .nullable(z.number())
      .register(z.globalRegistry, { description: 'Of the cases referred to a coach, the share that is complex.' }),
    averageDecisionHours: z
      .nullable(z.number())
      .register(z.globalRegistry, { description: "Hours from submission to the doorbraakteam's decision." }),
    signals: SignalFigures,
    breakGlass: z.object({ grants: z.int(), unjustified: z.int() }).register(z.globalRegistry, {
      description: "Break-glass grants on the team's households this month, and how many were judged unjustified (v1.2).",
    }),
    partners: z
      .optional(z.array(z.extend(SignalFigures, { partnerId: z.string(), name: z.string() })))
      .register(z.globalRegistry, { description: 'In the city total only: the signals per partner organisation.' }),
  })
  .register(z.globalRegistry, { id: 'TeamFigures', description: "One team's figures for a month (the city total has the same shape)." });

/** The answers of the figures function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const figuresAnswers = {
  getStats: z.object({ month: z.string(), teams: z.array(TeamFigures), city: orNull(TeamFigures) }).register(z.globalRegistry, {
    id: 'Figures',
    description: 'Figures per team for a month, and the city total for the beheerder (null for a team leader).',
  }),
} satisfies AnswersOf<(typeof figuresRoutes)[number]>;
