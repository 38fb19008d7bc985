import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';
import { signalBody, untilAwaiting } from '../setup/worlds.ts';

/**
 * Notifications (../shared/spec/v1.2.md "Notifications (signaleringen)", issue 28): written with
 * the change that causes them, to the people concerned and never to the one who caused them;
 * titles without personal data; GET /me/notifications with unreadCount and an ETag that
 * If-None-Match turns into a 304; marking read by ids or all; expiry after 90 days.
 */
let api: TestApi;
let anna: string;
let kees: string;
let sanne: string;
let lotte: string;
let postcode = 6700;
const STORY = 'Geheim verhaal over schulden bij de buren';
const NAME = 'Meldingvrouw';

async function household() {
  const reply = await api.call('POST', '/intakes', {
    token: anna,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: STORY,
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '3' },
        members: [{ name: `Ria ${NAME}`, birthDate: '1980-02-02', bsn: randomBsn(), role: 'adult' }],
      },
    },
  });
  expect(reply.status).toBe(201);
  return { householdId: reply.body.householdId as string, intakeId: reply.body.id as string };
}

const mine = async (token: string, query = '') => api.call('GET', `/me/notifications${query}`, { token });
const itemsOf = async (token: string) =>
  (await mine(token)).body.items as { id: string; kind: string; title: string; householdId?: string; read: boolean }[];
