import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';
import { planBody } from '../setup/worlds.ts';

/**
 * The resident's own view (../shared/spec/v1.2.md rule 18 and "The resident's own view", issue
 * 30): a resident signed in with DigiD reaches the open household
 * where their BSN is an adult member, and only that; never a BSN, a restricted entry, the intake's
 * story, a signal, a doorbraak or another member's consent in the answer; each read logged about them.
 */
let api: TestApi;
let leader: string;
let coach: string;
let postcode = 7100;
const STORY = 'Het verhaal van de aanmelding blijft bij het team';
const SECRET = 'Afgeschermd: melding bij Veilig Thuis';

async function household() {
  const adult = randomBsn();
  const partner = randomBsn();
  const child = randomBsn();
  const intake = await api.call('POST', '/intakes', {
    token: leader,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: STORY,
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}RS`, houseNumber: '8' },
        members: [
          { name: 'Rosa Inwoner', birthDate: '1981-01-01', bsn: adult, role: 'adult' },
          { name: 'Sem Inwoner', birthDate: '1980-01-01', bsn: partner, role: 'adult' },
          { name: 'Kim Inwoner', birthDate: '2015-01-01', bsn: child, role: 'child' },
        ],
      },
    },
  });
  expect(intake.status).toBe(201);
  const householdId = intake.body.householdId as string;
  await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: 'kees' } });
  const dossier = await api.call('GET', `/households/${householdId}`, { token: leader });
  const [rosa, sem] = dossier.body.members as { id: string; name: string }[];
  const party = await api.call('POST', `/households/${householdId}/involved`, {
    token: coach,
    body: { kind: 'professional', name: 'Sanne Schuld', organisation: 'Stadsbank Oost', role: 'schuldhulpverlener' },
  });
  const action = { description: 'Budgetplan maken', organisation: 'x', involvedId: party.body.id, dueDate: '2027-03-01' };
  const plan = { ...planBody(), goals: [{ domain: 'finances', description: 'Rust in de financiën', actions: [action] }] };
  expect((await api.call('POST', `/households/${householdId}/plan`, { token: coach, body: plan })).status).toBe(201);
  await api.call('POST', `/households/${householdId}/journal`, { token: coach, body: { kind: 'note', text: SECRET, restricted: true } });
  const consent = (memberId: string) =>
    api.call('POST', `/households/${householdId}/consents`, {
      token: coach,
      body: {
        memberId,
        organisation: 'Stadsbank Oost',
        purpose: 'Schuldhulp',
        dataKinds: ['plan'],
        form: 'written',
        givenAt: '2026-11-01',
      },
    });
  const own = await consent(rosa?.id ?? '');
  const theirs = await consent(sem?.id ?? '');
  return {
    householdId,
    adult,
    partner,
    child,
    rosaId: rosa?.id ?? '',
    semId: sem?.id ?? '',
    partyId: party.body.id as string,
    ownConsent: own.body.id,
    otherConsent: theirs.body.id,
  };
}

/** The household's processing log as stored. */
async function logOf(householdId: string) {
  const lines = await api.stack.db.send(
    new QueryCommand({
      TableName: api.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LOG#${householdId}` },
    }),
  );
  return lines.Items ?? [];
}

