import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Doorbraak precedents (api.md 1.1, domain.md rule 14): the doorbraakteam publishes a decided
 * doorbraak in its own words; everyone but the beheerder searches them; figures say what blocks
 * most. No precedent, list or figure ever holds a household id, a name or a BSN.
 */
let api: TestApi;
let kees: string; // wijkcoach, regisseur, submitter
let lotte: string; // teamleider
let dora: string; // doorbraakteam
let bert: string; // budgethouder
let bea: string; // beheerder
let anna: string; // intaker
let postcode = 8600;

const TEAM = 'velve-lindenhof';
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
const RESIDENT = 'Gerrit Geheimhouder';

interface Case {
  householdId: string;
  escalationId: string;
  bsn: string;
}

async function until(escalationId: string, status: string) {
  for (let i = 0; i < 300; i++) {
    if ((await api.call('GET', `/escalations/${escalationId}`, { token: dora })).body.status === status) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never ${status}`);
}

/** A household whose doorbraak names the resident and their BSN (as a real one might), taken to the given point. */
async function doorbraak(
  decision: 'approve' | 'reject' | 'none',
  cost = 1200,
  organisations = ['Menzis', 'Gemeente Enschede'],
): Promise<Case> {
  const bsn = randomBsn();
  const intake = await api.call('POST', '/intakes', {
    token: anna,
    body: {
      teamId: TEAM,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Schulden bij de zorgverzekeraar.',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '4' },
        members: [{ name: RESIDENT, birthDate: '1970-07-07', bsn, role: 'adult' }],
      },
    },
  });
  const householdId = intake.body.householdId;
  await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await api.call('POST', `/households/${householdId}/plan`, {
    token: kees,
    body: { goals: [{ domain: 'finances', description: 'g', actions: [] }], evaluationDate: tomorrow },
  });
  const submitted = await api.call('POST', `/households/${householdId}/escalations`, {
    token: kees,
    body: {
      blockage: `De zorgverzekeraar verrekent de premieschuld van ${RESIDENT} (BSN ${bsn}) met de toeslag.`,
      organisations,
      proposal: 'Premieschuld bevriezen.',
      urgency: 'normal',
      cost: { amount: cost, currency: 'EUR' },
    },
  });
  const escalationId = submitted.body.id;
  await until(escalationId, 'awaiting_decision');
  if (decision !== 'none') {
    await api.call('POST', `/escalations/${escalationId}/decision`, { token: dora, body: { decision, motivation: 'Besloten.' } });
    await until(escalationId, decision === 'approve' ? 'awaiting_evaluation' : 'rejected');
  }
  return { householdId, escalationId, bsn };
}

const text = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Een huishouden kon niet aan de schuldhulp beginnen doordat de zorgverzekeraar de premieschuld verrekende.',
  blockingRule: 'Verrekening van premieschuld met zorgtoeslag',
  organisations: ['Menzis', 'Gemeente Enschede'],
  domains: ['finances', 'physical_health'],
  solution: 'De premieschuld bevriezen zolang de schuldregeling loopt.',
  ...overrides,
});

const publish = (escalationId: string, body: unknown = text()) =>
  api.call('POST', `/escalations/${escalationId}/precedent`, { token: dora, body });

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  [kees, lotte, dora, bert, bea, anna] = await Promise.all([
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: [TEAM] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bert', roles: ['budgethouder'], teams: [] }),
    api.token({ sub: 'bea', roles: ['beheerder'], teams: [] }),
    api.token({ sub: 'anna', roles: ['intaker'], teams: [TEAM] }),
  ]);
  await Promise.all([kees, lotte].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

const published: Case[] = [];

describe('publishing', () => {
  it('turns a decided doorbraak into a precedent with the facts of the decision and no personal data', async () => {
    const decided = await doorbraak('approve');
    published.push(decided);
    const reply = await publish(decided.escalationId);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/precedents/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      ...text(),
      decision: 'approved',
      approvedCost: { amount: 1200, currency: 'EUR' },
      outcome: 'pending',
      decidedAt: expect.any(String),
    });
    expect(reply.body.leadTimeDays).toBeGreaterThanOrEqual(0);
    for (const secret of [decided.householdId, decided.escalationId, RESIDENT, 'Geheimhouder', decided.bsn])
      expect(reply.text).not.toContain(secret);
    expect((await api.call('GET', `/precedents/${reply.body.id}`, { token: anna })).body).toEqual(reply.body);
    expect((await api.call('GET', `/escalations/${decided.escalationId}`, { token: dora })).body.precedentId).toBe(reply.body.id);
  });

  it("refuses a text with the resident's name or BSN (the case's own words), a second precedent, and an undecided doorbraak", async () => {
    const decided = await doorbraak('approve');
    const withName = await publish(
      decided.escalationId,
      text({ summary: `Het huishouden van Gerrit ${RESIDENT.split(' ')[1]} kon niet verder.` }),
    );
    expect(withName.status).toBe(400);
    expect(withName.body.invalidParams).toEqual([expect.objectContaining({ name: 'summary', code: 'contains_name' })]);
    const withBsn = await publish(decided.escalationId, text({ solution: `Bevriezen voor ${decided.bsn}.` }));
    expect(withBsn.status).toBe(400);
    expect(withBsn.body.invalidParams).toEqual([expect.objectContaining({ name: 'solution', code: 'contains_bsn' })]);
    expect(withBsn.text).not.toContain(decided.bsn);
    expect((await api.call('GET', `/escalations/${decided.escalationId}`, { token: dora })).body.precedentId).toBeUndefined();

    expect((await publish(decided.escalationId)).status).toBe(201);
    published.push(decided);
    expect((await publish(decided.escalationId)).status).toBe(409);
    const undecided = await doorbraak('none');
    expect((await publish(undecided.escalationId)).status).toBe(409);
    expect((await api.call('POST', `/escalations/${decided.escalationId}/precedent`, { token: kees, body: text() })).status).toBe(403);
  });

  it('makes one precedent of one doorbraak, also when the doorbraakteam publishes it five times at once', async () => {
    const decided = await doorbraak('reject', 50, ['Vitens']);
    const body = text({
      blockingRule: 'Afsluiten bij achterstand',
      organisations: ['Vitens'],
      domains: ['housing'],
      solution: 'Niet afsluiten.',
    });
    const replies = await Promise.all(Array.from({ length: 5 }, () => publish(decided.escalationId, body)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const listed = await api.call('GET', '/precedents?organisation=vitens', { token: dora });
    expect(listed.body.items).toHaveLength(1);
    // Taken out again, so that the figures below count the three precedents they describe.
    await api.stack.db.send(
      new DeleteCommand({ TableName: api.stack.tableName, Key: { pk: 'PRECEDENTS', sk: `PRECEDENT#${listed.body.items[0].id}` } }),
    );
  });

  it('follows the evaluation: the outcome becomes resolved when the doorbraak resolved the problem', async () => {
    const [first] = published;
    if (!first) throw new Error('no precedent yet');
    const precedentId = (await api.call('GET', `/escalations/${first.escalationId}`, { token: dora })).body.precedentId;
    await api.call('POST', `/escalations/${first.escalationId}/evaluation`, { token: kees, body: { resolved: true, note: 'Opgelost' } });
    await until(first.escalationId, 'closed_resolved');
    expect((await api.call('GET', `/precedents/${precedentId}`, { token: dora })).body.outcome).toBe('resolved');
    // Rewording changes the text only: the evaluation's result stays.
    const reworded = await api.call('PUT', `/precedents/${precedentId}`, {
      token: dora,
      body: text({ summary: 'Herschreven, zonder namen.' }),
    });
    expect(reworded.body).toMatchObject({ summary: 'Herschreven, zonder namen.', outcome: 'resolved' });
  });

  it('states a rejection as decided: rejected, no cost', async () => {
    const rejected = await doorbraak('reject', 300, ['Woonbron']);
    const reply = await publish(
      rejected.escalationId,
      text({
        blockingRule: 'Huurachterstand boven drie maanden',
        organisations: ['Woonbron'],
        domains: ['housing'],
        solution: 'Geen: de regel bleef staan.',
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ decision: 'rejected', outcome: 'pending' });
    expect(reply.body.approvedCost).toBeUndefined();
  });

  it('is reworded by the doorbraakteam; the facts of the decision stay', async () => {
    const list = await api.call('GET', '/precedents?decision=rejected', { token: dora });
    const [precedent] = list.body.items;
    const edited = await api.call('PUT', `/precedents/${precedent.id}`, {
      token: dora,
      body: {
        summary: 'Herschreven samenvatting zonder persoonsgegevens.',
        blockingRule: precedent.blockingRule,
        organisations: precedent.organisations,
        domains: precedent.domains,
        solution: precedent.solution,
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: precedent.id,
      summary: 'Herschreven samenvatting zonder persoonsgegevens.',
      decision: 'rejected',
      decidedAt: precedent.decidedAt,
    });
    const withBsn = await api.call('PUT', `/precedents/${precedent.id}`, { token: dora, body: text({ summary: `Zie ${randomBsn()}` }) });
    expect(withBsn.status).toBe(400);
    expect((await api.call('PUT', '/precedents/unknown', { token: dora, body: text() })).status).toBe(404);
    expect((await api.call('PUT', `/precedents/${precedent.id}`, { token: lotte, body: text() })).status).toBe(403);
  });
});

