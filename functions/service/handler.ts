import { currentRegister } from '#shared/processing-activities.ts';
import { registerOf } from '#shared/processing-register.ts';
import { onFirstUse } from '../first-use.ts';
import { httpFunction, pipelineDeps } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { healthRoute, openApiRoute, processingActivitiesRoute } from './contract.ts';

export function createHandler(deps: Pick<FunctionRuntime, 'logger' | 'city'>) {
  // Built on its first request and kept (it only changes with a deployment): every route's
  // contract and the generator load then, not with the function, so health answers from a quick start.
  const document = onFirstUse(async () => {
    const [{ openApiDocument }, { routes }] = await Promise.all([import('../openapi.ts'), import('../routes.ts')]);
    return openApiDocument(routes);
  });
  return httpFunction(pipelineDeps(deps), [
    { contract: healthRoute, handle: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      contract: openApiRoute,
      handle: async () => ({ status: 200, body: await document(), headers: { 'Cache-Control': 'public, max-age=300' } }),
    },
    {
      contract: processingActivitiesRoute,
      handle: async () => ({ status: 200, body: { items: currentRegister(registerOf(deps.city)), nextCursor: null } }),
    },
  ]);
}
