import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '../../functions/openapi.ts';
import { routes } from '../../functions/routes.ts';
import { ApiError } from '../../web/src/lib/api.ts';
import { paramInDutch, problemInDutch } from '../../web/src/lib/problems.ts';
import { t } from '../../web/src/lib/texts.ts';

/** The Problem schema as the OpenAPI document publishes it: the codes a client must be able to say. */
const problemSchema = (openApiDocument(routes) as unknown as { components: { schemas: Record<string, ProblemSchema> } }).components.schemas
  .Problem as ProblemSchema;
interface ProblemSchema {
  properties: {
    type: { enum: string[] };
    invalidParams: { items: { properties: { code: { enum: string[] } } } };
  };
}
const types = problemSchema.properties.type.enum;
const codes = problemSchema.properties.invalidParams.items.properties.code.enum;

/** Words of the API's English texts that must never reach a Dutch screen. */
const ENGLISH = /\b(the|must|not|invalid|request|expected|received|required|found)\b/i;

/**
 * Dutch by code (issue 26): the client never shows the API's English `detail` or `reason`; every
 * problem type and every invalidParams code the OpenAPI document can answer, zod's issue codes
 * among them, has a Dutch text in the one place texts live.
 */
describe('every problem the API can answer, in Dutch', () => {
  it('the document publishes its problem types and invalid-param codes as enums, zod’s issue codes among them', () => {
    expect(types.length).toBeGreaterThanOrEqual(10);
    expect(types).toContain('https://wijkteams.nl/problems/invalid-input');
    for (const code of Object.values(z.ZodIssueCode)) expect(codes, code).toContain(code);
  });

  it.each(types)('%s has a Dutch text', (type) => {
    const said = problemInDutch(new ApiError(400, { type: type as never, status: 400, detail: 'The request body is not valid.' }), true);
    expect(said).toBe((t.problems.types as Record<string, string>)[type.split('/').at(-1) ?? '']);
    expect(said).not.toMatch(ENGLISH);
  });

  it.each(codes)('invalidParams code %s has a Dutch text', (code) => {
    const text = (t.problems.params as Record<string, string | undefined>)[code];
    expect(text).toBeDefined();
    expect(text).not.toMatch(ENGLISH);
    expect(paramInDutch({ code: code as never })).toBe(text);
  });

  it("never the API's detail or reason: at the field and in the alert", () => {
    const error = new ApiError(400, {
      type: 'https://wijkteams.nl/problems/invalid-input',
      status: 400,
      detail: 'The request body is not valid.',
      invalidParams: [
        { name: 'name', code: 'too_small', reason: 'Too small: expected string to have >=1 characters' },
        { name: 'at', code: 'before_receipt', reason: 'must not be before the signal was received' },
      ],
    });
    expect(error.fieldErrors()).toEqual({ name: t.problems.params.too_small, at: t.problems.params.before_receipt });
    expect(problemInDutch(error)).toBe(`Controleer: ${t.problems.params.too_small} ${t.problems.params.before_receipt}`);
    expect(problemInDutch(error, true)).toBe('Controleer de gemarkeerde velden.');
  });

  it('an answer without a problem (the gateway’s 401) by its status', () => {
    expect(problemInDutch(new ApiError(401, undefined))).toBe(t.problems.types.unauthenticated);
    expect(problemInDutch(new ApiError(409, { detail: 'Appoint the household’s regisseur before writing its plan.' }))).toBe(
      t.problems.types.conflict,
    );
  });
});
