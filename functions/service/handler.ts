import { currentRegister } from '#shared/processing-activities.ts';
import { registerOf } from '#shared/processing-register.ts';
import { httpFunction, pipelineDeps } from '../http/pipeline.ts';
import { openApiDocument } from '../openapi.ts';
import { routes } from '../routes.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { healthRoute, openApiRoute, processingActivitiesRoute } from './contract.ts';

export function createHandler(deps: Pick<FunctionRuntime, 'logger' | 'city'>) {
  // Built once per instance: the document only changes with a deployment.
  const document = openApiDocument(routes);
  return httpFunction(pipelineDeps(deps), [
    { contract: healthRoute, handle: async () => ({ status: 200, body: { status: 'ok' } }) },
    { contract: openApiRoute, handle: async () => ({ status: 200, body: document, headers: { 'Cache-Control': 'public, max-age=300' } }) },
    {
      contract: processingActivitiesRoute,
      handle: async () => ({ status: 200, body: { items: currentRegister(registerOf(deps.city)), nextCursor: null } }),
    },
  ]);
}