beforeAll(async () => {
  api = await startTestApi();
  leader = await api.token({ sub: 'lotte', roles: ['teamleider', 'intaker'], teams: ['velve-lindenhof'], name: 'Lotte Leider' });
  coach = await api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees Coach' });
  await Promise.all([leader, coach].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('GET /me/household', () => {
  it('shows an adult resident their own household, in what they may see, and logs the read about them', async () => {
    const h = await household();
    const reply = await api.call('GET', '/me/household', { token: await api.stack.idp.signResident(h.adult) });
    expect(reply.status).toBe(200);
    expect(reply.body.members.map((m: { name: string }) => m.name)).toEqual(['Rosa Inwoner', 'Sem Inwoner', 'Kim Inwoner']);
    expect(reply.body.me).toEqual({ memberId: h.rosaId, name: 'Rosa Inwoner' });
    expect(reply.body.team).toEqual({ id: 'velve-lindenhof', name: expect.any(String) });
    expect(reply.body.regisseur).toEqual({ name: 'Kees Coach' });
    expect(reply.body.plan.goals[0].actions[0]).toMatchObject({ description: 'Budgetplan maken', who: 'Sanne Schuld (Stadsbank Oost)' });
    expect(reply.body.involved).toEqual([{ name: 'Sanne Schuld', organisation: 'Stadsbank Oost', role: 'schuldhulpverlener' }]);
    expect(reply.body.consents.map((c: { id: string }) => c.id)).toEqual([h.ownConsent]);
    const text = JSON.stringify(reply.body);
    for (const hidden of [h.adult, h.child, '*****', STORY, SECRET, h.otherConsent, 'kees', 'lotte']) expect(text).not.toContain(hidden);

    const read = (await logOf(h.householdId)).filter((line) => line.resource === '/me/household');
    // It shows every member's name and the plan: the read is about all three (so Sem's own log shows it too).
    expect(read).toEqual([expect.objectContaining({ action: 'read', processingActivityId: 'resident-access', roles: ['resident'] })]);
    expect(read[0]?.dataSubjects).toHaveLength(3);
    expect(read[0]?.dataSubjects).toContain(h.rosaId);
  });

  it('is 404 for a child’s BSN, an unknown BSN and a closed household; 403 for a token that only claims a BSN', async () => {
    const h = await household();
    const before = (await logOf(h.householdId)).length;
    expect((await api.call('GET', '/me/household', { token: await api.stack.idp.signResident(h.child) })).status).toBe(404);
    expect((await api.call('GET', '/me/household', { token: await api.stack.idp.signResident(randomBsn()) })).status).toBe(404);
    // A token that carries the adult's BSN but was not signed in through the broker is no resident.
    const forged = await api.stack.idp.signResident(h.adult, { username: 'mallory' });
    expect((await api.call('GET', '/me/household', { token: forged })).status).toBe(403);
    expect((await api.call('POST', '/me/household/messages', { token: forged, body: { text: 'Hoi' } })).status).toBe(403);
    // None of the refusals above wrote a line.
    expect(await logOf(h.householdId)).toHaveLength(before);
    // Closed, it is nobody's to read.
    await api.call('POST', `/households/${h.householdId}/plan/close`, {
      token: coach,
      headers: { 'if-match': '"1"' },
      body: { outcome: 'klaar' },
    });
    expect((await api.call('POST', `/households/${h.householdId}/close`, { token: coach, body: { reason: 'Afgerond' } })).status).toBe(200);
    expect((await api.call('GET', '/me/household', { token: await api.stack.idp.signResident(h.adult) })).status).toBe(404);
  });

  it('takes a message to the regisseur: in the journal by the resident’s name, and a notification to the regisseur only', async () => {
    const h = await household();
    const resident = await api.stack.idp.signResident(h.adult);
    const sent = await api.call('POST', '/me/household/messages', {
      token: resident,
      body: { text: 'Ik heb de brief van de woningcorporatie.' },
    });
    expect(sent.status).toBe(201);
    const journal = await api.call('GET', `/households/${h.householdId}/journal`, { token: coach });
    expect(journal.body.items.find((e: { id: string }) => e.id === sent.body.id)).toMatchObject({
      kind: 'resident_message',
      text: 'Ik heb de brief van de woningcorporatie.',
      about: [h.rosaId],
      by: { name: 'Rosa Inwoner' },
    });
    const told = (await api.call('GET', '/me/notifications', { token: coach })).body.items.filter(
      (n: { kind: string; householdId?: string }) => n.kind === 'resident_message' && n.householdId === h.householdId,
    );
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).not.toContain('Rosa');
    const lotte = (await api.call('GET', '/me/notifications', { token: leader })).body.items;
    expect(lotte.filter((n: { kind: string }) => n.kind === 'resident_message')).toEqual([]);
    // Bad input changes nothing; a child's or a stranger's BSN reaches no household.
    expect((await api.call('POST', '/me/household/messages', { token: resident, body: { text: '' } })).status).toBe(400);
    const child = await api.stack.idp.signResident(h.child);
    expect((await api.call('POST', '/me/household/messages', { token: child, body: { text: 'Hoi' } })).status).toBe(404);
    const after = await api.call('GET', `/households/${h.householdId}/journal`, { token: coach });
    expect(after.body.items.filter((e: { kind: string }) => e.kind === 'resident_message')).toHaveLength(1);
  });

  it('shows the resident the lines about them only, by organisation and role, their own reads too', async () => {
    const h = await household();
    const dossier = await api.call('GET', `/households/${h.householdId}`, { token: coach });
    const semId = dossier.body.members[1].id as string;
    // A note about the other adult only: never in Rosa's log.
    const aboutSem = await api.call('POST', `/households/${h.householdId}/journal`, {
      token: coach,
      body: { kind: 'phone', text: 'Sem gebeld over zijn werk', about: [semId] },
    });
    expect(aboutSem.status).toBe(201);
    const resident = await api.stack.idp.signResident(h.adult);
    const first = await api.call('GET', '/me/processing-log?limit=100', { token: resident });
    expect(first.status).toBe(200);
    const stored = await logOf(h.householdId);
    const aboutRosa = stored.filter((line) => (line.dataSubjects as string[]).includes(h.rosaId) && line.resource !== '/me/processing-log');
    expect(first.body.items).toHaveLength(aboutRosa.length);
    const semOnly = stored.find((line) => line.resource === `/households/${h.householdId}/journal/${aboutSem.body.id}`);
    expect(semOnly?.dataSubjects).toEqual([semId]);
    expect(first.body.items.map((i: { at: string }) => i.at)).not.toContain(semOnly?.at);
    const text = JSON.stringify(first.body);
    for (const hidden of ['kees', 'lotte', 'Kees', 'Lotte', h.adult]) expect(text).not.toContain(hidden);
    expect(first.body.items[0]).toMatchObject({ organisation: expect.stringContaining('Gemeente'), role: expect.any(String) });
    expect(
      first.body.items.some(
        (i: { role: string; activity: { id: string } | null }) => i.role === 'wijkcoach' && i.activity?.id === 'consent',
      ),
    ).toBe(true);
    // Her own read of the view is a line of it the next time.
    const second = await api.call('GET', '/me/processing-log?limit=100', { token: resident });
    expect(second.body.items[0]).toMatchObject({ role: 'resident', action: 'read', activity: { id: 'resident-access' } });
  });
});

describe('POST /me/household/plan/agreement', () => {
  it('records the resident’s own agreement to the version they read, and tells the regisseur', async () => {
    const h = await household();
    const resident = await api.stack.idp.signResident(h.adult);
    const read = await api.call('GET', '/me/household', { token: resident });
    expect(read.body.plan).toMatchObject({ status: 'draft', version: 1 });
    // Not the version they read: nothing written.
    const stale = await api.call('POST', '/me/household/plan/agreement', { token: resident, body: { version: 2 } });
    expect(stale.status).toBe(409);
    expect((await api.call('GET', `/households/${h.householdId}/plan`, { token: coach })).body).toMatchObject({
      status: 'draft',
      version: 1,
    });

    const agreed = await api.call('POST', '/me/household/plan/agreement', { token: resident, body: { version: 1 } });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'active', version: 2, agreedBy: 'Rosa Inwoner', agreedVia: 'digid' });
    const plan = await api.call('GET', `/households/${h.householdId}/plan`, { token: coach });
    expect(plan.body).toMatchObject({ status: 'active', agreedBy: 'Rosa Inwoner', agreedVia: 'digid', agreement: { version: 2 } });
    const logged = (await logOf(h.householdId)).filter((line) => line.resource === `/households/${h.householdId}/plan/agreement`);
    expect(logged).toEqual([expect.objectContaining({ action: 'update', processingActivityId: 'care-planning' })]);
    expect(logged[0]?.dataSubjects).toContain(h.rosaId);
    // Agreed already in this version: 409 again.
    expect((await api.call('POST', '/me/household/plan/agreement', { token: resident, body: { version: 2 } })).status).toBe(409);

    const told = (await api.call('GET', '/me/notifications', { token: coach })).body.items.filter(
      (n: { kind: string; householdId?: string }) => n.kind === 'plan_changed' && n.householdId === h.householdId,
    );
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).not.toContain('Rosa');
    // A professional's later recording carries no DigiD mark over.
    const revised = await api.call('PUT', `/households/${h.householdId}/plan`, {
      token: coach,
      headers: { 'if-match': '"2"' },
      body: { ...planBody(), goals: [{ domain: 'finances', description: 'Rust', actions: [] }] },
    });
    expect(revised.status).toBe(200);
    const again = await api.call('POST', `/households/${h.householdId}/plan/agreement`, {
      token: coach,
      body: { agreedBy: 'Sem Inwoner' },
    });
    expect(again.status).toBe(200);
    expect(again.body.agreedBy).toBe('Sem Inwoner');
    expect(again.body.agreedVia).toBeUndefined();
  });

  it('takes one of two adults agreeing at the same moment; the other hears 409', async () => {
    const h = await household();
    const [rosa, sem] = await Promise.all([api.stack.idp.signResident(h.adult), api.stack.idp.signResident(h.partner)]);
    const answers = await Promise.all(
      [rosa, sem].map((token) => api.call('POST', '/me/household/plan/agreement', { token, body: { version: 1 } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const plan = await api.call('GET', `/households/${h.householdId}/plan`, { token: coach });
    expect(plan.body).toMatchObject({ status: 'active', version: 2 });
  });

  it('refuses a professional, a child and bad input, writing nothing', async () => {
    const h = await household();
    expect((await api.call('POST', '/me/household/plan/agreement', { token: coach, body: { version: 1 } })).status).toBe(403);
    const child = await api.stack.idp.signResident(h.child);
    expect((await api.call('POST', '/me/household/plan/agreement', { token: child, body: { version: 1 } })).status).toBe(404);
    const resident = await api.stack.idp.signResident(h.adult);
    for (const body of [{}, { version: 'één' }, { version: 1, agreedBy: 'Iemand anders' }]) {
      expect((await api.call('POST', '/me/household/plan/agreement', { token: resident, body })).status).toBe(400);
    }
    expect((await api.call('GET', `/households/${h.householdId}/plan`, { token: coach })).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });
});

describe('POST /me/consents/{consentId}/withdrawal', () => {
  it('withdraws the resident’s own consent only, once, and tells the regisseur', async () => {
    const h = await household();
    const resident = await api.stack.idp.signResident(h.adult);
    // The other adult's consent is not theirs to withdraw: as if there were none.
    const other = await api.call('POST', `/me/consents/${h.otherConsent}/withdrawal`, { token: resident, body: {} });
    expect(other.status).toBe(404);
    expect((await api.call('POST', '/me/consents/nope/withdrawal', { token: resident, body: {} })).status).toBe(404);
    expect((await api.call('POST', `/me/consents/${h.ownConsent}/withdrawal`, { token: coach, body: {} })).status).toBe(403);

    const withdrawn = await api.call('POST', `/me/consents/${h.ownConsent}/withdrawal`, {
      token: resident,
      body: { reason: 'Ik regel het zelf' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: h.ownConsent, status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect(withdrawn.body.withdrawnBy).toBeUndefined();
    expect(withdrawn.body.recordedBy).toBeUndefined();
    expect((await api.call('POST', `/me/consents/${h.ownConsent}/withdrawal`, { token: resident, body: {} })).status).toBe(409);
    const logged = (await logOf(h.householdId)).filter(
      (line) => line.resource === `/households/${h.householdId}/consents/${h.ownConsent}/withdrawal`,
    );
    expect(logged).toEqual([expect.objectContaining({ action: 'update', processingActivityId: 'consent', dataSubjects: [h.rosaId] })]);

    const listed = await api.call('GET', `/households/${h.householdId}/consents`, { token: coach });
    expect(listed.body.items).toHaveLength(2);
    const statuses = Object.fromEntries(listed.body.items.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(statuses).toEqual({ [h.ownConsent]: 'withdrawn', [h.otherConsent]: 'given' });
    const told = (await api.call('GET', '/me/notifications', { token: coach })).body.items.filter(
      (n: { kind: string; householdId?: string }) => n.kind === 'consent_withdrawn' && n.householdId === h.householdId,
    );
    expect(told).toHaveLength(1);
  });
});

describe('a resident of another household', () => {
  it('trying the ids of this one reaches nothing and writes nothing', async () => {
    const h = await household();
    const stranger = await household();
    const them = await api.stack.idp.signResident(stranger.adult);
    // Their own household answers; this household's consent is not theirs: 404, still given.
    expect((await api.call('POST', `/me/consents/${h.ownConsent}/withdrawal`, { token: them, body: {} })).status).toBe(404);
    const consents = await api.call('GET', `/households/${h.householdId}/consents`, { token: coach });
    expect(consents.body.items.every((c: { status: string }) => c.status === 'given')).toBe(true);
    // Their agreement lands on their own plan only.
    expect((await api.call('POST', '/me/household/plan/agreement', { token: them, body: { version: 1 } })).status).toBe(200);
    const plan = await api.call('GET', `/households/${h.householdId}/plan`, { token: coach });
    expect(plan.body).toMatchObject({ status: 'draft', version: 1 });
    expect(plan.body.agreedBy).toBeUndefined();
    // And no professional route takes their token, whatever the id.
    for (const path of [`/households/${h.householdId}`, `/households/${h.householdId}/journal`, `/households/${h.householdId}/plan`])
      expect((await api.call('GET', path, { token: them })).status).toBe(403);
    const log = (await logOf(h.householdId)).filter((line) => line.roles.includes('resident'));
    expect(log).toEqual([]);
  });
});

describe('what the resident sees of a disclosure', () => {
  it('names their own consents in its basis, never another member’s', async () => {
    const h = await household();
    const disclosed = await api.call('POST', `/households/${h.householdId}/disclosures`, {
      token: coach,
      body: {
        involvedId: h.partyId,
        dataKinds: ['plan'],
        memberIds: [h.rosaId, h.semId],
        basis: { consentIds: [h.ownConsent, h.otherConsent] },
      },
    });
    expect(disclosed.status).toBe(201);
    const mine = await api.call('GET', '/me/household', { token: await api.stack.idp.signResident(h.adult) });
    expect(mine.body.disclosures).toEqual([expect.objectContaining({ basis: { consentIds: [h.ownConsent] } })]);
    expect(JSON.stringify(mine.body)).not.toContain(h.otherConsent);
  });
});