const about = async (token: string, householdId: string) => (await itemsOf(token)).filter((n) => n.householdId === householdId);

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  [anna, kees, sanne, lotte] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'], name: 'Anna' }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees' }),
    api.token({ sub: 'sanne', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Sanne' }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'], name: 'Lotte' }),
  ]);
  await Promise.all([kees, sanne, lotte].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('notifications', () => {
  it('a referral tells the coach at once, in a title that names no one; never the one who triaged', async () => {
    const h = await household();
    const triaged = await api.call('POST', `/intakes/${h.intakeId}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' },
    });
    expect(triaged.status).toBe(200);
    const told = await about(kees, h.householdId);
    expect(told).toEqual([
      expect.objectContaining({ kind: 'task_assigned', read: false, householdId: h.householdId, intakeId: h.intakeId }),
    ]);
    expect(JSON.stringify(told)).not.toContain(NAME);
    expect(JSON.stringify(told)).not.toContain(STORY);
    expect(await about(anna, h.householdId)).toEqual([]);
    expect(await about(sanne, h.householdId)).toEqual([]);
    // Expires after 90 days.
    const [first] = told;
    const stored = await api.stack.db.send(
      new GetCommand({ TableName: api.stack.tableName, Key: { pk: 'NOTE#kees', sk: `N#${first?.id}` } }),
    );
    const at = Date.parse(String(stored.Item?.at));
    expect(stored.Item?.expiresAt).toBe(Math.floor(at / 1000) + 90 * 86_400);
  });

  it('the regisseur hears of the appointment, and of a colleague’s change of their plan, never of their own', async () => {
    const h = await household();
    expect((await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
    expect((await about(kees, h.householdId)).map((n) => n.kind)).toEqual(['task_assigned']);
    expect(await about(lotte, h.householdId)).toEqual([]);
    const body = (actions: Record<string, unknown>[]) => ({
      goals: [{ domain: 'finances', description: 'Schulden op een rij', actions }],
      evaluationDate: '2027-06-01',
    });
    const created = await api.call('POST', `/households/${h.householdId}/plan`, { token: kees, body: body([]) });
    expect(created.status).toBe(201);
    const own = await api.call('PUT', `/households/${h.householdId}/plan`, {
      token: kees,
      headers: { 'if-match': '"1"' },
      body: body([{ description: 'Bellen met de bank', organisation: 'Wijkteam', dueDate: '2027-01-15' }]),
    });
    expect(own.status).toBe(200);
    expect((await about(kees, h.householdId)).map((n) => n.kind)).toEqual(['task_assigned']);
    expect((await api.call('POST', `/households/${h.householdId}/plan/agreement`, { token: kees, body: { agreedBy: 'Ria' } })).status).toBe(
      200,
    );
    // Sanne gives an action to herself: Kees (the regisseur) hears of the change; Sanne of nothing she did.
    const plan = (await api.call('GET', `/households/${h.householdId}/plan`, { token: sanne })).body;
    const bySanne = await api.call('PUT', `/households/${h.householdId}/plan`, {
      token: sanne,
      headers: { 'if-match': `"${plan.version}"` },
      body: body([
        ...plan.goals[0].actions.map(({ id, description, organisation, dueDate }: Record<string, string>) => ({
          id,
          description,
          organisation,
          dueDate,
        })),
        { description: 'Budgetcursus', organisation: 'Wijkteam', dueDate: '2027-02-01', ownerId: 'sanne' },
      ]),
    });
    expect(bySanne.status).toBe(200);
    expect((await about(kees, h.householdId)).map((n) => n.kind)).toEqual(['plan_changed', 'task_assigned']);
    expect(await about(sanne, h.householdId)).toEqual([]);
    // Lotte gives Sanne an action: Sanne hears of it, Kees of the change.
    const again = (await api.call('GET', `/households/${h.householdId}/plan`, { token: lotte })).body;
    const byLotte = await api.call('PUT', `/households/${h.householdId}/plan`, {
      token: lotte,
      headers: { 'if-match': `"${again.version}"` },
      body: body([
        ...again.goals[0].actions.map(({ id, description, organisation, dueDate, ownerId }: Record<string, string>) => ({
          id,
          description,
          organisation,
          dueDate,
          ...(ownerId ? { ownerId } : {}),
        })),
        { description: 'Formulieren invullen', organisation: 'Wijkteam', dueDate: '2027-02-15', ownerId: 'sanne' },
      ]),
    });
    expect(byLotte.status).toBe(200);
    expect((await about(sanne, h.householdId)).map((n) => n.kind)).toEqual(['task_assigned']);
    expect((await about(kees, h.householdId)).map((n) => n.kind)).toEqual(['plan_changed', 'plan_changed', 'task_assigned']);
  });

  it('a consent withdrawn by a colleague tells the regisseur', async () => {
    const h = await household();
    await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    const dossier = await api.call('GET', `/households/${h.householdId}`, { token: kees });
    const consent = await api.call('POST', `/households/${h.householdId}/consents`, {
      token: kees,
      body: {
        memberId: dossier.body.members[0].id,
        organisation: 'Woonbron',
        purpose: 'p',
        dataKinds: ['members'],
        form: 'verbal',
        givenAt: '2026-01-05',
      },
    });
    expect(consent.status).toBe(201);
    const withdrawn = await api.call('POST', `/households/${h.householdId}/consents/${consent.body.id}/withdrawal`, {
      token: sanne,
      body: {},
    });
    expect(withdrawn.status).toBe(200);
    expect((await about(kees, h.householdId)).map((n) => n.kind)).toEqual(['consent_withdrawn', 'task_assigned']);
    expect(await about(sanne, h.householdId)).toEqual([]);
  });

  it('a signal that enters the team’s queue tells the team’s intakers, coaches and leaders; one joining an outreach under way does not', async () => {
    const partner = await api.stack.idp.signPartner('menzis');
    const outsider = await api.token({ sub: 'piet', roles: ['wijkcoach'], teams: ['pathmos'], name: 'Piet' });
    await api.call('GET', '/teams', { token: outsider });
    const body = signalBody();
    const received = await api.call('POST', '/signals', { token: partner, body });
    expect(received.status).toBe(201);
    for (const token of [anna, kees, sanne, lotte]) {
      const told = (await itemsOf(token)).filter((n) => n.kind === 'signal_received');
      expect(told.map((n) => (n as { signalId?: string }).signalId)).toContain(received.body.id);
      expect(JSON.stringify(told)).not.toContain('Signaal Bewoner');
    }
    expect((await itemsOf(outsider)).filter((n) => n.kind === 'signal_received')).toEqual([]);
    // A second signal for the same address joins the outreach under way: no news for the team.
    const before = (await itemsOf(kees)).length;
    const joined = await api.call('POST', '/signals', { token: partner, body: { ...signalBody(), address: body.address } });
    expect(joined.status).toBe(201);
    expect((await itemsOf(kees)).length).toBe(before);
  });

  it('the submitter hears of the doorbraakteam’s decision on their doorbraak; the one who decided does not', async () => {
    const dora = await api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'], name: 'Dora' });
    await api.call('GET', '/teams', { token: dora });
    const h = await household();
    await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    await api.call('POST', `/households/${h.householdId}/plan`, {
      token: kees,
      body: { goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: '2027-06-01' },
    });
    const escalation = await api.call('POST', `/households/${h.householdId}/escalations`, {
      token: kees,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal', cost: { amount: 10, currency: 'EUR' } },
    });
    expect(escalation.status).toBe(201);
    await untilAwaiting({ api, token: () => lotte, intakeBody: () => ({}) }, escalation.body.id, 'decision');
    const decided = await api.call('POST', `/escalations/${escalation.body.id}/decision`, {
      token: dora,
      body: { decision: 'request_info', motivation: 'Wat is de huur?' },
    });
    expect(decided.status).toBe(202);
    const told = (await itemsOf(kees)).filter((n) => n.kind === 'escalation_answered');
    expect(told).toEqual([
      expect.objectContaining({
        title: 'Het doorbraakteam vraagt informatie over een doorbraak die u aanvroeg',
        escalationId: escalation.body.id,
        householdId: h.householdId,
      }),
    ]);
    expect((await itemsOf(dora)).filter((n) => n.kind === 'escalation_answered')).toEqual([]);
  });

  it('an ETag that If-None-Match answers 304 while nothing changed; read by ids or all; the unread count follows', async () => {
    const first = await mine(lotte);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const unchanged = await api.call('GET', '/me/notifications', { token: lotte, headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    // Another page is another answer.
    expect((await api.call('GET', '/me/notifications?unread=true', { token: lotte, headers: { 'if-none-match': etag } })).status).toBe(200);

    // Something happens for Lotte: the ETag moves.
    const h = await household();
    await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: kees, body: { userId: 'lotte' } }); // a coach may not: 403
    expect((await api.call('GET', '/me/notifications', { token: lotte, headers: { 'if-none-match': etag } })).status).toBe(304);
    await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'sanne' } });
    const h2 = await household();
    await api.call('POST', `/intakes/${h2.intakeId}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'sanne', complexity: 'simple' },
    });
    const sannes = await mine(sanne);
    expect(sannes.body.unreadCount).toBeGreaterThanOrEqual(2);
    const before = sannes.body.unreadCount as number;
    const [newest] = sannes.body.items as { id: string }[];
    const sannesTag = sannes.headers.get('etag') ?? '';

    // Someone else's id changes nothing of theirs; a wrong body is 400.
    expect((await api.call('POST', '/me/notifications/read', { token: kees, body: { ids: [newest?.id] } })).status).toBe(204);
    expect((await mine(sanne)).body.unreadCount).toBe(before);
    expect((await api.call('POST', '/me/notifications/read', { token: sanne, body: { ids: ['not an id'] } })).status).toBe(400);
    expect((await api.call('POST', '/me/notifications/read', { token: sanne, body: { all: false } })).status).toBe(400);

    expect((await api.call('POST', '/me/notifications/read', { token: sanne, body: { ids: [newest?.id, newest?.id] } })).status).toBe(204);
    const afterOne = await api.call('GET', '/me/notifications', { token: sanne, headers: { 'if-none-match': sannesTag } });
    expect(afterOne.status).toBe(200);
    expect(afterOne.body.unreadCount).toBe(before - 1);
    expect(afterOne.body.items[0]).toMatchObject({ id: newest?.id, read: true });
    // Read twice counts once.
    expect((await api.call('POST', '/me/notifications/read', { token: sanne, body: { ids: [newest?.id] } })).status).toBe(204);
    expect((await mine(sanne)).body.unreadCount).toBe(before - 1);
    const unreadOnly = await mine(sanne, '?unread=true');
    expect(unreadOnly.body.items.every((n: { read: boolean }) => !n.read)).toBe(true);
    expect((await api.call('POST', '/me/notifications/read', { token: sanne, body: { all: true } })).status).toBe(204);
    const none = await mine(sanne);
    expect(none.body.unreadCount).toBe(0);
    expect(none.body.items.every((n: { read: boolean }) => n.read)).toBe(true);
  });

  it('a person’s notifications are their own partition, and a poll reads only its state', async () => {
    const partition = await api.stack.db.send(
      new QueryCommand({
        TableName: api.stack.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'NOTE#kees' },
      }),
    );
    const items = partition.Items ?? [];
    expect(items.filter((item) => item.sk === 'STATE')).toHaveLength(1);
    expect(items.filter((item) => item.type === 'notification').every((item) => item.userId === 'kees')).toBe(true);
  });
});
