import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
let anna: string; // intaker of velve-lindenhof
let kees: string; // wijkcoach of velve-lindenhof
let otto: string; // intaker of another team
let ivo: string; // interventieteam

const jan = { name: 'Jan Jansen', birthDate: '1984-03-02', bsn: '111222333', role: 'adult' };

const intakeBody = (overrides: Record<string, unknown> = {}) => ({
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'Ik heb schulden en de huur is te hoog.',
  domains: ['finances', 'housing'],
  household: { address: { postcode: '7544 AB', houseNumber: '12' }, members: [jan] },
  ...overrides,
});

/** Everything the table holds, to prove that a refused request changed nothing. (A test may scan; the product never does.) */
const tableItems = async () => (await api.stack.db.send(new ScanCommand({ TableName: api.stack.tableName }))).Items ?? [];

beforeAll(async () => {
  api = await startTestApi();
  [anna, kees, otto, ivo] = await Promise.all([
    api.token({ sub: 'anna', name: 'Anna de Vries', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'kees', name: 'Kees Bakker', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'otto', roles: ['intaker'], teams: ['pathmos'] }),
    api.token({ sub: 'ivo', roles: ['wijkcoach'], teams: ['interventieteam'] }),
  ]);
});
afterAll(() => api.stack.stop());

describe('POST /intakes', () => {
  it('registers an intake in a new household and reads it back', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: intakeBody() });
    expect(created.status).toBe(201);
    expect(created.headers.get('api-version')).toBe('1.2.0');
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toMatchObject({
      householdId: expect.any(String),
      matchedExistingHousehold: false,
      status: 'open',
      teamId: 'velve-lindenhof',
      question: 'Ik heb schulden en de huur is te hoog.',
      createdBy: 'anna',
    });
    expect(created.headers.get('location')).toBe(`/v1/intakes/${created.body.id}`);

    const read = await api.call('GET', `/intakes/${created.body.id}`, { token: kees });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('links an intake for a known BSN to the open household and adds new members', async () => {
    const first = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({ household: { address: { postcode: '7545 CD', houseNumber: '3' }, members: [{ ...jan, bsn: '123456782' }] } }),
    });
    const second = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({
        channel: 'phone',
        household: {
          address: { postcode: '7511 XY', houseNumber: '99' },
          members: [
            { ...jan, bsn: '123456782' },
            { name: 'Pien Jansen', birthDate: '2016-05-05', role: 'child' },
          ],
        },
      }),
    });
    expect(second.status).toBe(201);
    expect(second.body.matchedExistingHousehold).toBe(true);
    expect(second.body.householdId).toBe(first.body.householdId);
    const partition = await api.stack.db.send(
      new QueryCommand({
        TableName: api.stack.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `HH#${first.body.householdId}` },
      }),
    );
    const household = partition.Items?.find((item) => item.type === 'household');
    expect(household?.members.map((m: { name: string }) => m.name)).toEqual(['Jan Jansen', 'Pien Jansen']);
    expect(partition.Items?.filter((item) => item.type === 'intake')).toHaveLength(2);
  });

  it('links an intake without BSN by the address of an open household', async () => {
    const address = { postcode: '7546 EF', houseNumber: '7', houseNumberAddition: 'b' };
    const first = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({ household: { address, members: [{ name: 'Els', birthDate: '1970-01-01', role: 'adult' }] } }),
    });
    const second = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({
        household: {
          address: { postcode: '7546ef', houseNumber: '7', houseNumberAddition: 'B' },
          members: [{ name: 'Els', birthDate: '1970-01-01', role: 'adult' }],
        },
      }),
    });
    expect(second.body).toMatchObject({ matchedExistingHousehold: true, householdId: first.body.householdId });
  });

  it('registers concurrent intakes for one new person in one household', async () => {
    const body = intakeBody({ household: { address: { postcode: '7547 GH', houseNumber: '1' }, members: [{ ...jan, bsn: '999999990' }] } });
    const replies = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/intakes', { token: anna, body })));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => r.body.householdId)).size).toBe(1);
    expect(replies.filter((r) => !r.body.matchedExistingHousehold)).toHaveLength(1);
  });

  it('never stores a BSN or the address in clear text, only its masked form', async () => {
    await api.call('POST', '/intakes', { token: anna, body: intakeBody() });
    const everything = JSON.stringify(await tableItems());
    expect(everything).not.toContain('111222333');
    expect(everything).toContain('******333');
    const keys = (await tableItems()).map((item) => `${item.pk} ${item.sk}`).join('\n');
    expect(keys).not.toMatch(/7544/);
  });

  it('shows an acute intake to the interventieteam, and a normal one not', async () => {
    const acute = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({
        urgency: 'acute',
        household: {
          address: { postcode: '7548 AA', houseNumber: '5' },
          members: [{ name: 'Ria', birthDate: '1990-02-02', role: 'adult' }],
        },
      }),
    });
    const normal = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({
        household: {
          address: { postcode: '7548 AA', houseNumber: '6' },
          members: [{ name: 'Rob', birthDate: '1990-02-02', role: 'adult' }],
        },
      }),
    });
    expect((await api.call('GET', `/intakes/${acute.body.id}`, { token: ivo })).status).toBe(200);
    expect((await api.call('GET', `/intakes/${normal.body.id}`, { token: ivo })).status).toBe(404);
  });

  it('accepts a source only for signals and referrals', async () => {
    const referral = await api.call('POST', '/intakes', {
      token: anna,
      body: intakeBody({ channel: 'referral', source: { organisation: 'Menzis', reference: 'M-1' } }),
    });
    expect(referral.status).toBe(201);
    expect(referral.body.source).toEqual({ organisation: 'Menzis', reference: 'M-1' });
    const walkIn = await api.call('POST', '/intakes', { token: anna, body: intakeBody({ source: { organisation: 'Menzis' } }) });
    expect(walkIn.status).toBe(400);
    expect(walkIn.body.invalidParams).toEqual([expect.objectContaining({ name: 'source' })]);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, { body?: unknown; rawBody?: string; headers?: Record<string, string> }, number, string?][] = [
    ['malformed JSON', { rawBody: '{"teamId": ', headers: { 'content-type': 'application/json' } }, 400, 'body'],
    [
      'a body that is not JSON',
      { rawBody: 'teamId=velve-lindenhof', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
    ],
    ['no content type', { rawBody: JSON.stringify(intakeBody()) }, 415],
    [
      'a BSN failing the 11-proef',
      { body: intakeBody({ household: { address: { postcode: '7544AB', houseNumber: '1' }, members: [{ ...jan, bsn: '123456789' }] } }) },
      400,
      'household.members.0.bsn',
    ],
    ['an unknown life domain', { body: intakeBody({ domains: ['finances', 'astrology'] }) }, 400, 'domains.1'],
    ['a story over 10,000 characters', { body: intakeBody({ question: 'x'.repeat(10_001) }) }, 400, 'question'],
    ['an empty story', { body: intakeBody({ question: '   ' }) }, 400, 'question'],
    [
      'a birth date in the future',
      {
        body: intakeBody({
          household: { address: { postcode: '7544AB', houseNumber: '1' }, members: [{ ...jan, birthDate: '2999-01-01' }] },
        }),
      },
      400,
      'household.members.0.birthDate',
    ],
    [
      'an impossible date',
      {
        body: intakeBody({
          household: { address: { postcode: '7544AB', houseNumber: '1' }, members: [{ ...jan, birthDate: '2001-02-30' }] },
        }),
      },
      400,
      'household.members.0.birthDate',
    ],
    [
      'a foreign postcode',
      { body: intakeBody({ household: { address: { postcode: 'SW1A 1AA', houseNumber: '1' }, members: [jan] } }) },
      400,
      'household.address.postcode',
    ],
    ['an unknown field', { body: { ...intakeBody(), bsn: '111222333' } }, 400],
    ['an unknown team', { body: intakeBody({ teamId: 'atlantis' }) }, 400, 'teamId'],
    ['the doorbraakteam as intake team', { body: intakeBody({ teamId: 'doorbraakteam' }) }, 400, 'teamId'],
    ["a team not the caller's", { body: intakeBody({ teamId: 'pathmos' }) }, 403],
    ['a JSON array', { body: [intakeBody()] }, 400],
    [
      'two members with one BSN',
      { body: intakeBody({ household: { address: { postcode: '7544AB', houseNumber: '1' }, members: [jan, { ...jan, name: 'Kopie' }] } }) },
      400,
      'household.members',
    ],
    ['an Idempotency-Key with a space', { body: intakeBody(), headers: { 'idempotency-key': 'two words' } }, 400, 'header.idempotency-key'],
    [
      'a body over 256 kB',
      { rawBody: JSON.stringify({ ...intakeBody(), question: 'x'.repeat(300_000) }), headers: { 'content-type': 'application/json' } },
      413,
    ],
  ];

  it.each(cases)('%s → %i problem+json', async (_name, request, status, param) => {
    const before = await tableItems();
    const reply = await api.call('POST', '/intakes', { token: anna, ...request });
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), instance: '/v1/intakes' });
    if (param) expect(reply.body.invalidParams.map((p: { name: string }) => p.name)).toContain(param);
    // No personal data echoed back.
    expect(reply.text).not.toContain('111222333');
    expect(reply.text).not.toContain('Jan Jansen');
    expect(await tableItems()).toHaveLength(before.length);
  });

  it('refuses a role that may not register intakes with 403', async () => {
    const beheerder = await api.token({ sub: 'bea', roles: ['beheerder'], teams: ['velve-lindenhof'] });
    const reply = await api.call('POST', '/intakes', { token: beheerder, body: intakeBody() });
    expect(reply.status).toBe(403);
  });
});