describe('searching', () => {
  it('finds precedents by words (case- and accent-insensitive), organisation, domain and decision, newest first', async () => {
    const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((item) => item.id);
    const all = await api.call('GET', '/precedents', { token: anna });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(3);
    const decidedAt = all.body.items.map((p: { decidedAt: string }) => p.decidedAt);
    expect(decidedAt).toEqual([...decidedAt].sort().reverse());
    expect(ids(await api.call('GET', '/precedents?q=PREMIESCHULD%20verrek', { token: kees }))).toHaveLength(2);
    expect(ids(await api.call('GET', '/precedents?q=premiéschuld', { token: kees }))).toHaveLength(2);
    expect(ids(await api.call('GET', '/precedents?q=huurachterstand', { token: kees }))).toHaveLength(1);
    expect(ids(await api.call('GET', '/precedents?organisation=menzis', { token: bert }))).toHaveLength(2);
    expect(ids(await api.call('GET', '/precedents?domain=housing', { token: dora }))).toHaveLength(1);
    expect(ids(await api.call('GET', '/precedents?decision=approved&domain=housing', { token: dora }))).toHaveLength(0);
    const first = await api.call('GET', '/precedents?limit=2', { token: anna });
    const second = await api.call('GET', `/precedents?limit=2&cursor=${first.body.nextCursor}`, { token: anna });
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(second.body.nextCursor).toBeNull();
    expect((await api.call('GET', '/precedents', { token: bea })).status).toBe(403);
    expect((await api.call('GET', '/precedents?domain=holidays', { token: anna })).status).toBe(400);
  });
});

