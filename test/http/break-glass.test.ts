import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';
import { planBody } from '../setup/worlds.ts';

/**
 * Break-glass for acute situations (../shared/spec/v1.2.md rule 17 and "Break-glass for acute
 * situations", issue 29): a wijkcoach or teamleider of the interventieteam opens an open
 * household outside their reach for 8 hours, by BSN or address with a reason; the grant reaches
 * exactly that person and that household's dossier, plan, assessments, journal (restricted
 * entries excluded) and timeline, and one write, a journal entry; every read is a log line with
 * purpose break_glass and the grant; the household's team leaders hear of it at once and one of
 * them reviews it, once; expired, moved or closed, it reaches nothing.
 */
let api: TestApi;
let offsetMs = 0;
const tokens: Record<string, string> = {};
const token = (who: string): string => tokens[who] ?? '';
let postcode = 7400;
const HOURS = 3_600_000;
const SECRET = 'Veilig Thuis is ingeschakeld na de melding';
const REASON = 'Acute crisis: de politie belt over dakloosheid vannacht';

async function household() {
  const bsn = randomBsn();
  const address = { postcode: `${postcode++}KL`, houseNumber: '4' };
  const intake = await api.call('POST', '/intakes', {
    token: token('lotte'),
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Schulden en een dreigende uithuiszetting',
      domains: ['finances', 'housing'],
      household: { address, members: [{ name: 'Ria Noodvrouw', birthDate: '1980-02-02', bsn, role: 'adult' }] },
    },
  });
  expect(intake.status).toBe(201);
  const householdId = intake.body.householdId as string;
  expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: token('lotte'), body: { userId: 'kees' } })).status).toBe(
    200,
  );
  expect((await api.call('POST', `/households/${householdId}/plan`, { token: token('kees'), body: planBody() })).status).toBe(201);
  const open = await api.call('POST', `/households/${householdId}/journal`, {
    token: token('kees'),
    body: { kind: 'home_visit', text: 'Huisbezoek gedaan' },
  });
  const restricted = await api.call('POST', `/households/${householdId}/journal`, {
    token: token('kees'),
    body: { kind: 'note', text: SECRET, restricted: true },
  });
  expect([open.status, restricted.status]).toEqual([201, 201]);
  return { householdId, bsn, address, restrictedId: restricted.body.id as string, intakeId: intake.body.id as string };
}

const grantOn = (h: { bsn: string }, who = token('ivo'), reason = REASON) =>
  api.call('POST', '/break-glass', { token: who, body: { bsn: h.bsn, reason } });

/** The grant items of the table for a household (the test reads the layout docs/data-model.md describes). */
async function grantItems(householdId: string) {
  const found = await api.stack.db.send(
    new QueryCommand({
      TableName: api.stack.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :grant)',
      ExpressionAttributeValues: { ':pk': `HH#${householdId}`, ':grant': 'GRANT#' },
    }),
  );
  return found.Items ?? [];
}

async function logLines(householdId: string) {
  const found = await api.stack.db.send(
    new QueryCommand({
      TableName: api.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LOG#${householdId}` },
    }),
  );
  return found.Items ?? [];
}

