import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The roster follows the token (api.md 1.1 "The roster"; domain.md rule 11: a regisseur or
 * coach is a current member of the household's team with the role for it).
 */
let api: TestApi;
let lotte: string; // teamleider of wesselerbrink
let ina: string; // intaker of wesselerbrink
const TEAM = 'wesselerbrink';
let postcode = 7100;

const members = async (token = lotte, team = TEAM) => {
  const reply = await api.call('GET', `/teams/${team}/members`, { token });
  expect(reply.status).toBe(200);
  return reply.body.items as { userId: string; roles: string[]; lastSeenAt: string; name?: string }[];
};
const signIn = (token: string) => api.call('GET', '/teams', { token });
const seconds = () => Math.floor(Date.now() / 1000);

async function household(): Promise<{ householdId: string; intakeId: string }> {
  const reply = await api.call('POST', '/intakes', {
    token: ina,
    body: {
      teamId: TEAM,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Hulp gevraagd.',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '2' },
        members: [{ name: 'Jan', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
      },
    },
  });
  expect(reply.status).toBe(201);
  return { householdId: reply.body.householdId, intakeId: reply.body.id };
}

beforeAll(async () => {
  api = await startTestApi();
  [lotte, ina] = await Promise.all([
    api.token({ sub: 'lotte', name: 'Lotte', roles: ['teamleider'], teams: [TEAM] }),
    api.token({ sub: 'ina', roles: ['intaker'], teams: [TEAM] }),
  ]);
  await Promise.all([signIn(lotte), signIn(ina)]);
});
afterAll(() => api.stack.stop());

describe('the roster follows the token', () => {
  it('shows when each person was last seen', async () => {
    const lisa = (await members()).find((m) => m.userId === 'lotte');
    expect(lisa).toMatchObject({ name: 'Lotte', roles: ['teamleider'] });
    expect(Date.parse(lisa?.lastSeenAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('drops a team no longer in the token at the next sign-in', async () => {
    await signIn(await api.token({ sub: 'kim', roles: ['wijkcoach'], teams: [TEAM, 'pathmos'] }));
    expect((await members()).map((m) => m.userId)).toContain('kim');
    await signIn(await api.token({ sub: 'kim', roles: ['wijkcoach'], teams: ['pathmos'] }));
    expect((await members()).map((m) => m.userId)).not.toContain('kim');
    const pathmosLeader = await api.token({ sub: 'pl', roles: ['teamleider'], teams: ['pathmos'] });
    expect((await members(pathmosLeader, 'pathmos')).map((m) => m.userId)).toContain('kim');
  });

  it('shows the roles of the latest call at once, also when an older token comes back', async () => {
    const asCoach = await api.token({ sub: 'rik', roles: ['wijkcoach'], teams: [TEAM] });
    const asLeader = await api.token({ sub: 'rik', roles: ['wijkcoach', 'teamleider'], teams: [TEAM] });
    await signIn(asCoach);
    await signIn(asLeader);
    expect((await members()).find((m) => m.userId === 'rik')?.roles).toEqual(['wijkcoach', 'teamleider']);
    await signIn(asCoach);
    expect((await members()).find((m) => m.userId === 'rik')?.roles).toEqual(['wijkcoach']);
  });
});

describe('DELETE /teams/{id}/members/{userId}', () => {
  it('takes someone off the roster until they sign in with the team again', async () => {
    const signedIn = seconds() - 5;
    const sem = await api.token({ sub: 'sem', roles: ['wijkcoach'], teams: [TEAM], authTime: signedIn });
    await signIn(sem);
    const removed = await api.call('DELETE', `/teams/${TEAM}/members/sem`, { token: lotte });
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect((await members()).map((m) => m.userId)).not.toContain('sem');
    // The same sign-in (a token refreshed from it) does not bring them back, whichever function it calls.
    const refreshed = await api.token({ sub: 'sem', roles: ['wijkcoach'], teams: [TEAM], authTime: signedIn });
    expect((await api.call('GET', '/households', { token: refreshed })).status).toBe(200);
    expect((await members()).map((m) => m.userId)).not.toContain('sem');
    // A new sign-in with the team does.
    await signIn(await api.token({ sub: 'sem', roles: ['wijkcoach'], teams: [TEAM], authTime: seconds() + 2 }));
    expect((await members()).map((m) => m.userId)).toContain('sem');
  });

  it('is for the leader of that team only, and 404 for someone not on it', async () => {
    const coach = await api.token({ sub: 'cor', roles: ['wijkcoach'], teams: [TEAM] });
    await signIn(coach);
    const otherLeader = await api.token({ sub: 'ol', roles: ['teamleider'], teams: ['pathmos'] });
    expect((await api.call('DELETE', `/teams/${TEAM}/members/ina`, { token: coach })).status).toBe(403);
    expect((await api.call('DELETE', `/teams/${TEAM}/members/ina`, { token: otherLeader })).status).toBe(403);
    expect((await api.call('DELETE', `/teams/${TEAM}/members/nobody`, { token: lotte })).status).toBe(404);
    expect((await api.call('DELETE', '/teams/atlantis/members/ina', { token: lotte })).status).toBe(404);
    expect((await members()).map((m) => m.userId)).toContain('ina');
  });
});

describe('who may be regisseur or coach', () => {
  it('a regisseur taken off the roster stays on the household, shown as off the roster, and cannot be appointed again', async () => {
    const { householdId } = await household();
    await signIn(await api.token({ sub: 'roos', roles: ['wijkcoach'], teams: [TEAM], authTime: seconds() - 5 }));
    expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'roos' } })).status).toBe(200);
    expect((await api.call('GET', `/households/${householdId}`, { token: lotte })).body.regisseur).toMatchObject({
      userId: 'roos',
      onRoster: true,
    });
    expect((await api.call('DELETE', `/teams/${TEAM}/members/roos`, { token: lotte })).status).toBe(204);
    expect((await api.call('GET', `/households/${householdId}`, { token: lotte })).body.regisseur).toMatchObject({
      userId: 'roos',
      onRoster: false,
    });
    const again = await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'roos' } });
    expect(again.status).toBe(400);
    expect(again.body.invalidParams[0].name).toBe('userId');
  });

  it('someone who left the team cannot be appointed regisseur', async () => {
    const { householdId } = await household();
    await signIn(await api.token({ sub: 'vera', roles: ['wijkcoach'], teams: [TEAM] }));
    await signIn(await api.token({ sub: 'vera', roles: ['wijkcoach'], teams: ['binnenstad'] }));
    const reply = await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'vera' } });
    expect(reply.status).toBe(400);
  });

  it('a coach must be a wijkcoach or team leader on the roster', async () => {
    const triage = async (coachId: string) => {
      const { intakeId } = await household();
      return api.call('POST', `/intakes/${intakeId}/triage`, {
        token: ina,
        body: { outcome: 'referred_to_coach', coachId, complexity: 'simple' },
      });
    };
    await signIn(await api.token({ sub: 'bea', roles: ['beheerder'], teams: [TEAM] }));
    await signIn(await api.token({ sub: 'tim', roles: ['wijkcoach'], teams: [TEAM] }));
    for (const notACoach of ['ina', 'bea']) {
      const reply = await triage(notACoach);
      expect(reply.status).toBe(400);
      expect(reply.body.invalidParams[0]).toMatchObject({ name: 'coachId' });
    }
    expect((await triage('tim')).status).toBe(200);
  });
});
