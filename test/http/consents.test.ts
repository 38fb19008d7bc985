import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Consent and disclosure (../shared/spec/v1.2.md "The network around the household", rule 16,
 * issue 27): a consent per member and organisation for named kinds of data; a disclosure only on
 * consents that cover every member, kind and domain asked for that party's organisation, or on
 * an entry of the register that allows disclosure; otherwise 409 `no_basis` and nothing
 * disclosed. The expectations are the spec's.
 */
let api: TestApi;
let anna: string;
let kees: string;
let lotte: string;
let otto: string;
let postcode = 6500;

const today = () => new Date().toISOString().slice(0, 10);

async function household() {
  const reply = await api.call('POST', '/intakes', {
    token: anna,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Schulden en zorgen om de kinderen.',
      domains: ['finances', 'parenting'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '7' },
        members: [
          { name: 'Ilse Deelzaam', birthDate: '1984-03-03', bsn: randomBsn(), role: 'adult' },
          { name: 'Mo Deelzaam', birthDate: '2014-06-06', role: 'child' },
        ],
      },
    },
  });
  expect(reply.status).toBe(201);
  const householdId = reply.body.householdId as string;
  const dossier = await api.call('GET', `/households/${householdId}`, { token: kees });
  const [ilse, mo] = (dossier.body.members as { id: string }[]).map((m) => m.id);
  const party = await api.call('POST', `/households/${householdId}/involved`, {
    token: kees,
    body: { kind: 'professional', name: 'Sanne Schuldhulp', organisation: 'Schuldhulp Twente', about: [ilse] },
  });
  expect(party.status).toBe(201);
  return { householdId, ilse: ilse ?? '', mo: mo ?? '', involvedId: party.body.id as string };
}

type Household = Awaited<ReturnType<typeof household>>;