describe('authentication, as API Gateway answers it', () => {
  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('%s → 401 {"message":"Unauthorized"}', async (_name, token) => {
    const reply = await api.call('POST', '/intakes', { ...(token ? { token } : {}), body: intakeBody() });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: 'Unauthorized' });
  });

  it('refuses an expired token, one for another audience and one signed by another key', async () => {
    const { localIdp } = await import('../../infra/local/idp.ts');
    const stranger = await localIdp(null);
    const claims = { sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] };
    const tokens = [
      await stranger.sign(claims),
      await api.stack.idp.sign(claims, { expiresInSeconds: -60 }),
      await api.stack.idp.sign(claims, { audience: 'another-client' }),
      await api.stack.idp.sign(claims, { issuer: 'https://evil.example' }),
      await api.stack.idp.sign(claims, { notBefore: Math.floor(Date.now() / 1000) + 3600 }),
    ];
    for (const token of tokens) {
      const reply = await api.call('GET', '/teams', { token });
      expect(reply.status).toBe(401);
    }
  });

  it('needs no token for health and the OpenAPI document', async () => {
    expect((await api.call('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await api.call('GET', '/openapi.json')).body.openapi).toBe('3.1.0');
  });

  it('answers an unknown route as API Gateway does', async () => {
    const reply = await api.call('GET', '/nothing-here', { token: anna });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: 'Not Found' });
  });
});

