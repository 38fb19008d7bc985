import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * api.md 1.1 "Intakes for a household known elsewhere" and domain.md rule 12: an intake that
 * matches an open household of another team lands with that team; the sender learns which
 * team took it, nothing more.
 */
let api: TestApi;
let anna: string; // intaker of velve-lindenhof, which holds the household
let otto: string; // intaker of pathmos, where the resident walks in
let lotte: string; // teamleider of velve-lindenhof

const intake = (teamId: string, bsn: string | undefined, postcode: string, question: string) => ({
  teamId,
  channel: 'walk_in',
  urgency: 'normal',
  question,
  domains: ['finances'],
  household: {
    address: { postcode, houseNumber: '4' },
    members: [{ name: 'Noor Bakker', birthDate: '1988-05-05', ...(bsn ? { bsn } : {}), role: 'adult' }],
  },
});

beforeAll(async () => {
  api = await startTestApi();
  [anna, otto, lotte] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'otto', roles: ['intaker'], teams: ['pathmos'] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
  ]);
});
afterAll(() => api.stack.stop());

describe('an intake for a household another team holds', () => {
  it.each([
    ['by BSN', true],
    ['by address', false],
  ])('%s: lands with that team, and the sender learns only which team', async (_how, byBsn) => {
    const bsn = randomBsn();
    const postcode = byBsn ? '7531AB' : '7532AB';
    const first = await api.call('POST', '/intakes', { token: anna, body: intake('velve-lindenhof', bsn, postcode, 'Eerste verhaal') });
    expect(first.status).toBe(201);
    const householdId = first.body.householdId as string;

    const routed = await api.call('POST', '/intakes', {
      token: otto,
      body: intake('pathmos', byBsn ? bsn : undefined, byBsn ? '7999ZZ' : postcode, 'VERHAAL-BIJ-PATHMOS'),
    });
    expect(routed.status).toBe(201);
    expect(routed.body).toMatchObject({ householdId: null, routedToTeamId: 'velve-lindenhof', teamId: 'pathmos', status: 'open' });
    // Nothing in the answer, its Location or the id gives the household away.
    expect(routed.text).not.toContain(householdId);
    expect(routed.headers.get('location')).not.toContain(householdId);

    // The sender reads the intake they registered, not the household, and does not triage it.
    const read = await api.call('GET', `/intakes/${routed.body.id}`, { token: otto });
    expect(read.status).toBe(200);
    expect(read.body.householdId).toBeNull();
    expect(read.text).not.toContain(householdId);
    expect((await api.call('GET', `/households/${householdId}`, { token: otto })).status).toBe(404);
    const refused = await api.call('POST', `/intakes/${routed.body.id}/triage`, { token: otto, body: { outcome: 'referred_external' } });
    expect(refused.status).toBe(403);

    // The household's team has the story in the dossier (told once), sees the household id, and triages it.
    const dossier = await api.call('GET', `/households/${householdId}`, { token: lotte });
    expect(dossier.body.intakes.map((i: { question: string }) => i.question)).toContain('VERHAAL-BIJ-PATHMOS');
    expect((await api.call('GET', `/intakes/${routed.body.id}`, { token: anna })).body.householdId).toBe(householdId);
    const triaged = await api.call('POST', `/intakes/${routed.body.id}/triage`, { token: anna, body: { outcome: 'referred_external' } });
    expect(triaged.status).toBe(200);
    expect(triaged.body.status).toBe('triaged');
  });
});
