import { httpFunction } from '../http/pipeline.ts';
import { openApiDocument } from '../openapi.ts';
import { routes } from '../routes.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { healthRoute, openApiRoute } from './contract.ts';

export function createHandler(deps: Pick<FunctionRuntime, 'logger'>) {
  // Built once per instance: the document only changes with a deployment.
  const document = openApiDocument(routes);
  return httpFunction({ logger: deps.logger }, [
    { contract: healthRoute, handle: async () => ({ status: 200, body: { status: 'ok' } }) },
    { contract: openApiRoute, handle: async () => ({ status: 200, body: document, headers: { 'Cache-Control': 'public, max-age=300' } }) },
  ]);
}
