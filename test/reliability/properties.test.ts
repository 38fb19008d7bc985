import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf } from '#functions/http/contract.ts';
import { routes } from '#functions/routes.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Thousands of generated bad requests over every route: never a 5xx, and every error either
 * problem+json or the gateway's own fixed `{"message"}` (401, unknown route, payload limit).
 */
let api: TestApi;
let token: string;
const RUNS_PER_ROUTE = 120;

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0 } });
  token = await api.token({
    sub: 'prop',
    roles: ['intaker', 'wijkcoach', 'teamleider', 'doorbraakteam', 'budgethouder', 'beheerder'],
    teams: ['velve-lindenhof', 'interventieteam', 'doorbraakteam'],
  });
});
afterAll(() => api.stack.stop());

const printable = fc.string({
  unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZabcxyz[]^_`{|}~é€'.split('')),
  maxLength: 40,
});
const headerValue = fc.string({ unit: fc.constantFrom(...'!#$%&*+-.0123456789:;=?@ABCXYZ^_`abcxyz|~ "/,'.split('')), maxLength: 30 });
const jsonValue = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.anything({ maxDepth: 3 }).map((value) => {
    try {
      return JSON.stringify(value) ?? 'null';
    } catch {
      return 'null';
    }
  }),
);
const body = fc.oneof(
  jsonValue,
  printable, // not JSON at all
  fc.constant(''),
  fc.constant('{"teamId": "velve-lindenhof", "question": '), // truncated
  fc
    .record({ teamId: printable, question: fc.string({ maxLength: 50 }), domains: fc.array(printable), household: fc.anything() })
    .map((v) => JSON.stringify(v)),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'application/problem+json',
  'application/json; charset=utf-8',
  'multipart/form-data',
  'xx',
);
const pathParam = fc.oneof(
  printable.filter((s) => s.length > 0),
  fc.constant('x'.repeat(150)),
  fc.constant('a.b'),
  fc.constant('%00'),
);
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'teamId', 'month', 'x'), printable, { maxKeys: 4 });

describe('generated bad requests', () => {
  for (const route of routes) {
    it(`${routeKeyOf(route)} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(pathParam, query, body, contentType, headerValue, headerValue, async (id, q, payload, type, ifMatch, idem) => {
          const path = route.path.replace('{id}', encodeURIComponent(id));
          const search = new URLSearchParams(q).toString();
          const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'if-match': ifMatch, 'idempotency-key': idem };
          if (type) headers['content-type'] = type;
          // Through api.call, so that every answer is also checked against the served OpenAPI document.
          const response = await api.call(route.method, `${path}${search ? `?${search}` : ''}`, {
            headers,
            ...(route.method === 'GET' ? {} : { rawBody: payload }),
          });
          const { text } = response;
          expect(response.status, `${route.method} ${path} → ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400) {
            const parsed = JSON.parse(text);
            if (response.headers.get('content-type') === 'application/problem+json') {
              expect(parsed).toMatchObject({ status: response.status, title: expect.any(String), detail: expect.any(String) });
            } else {
              expect(Object.keys(parsed)).toEqual(['message']);
            }
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  }
});