beforeAll(async () => {
  api = await startTestApi('enschede', { clock: () => new Date(Date.now() + offsetMs) });
  const people = {
    lotte: { roles: ['teamleider', 'intaker'], teams: ['velve-lindenhof'], name: 'Lotte Leider' },
    kees: { roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees Coach' },
    otto: { roles: ['teamleider'], teams: ['wesselerbrink'], name: 'Otto Ander' },
    ivo: { roles: ['wijkcoach'], teams: ['interventieteam'], name: 'Ivo Interventie' },
    iris: { roles: ['wijkcoach'], teams: ['interventieteam'], name: 'Iris Interventie' },
    inge: { roles: ['intaker'], teams: ['interventieteam'], name: 'Inge Intaker' },
    wim: { roles: ['wijkcoach'], teams: ['wesselerbrink'], name: 'Wim Wijk' },
    bert: { roles: ['wijkcoach', 'teamleider'], teams: ['interventieteam', 'velve-lindenhof'], name: 'Bert Beide' },
  };
  for (const [sub, claims] of Object.entries(people)) tokens[sub] = await api.token({ sub, ...claims });
  await Promise.all(Object.values(tokens).map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('break-glass', () => {
  it('grants one interventieteam member 8 hours on one household: the reads it allows, each logged with the grant', async () => {
    const h = await household();
    const before = await api.call('GET', `/households/${h.householdId}`, { token: token('ivo') });
    expect(before.status).toBe(404);

    const granted = await grantOn(h);
    expect(granted.status).toBe(201);
    expect(granted.body).toEqual({ id: expect.any(String), householdId: h.householdId, expiresAt: expect.any(String), reason: REASON });
    const hours = (Date.parse(granted.body.expiresAt) - Date.now()) / HOURS;
    expect(hours).toBeGreaterThan(7.99);
    expect(hours).toBeLessThanOrEqual(8);

    const dossier = await api.call('GET', `/households/${h.householdId}`, { token: token('ivo') });
    expect(dossier.status).toBe(200);
    expect(dossier.body.breakGlass).toEqual({ grantId: granted.body.id, expiresAt: granted.body.expiresAt, reason: REASON });
    for (const path of ['/plan', '/assessments', '/journal', '/timeline']) {
      expect((await api.call('GET', `/households/${h.householdId}${path}`, { token: token('ivo') })).status, path).toBe(200);
    }
    // Restricted entries never leave the team: not listed, not on the timeline, never matched.
    const journal = await api.call('GET', `/households/${h.householdId}/journal`, { token: token('ivo') });
    expect(journal.body.items.map((e: { id: string }) => e.id)).not.toContain(h.restrictedId);
    const timeline = await api.call('GET', `/households/${h.householdId}/timeline`, { token: token('ivo') });
    expect(JSON.stringify(timeline.body)).not.toContain(h.restrictedId);
    expect(timeline.body.items.map((i: { event?: string }) => i.event)).toContain('break_glass');
    const searched = await api.call('GET', `/households/${h.householdId}/journal?q=veilig`, { token: token('ivo') });
    expect(searched.body.items).toEqual([]);
    // The team still sees the entry, and the dossier without a banner.
    const team = await api.call('GET', `/households/${h.householdId}`, { token: token('kees') });
    expect(team.body.breakGlass).toBeUndefined();
    const teamJournal = await api.call('GET', `/households/${h.householdId}/journal`, { token: token('kees') });
    expect(teamJournal.body.items.map((e: { id: string }) => e.id)).toContain(h.restrictedId);
    // The team leader sees the reads with their grant, and the export holds the grant with its reason.
    const log = await api.call('GET', `/households/${h.householdId}/processing-log?limit=100`, { token: token('lotte') });
    const grantLines = log.body.items.filter((line: { grantId?: string }) => line.grantId === granted.body.id);
    expect(grantLines).toHaveLength(9);
    const exported = await api.call('GET', `/households/${h.householdId}/export`, { token: token('lotte') });
    expect(exported.body.breakGlass).toEqual([expect.objectContaining({ id: granted.body.id, reason: REASON, review: null })]);

    const lines = await logLines(h.householdId);
    const underGrant = lines.filter((line) => line.actor === 'ivo');
    // The grant itself, the dossier, plan, assessments, the journal three times (one a search) and the timeline twice.
    expect(underGrant).toHaveLength(9);
    for (const line of underGrant) {
      expect(line).toMatchObject({ purpose: 'break_glass', grantId: granted.body.id, processingActivityId: 'break-glass' });
    }
    // The team's own reads are not the grant's.
    expect(lines.filter((line) => line.actor === 'kees' && line.grantId !== undefined)).toEqual([]);
  });

  it('lets the holder write a journal entry, and nothing else (403: the household is visible to them)', async () => {
    const h = await household();
    await grantOn(h);
    const entry = await api.call('POST', `/households/${h.householdId}/journal`, {
      token: token('ivo'),
      body: { kind: 'phone', text: 'Gebeld met de politie over de nacht' },
    });
    expect(entry.status).toBe(201);
    // The holder's own restricted entry is theirs to read; the team's restricted entry stays out of sight.
    const own = await api.call('POST', `/households/${h.householdId}/journal`, {
      token: token('ivo'),
      body: { kind: 'note', text: 'Signalen van huiselijk geweld gezien', restricted: true },
    });
    expect(own.status).toBe(201);
    const listed = (await api.call('GET', `/households/${h.householdId}/journal`, { token: token('ivo') })).body.items.map(
      (e: { id: string }) => e.id,
    );
    expect(listed).toContain(own.body.id);
    expect(listed).not.toContain(h.restrictedId);
    expect(
      (await logLines(h.householdId)).find((line) => line.resource === `/households/${h.householdId}/journal/${entry.body.id}`),
    ).toMatchObject({
      purpose: 'break_glass',
      action: 'create',
    });
    const writes: [string, string, unknown][] = [
      ['PUT', '/plan', planBody()],
      ['PUT', '/address', { postcode: '7545KL', houseNumber: '9' }],
      ['POST', '/involved', { kind: 'informal', name: 'Buurvrouw' }],
      ['POST', '/close', { reason: 'x' }],
      ['GET', '/consents', undefined],
      ['GET', '/processing-log', undefined],
      ['GET', '/export', undefined],
    ];
    for (const [method, path, body] of writes) {
      const reply = await api.call(method, `/households/${h.householdId}${path}`, {
        token: token('ivo'),
        // A change that needs If-Match gets one, so that what answers is the grant's reach, not the missing header.
        headers: { 'if-match': '"1"' },
        ...(body ? { body } : {}),
      });
      expect(reply.status, `${method} ${path}`).toBe(403);
    }
  });

  it('leaves the team’s first contact to the team: a call under a grant does not end the coach’s task', async () => {
    const h = await household();
    const triaged = await api.call('POST', `/intakes/${h.intakeId}/triage`, {
      token: token('lotte'),
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' },
    });
    expect(triaged.status).toBe(200);
    const firstContact = async () =>
      (await api.call('GET', '/me/tasks?kind=first_contact', { token: token('kees') })).body.items.filter(
        (task: { householdId?: string }) => task.householdId === h.householdId,
      );
    expect(await firstContact()).toHaveLength(1);
    await grantOn(h);
    const call = await api.call('POST', `/households/${h.householdId}/journal`, {
      token: token('ivo'),
      body: { kind: 'phone', text: 'Gebeld met de moeder over vannacht' },
    });
    expect(call.status).toBe(201);
    expect(await firstContact()).toHaveLength(1);
  });

  it('never reaches a second household or a second person', async () => {
    const [h, other] = [await household(), await household()];
    expect((await grantOn(h)).status).toBe(201);
    expect((await api.call('GET', `/households/${other.householdId}`, { token: token('ivo') })).status).toBe(404);
    expect((await api.call('GET', `/households/${h.householdId}`, { token: token('iris') })).status).toBe(404);
    expect((await api.call('GET', `/households/${h.householdId}/journal`, { token: token('iris') })).status).toBe(404);
    expect((await api.call('GET', `/households/${h.householdId}`, { token: token('wim') })).status).toBe(404);
  });

  it('tells the team leaders at once and gives them a review task due in two working days', async () => {
    const h = await household();
    const granted = await grantOn(h);
    const notes = (await api.call('GET', '/me/notifications', { token: token('lotte') })).body.items;
    const told = notes.filter((n: { grantId?: string }) => n.grantId === granted.body.id);
    expect(told).toEqual([expect.objectContaining({ kind: 'break_glass', householdId: h.householdId, read: false })]);
    expect(JSON.stringify(told)).not.toContain('Noodvrouw');
    // The regisseur (a coach) and the holder are not told.
    const kees = (await api.call('GET', '/me/notifications', { token: token('kees') })).body.items;
    expect(kees.filter((n: { kind: string }) => n.kind === 'break_glass')).toEqual([]);
    const tasks = (await api.call('GET', '/me/tasks?kind=break_glass_review', { token: token('lotte') })).body.items;
    const task = tasks.find((t: { grantId?: string }) => t.grantId === granted.body.id);
    expect(task).toMatchObject({ kind: 'break_glass_review', householdId: h.householdId });
    const today = new Date();
    const days = (Date.parse(task.dueDate) - Date.parse(today.toISOString().slice(0, 10))) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2);
    expect(days).toBeLessThanOrEqual(4);
  });

  it('is reviewed once by a team leader of the team, and counted per team and month', async () => {
    const h = await household();
    const granted = await grantOn(h);
    const month = new Date().toISOString().slice(0, 7);
    const stats = async () =>
      (await api.call('GET', `/stats?teamId=velve-lindenhof&month=${month}`, { token: token('lotte') })).body.teams[0].breakGlass;
    const counted = await stats();
    const review = (token: string, verdict = 'unjustified') =>
      api.call('POST', `/break-glass/${granted.body.id}/review`, { token, body: { verdict, note: 'Geen acute situatie' } });
    expect((await review(token('kees'))).status).toBe(403);
    expect((await review(token('otto'))).status).toBe(404);
    expect((await review(token('ivo'))).status).toBe(403);
    const reviewed = await review(token('lotte'));
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review).toMatchObject({ verdict: 'unjustified', note: 'Geen acute situatie', by: { userId: 'lotte' } });
    expect((await review(token('lotte'), 'justified')).status).toBe(409);
    expect((await stats()).unjustified).toBe(counted.unjustified + 1);
    const tasks = (await api.call('GET', '/me/tasks?kind=break_glass_review', { token: token('lotte') })).body.items;
    expect(tasks.find((t: { grantId?: string }) => t.grantId === granted.body.id)).toBeUndefined();

    const open = await api.call('GET', '/break-glass?teamId=velve-lindenhof&reviewed=false', { token: token('lotte') });
    expect(open.body.items.map((g: { id: string }) => g.id)).not.toContain(granted.body.id);
    const done = await api.call('GET', '/break-glass?teamId=velve-lindenhof&reviewed=true', { token: token('lotte') });
    expect(done.body.items.map((g: { id: string }) => g.id)).toContain(granted.body.id);
    const all = await api.call('GET', '/break-glass?teamId=velve-lindenhof', { token: token('lotte') });
    expect(all.body.items.find((g: { id: string }) => g.id === granted.body.id)).toMatchObject({
      reason: REASON,
      holder: { userId: 'ivo' },
    });
    expect((await api.call('GET', '/break-glass?teamId=velve-lindenhof', { token: token('otto') })).status).toBe(403);
  });

  it('takes one review when two team leaders review at once', async () => {
    const h = await household();
    const granted = await grantOn(h);
    const bert = await api.token({ sub: 'lars', roles: ['teamleider'], teams: ['velve-lindenhof'], name: 'Lars Leider' });
    const both = await Promise.all(
      [token('lotte'), bert].map((who, i) =>
        api.call('POST', `/break-glass/${granted.body.id}/review`, {
          token: who,
          body: { verdict: i === 0 ? 'justified' : 'unjustified', note: 'Tegelijk beoordeeld' },
        }),
      ),
    );
    expect(both.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const [item] = await grantItems(h.householdId);
    const winner = both.find((reply) => reply.status === 200);
    expect(item?.review).toEqual(winner?.body.review);
  });

  it('ends at expiry, when the household moves to another team, and when it is closed', async () => {
    const expiring = await household();
    await grantOn(expiring);
    offsetMs = 8 * HOURS + 1000;
    try {
      expect((await api.call('GET', `/households/${expiring.householdId}`, { token: token('ivo') })).status).toBe(404);
      // An expired grant on a household can be followed by a new one.
      expect((await grantOn(expiring)).status).toBe(201);
    } finally {
      offsetMs = 0;
    }

    const moving = await household();
    await grantOn(moving, token('iris'));
    const moved = await api.call('POST', `/households/${moving.householdId}/transfer`, {
      token: token('lotte'),
      body: { teamId: 'wesselerbrink' },
    });
    expect(moved.status).toBe(200);
    expect((await api.call('GET', `/households/${moving.householdId}`, { token: token('iris') })).status).toBe(404);
    // Back within the 8 hours, the grant stays ended; a new one may be taken.
    const back = await api.call('POST', `/households/${moving.householdId}/transfer`, {
      token: token('otto'),
      body: { teamId: 'velve-lindenhof' },
    });
    expect(back.status).toBe(200);
    expect((await api.call('GET', `/households/${moving.householdId}`, { token: token('iris') })).status).toBe(404);
    expect((await grantOn(moving, token('iris'))).status).toBe(201);
    expect((await api.call('GET', `/households/${moving.householdId}`, { token: token('iris') })).status).toBe(200);

    const closing = await household();
    await grantOn(closing, token('iris'));
    const planClosed = await api.call('POST', `/households/${closing.householdId}/plan/close`, {
      token: token('kees'),
      headers: { 'if-match': '"1"' },
      body: { outcome: 'Doelen bereikt' },
    });
    expect(planClosed.status).toBe(200);
    const closed = await api.call('POST', `/households/${closing.householdId}/close`, {
      token: token('lotte'),
      body: { reason: 'Hulp afgerond' },
    });
    expect(closed.status).toBe(200);
    expect((await api.call('GET', `/households/${closing.householdId}`, { token: token('iris') })).status).toBe(404);
  });

  it('refuses bad requests and writes no grant for them', async () => {
    const h = await household();
    const cases: [string, Record<string, unknown>, number][] = [
      [token('ivo'), { bsn: h.bsn, reason: 'te kort' }, 400],
      [token('ivo'), { bsn: '123', reason: REASON }, 400],
      [token('wim'), { bsn: h.bsn, reason: REASON }, 403],
      [token('inge'), { bsn: h.bsn, reason: REASON }, 403],
      [token('bert'), { bsn: h.bsn, reason: REASON }, 409],
      [token('ivo'), { bsn: randomBsn(), reason: REASON }, 404],
      [token('ivo'), { postcode: '9999ZZ', houseNumber: '1', reason: REASON }, 404],
    ];
    for (const [token, body, status] of cases) {
      const reply = await api.call('POST', '/break-glass', { token, body });
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(reply.body)).not.toContain(h.bsn);
    }
    expect(await grantItems(h.householdId)).toEqual([]);
    // By address, then a second grant while the first is in force: 409, one grant.
    expect((await api.call('POST', '/break-glass', { token: token('ivo'), body: { ...h.address, reason: REASON } })).status).toBe(201);
    expect((await grantOn(h)).status).toBe(409);
    expect(await grantItems(h.householdId)).toHaveLength(1);
  });
});
