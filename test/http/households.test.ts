import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
let anna: string; // intaker
let kees: string; // wijkcoach, to be regisseur
let lotte: string; // teamleider
let otto: string; // wijkcoach of another team
let postcodeSeq = 1000;

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const planContent = (description = 'Schulden in beeld en regeling getroffen') => ({
  goals: [
    {
      domain: 'finances',
      description,
      actions: [{ description: 'Aanmelden schuldhulp', ownerId: 'kees', organisation: 'Gemeente Enschede', dueDate: tomorrow }],
    },
    {
      domain: 'housing',
      description: 'Huurachterstand opgelost',
      actions: [{ description: 'Betalingsregeling', organisation: 'Domijn', dueDate: tomorrow }],
    },
  ],
  evaluationDate: tomorrow,
});

async function newHousehold(teamToken = anna, teamId = 'velve-lindenhof', bsn = randomBsn()): Promise<string> {
  const reply = await api.call('POST', '/intakes', {
    token: teamToken,
    body: {
      teamId,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'story',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcodeSeq++}AB`, houseNumber: '1' },
        members: [{ name: 'Jan', birthDate: '1980-01-01', bsn, role: 'adult' }],
      },
    },
  });
  expect(reply.status).toBe(201);
  return reply.body.householdId;
}

async function withRegisseur(): Promise<string> {
  const id = await newHousehold();
  const appointed = await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'kees' } });
  expect(appointed.status).toBe(200);
  return id;
}

beforeAll(async () => {
  api = await startTestApi();
  [anna, kees, lotte, otto] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'kees', name: 'Kees Bakker', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'lotte', name: 'Lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'otto', roles: ['wijkcoach', 'teamleider'], teams: ['pathmos'] }),
  ]);
  // Everyone signs in once, so that they are on their team's roster.
  await Promise.all([kees, lotte, otto].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('the dossier', () => {
  it('shows the whole household in one answer, the BSN masked', async () => {
    const id = await newHousehold(anna, 'velve-lindenhof', '111222333');
    const { status, body, headers } = await api.call('GET', `/households/${id}`, { token: kees });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ id, teamId: 'velve-lindenhof', status: 'open', regisseur: null, plan: null, latestAssessment: null });
    expect(body.members[0]).toMatchObject({ name: 'Jan', bsnMasked: '******333' });
    expect(JSON.stringify(body)).not.toContain('111222333');
    expect(body.members[0].bsnHash).toBeUndefined();
    expect(body.intakes.map((i: { question: string }) => i.question)).toContain('story');
  });

  it('is not found for another team', async () => {
    const id = await newHousehold();
    expect((await api.call('GET', `/households/${id}`, { token: otto })).status).toBe(404);
    expect((await api.call('GET', '/households/unknown', { token: kees })).status).toBe(404);
  });
});

describe('one regisseur', () => {
  it("is appointed by the team leader from the team's roster", async () => {
    const id = await newHousehold();
    const reply = await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    expect(reply.body.regisseur).toMatchObject({ userId: 'kees', name: 'Kees Bakker', appointedBy: 'lotte' });
    expect((await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'otto' } })).status).toBe(400);
    expect((await api.call('PUT', `/households/${id}/regisseur`, { token: kees, body: { userId: 'kees' } })).status).toBe(403);
    // Anna signed in as an intaker: not someone who can direct a plan.
    expect((await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'anna' } })).status).toBe(400);
  });
});

describe('one plan', () => {
  it('needs a regisseur first', async () => {
    const id = await newHousehold();
    const reply = await api.call('POST', `/households/${id}/plan`, { token: lotte, body: planContent() });
    expect(reply.status).toBe(409);
  });

  it('is written, read with its ETag, changed from the version read, agreed and closed; every version kept', async () => {
    const id = await withRegisseur();
    const created = await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');

    const read = await api.call('GET', `/households/${id}/plan`, { token: anna });
    expect(read.headers.get('etag')).toBe('"1"');

    expect((await api.call('PUT', `/households/${id}/plan`, { token: kees, body: planContent('v2') })).status).toBe(428);
    const updated = await api.call('PUT', `/households/${id}/plan`, {
      token: kees,
      body: planContent('v2'),
      headers: { 'if-match': '"1"' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await api.call('PUT', `/households/${id}/plan`, {
      token: lotte,
      body: planContent('v2b'),
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    // A stale save that names an action the newer version no longer has is still 412 (read again), not 400.
    const staleAction = await api.call('PUT', `/households/${id}/plan`, {
      token: lotte,
      body: {
        ...planContent('v2c'),
        goals: [
          {
            domain: 'finances',
            description: 'd',
            actions: [{ id: 'an-action-of-version-1', description: 'a', organisation: 'o', dueDate: '2030-01-01' }],
          },
        ],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(staleAction.status).toBe(412);

    const agreed = await api.call('POST', `/households/${id}/plan/agreement`, { token: kees, body: { agreedBy: 'Jan Jansen' } });
    expect(agreed.body).toMatchObject({
      status: 'active',
      agreedBy: 'Jan Jansen',
      version: 3,
      agreement: { by: 'Jan Jansen', version: 3 },
    });
    expect((await api.call('POST', `/households/${id}/plan/agreement`, { token: kees, body: { agreedBy: 'Jan' } })).status).toBe(409);

    // The household cannot close while its plan is open.
    expect((await api.call('POST', `/households/${id}/close`, { token: lotte, body: { reason: 'done' } })).status).toBe(409);

    const closed = await api.call('POST', `/households/${id}/plan/close`, { token: kees, body: { outcome: 'Schulden geregeld' } });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'Schulden geregeld', version: 4 });
    expect(
      (await api.call('PUT', `/households/${id}/plan`, { token: kees, body: planContent(), headers: { 'if-match': '"4"' } })).status,
    ).toBe(409);

    const versions = await api.call('GET', `/households/${id}/plan/versions`, { token: kees });
    expect(versions.body.items.map((p: { version: number }) => p.version)).toEqual([4, 3, 2, 1]);
    expect(versions.body.items[2].goals[0].description).toBe('v2');
    const firstPage = await api.call('GET', `/households/${id}/plan/versions?limit=3`, { token: kees });
    const secondPage = await api.call('GET', `/households/${id}/plan/versions?limit=3&cursor=${firstPage.body.nextCursor}`, {
      token: kees,
    });
    expect([...firstPage.body.items, ...secondPage.body.items].map((p: { version: number }) => p.version)).toEqual([4, 3, 2, 1]);
    expect(secondPage.body.nextCursor).toBeNull();

    // A new plan may follow a closed one.
    expect((await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() })).status).toBe(201);
  });

  it('20 concurrent creations make one plan', async () => {
    const id = await withRegisseur();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() })),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('50 concurrent updates on one version: one succeeds, 49 get 412, nothing lost', async () => {
    const id = await withRegisseur();
    await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() });
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        api.call('PUT', `/households/${id}/plan`, { token: kees, body: planContent(`edit ${n}`), headers: { 'if-match': '"1"' } }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 412)).toHaveLength(49);
    const current = await api.call('GET', `/households/${id}/plan`, { token: kees });
    expect(current.body.version).toBe(2);
    expect(current.body.goals[0].description).toBe(winners[0]?.body.goals[0].description);
    const versions = await api.call('GET', `/households/${id}/plan/versions`, { token: kees });
    expect(versions.body.items.map((p: { version: number }) => p.version)).toEqual([2, 1]);
  });

  it("refuses bad plans and a stranger's If-Match", async () => {
    const id = await withRegisseur();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(
      (await api.call('POST', `/households/${id}/plan`, { token: kees, body: { ...planContent(), evaluationDate: yesterday } })).status,
    ).toBe(400);
    expect((await api.call('POST', `/households/${id}/plan`, { token: kees, body: { goals: [], evaluationDate: tomorrow } })).status).toBe(
      400,
    );
    expect(
      (
        await api.call('POST', `/households/${id}/plan`, {
          token: kees,
          body: { goals: [{ domain: 'astrology', description: 'x', actions: [] }], evaluationDate: tomorrow },
        })
      ).status,
    ).toBe(400);
    await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() });
    expect(
      (await api.call('PUT', `/households/${id}/plan`, { token: kees, body: planContent(), headers: { 'if-match': 'banana' } })).status,
    ).toBe(412);
    const before0 = Buffer.from(JSON.stringify({ before: 0 })).toString('base64url');
    expect((await api.call('GET', `/households/${id}/plan/versions?cursor=${before0}`, { token: kees })).status).toBe(400);
    expect((await api.call('GET', `/households/${id}/plan`, { token: otto })).status).toBe(404);
  });
});

describe('assessments', () => {
  it('show the change per domain since the first, newest first', async () => {
    const id = await newHousehold();
    const first = await api.call('POST', `/households/${id}/assessments`, { token: kees, body: { scores: { finances: 1, housing: 2 } } });
    expect(first.status).toBe(201);
    expect(first.body.changeSinceFirst).toEqual({ finances: 0, housing: 0 });
    await api.call('POST', `/households/${id}/assessments`, {
      token: kees,
      body: { scores: { finances: 3, housing: 2, parenting: 4 }, note: 'Beter' },
    });
    const list = await api.call('GET', `/households/${id}/assessments`, { token: kees });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({
      scores: { finances: 3, housing: 2, parenting: 4 },
      changeSinceFirst: { finances: 2, housing: 0 },
    });
    expect((await api.call('GET', `/households/${id}`, { token: kees })).body.latestAssessment.scores.finances).toBe(3);
  });

  it('refuse scores outside 1–5, unknown domains and an empty assessment', async () => {
    const id = await newHousehold();
    for (const scores of [{ finances: 6 }, { finances: 0 }, { astrology: 3 }, {}, { finances: 2.5 }]) {
      expect((await api.call('POST', `/households/${id}/assessments`, { token: kees, body: { scores } })).status).toBe(400);
    }
    expect((await api.call('POST', `/households/${id}/assessments`, { token: anna, body: { scores: { finances: 3 } } })).status).toBe(403);
  });
});

describe('transfer and close', () => {
  it('moves a household to another team, which then sees it and the old team no longer', async () => {
    const id = await newHousehold();
    expect((await api.call('POST', `/households/${id}/transfer`, { token: lotte, body: { teamId: 'doorbraakteam' } })).status).toBe(400);
    expect((await api.call('POST', `/households/${id}/transfer`, { token: lotte, body: { teamId: 'velve-lindenhof' } })).status).toBe(409);
    await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    const moved = await api.call('POST', `/households/${id}/transfer`, { token: lotte, body: { teamId: 'pathmos' } });
    expect(moved.body.teamId).toBe('pathmos');
    // The regisseur stays with the old team; the new team's leader appoints one of their own.
    expect(moved.body.regisseur).toBeUndefined();
    expect((await api.call('GET', `/households/${id}`, { token: otto })).body.regisseur).toBeNull();
    expect((await api.call('GET', `/households/${id}`, { token: otto })).status).toBe(200);
    expect((await api.call('GET', `/households/${id}`, { token: kees })).status).toBe(404);
  });

  it('closes a household without open plan, after which a new intake starts a new household', async () => {
    const bsn = randomBsn();
    const id = await newHousehold(anna, 'velve-lindenhof', bsn);
    const closed = await api.call('POST', `/households/${id}/close`, { token: lotte, body: { reason: 'Hulp afgerond' } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await api.call('POST', `/households/${id}/close`, { token: lotte, body: { reason: 'again' } })).status).toBe(409);
    expect((await api.call('POST', `/households/${id}/assessments`, { token: kees, body: { scores: { finances: 3 } } })).status).toBe(409);
    postcodeSeq--; // the same address and the same BSN as the closed household
    const again = await newHousehold(anna, 'velve-lindenhof', bsn);
    expect(again).not.toBe(id);
  });
});

describe('the household agrees to the version it was shown (v1.2)', () => {
  it('a changed plan is to be agreed again: the regisseur is asked, and the agreement names its version', async () => {
    const id = await withRegisseur();
    await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() });
    const first = await api.call('POST', `/households/${id}/plan/agreement`, { token: kees, body: { agreedBy: 'Jan Jansen' } });
    expect(first.body).toMatchObject({ version: 2, agreement: { by: 'Jan Jansen', version: 2 }, changedSinceAgreement: false });
    const tasksOf = async () =>
      ((await api.call('GET', '/me/tasks', { token: kees })).body.items as { kind: string; householdId: string }[])
        .filter((task) => task.householdId === id)
        .map((task) => task.kind);
    expect(await tasksOf()).not.toContain('plan_agreement');
    // Completing an action is no change of what was agreed.
    const actionId = first.body.goals[0].actions[0].id;
    const done = await api.call('POST', `/households/${id}/plan/actions/${actionId}/completion`, { token: kees });
    expect(done.body.changedSinceAgreement).toBe(false);
    // A changed goal is.
    const changed = await api.call('PUT', `/households/${id}/plan`, {
      token: kees,
      body: planContent('Schulden in beeld, en een budgetcursus'),
      headers: { 'if-match': `"${done.body.version}"` },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'active', changedSinceAgreement: true, agreement: { version: 2 } });
    expect(await tasksOf()).toContain('plan_agreement');
    const again = await api.call('POST', `/households/${id}/plan/agreement`, { token: kees, body: { agreedBy: 'Jan Jansen' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ changedSinceAgreement: false, agreement: { by: 'Jan Jansen', version: changed.body.version + 1 } });
    expect(await tasksOf()).not.toContain('plan_agreement');
    expect((await api.call('POST', `/households/${id}/plan/agreement`, { token: kees, body: { agreedBy: 'Jan' } })).status).toBe(409);
  });
});

describe('retention', () => {
  it("lets every record of a closed household expire after the city's retention period, but not its processing log", async () => {
    const id = await withRegisseur();
    await api.call('POST', `/households/${id}/assessments`, { token: kees, body: { scores: { finances: 2 } } });
    await api.call('POST', `/households/${id}/plan`, { token: kees, body: planContent() });
    await api.call('PUT', `/households/${id}/plan`, { token: kees, body: planContent('v2'), headers: { 'if-match': '"1"' } });
    await api.call('POST', `/households/${id}/plan/close`, { token: kees, body: { outcome: 'klaar' } });
    expect((await api.call('POST', `/households/${id}/journal`, { token: kees, body: { kind: 'note', text: 'Afgerond' } })).status).toBe(
      201,
    );
    const closed = await api.call('POST', `/households/${id}/close`, { token: lotte, body: { reason: 'Afgerond' } });
    expect(closed.status).toBe(200);
    const partition = async (pk: string) =>
      (
        await api.stack.db.send(
          new QueryCommand({
            TableName: api.stack.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
          }),
        )
      ).Items ?? [];
    const records = [
      ...(await partition(`HH#${id}`)),
      ...(await partition(`HH#${id}#PLAN-VERSIONS`)),
      ...(await partition(`HH#${id}#JOURNAL`)),
    ];
    expect(records.map((r) => r.type).sort()).toEqual([
      'assessment',
      'household',
      'intake',
      'journal-entry',
      'plan',
      'plan-version',
      'plan-version',
      'plan-version',
    ]);
    const household = records.find((r) => r.type === 'household');
    const fifteenYears = 15 * 365 * 24 * 60 * 60;
    expect(household?.expiresAt).toBe(Math.floor(Date.parse(household?.closedAt) / 1000) + fifteenYears);
    for (const record of records) expect(record.expiresAt, record.type).toBe(household?.expiresAt);
    const log = await partition(`LOG#${id}`);
    expect(log.length).toBeGreaterThan(5);
    for (const line of log) expect(line.expiresAt).toBeUndefined();
  });
});

