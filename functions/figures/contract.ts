import * as z from 'zod/mini';
import { FIGURE_READERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';

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
    month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'))),
    teamId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
  success: {
    status: 200,
    description: 'Counters kept at write time, with the derived shares. No personal data.',
  },
  errors: ['invalid_input', 'forbidden'],
});

export const figuresRoutes = [statsRoute];