/** A household with a plan (a goal in finances and one in parenting), so that a package has something to hold. */
async function withPlan() {
  const h = await household();
  expect((await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
  const plan = await api.call('POST', `/households/${h.householdId}/plan`, {
    token: kees,
    body: {
      goals: [
        {
          domain: 'finances',
          description: 'Schulden op een rij',
          actions: [{ description: 'Aanmelden bij schuldhulp', organisation: 'Schuldhulp Twente', dueDate: '2027-03-01' }],
        },
        {
          domain: 'parenting',
          description: 'Rust in huis voor Mo',
          actions: [{ description: 'Opvoedondersteuning', organisation: 'Wijkteam', dueDate: '2027-03-01' }],
        },
      ],
      evaluationDate: '2027-06-01',
    },
  });
  expect(plan.status).toBe(201);
  return h;
}

const consent = (token: string, h: Household, body: Record<string, unknown>) =>
  api.call('POST', `/households/${h.householdId}/consents`, {
    token,
    body: {
      memberId: h.ilse,
      organisation: 'Schuldhulp Twente',
      purpose: 'Schuldhulpverlening',
      dataKinds: ['plan', 'members'],
      form: 'written',
      givenAt: today(),
      ...body,
    },
  });

const disclose = (h: Household, body: Record<string, unknown>) =>
  api.call('POST', `/households/${h.householdId}/disclosures`, {
    token: kees,
    body: { involvedId: h.involvedId, dataKinds: ['plan'], memberIds: [h.ilse], ...body },
  });

const disclosuresOf = async (h: Household) =>
  (await api.call('GET', `/households/${h.householdId}/disclosures`, { token: kees })).body.items as { id: string }[];

const discloseLines = async (h: Household) =>
  (
    (await api.call('GET', `/households/${h.householdId}/processing-log?limit=100`, { token: lotte })).body.items as { action: string }[]
  ).filter((line) => line.action === 'disclose');

beforeAll(async () => {
  api = await startTestApi('enschede');
  [anna, kees, lotte, otto] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'], name: 'Anna de Vries' }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees Bakker' }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'], name: 'Lotte Smit' }),
    api.token({ sub: 'otto', roles: ['wijkcoach'], teams: ['pathmos'], name: 'Otto' }),
  ]);
  await Promise.all([kees, lotte, otto].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('consents', () => {
  it('records a consent as given, lists it newest first, and refuses what is not a consent of this household', async () => {
    const h = await household();
    const first = await consent(kees, h, { domains: ['finances'], validUntil: '2027-12-31' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      memberId: h.ilse,
      organisation: 'Schuldhulp Twente',
      dataKinds: ['plan', 'members'],
      domains: ['finances'],
      form: 'written',
      status: 'given',
      recordedBy: 'kees',
      disclosureCount: 0,
    });
    const second = await consent(lotte, h, { organisation: 'Woonbron', dataKinds: ['members'], form: 'verbal' });
    expect(second.status).toBe(201);
    const refused = [
      await consent(kees, h, { memberId: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      await consent(kees, h, { givenAt: '2026-02-01', validUntil: '2026-01-01' }),
      await consent(kees, h, { dataKinds: ['bank_statements'] }),
      await consent(kees, h, { form: 'telepathic' }),
      await consent(kees, h, { givenAt: '2999-01-01' }),
      await consent(kees, h, { dataKinds: [] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(refused[0]?.body.invalidParams).toEqual([expect.objectContaining({ name: 'memberId', code: 'unknown_member' })]);
    expect(refused[1]?.body.invalidParams).toEqual([expect.objectContaining({ name: 'validUntil', code: 'too_early' })]);
    expect((await consent(anna, h, {})).status).toBe(403);
    expect((await consent(otto, h, {})).status).toBe(404);
    const list = await api.call('GET', `/households/${h.householdId}/consents`, { token: anna });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([second.body.id, first.body.id]);
  });

  it('a child under 16 consents through a holder of gezag recorded on them', async () => {
    const h = await household();
    const child = { memberId: h.mo, givenBy: { name: 'Ilse Deelzaam' } };
    const withoutHolder = await consent(kees, h, child);
    expect(withoutHolder.status).toBe(400);
    expect(withoutHolder.body.invalidParams).toEqual([expect.objectContaining({ name: 'givenBy', code: 'not_gezag_holder' })]);
    const recorded = await api.call('PUT', `/households/${h.householdId}/members/${h.mo}`, {
      token: kees,
      body: {
        name: 'Mo Deelzaam',
        birthDate: '2014-06-06',
        role: 'child',
        legalRelations: [{ kind: 'gezag', holderName: 'Ilse Deelzaam', since: '2014-06-06' }],
      },
    });
    expect(recorded.status).toBe(200);
    expect((await consent(kees, h, { memberId: h.mo })).status).toBe(400); // nobody named
    expect((await consent(kees, h, { memberId: h.mo, givenBy: { name: 'Buurman Bert' } })).status).toBe(400);
    const given = await consent(kees, h, { ...child, givenBy: { name: 'ilse  deelzaam' } });
    expect(given.status).toBe(201);
    expect(given.body.givenBy).toEqual({ name: 'ilse  deelzaam' });
  });

  it('a withdrawal moves given to withdrawn once; an expired consent shows expired and is not withdrawn', async () => {
    const h = await household();
    const given = await consent(kees, h, {});
    const url = `/households/${h.householdId}/consents/${given.body.id}/withdrawal`;
    const withdrawn = await api.call('POST', url, { token: lotte, body: { reason: 'Wil het zelf regelen' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      id: given.body.id,
      status: 'withdrawn',
      withdrawnBy: 'lotte',
      withdrawalReason: 'Wil het zelf regelen',
    });
    expect(typeof withdrawn.body.withdrawnAt).toBe('string');
    expect((await api.call('POST', url, { token: kees, body: {} })).status).toBe(409);
    const expired = await consent(kees, h, { givenAt: '2025-01-01', validUntil: '2025-06-30' });
    expect(expired.status).toBe(201);
    expect(expired.body.status).toBe('expired');
    const late = await api.call('POST', `/households/${h.householdId}/consents/${expired.body.id}/withdrawal`, { token: kees, body: {} });
    expect(late.status).toBe(409);
    const list = await api.call('GET', `/households/${h.householdId}/consents`, { token: kees });
    expect(list.body.items.map((c: { status: string }) => c.status)).toEqual(['expired', 'withdrawn']);
    expect(
      (await api.call('POST', `/households/${h.householdId}/consents/AAAAAAAAAAAAAAAAAAAAAA/withdrawal`, { token: kees, body: {} })).status,
    ).toBe(404);
  });
});

describe('disclosures', () => {
  it('hands over exactly the kinds, members and domains asked, on consents that cover them, logged with receiver and basis', async () => {
    const h = await withPlan();
    const given = await consent(kees, h, { domains: ['finances'] });
    const basis = { consentIds: [given.body.id] };
    const disclosed = await disclose(h, { dataKinds: ['plan', 'members'], domains: ['finances'], basis, note: 'Voor de intake' });
    expect(disclosed.status).toBe(201);
    expect(disclosed.body).toMatchObject({
      to: { involvedId: h.involvedId, name: 'Sanne Schuldhulp', organisation: 'Schuldhulp Twente' },
      dataKinds: ['plan', 'members'],
      memberIds: [h.ilse],
      domains: ['finances'],
      basis,
      by: 'kees',
    });
    expect(disclosed.body.package.members.map((m: { id: string }) => m.id)).toEqual([h.ilse]);
    expect(disclosed.body.package.plan.goals.map((g: { domain: string }) => g.domain)).toEqual(['finances']);
    // Not who of the team does what, nor the plan's doorbraken or its agreement: the goals and actions asked.
    expect(Object.keys(disclosed.body.package.plan).sort()).toEqual(['evaluationDate', 'goals', 'status', 'version']);
    expect(Object.keys(disclosed.body.package.plan.goals[0].actions[0]).sort()).toEqual([
      'description',
      'dueDate',
      'organisation',
      'status',
    ]);
    expect(disclosed.body.package.journal).toBeUndefined();
    expect(disclosed.body.package.assessments).toBeUndefined();

    const lines = await discloseLines(h);
    expect(lines).toEqual([
      expect.objectContaining({
        action: 'disclose',
        receiver: 'Schuldhulp Twente',
        basis,
        dataSubjects: [h.ilse],
        processingActivityId: 'disclosure',
        resource: `/households/${h.householdId}/disclosures/${disclosed.body.id}`,
      }),
    ]);
    expect((await disclosuresOf(h)).map((d) => d.id)).toEqual([disclosed.body.id]);
    const consents = await api.call('GET', `/households/${h.householdId}/consents`, { token: kees });
    expect(consents.body.items[0].disclosureCount).toBe(1);
    const timeline = await api.call('GET', `/households/${h.householdId}/timeline`, { token: kees });
    const events = timeline.body.items.map((i: { event?: string; summary: string }) => [i.event, i.summary]);
    expect(events).toContainEqual(['disclosed', 'Gegevens verstrekt aan Schuldhulp Twente']);
    expect(events).toContainEqual(['consent_given', 'Toestemming vastgelegd']);
    const exported = await api.call('GET', `/households/${h.householdId}/export`, { token: lotte });
    expect(exported.body.consents.map((c: { id: string }) => c.id)).toEqual([given.body.id]);
    expect(exported.body.disclosures.map((d: { id: string }) => d.id)).toEqual([disclosed.body.id]);
  });

  it('without a basis that covers every member, kind and domain for that organisation: 409 no_basis, nothing disclosed', async () => {
    const h = await withPlan();
    const finances = await consent(kees, h, { domains: ['finances'] });
    const elsewhere = await consent(kees, h, { organisation: 'Woonbron' });
    const withdrawn = await consent(kees, h, {});
    await api.call('POST', `/households/${h.householdId}/consents/${withdrawn.body.id}/withdrawal`, { token: kees, body: {} });
    const expired = await consent(kees, h, { givenAt: '2025-01-01', validUntil: '2025-06-30' });
    const on = (consent: { body: { id: string } }) => ({ consentIds: [consent.body.id] });
    const refused = [
      await disclose(h, { basis: on(finances) }), // every domain asked, one consented
      await disclose(h, { basis: on(finances), memberIds: [h.ilse, h.mo], domains: ['finances'] }), // Mo has no consent
      await disclose(h, { basis: on(finances), dataKinds: ['plan', 'journal'], domains: ['finances'] }), // the journal is not consented
      await disclose(h, { basis: on(elsewhere) }), // another organisation
      await disclose(h, { basis: on(withdrawn) }),
      await disclose(h, { basis: on(expired) }),
      await disclose(h, { basis: { processingActivityId: 'case-management' } }), // the register does not allow disclosure there
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 409, 409, 409, 409]);
    for (const reply of refused) expect(reply.body.type).toBe('https://wijkteams.nl/problems/no-basis');
    expect(await disclosuresOf(h)).toEqual([]);
    expect(await discloseLines(h)).toEqual([]);
    const consents = await api.call('GET', `/households/${h.householdId}/consents`, { token: kees });
    expect(consents.body.items.map((c: { disclosureCount: number }) => c.disclosureCount)).toEqual([0, 0, 0, 0]);
  });

  it('on a legal basis of the register that allows disclosure, without a consent', async () => {
    const h = await withPlan();
    const register = await api.call('GET', '/processing-activities', { token: kees });
    const allowing = register.body.items.filter((a: { disclosure: boolean }) => a.disclosure).map((a: { id: string }) => a.id);
    expect(allowing).toContain('disclosure-safety');
    expect(register.body.items.find((a: { id: string }) => a.id === 'case-management').disclosure).toBe(false);
    const disclosed = await disclose(h, { basis: { processingActivityId: 'disclosure-safety' }, memberIds: [h.mo] });
    expect(disclosed.status).toBe(201);
    expect(disclosed.body.package.plan.goals).toHaveLength(2);
    expect(await discloseLines(h)).toEqual([expect.objectContaining({ basis: { processingActivityId: 'disclosure-safety' } })]);
    // Never to the household's own circle: a legal basis is for an organisation.
    const neighbour = await api.call('POST', `/households/${h.householdId}/involved`, {
      token: kees,
      body: { kind: 'informal', name: 'Buurvrouw Ria' },
    });
    const refused = await disclose(h, { involvedId: neighbour.body.id, basis: { processingActivityId: 'disclosure-safety' } });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://wijkteams.nl/problems/no-basis');
  });

  it('a package holds only journal entries about the asked members alone, never a restricted one', async () => {
    const h = await household();
    const write = (body: Record<string, unknown>) =>
      api.call('POST', `/households/${h.householdId}/journal`, { token: kees, body: { kind: 'conversation', ...body } });
    const alone = await write({ text: 'Ilse over haar schulden', about: [h.ilse], domains: ['finances'] });
    await write({ text: 'Gesprek met het hele gezin', domains: ['finances'] });
    await write({ text: 'Zorgen over de veiligheid', about: [h.ilse], domains: ['finances'], restricted: true });
    await write({ text: 'Ilse over haar werk', about: [h.ilse], domains: ['work_education'] });
    const given = await consent(kees, h, { dataKinds: ['journal'], domains: ['finances'] });
    const disclosed = await disclose(h, { dataKinds: ['journal'], domains: ['finances'], basis: { consentIds: [given.body.id] } });
    expect(disclosed.status).toBe(201);
    expect(disclosed.body.package.journal.map((e: { id: string }) => e.id)).toEqual([alone.body.id]);
  });

  it('refuses what is not a disclosure of this household, and writes nothing', async () => {
    const h = await withPlan();
    const other = await household();
    const given = await consent(kees, h, {});
    const basis = { consentIds: [given.body.id] };
    const foreign = await consent(kees, other, {});
    const unknownParty = await disclose(h, { involvedId: other.involvedId, basis });
    expect(unknownParty.status).toBe(400);
    expect(unknownParty.body.invalidParams).toEqual([expect.objectContaining({ name: 'involvedId', code: 'unknown_involved' })]);
    const stranger = await disclose(h, { memberIds: [other.ilse], basis });
    expect(stranger.status).toBe(400);
    expect(stranger.body.invalidParams).toEqual([expect.objectContaining({ name: 'memberIds.0', code: 'unknown_member' })]);
    const notOurs = await disclose(h, { basis: { consentIds: [foreign.body.id] } });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.invalidParams).toEqual([expect.objectContaining({ name: 'basis.consentIds.0', code: 'unknown_consent' })]);
    expect((await disclose(h, { basis: {} })).status).toBe(400);
    expect((await disclose(h, { basis, dataKinds: ['everything'] })).status).toBe(400);
    expect((await disclose(h, { basis, memberIds: [] })).status).toBe(400);
    expect((await disclose(h, { basis: { processingActivityId: 'no-such-activity' } })).status).toBe(400);
    await api.call('POST', `/households/${h.householdId}/involved/${h.involvedId}/end`, { token: kees, body: { reason: 'Traject klaar' } });
    expect((await disclose(h, { basis })).status).toBe(409);
    const byIntaker = await api.call('POST', `/households/${h.householdId}/disclosures`, {
      token: anna,
      body: { involvedId: h.involvedId, dataKinds: ['plan'], memberIds: [h.ilse], basis },
    });
    expect(byIntaker.status).toBe(403);
    expect(await disclosuresOf(h)).toEqual([]);
    expect(await discloseLines(h)).toEqual([]);
  });

  it('a withdrawal and a disclosure at the same moment: a disclosure succeeds only while its consent is given (20 pairs)', async () => {
    const h = await withPlan();
    const outcomes: { disclosed: number; withdrawn: number }[] = [];
    for (let pair = 0; pair < 20; pair++) {
      const given = await consent(kees, h, {});
      const [disclosed, withdrawn] = await Promise.all([
        disclose(h, { basis: { consentIds: [given.body.id] } }),
        api.call('POST', `/households/${h.householdId}/consents/${given.body.id}/withdrawal`, { token: lotte, body: {} }),
      ]);
      outcomes.push({ disclosed: disclosed.status, withdrawn: withdrawn.status });
      // Exactly one outcome each: the disclosure was made (before the withdrawal) or refused for want of a basis.
      expect([201, 409]).toContain(disclosed.status);
      expect(withdrawn.status).toBe(200);
      if (disclosed.status === 409) expect(disclosed.body.type).toBe('https://wijkteams.nl/problems/no-basis');
      // And after both, the consent is withdrawn: the next disclosure on it has no basis.
      expect((await disclose(h, { basis: { consentIds: [given.body.id] } })).status).toBe(409);
    }
    const made = outcomes.filter((o) => o.disclosed === 201).length;
    expect(await disclosuresOf(h)).toHaveLength(made);
    expect(await discloseLines(h)).toHaveLength(made);
    // Every disclosure made was counted on its consent, and the withdrawal copied that count as it
    // stood when it was written: a disclosure after the withdrawal would leave the count above it.
    const stored = await api.stack.db.send(
      new QueryCommand({
        TableName: api.stack.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :consent)',
        ExpressionAttributeValues: { ':pk': `HH#${h.householdId}`, ':consent': 'CONSENT#' },
      }),
    );
    const counts = (stored.Items ?? []).map((item) => [item.disclosureCount, item.disclosuresBeforeWithdrawal]);
    expect(counts).toHaveLength(20);
    for (const [count, before] of counts) expect(count).toBe(before);
    expect(counts.reduce((sum, [count]) => sum + Number(count), 0)).toBe(made);
    console.info(`disclose/withdraw pairs: ${made} of 20 disclosed before the withdrawal`);
  });
});
