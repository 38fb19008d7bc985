import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Rules 1 and 10: one household for one address or one person, and every accepted request is
 * durable. Thirty people at a desk register at once; every valid registration gets 201, all in
 * one household, every story kept, and the figures count each intake exactly once.
 */
let api: TestApi;
let anna: string;
let lotte: string;
const TEAM = 'twekkelerveld';

beforeAll(async () => {
  api = await startTestApi();
  [anna, lotte] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: [TEAM] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] }),
  ]);
  await Promise.all([api.call('GET', '/teams', { token: anna }), api.call('GET', '/teams', { token: lotte })]);
});
afterAll(() => api.stack.stop());

const month = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date());

async function figures() {
  const reply = await api.call('GET', `/stats?month=${month()}&teamId=${TEAM}`, { token: lotte });
  expect(reply.status).toBe(200);
  return reply.body.teams.find((t: { teamId: string }) => t.teamId === TEAM) as { intakes: number; openHouseholds: number };
}

async function registerAtOnce(count: number, member: (i: number) => Record<string, unknown>, postcode: string) {
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.call('POST', '/intakes', {
        token: anna,
        body: {
          teamId: TEAM,
          channel: 'walk_in',
          urgency: 'normal',
          question: `VERHAAL-${postcode}-${i}`,
          domains: ['housing'],
          household: { address: { postcode, houseNumber: '7' }, members: [member(i)] },
        },
      }),
    ),
  );
  return replies;
}

describe('thirty registrations at once', () => {
  it.each([
    [
      'one address, thirty different residents without BSN',
      '7521AA',
      (i: number) => ({ name: `Bewoner ${i}`, birthDate: '1990-01-01', role: 'adult' }),
    ],
    ['one address, the same resident without BSN', '7521AB', () => ({ name: 'Sam de Vries', birthDate: '1990-01-01', role: 'adult' })],
    [
      'one BSN',
      '7521AC',
      (() => {
        const bsn = randomBsn();
        return () => ({ name: 'Sam', birthDate: '1990-01-01', bsn, role: 'adult' });
      })(),
    ],
  ])(
    '%s: 30 × 201, one household, every story kept, figures exact',
    async (name, postcode, member) => {
      const before = await figures();
      const replies = await registerAtOnce(30, member, postcode);
      expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
      const households = new Set(replies.map((r) => r.body.householdId));
      expect(households.size).toBe(1);
      const [householdId] = households;
      const dossier = await api.call('GET', `/households/${householdId}`, { token: lotte });
      // Thirty different people are thirty members; one person is one member, however often registered.
      expect(dossier.body.members).toHaveLength(name.includes('thirty different') ? 30 : 1);
      const stories = dossier.body.intakes.map((i: { question: string }) => i.question).sort();
      expect(stories).toEqual(Array.from({ length: 30 }, (_, i) => `VERHAAL-${postcode}-${i}`).sort());
      const after = await figures();
      expect(after.intakes - before.intakes).toBe(30);
      expect(after.openHouseholds - before.openHouseholds).toBe(1);
    },
    60_000,
  );
});
