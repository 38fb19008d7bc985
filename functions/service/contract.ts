import { defineRoute } from '../http/contract.ts';

export const healthRoute = defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  fn: 'service',
  summary: 'Whether the API is up',
  tag: 'Service',
  auth: 'none',
  success: { status: 200, description: 'The API is up.' },
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
  success: { status: 200, description: 'The OpenAPI 3.1 document of this API.' },
  errors: [],
});

export const processingActivitiesRoute = defineRoute({
  operationId: 'listProcessingActivities',
  method: 'GET',
  path: '/processing-activities',
  fn: 'service',
  summary: "The city's register of processing activities: what the API does with personal data, why, and on which legal basis",
  tag: 'Service',
  auth: 'jwt',
  success: { status: 200, description: 'Every entry, in its current version.' },
  errors: [],
});

export const serviceRoutes = [healthRoute, openApiRoute, processingActivitiesRoute];
