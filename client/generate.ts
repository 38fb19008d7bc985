/**
 * The API's TypeScript types, generated from the OpenAPI document the API serves, with
 * openapi-typescript: `npm run client:generate` writes client/schema.d.ts. A test regenerates
 * them from the served document and fails when the committed file differs, so the client
 * can never drift from the contract.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const SCHEMA_FILE = resolve(import.meta.dirname, 'schema.d.ts');

export async function generateClientTypes(document: object): Promise<string> {
  return COMMENT_HEADER + astToString(await openapiTS(document as never));
}

if (process.argv[1] === import.meta.filename) {
  const { openApiDocument } = await import('#functions/openapi.ts');
  const { routes } = await import('#functions/routes.ts');
  writeFileSync(SCHEMA_FILE, await generateClientTypes(openApiDocument(routes)));
  console.log(`client: wrote ${SCHEMA_FILE}`);
}