describe('GET /intakes/{id}', () => {
  it("answers 404 alike for an unknown id, a malformed id and another team's intake", async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: intakeBody() });
    const unknown = `${created.body.householdId}.AAAAAAAAAAAAAAAAAAAAAA`;
    const replies = await Promise.all([
      api.call('GET', `/intakes/${unknown}`, { token: anna }),
      api.call('GET', '/intakes/nonsense', { token: anna }),
      api.call('GET', `/intakes/${created.body.id}`, { token: otto }),
    ]);
    for (const reply of replies) {
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ status: 404, title: 'Not found', detail: 'Intake not found' });
    }
  });

  it('writes a processing-log line for every read', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: intakeBody() });
    await api.call('GET', `/intakes/${created.body.id}`, { token: kees });
    const log = await api.stack.db.send(
      new QueryCommand({
        TableName: api.stack.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `LOG#${created.body.householdId}` },
      }),
    );
    const lines = (log.Items ?? []).map((item) => ({ actor: item.actor, action: item.action, resource: item.resource }));
    expect(lines).toEqual(
      expect.arrayContaining([
        { actor: 'anna', action: 'create', resource: `/intakes/${created.body.id}` },
        { actor: 'kees', action: 'read', resource: `/intakes/${created.body.id}` },
      ]),
    );
  });
});

