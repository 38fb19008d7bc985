import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * How many DynamoDB requests each route makes, counted on the client the functions use.
 * These are the numbers docs/data-model.md promises (DynamoDB requests per route); a change that
 * adds a round trip fails here.
 */
let api: TestApi;
let anna: string;
let wes: string; // intaker of wesselerbrink (postcode areas 7543, 7544)
let commands: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  // Counted on the clients of the functions behind the API; the flow's own tasks run beside them.
  for (const [name, client] of api.stack.functionClients) {
    if (name === 'flow') continue;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push((context.commandName ?? 'unknown').replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  }
  anna = await api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] });
  wes = await api.token({ sub: 'wes', roles: ['intaker'], teams: ['wesselerbrink'] });
  // Anna signs in to each function once (every instance refreshes the roster once): those writes are behind us.
  await api.call('GET', '/teams', { token: anna });
  expect((await api.call('POST', '/intakes', { token: anna, body: body('7549AB', '222222220') })).status).toBe(201);
});
afterAll(() => api.stack.stop());

const measure = async (call: () => Promise<{ status: number }>, status: number) => {
  commands = [];
  const reply = await call();
  expect(reply.status).toBe(status);
  return commands;
};

const body = (postcode: string, bsn = '111222333') => ({
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'story',
  domains: ['finances'],
  household: { address: { postcode, houseNumber: '1' }, members: [{ name: 'Jan', birthDate: '1980-01-01', bsn, role: 'adult' }] },
});

