import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClientTypes, SCHEMA_FILE } from '../../client/generate.ts';
import { aDayOfWork } from '../../client/usage.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The client generated from the served document: it is the committed one (so a contract
 * change shows up as a change of client/schema.d.ts, and `npm run typecheck` compiles the
 * usage against it), and a program written against it works against the real stack.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stack.stop());

describe('the generated TypeScript client', () => {
  it('is generated from the document the API serves (npm run client:generate)', async () => {
    const served = (await api.call('GET', '/openapi.json')).body;
    expect(await generateClientTypes(served)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('walks the main routes of a day against the local stack, with no cast', async () => {
    const [intaker, coach, leader, doorbraakteam] = await Promise.all([
      api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] }),
      api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
      api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
      api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    ]);
    const day = await aDayOfWork(`${api.stack.url}/v1`, { intaker, coach, leader, doorbraakteam });
    expect(day).toMatchObject({ triageStatus: 'triaged', regisseur: 'kees', onRoster: true, planVersion: 2, cityTotal: null });
    expect(day.householdId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