describe('the caseload', () => {
  it('pages over 60 households, each exactly once, without a scan', async () => {
    const coach = await api.token({ sub: 'wim', roles: ['wijkcoach'], teams: ['twekkelerveld'] });
    const intaker = await api.token({ sub: 'ina', roles: ['intaker'], teams: ['twekkelerveld'] });
    const created = new Set<string>();
    for (let batch = 0; batch < 6; batch++) {
      const ids = await Promise.all(Array.from({ length: 10 }, () => newHousehold(intaker, 'twekkelerveld')));
      for (const id of ids) created.add(id);
    }
    expect(created.size).toBe(60);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/households?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        { token: coach },
      );
      expect(reply.status).toBe(200);
      seen.push(...reply.body.items.map((h) => h.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(60);
    expect(new Set(seen)).toEqual(created);
    expect(pages).toBe(9);
  });

  it("merges the caseloads of several teams, and refuses a team not the caller's and a forged cursor", async () => {
    const both = await api.token({ sub: 'bo', roles: ['wijkcoach'], teams: ['binnenstad', 'wesselerbrink'] });
    const inB = await api.token({ sub: 'ib', roles: ['intaker'], teams: ['binnenstad'] });
    const inW = await api.token({ sub: 'iw', roles: ['intaker'], teams: ['wesselerbrink'] });
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      ids.add(await newHousehold(inB, 'binnenstad'));
      ids.add(await newHousehold(inW, 'wesselerbrink'));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { body: { items: { id: string; teamId: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/households?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: both },
      );
      seen.push(...reply.body.items.map((h) => h.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen)).toEqual(ids);
    expect(seen).toHaveLength(10);
    expect((await api.call('GET', '/households?teamId=pathmos', { token: both })).status).toBe(403);
    expect((await api.call('GET', '/households?cursor=not-a-cursor', { token: both })).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ teams: ['pathmos'], status: 'open', position: {} })).toString('base64url');
    expect((await api.call('GET', `/households?cursor=${forged}`, { token: both })).status).toBe(400);
    expect((await api.call('GET', '/households?limit=0', { token: both })).status).toBe(400);
    expect((await api.call('GET', '/households?limit=101', { token: both })).status).toBe(400);
  });
});
