import * as z from 'zod';
import { ROLES } from '#shared/auth.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, ListQuery, Timestamp } from '../http/schemas.ts';

export const ProcessingLogEntry = z
  .object({
    at: Timestamp,
    actor: z.string(),
    roles: z.array(z.enum(ROLES)),
    action: z.enum(['read', 'create', 'update', 'delete', 'export']),
    resource: z.string(),
    purpose: z.string(),
  })
  .meta({ id: 'ProcessingLogEntry', description: "One processing of the household's data (Logboek Dataverwerkingen)." });

export const ProcessingLogPage = z
  .object({ items: z.array(ProcessingLogEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'ProcessingLogPage' });

export const processingLogRoute = defineRoute({
  operationId: 'getProcessingLog',
  method: 'GET',
  path: '/households/{id}/processing-log',
  fn: 'privacy',
  summary: "Who read or changed the household's data, when and why, newest first",
  tag: 'Privacy',
  auth: 'jwt',
  roles: ['teamleider'],
  purpose: 'accountability for processing',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: { status: 200, description: 'A page of the processing log.', schema: ProcessingLogPage },
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
  roles: ['teamleider'],
  purpose: 'subject access request',
  params: HouseholdParams,
  success: {
    status: 200,
    description: 'The household, its intakes, plan with every version, assessments, escalations and processing log.',
    schema: z.object({}).loose().meta({ id: 'HouseholdExport' }),
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const privacyRoutes = [processingLogRoute, exportRoute];
