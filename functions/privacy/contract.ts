import * as z from 'zod/mini';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, ListQuery } from '../http/schemas.ts';

export const processingLogRoute = defineRoute({
  operationId: 'getProcessingLog',
  method: 'GET',
  path: '/households/{id}/processing-log',
  fn: 'privacy',
  summary: "Who read or changed the household's data, when and why, newest first",
  tag: 'Privacy',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'accountability for processing',
  processingActivity: 'accountability',
  params: HouseholdParams,
  query: z.object({
    member: z
      .optional(z.string().check(z.minLength(1), z.maxLength(100)))
      .register(z.globalRegistry, { description: "Only the lines about this member (one person's subject access request)." }),
    ...ListQuery,
  }),
  success: { status: 200, description: 'A page of the processing log.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const exportRoute = defineRoute({
  operationId: 'exportHousehold',
  method: 'GET',
  path: '/households/{id}/export',
  fn: 'privacy',
  summary: 'Everything held on a household, for a subject access request',
  tag: 'Privacy',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'subject access request',
  processingActivity: 'subject-access',
  params: HouseholdParams,
  success: {
    status: 200,
    description: 'The household, its intakes, plan with every version, assessments, escalations and processing log.',
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const privacyRoutes = [processingLogRoute, exportRoute];
