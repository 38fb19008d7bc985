import * as z from 'zod';
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

export const serviceRoutes = [healthRoute, openApiRoute];
