import * as z from 'zod';
import { PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';
import { defineRoute } from '../http/contract.ts';

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health', description: 'The service answers.' });

export const healthRoute = defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  fn: 'service',
  summary: 'Whether the API is up',
  tag: 'Service',
  auth: 'none',
  success: { status: 200, description: 'The API is up.', schema: Health },
  errors: [],
});

export const openApiRoute = defineRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  fn: 'service',
  summary: 'This OpenAPI document',
  tag: 'Service',
  auth: 'none',
  success: { status: 200, description: 'The OpenAPI 3.1 document of this API.', schema: z.object({}).loose() },
  errors: [],
});

export const ProcessingActivity = z
  .object({
    id: z.enum(PROCESSING_ACTIVITY_IDS),
    name: z.string(),
    purpose: z.string(),
    legalBasis: z.string().meta({ description: 'The grondslag: the law and article, and the AVG basis.' }),
    retention: z.string(),
    version: z.number().int().meta({ description: 'A change of purpose or legal basis is a new version.' }),
  })
  .meta({ id: 'ProcessingActivity', description: 'An entry of the register of processing activities (verwerkingsregister).' });

export const ProcessingActivityList = z
  .object({ items: z.array(ProcessingActivity), nextCursor: z.null() })
  .meta({ id: 'ProcessingActivityList', description: "The city's register of processing activities, as it stands." });

export const processingActivitiesRoute = defineRoute({
  operationId: 'listProcessingActivities',
  method: 'GET',
  path: '/processing-activities',
  fn: 'service',
  summary: "The city's register of processing activities: what the API does with personal data, why, and on which legal basis",
  tag: 'Service',
  auth: 'jwt',
  success: { status: 200, description: 'Every entry, in its current version.', schema: ProcessingActivityList },
  errors: [],
});

export const serviceRoutes = [healthRoute, openApiRoute, processingActivitiesRoute];
