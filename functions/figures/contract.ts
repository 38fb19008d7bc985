import * as z from 'zod';
import { FIGURE_READERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';
import { orNull } from '../http/schemas.ts';

const SignalFigures = z
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

const TeamFigures = z
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

export const statsRoute = defineRoute({
  operationId: 'getStats',
  method: 'GET',
  path: '/stats',
  fn: 'figures',
  summary: 'Figures per team for a month (Europe/Amsterdam), and the city total',
  tag: 'Figures',
  auth: 'jwt',
  roles: FIGURE_READERS,
  purpose: 'management information',
  query: z.object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
      .optional(),
    teamId: z.string().min(1).max(100).optional(),
  }),
  success: {
    status: 200,
    description: 'Counters kept at write time, with the derived shares. No personal data.',
    schema: z
      .object({ month: z.string(), teams: z.array(TeamFigures), city: orNull(TeamFigures) })
      .meta({ id: 'Figures', description: 'Figures per team for a month, and the city total for the beheerder (null for a team leader).' }),
  },
  errors: ['invalid_input', 'forbidden'],
});

export const figuresRoutes = [statsRoute];
