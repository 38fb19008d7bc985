import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Every answer a test receives is checked against the OpenAPI document the server under test
 * serves (api.md 1.1: "every answer a route gives, errors included, validates against the
 * schema the OpenAPI document publishes for that route and status"). The document is the
 * judge, never the zod schemas that produced it.
 */
type Document = {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components?: unknown;
};
type Response = {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema: unknown }>;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export interface AnswerValidator {
  /** Throws, naming the route and what is wrong, when the answer is not what the document publishes. */
  check(method: string, path: string, answer: { status: number; headers: Headers; body: unknown; text: string }): void;
}

export function contractValidator(document: Document, countFile?: string): AnswerValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(closed(structuredClone(document)) as object, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: template.split('/').filter((segment) => !segment.startsWith('{')).length,
  }));
  // Literal segments win over parameters, as in the router (`/households/search` before `/households/{id}`).
  templates.sort((a, b) => b.literal - a.literal);
  const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

  return {
    check(method, path, answer) {
      // As the client sends it: dot segments resolved, the query left off.
      const bare = new URL(path, 'http://api.invalid').pathname;
      const route = templates.find((t) => t.pattern.test(bare));
      const what = `${method} ${bare} → ${answer.status}`;
      const operation = route ? document.paths[route.template]?.[method.toLowerCase()] : undefined;
      if (!route || !operation) {
        // Only the gateway's own 404 for a route that does not exist has no document entry.
        if (answer.status === 404 && JSON.stringify(answer.body) === '{"message":"Not Found"}') return;
        throw new Error(`${what}: no such operation in the served OpenAPI document`);
      }
      const response = operation.responses[String(answer.status)];
      if (!response) throw new Error(`${what}: status not documented for ${method} ${route.template}`);
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        if (header.required && answer.headers.get(name) === null) throw new Error(`${what}: the documented header ${name} is missing`);
      }
      const contentType = answer.headers.get('content-type')?.split(';')[0]?.trim();
      const content = response.content;
      if (!content) {
        // 401 (the gateway's fixed body, described without a schema) and 204 carry no documented body.
        if (answer.status === 401 && JSON.stringify(answer.body) === '{"message":"Unauthorized"}') return count(countFile);
        if (answer.text !== '') throw new Error(`${what}: a body where the document describes none`);
        return count(countFile);
      }
      if (!contentType || !content[contentType]) throw new Error(`${what}: content type ${contentType} is not documented`);
      const ref = `openapi#/${pointer('paths', route.template, method.toLowerCase(), 'responses', String(answer.status), 'content', contentType, 'schema')}`;
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: ref });
        compiled.set(ref, validate);
      }
      if (!validate(answer.body)) {
        throw new Error(`${what}: the answer does not match the served document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
      }
      count(countFile);
    },
  };
}

/**
 * The document's objects as closed for this check: an answer may not carry a field the
 * document does not describe (a generated client would not know it, and an undescribed field
 * is how personal data slips out unnoticed). The served document itself stays open.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.properties && typeof schema.properties === 'object' && schema.additionalProperties === undefined) {
      schema.unevaluatedProperties = false;
    }
    for (const value of Object.values(schema)) closed(value);
  }
  return node;
}

function count(file: string | undefined) {
  if (file) appendFileSync(file, '.');
}

export const countFileFor = (dir: string) => join(dir, `answers-${process.pid}`);