describe('what blocks most', () => {
  it('counts per organisation and per blocking rule: approved share, median lead time, resolved share, approved cost', async () => {
    const reply = await api.call('GET', `/precedents/figures?year=${YEAR}`, { token: bea });
    expect(reply.status).toBe(200);
    expect(reply.body.year).toBe(YEAR);
    const menzis = reply.body.organisations.find((o: { organisation: string }) => o.organisation === 'Menzis');
    // Two approved doorbraken with Menzis, 1,200 each; one evaluated, and it resolved the problem.
    expect(menzis).toMatchObject({ count: 2, approvedShare: 1, resolvedShare: 1, approvedCost: { amount: 2400, currency: 'EUR' } });
    expect(menzis.medianLeadTimeDays).toBeGreaterThanOrEqual(0);
    const woonbron = reply.body.organisations.find((o: { organisation: string }) => o.organisation === 'Woonbron');
    expect(woonbron).toMatchObject({ count: 1, approvedShare: 0, resolvedShare: null, approvedCost: { amount: 0, currency: 'EUR' } });
    expect(reply.body.organisations[0].count).toBeGreaterThanOrEqual(reply.body.organisations.at(-1).count);
    expect(reply.body.blockingRules.map((r: { blockingRule: string; count: number }) => [r.blockingRule, r.count])).toEqual([
      ['Verrekening van premieschuld met zorgtoeslag', 2],
      ['Huurachterstand boven drie maanden', 1],
    ]);
    const empty = await api.call('GET', `/precedents/figures?year=${YEAR - 5}`, { token: lotte });
    expect(empty.body).toEqual({ year: YEAR - 5, organisations: [], blockingRules: [] });
    expect((await api.call('GET', `/precedents/figures?year=${YEAR}`, { token: anna })).status).toBe(403);
    expect((await api.call('GET', '/precedents/figures', { token: bea })).status).toBe(400);
  });

  it('never holds a household id, a name or a BSN in any precedent, list or figure', async () => {
    const answers = [
      (await api.call('GET', '/precedents?limit=100', { token: dora })).text,
      (await api.call('GET', `/precedents/figures?year=${YEAR}`, { token: bea })).text,
    ];
    for (const c of published)
      for (const secret of [c.householdId, c.escalationId.split('.')[0] ?? '', c.bsn, RESIDENT, 'Geheimhouder']) {
        for (const answer of answers) expect(answer).not.toContain(secret);
      }
  });
});
