import * as z from 'zod';
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
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
      .optional(),
    teamId: z.string().min(1).max(100).optional(),
  }),
  success: {
    status: 200,
    description: 'Counters kept at write time, with the derived shares. No personal data.',
  },
  errors: ['invalid_input', 'forbidden'],
});

export const figuresRoutes = [statsRoute];