describe('DynamoDB requests per route', () => {
  it('POST /intakes: look-ups, then one transaction (plus the household read when it matches)', async () => {
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: body('7544AB') }), 201)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: body('7544AB') }), 201)).toEqual([
      'BatchGetItem',
      'GetItem',
      'TransactWriteItems',
    ]);
  });

  it('POST /intakes with an Idempotency-Key: two more writes the first time, one request for a replay', async () => {
    const request = () =>
      api.call('POST', '/intakes', { token: anna, body: body('7545AB', '123456782'), headers: { 'idempotency-key': 'k1' } });
    expect(await measure(request, 201)).toEqual(['PutItem', 'BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
    expect(await measure(request, 201)).toEqual(['PutItem']);
  });

  it('GET /intakes/{id}: one read and its processing-log line', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7546AB', '999999990') });
    expect(await measure(() => api.call('GET', `/intakes/${created.body.id}`, { token: anna }), 200)).toEqual(['BatchGetItem', 'PutItem']);
  });

  it('POST /intakes/{id}/triage: one read, one transaction', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7547AB', '111111110') });
    expect(
      await measure(
        () => api.call('POST', `/intakes/${created.body.id}/triage`, { token: anna, body: { outcome: 'referred_external' } }),
        200,
      ),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
  });

  it('GET /teams: none; GET /teams/{id}/members: one Query', async () => {
    expect(await measure(() => api.call('GET', '/teams', { token: anna }), 200)).toEqual([]);
    expect(await measure(() => api.call('GET', '/teams/velve-lindenhof/members', { token: anna }), 200)).toEqual(['Query']);
  });

  it('the roster: a sign-in that changes nothing writes nothing; a change is one update and one batch; a removal one transaction', async () => {
    const token = await api.token({ sub: 'kim', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    expect(await measure(() => api.call('GET', '/teams', { token }), 200)).toEqual(['UpdateItem', 'BatchWriteItem']);
    expect(await measure(() => api.call('GET', '/teams', { token }), 200)).toEqual([]);
    const moved = await api.token({ sub: 'kim', roles: ['wijkcoach'], teams: ['pathmos'] });
    expect(await measure(() => api.call('GET', '/teams', { token: moved }), 200)).toEqual(['UpdateItem', 'BatchWriteItem']);
    await api.call('GET', '/teams', { token });
    const leader = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    await api.call('GET', '/teams', { token: leader });
    expect(await measure(() => api.call('DELETE', '/teams/velve-lindenhof/members/kim', { token: leader }), 204)).toEqual([
      'TransactWriteItems',
    ]);
  });

  it('households: the dossier is one Query; each change one read and one transaction', async () => {
    const lotte = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    await Promise.all([api.call('GET', '/households', { token: lotte }), api.call('GET', '/households/x/plan', { token: lotte })]);
    const id = (await api.call('POST', '/intakes', { token: anna, body: body('7550AB', '333333330') })).body.householdId;
    expect(await measure(() => api.call('GET', '/households?limit=25', { token: lotte }), 200)).toEqual(['Query', 'BatchWriteItem']);
    expect(await measure(() => api.call('GET', `/households/${id}`, { token: lotte }), 200)).toEqual(['Query', 'PutItem']);
    expect(await measure(() => api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'lotte' } }), 200)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    // With a regisseur, whether they are still on the roster is read beside the log line: one more request, no more round trips.
    expect((await measure(() => api.call('GET', `/households/${id}`, { token: lotte }), 200)).sort()).toEqual([
      'GetItem',
      'PutItem',
      'Query',
    ]);
    expect(
      await measure(() => api.call('POST', `/households/${id}/assessments`, { token: lotte, body: { scores: { finances: 2 } } }), 201),
    ).toEqual(['GetItem', 'TransactWriteItems']);
    expect((await measure(() => api.call('GET', `/households/${id}/assessments`, { token: lotte }), 200)).sort()).toEqual([
      'GetItem',
      'PutItem',
      'Query',
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plan = { goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: tomorrow };
    expect(await measure(() => api.call('POST', `/households/${id}/plan`, { token: lotte, body: plan }), 201)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    expect(await measure(() => api.call('GET', `/households/${id}/plan`, { token: lotte }), 200)).toEqual(['BatchGetItem', 'PutItem']);
    expect(
      await measure(() => api.call('PUT', `/households/${id}/plan`, { token: lotte, body: plan, headers: { 'if-match': '"1"' } }), 200),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
    expect(await measure(() => api.call('PUT', `/households/${id}/plan`, { token: lotte, body: plan }), 428)).toEqual([]);
    expect(await measure(() => api.call('GET', `/households/${id}/plan/versions`, { token: lotte }), 200)).toEqual([
      'BatchGetItem',
      'Query',
      'PutItem',
    ]);
    const dora = await api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] });
    await Promise.all([api.call('GET', '/escalations', { token: dora }), api.call('GET', '/escalations/none', { token: lotte })]);
    const escalation = { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' };
    expect(await measure(() => api.call('POST', `/households/${id}/escalations`, { token: lotte, body: escalation }), 201)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    const escalationId = (await api.call('GET', '/escalations', { token: dora })).body.items[0].id;
    for (let i = 0; i < 100 && (await api.call('GET', `/escalations/${escalationId}`, { token: dora })).body.awaiting !== 'decision'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await measure(() => api.call('GET', `/escalations/${escalationId}`, { token: dora }), 200)).toEqual(['BatchGetItem', 'PutItem']);
    // One read and the claim of the task token; what follows is the flow's own work.
    expect(
      await measure(
        () => api.call('POST', `/escalations/${escalationId}/decision`, { token: dora, body: { decision: 'reject', motivation: 'm' } }),
        202,
      ),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
    for (let i = 0; i < 100 && (await api.call('GET', `/escalations/${escalationId}`, { token: dora })).body.status !== 'rejected'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await measure(() => api.call('POST', `/households/${id}/plan/close`, { token: lotte, body: { outcome: 'o' } }), 200)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    // The household and its tasks in one Query (they move with it), then one transaction.
    expect(await measure(() => api.call('POST', `/households/${id}/transfer`, { token: lotte, body: { teamId: 'pathmos' } }), 200)).toEqual(
      ['Query', 'TransactWriteItems'],
    );
  });

  it('search: a BSN or an address is a look-up and the household; a name is one Query per name index; each answer one log write', async () => {
    const kees = await api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    await Promise.all([
      api.call('GET', '/households/search?bsn=555555550', { token: kees }),
      api.call('GET', '/me/tasks', { token: kees }),
    ]);
    await api.call('POST', '/intakes', {
      token: anna,
      body: {
        ...body('7551AB', '444444440'),
        household: {
          ...body('7551AB').household,
          members: [{ name: 'Telling Zoekvraag', birthDate: '1980-01-01', bsn: '444444440', role: 'adult' }],
        },
      },
    });
    // One household found: its line is one PutItem.
    expect(await measure(() => api.call('GET', '/households/search?bsn=444444440', { token: kees }), 200)).toEqual([
      'GetItem',
      'GetItem',
      'PutItem',
    ]);
    expect(await measure(() => api.call('GET', '/households/search?postcode=7551AB&houseNumber=1', { token: kees }), 200)).toEqual([
      'GetItem',
      'GetItem',
      'PutItem',
    ]);
    // Three name indexes for one team, side by side; the page's households in one batch.
    expect(await measure(() => api.call('GET', '/households/search?name=zoekvr', { token: kees }), 200)).toEqual([
      'Query',
      'Query',
      'Query',
      'BatchGetItem',
      'PutItem',
    ]);
    // Nothing found: nothing read but the look-up, nothing written.
    expect(await measure(() => api.call('GET', '/households/search?bsn=555555550', { token: kees }), 200)).toEqual(['GetItem']);
    expect(await measure(() => api.call('GET', '/households/search?name=j', { token: kees }), 400)).toEqual([]);
  });

  it('corrections: one read (with the look-ups they claim), one transaction', async () => {
    const kees = await api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    const id = (await api.call('POST', '/intakes', { token: anna, body: body('7552AB', '666666660') })).body.householdId;
    await Promise.all([
      api.call('GET', `/households/${id}`, { token: kees }),
      api.call('GET', '/households/search?bsn=555555550', { token: kees }),
    ]);
    // The dossier (its answer) and the new address's look-up side by side.
    expect(
      (
        await measure(
          () => api.call('PUT', `/households/${id}/address`, { token: kees, body: { postcode: '7553AB', houseNumber: '2' } }),
          200,
        )
      ).sort(),
    ).toEqual(['GetItem', 'Query', 'TransactWriteItems']);
    const member = { name: 'Telling Kind', birthDate: '2020-01-01', role: 'child' };
    const added = await measure(() => api.call('POST', `/households/${id}/members`, { token: kees, body: member }), 201);
    expect(added).toEqual(['BatchGetItem', 'TransactWriteItems']);
    const memberId = (await api.call('GET', `/households/${id}`, { token: kees })).body.members[1].id;
    expect(
      await measure(
        () => api.call('PUT', `/households/${id}/members/${memberId}`, { token: kees, body: { ...member, name: 'Telling Kind Twee' } }),
        200,
      ),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
    expect(
      await measure(() => api.call('DELETE', `/households/${id}/members/${memberId}`, { token: kees, body: { reason: 'r' } }), 200),
    ).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('the work list: one Query per assignee, side by side, the households it names in one read, and one log write; a completion one read and one transaction', async () => {
    const wim = await api.token({ sub: 'wim', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    const lotte = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    await Promise.all([
      api.call('GET', '/me/tasks', { token: wim }),
      api.call('GET', '/households/x/plan', { token: wim }),
      api.call('GET', '/teams/velve-lindenhof/tasks', { token: lotte }),
    ]);
    const id = (await api.call('POST', '/intakes', { token: anna, body: body('7554AB', '777777770') })).body.householdId;
    // Wim's own tasks and his team's: two Queries; then the page's households, to name them (v1.2).
    expect(await measure(() => api.call('GET', '/me/tasks', { token: wim }), 200)).toEqual([
      'Query',
      'Query',
      'BatchGetItem',
      'BatchWriteItem',
    ]);
    expect(await measure(() => api.call('GET', '/teams/velve-lindenhof/tasks', { token: lotte }), 200)).toEqual([
      'Query',
      'BatchGetItem',
      'BatchWriteItem',
    ]);
    await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'lotte' } });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const action = { description: 'a', ownerId: 'wim', organisation: 'o', dueDate: tomorrow };
    await api.call('POST', `/households/${id}/plan`, {
      token: lotte,
      body: { goals: [{ domain: 'finances', description: 'd', actions: [action] }], evaluationDate: tomorrow },
    });
    const plan = await api.call('POST', `/households/${id}/plan/agreement`, { token: lotte, body: { agreedBy: 'b' } });
    const actionId = plan.body.goals[0].actions[0].id;
    expect(await measure(() => api.call('POST', `/households/${id}/plan/actions/${actionId}/completion`, { token: wim }), 200)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
  });

  it('precedents: the list and the figures are one Query of their partition', async () => {
    const dora = await api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] });
    await api.call('GET', '/precedents', { token: dora });
    expect(await measure(() => api.call('GET', '/precedents?q=regel', { token: dora }), 200)).toEqual(['Query']);
    expect(await measure(() => api.call('GET', '/precedents/figures?year=2026', { token: dora }), 200)).toEqual(['Query']);
  });

  it('signals: a receipt is the look-ups and one transaction, a retry one read; the outreach one read and one transaction per change', async () => {
    const menzis = await api.stack.idp.signPartner('menzis');
    const signal = (reference: string, houseNumber: string, postcode = '7543AB') => ({
      reference,
      kind: 'rent_arrears',
      arrears: { amount: 100, currency: 'EUR' },
      since: '2026-01-01',
      address: { postcode, houseNumber },
      person: { name: 'Sien', birthDate: '1970-01-01' },
    });
    // The reference, the look-ups and the address's outreach in one BatchGet; the team's roster (who to tell, v1.2); then one transaction.
    const send = (body: unknown) => api.call('POST', '/signals', { token: menzis, body });
    expect(await measure(() => send(signal('c1', '1')), 201)).toEqual(['BatchGetItem', 'Query', 'TransactWriteItems']);
    const first = await send(signal('c1', '1'));
    // A retry with the same reference: one read, the first answer.
    expect(await measure(() => send(signal('c1', '1')), 201)).toEqual(['BatchGetItem']);
    // A second signal for the address joins the outreach: no more requests.
    expect(await measure(() => send(signal('c2', '1')), 201)).toEqual(['BatchGetItem', 'TransactWriteItems']);
    // An address an open household holds: its team is read (7549AB 1 was registered before all).
    expect(await measure(() => send(signal('c3', '1', '7549AB')), 201)).toEqual(['BatchGetItem', 'GetItem', 'Query', 'TransactWriteItems']);
    await api.call('GET', `/signals?teamId=wesselerbrink`, { token: wes });
    expect(await measure(() => api.call('GET', `/signals/${first.body.id}`, { token: menzis }), 200)).toEqual(['GetItem']);
    // The team's read: the signal and its log line (one request, as a batch of one).
    expect(await measure(() => api.call('GET', `/signals/${first.body.id}`, { token: wes }), 200)).toEqual(['GetItem', 'BatchWriteItem']);
    await send(signal('c5', '3'));
    // The queue (two signals here): one Query per open status (received, in outreach), side by side, and the log lines in one batch.
    expect(await measure(() => api.call('GET', '/signals?teamId=wesselerbrink', { token: wes }), 200)).toEqual([
      'Query',
      'Query',
      'BatchWriteItem',
    ]);
    const attempt = { channel: 'visit', reached: true, at: new Date().toISOString() };
    expect(await measure(() => api.call('POST', `/signals/${first.body.id}/contact-attempts`, { token: wes, body: attempt }), 201)).toEqual(
      ['GetItem', 'TransactWriteItems'],
    );
    // Help accepted: the signal, the registration's look-ups, and one transaction for both.
    expect(
      await measure(() => api.call('POST', `/signals/${first.body.id}/outcome`, { token: wes, body: { outcome: 'help_accepted' } }), 200),
    ).toEqual(['GetItem', 'BatchGetItem', 'TransactWriteItems']);
    const other = await send(signal('c4', '2'));
    expect(
      await measure(() => api.call('POST', `/signals/${other.body.id}/outcome`, { token: wes, body: { outcome: 'help_declined' } }), 200),
    ).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('notifications: a poll that changed nothing is one GetItem (304); a page is the state and one Query', async () => {
    const coach = await api.token({ sub: 'nina', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    await api.call('GET', '/me/notifications', { token: coach });
    const page = await api.call('GET', '/me/notifications', { token: coach });
    const etag = page.headers.get('etag') ?? '';
    expect(await measure(() => api.call('GET', '/me/notifications', { token: coach, headers: { 'if-none-match': etag } }), 304)).toEqual([
      'GetItem',
    ]);
    expect(await measure(() => api.call('GET', '/me/notifications', { token: coach }), 200)).toEqual(['GetItem', 'Query']);
  });

  it('break-glass: a grant is five requests, and each household request of an interventieteam member one GetItem more', async () => {
    const bsn = randomBsn();
    expect((await api.call('POST', '/intakes', { token: anna, body: body('7546BG', bsn) })).status).toBe(201);
    const glass = await api.token({ sub: 'ivo', roles: ['wijkcoach'], teams: ['interventieteam'] });
    const leader = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    await Promise.all([glass, leader].map((token) => api.call('GET', '/teams', { token })));
    const reason = 'Acute crisis: de politie meldt dakloosheid vannacht';
    // Each signs in to the break-glass function once (its roster refresh is behind us).
    await api.call('POST', '/break-glass', { token: glass, body: { bsn: randomBsn(), reason } });
    await api.call('GET', '/break-glass?teamId=velve-lindenhof', { token: leader });
    expect(await measure(() => api.call('POST', '/break-glass', { token: glass, body: { bsn: randomBsn(), reason } }), 404)).toEqual([
      'GetItem',
      'GetItem',
    ]);
    const grant = await measure(() => api.call('POST', '/break-glass', { token: glass, body: { bsn, reason } }), 201);
    expect(grant.sort()).toEqual(['GetItem', 'GetItem', 'GetItem', 'Query', 'TransactWriteItems']);
    const granted = await api.call('GET', '/break-glass?teamId=velve-lindenhof&reviewed=false', { token: leader });
    const { id, householdId } = granted.body.items[0];
    await Promise.all([glass, anna].map((token) => api.call('GET', `/households/${householdId}`, { token })));
    // The dossier as the team reads it (Query + PutItem, no regisseur), and the grant's read of the caller's reach before it.
    expect(await measure(() => api.call('GET', `/households/${householdId}`, { token: glass }), 200)).toEqual([
      'GetItem',
      'Query',
      'PutItem',
    ]);
    expect(await measure(() => api.call('GET', `/households/${householdId}`, { token: anna }), 200)).toEqual(['Query', 'PutItem']);
    expect(
      await measure(
        () => api.call('POST', `/break-glass/${id}/review`, { token: leader, body: { verdict: 'justified', note: 'Acuut' } }),
        200,
      ),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
    expect((await measure(() => api.call('GET', '/break-glass?teamId=velve-lindenhof', { token: leader }), 200)).sort()).toEqual([
      'PutItem',
      'Query',
    ]);
  });

  it('the resident’s own household: the BSN’s look-up, the household’s partition and the log line', async () => {
    const bsn = randomBsn();
    expect((await api.call('POST', '/intakes', { token: anna, body: body('7547RS', bsn) })).status).toBe(201);
    const resident = await api.stack.idp.signResident(bsn);
    expect(await measure(() => api.call('GET', '/me/household', { token: resident }), 200)).toEqual(['GetItem', 'Query', 'PutItem']);
    // Not a member: the look-up alone.
    const stranger = await api.stack.idp.signResident(randomBsn());
    expect(await measure(() => api.call('GET', '/me/household', { token: stranger }), 404)).toEqual(['GetItem']);
  });

  it('the resident’s writes: the look-up, the partition, and one transaction each', async () => {
    const bsn = randomBsn();
    const id = (await api.call('POST', '/intakes', { token: anna, body: body('7548RS', bsn) })).body.householdId as string;
    const lotte = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    await Promise.all([api.call('GET', '/households', { token: lotte }), api.call('GET', '/households/x/plan', { token: lotte })]);
    expect((await api.call('PUT', `/households/${id}/regisseur`, { token: lotte, body: { userId: 'lotte' } })).status).toBe(200);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plan = await api.call('POST', `/households/${id}/plan`, {
      token: lotte,
      body: { goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: tomorrow },
    });
    expect(plan.status).toBe(201);
    const memberId = (await api.call('GET', `/households/${id}`, { token: lotte })).body.members[0].id as string;
    const consent = await api.call('POST', `/households/${id}/consents`, {
      token: lotte,
      body: { memberId, organisation: 'Woonbron', purpose: 'Huur', dataKinds: ['members'], form: 'verbal', givenAt: '2026-11-01' },
    });
    const resident = await api.stack.idp.signResident(bsn);
    const write = ['GetItem', 'Query', 'TransactWriteItems'];
    expect(await measure(() => api.call('POST', '/me/household/plan/agreement', { token: resident, body: { version: 1 } }), 200)).toEqual(
      write,
    );
    expect(await measure(() => api.call('POST', '/me/household/messages', { token: resident, body: { text: 'Hallo' } }), 201)).toEqual(
      write,
    );
    expect(await measure(() => api.call('POST', `/me/consents/${consent.body.id}/withdrawal`, { token: resident, body: {} }), 200)).toEqual(
      write,
    );
    // The household's log and the resident's own from before they were a member (a BRP look-up), side by side.
    expect(await measure(() => api.call('GET', '/me/processing-log', { token: resident }), 200)).toEqual([
      'GetItem',
      'Query',
      'Query',
      'Query',
      'PutItem',
    ]);
  });

  it('consents and disclosures: a write is one read and one transaction; a list a read beside the page, and its log line', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7549CE', randomBsn()) });
    const householdId = created.body.householdId as string;
    const coach = await api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    const url = `/households/${householdId}`;
    // Kees's first call to the network function puts him on its roster once; that write is behind us after this.
    await api.call('GET', `${url}/consents`, { token: coach });
    const dossier = await api.call('GET', url, { token: coach });
    const memberId = dossier.body.members[0].id as string;
    const party = await api.call('POST', `${url}/involved`, {
      token: coach,
      body: { kind: 'professional', name: 'Sanne', organisation: 'Schuldhulp Twente' },
    });
    const consent = {
      memberId,
      organisation: 'Schuldhulp Twente',
      purpose: 'p',
      dataKinds: ['members'],
      form: 'written',
      givenAt: '2026-01-05',
    };
    expect(await measure(() => api.call('POST', `${url}/consents`, { token: coach, body: consent }), 201)).toEqual([
      'GetItem',
      'TransactWriteItems',
    ]);
    const given = await api.call('POST', `${url}/consents`, { token: coach, body: consent });
    expect((await measure(() => api.call('GET', `${url}/consents`, { token: coach }), 200)).sort()).toEqual([
      'GetItem',
      'PutItem',
      'Query',
    ]);
    // The household's partition in one Query (household, plan, assessments, consents), then the transaction with its conditions.
    const disclosure = { involvedId: party.body.id, dataKinds: ['members'], memberIds: [memberId], basis: { consentIds: [given.body.id] } };
    expect(await measure(() => api.call('POST', `${url}/disclosures`, { token: coach, body: disclosure }), 201)).toEqual([
      'Query',
      'TransactWriteItems',
    ]);
    // Asking for the journal reads its partition too.
    const journalConsent = await api.call('POST', `${url}/consents`, { token: coach, body: { ...consent, dataKinds: ['journal'] } });
    const withJournal = { ...disclosure, dataKinds: ['journal'], basis: { consentIds: [journalConsent.body.id] } };
    expect(await measure(() => api.call('POST', `${url}/disclosures`, { token: coach, body: withJournal }), 201)).toEqual([
      'Query',
      'Query',
      'TransactWriteItems',
    ]);
    expect((await measure(() => api.call('GET', `${url}/disclosures`, { token: coach }), 200)).sort()).toEqual([
      'GetItem',
      'PutItem',
      'Query',
    ]);
    expect(await measure(() => api.call('POST', `${url}/consents/${given.body.id}/withdrawal`, { token: coach, body: {} }), 200)).toEqual([
      'GetItem',
      'GetItem',
      'TransactWriteItems',
    ]);
    // No basis: the read, and nothing written.
    expect(await measure(() => api.call('POST', `${url}/disclosures`, { token: coach, body: disclosure }), 409)).toEqual(['Query']);
  });

  it('the journal: a write is one read and one transaction; a page one Query beside the reach read, and its log line', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7549CD', randomBsn()) });
    const journal = `/households/${created.body.householdId}/journal`;
    // Anna's first call to the journal function puts her on its roster once; that write is behind us after this.
    await api.call('GET', journal, { token: anna });
    const write = () => api.call('POST', journal, { token: anna, body: { kind: 'note', text: 'Notitie' } });
    expect(await measure(write, 201)).toEqual(['Query', 'TransactWriteItems']);
    const entry = await write();
    expect(
      await measure(
        () =>
          api.call('POST', `${journal}/${entry.body.id}/corrections`, { token: anna, body: { text: 'Notitie, verbeterd', reason: 'r' } }),
        200,
      ),
    ).toEqual(['Query', 'GetItem', 'TransactWriteItems']);
    expect(await measure(() => api.call('GET', journal, { token: anna }), 200)).toEqual(['Query', 'Query', 'PutItem']);
    // The timeline: the reach read and the page side by side; then the team's roster (for names) beside the log line.
    expect(await measure(() => api.call('GET', `/households/${created.body.householdId}/timeline`, { token: anna }), 200)).toEqual([
      'Query',
      'Query',
      'Query',
      'PutItem',
    ]);
  });

  it('refused input costs no request at all', async () => {
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: { ...body('7548AB'), domains: ['x'] } }), 400)).toEqual(
      [],
    );
  });
});