describe('POST /intakes/{id}/triage', () => {
  const register = async () =>
    (
      await api.call('POST', '/intakes', {
        token: anna,
        body: intakeBody({
          household: {
            address: { postcode: '7549 ZZ', houseNumber: String(Math.floor(Math.random() * 90000) + 1) },
            members: [{ name: 'X', birthDate: '1980-01-01', role: 'adult' }],
          },
        }),
      })
    ).body;

  it('resolves an intake, and refuses a second triage with 409', async () => {
    const intake = await register();
    const first = await api.call('POST', `/intakes/${intake.id}/triage`, {
      token: anna,
      body: { outcome: 'resolved_by_intaker', resolution: 'Voedselbank' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'triaged',
      triage: { outcome: 'resolved_by_intaker', resolution: 'Voedselbank', triagedBy: 'anna' },
    });
    const second = await api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'referred_external' } });
    expect(second.status).toBe(409);
    expect((await api.call('GET', `/intakes/${intake.id}`, { token: anna })).body.triage.outcome).toBe('resolved_by_intaker');
  });

  it('applies one of two concurrent triages', async () => {
    const intake = await register();
    const replies = await Promise.all([
      api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'referred_external' } }),
      api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'resolved_by_intaker', resolution: 'r' } }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('refers a complex case to a coach on the roster and marks the household as needing a plan', async () => {
    await api.call('GET', '/teams', { token: kees }); // Kees signs in once, so he is on the roster.
    const intake = await register();
    const reply = await api.call('POST', `/intakes/${intake.id}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
    });
    expect(reply.status).toBe(200);
    const household = await api.stack.db.send(
      new QueryCommand({
        TableName: api.stack.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': `HH#${intake.householdId}`, ':sk': 'HOUSEHOLD' },
      }),
    );
    expect(household.Items?.[0]).toMatchObject({ needsPlan: true, version: 2 });
  });

  it('refuses a coach who never signed in to the team, and missing fields, changing nothing', async () => {
    const intake = await register();
    const unknownCoach = await api.call('POST', `/intakes/${intake.id}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'nobody', complexity: 'simple' },
    });
    expect(unknownCoach.status).toBe(400);
    expect(unknownCoach.body.invalidParams[0].name).toBe('coachId');
    const incomplete = await api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'referred_to_coach' } });
    expect(incomplete.status).toBe(400);
    const badOutcome = await api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'ignored' } });
    expect(badOutcome.status).toBe(400);
    expect((await api.call('GET', `/intakes/${intake.id}`, { token: anna })).body.status).toBe('open');
  });

  it("answers 404 for another team's intake", async () => {
    const intake = await register();
    const reply = await api.call('POST', `/intakes/${intake.id}/triage`, { token: otto, body: { outcome: 'referred_external' } });
    expect(reply.status).toBe(404);
  });
});

describe('Idempotency-Key on POST /intakes', () => {
  it('replays the first answer for a retry and creates nothing more', async () => {
    const body = intakeBody({
      household: {
        address: { postcode: '7550 AA', houseNumber: '1' },
        members: [{ name: 'Idem', birthDate: '1980-01-01', role: 'adult' }],
      },
    });
    const headers = { 'idempotency-key': 'retry-test-1' };
    const first = await api.call('POST', '/intakes', { token: anna, body, headers });
    const again = await api.call('POST', '/intakes', { token: anna, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const intakes = (await tableItems()).filter((item) => item.type === 'intake' && item.householdId === first.body.householdId);
    expect(intakes).toHaveLength(1);
  });

  it('answers 409 for the same key with another body', async () => {
    const headers = { 'idempotency-key': 'retry-test-2' };
    await api.call('POST', '/intakes', { token: anna, body: intakeBody(), headers });
    const other = await api.call('POST', '/intakes', { token: anna, body: intakeBody({ question: 'Another story' }), headers });
    expect(other.status).toBe(409);
  });

  it('answers concurrent retries with one intake and identical replies', async () => {
    const body = intakeBody({
      household: {
        address: { postcode: '7550 AB', houseNumber: '2' },
        members: [{ name: 'Conc', birthDate: '1980-01-01', role: 'adult' }],
      },
    });
    const headers = { 'idempotency-key': 'retry-test-3' };
    const replies = await Promise.all(Array.from({ length: 10 }, () => api.call('POST', '/intakes', { token: anna, body, headers })));
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(replies.map((r) => r.text)), [...new Set(replies.map((r) => r.text))].join('\n')).toHaveProperty('size', 1);
  });

  it("keeps one professional's key apart from another's", async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await api.call('POST', '/intakes', { token: anna, body: intakeBody(), headers });
    const kees2 = await api.call('POST', '/intakes', { token: kees, body: intakeBody(), headers });
    expect(kees2.status).toBe(201);
    expect(kees2.body.id).not.toBe(mine.body.id);
  });
});
