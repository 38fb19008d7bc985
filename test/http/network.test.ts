import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The network around the household (../shared/spec/v1.2.md "The network around the household",
 * issue 27): involved parties, professional or informal, added, corrected and ended by the team's
 * wijkcoaches and team leaders; an ended one kept as former. The expectations are the spec's.
 */
let api: TestApi;
let anna: string;
let kees: string;
let lotte: string;
let postcode = 6300;

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
        address: { postcode: `${postcode++}AB`, houseNumber: '5' },
        members: [
          { name: 'Ilse Netwerk', birthDate: '1984-03-03', bsn: randomBsn(), role: 'adult' },
          { name: 'Mo Netwerk', birthDate: '2014-06-06', role: 'child' },
        ],
      },
    },
  });
  expect(reply.status).toBe(201);
  const householdId = reply.body.householdId as string;
  const dossier = await api.call('GET', `/households/${householdId}`, { token: kees });
  const [ilse, mo] = (dossier.body.members as { id: string }[]).map((m) => m.id);
  return { householdId, ilse: ilse ?? '', mo: mo ?? '' };
}

const add = (token: string, householdId: string, body: unknown) => api.call('POST', `/households/${householdId}/involved`, { token, body });
const dossierOf = async (householdId: string) => (await api.call('GET', `/households/${householdId}`, { token: kees })).body;

beforeAll(async () => {
  api = await startTestApi('enschede');
  [anna, kees, lotte] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'], name: 'Anna de Vries' }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees Bakker' }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'], name: 'Lotte Smit' }),
  ]);
});
afterAll(() => api.stack.stop());

describe('the network around the household', () => {
  it('adds a professional and an informal party; the dossier lists them with the members and domains they are involved with', async () => {
    const { householdId, mo } = await household();
    const professional = await add(kees, householdId, {
      kind: 'professional',
      name: 'Jeroen de Jong',
      organisation: 'Jeugdbescherming Overijssel',
      role: 'jeugdbeschermer',
      phone: '053 480 0000',
      email: 'j.dejong@example.nl',
      about: [mo],
      domains: ['parenting'],
      since: '2026-01-15',
    });
    expect(professional.status).toBe(201);
    expect(professional.body).toMatchObject({
      kind: 'professional',
      name: 'Jeroen de Jong',
      organisation: 'Jeugdbescherming Overijssel',
      about: [mo],
      domains: ['parenting'],
      since: '2026-01-15',
      addedBy: 'kees',
    });
    const informal = await add(lotte, householdId, { kind: 'informal', name: 'Oma Truus' });
    expect(informal.status).toBe(201);
    expect(informal.body).toMatchObject({ kind: 'informal', name: 'Oma Truus', about: [], domains: [] });
    const dossier = await dossierOf(householdId);
    expect(dossier.involved.map((p: { name: string }) => p.name)).toEqual(['Jeroen de Jong', 'Oma Truus']);
    expect(dossier.formerInvolved).toEqual([]);
  });

  it('refuses what is not right and changes nothing: a professional without organisation, a member of another household, bad dates and contact', async () => {
    const { householdId } = await household();
    const other = await household();
    const refusals: [unknown, string, string][] = [
      [{ kind: 'professional', name: 'Zonder Organisatie' }, 'organisation', 'required'],
      [{ kind: 'informal', name: 'Buur', about: [other.ilse] }, 'about.0', 'unknown_member'],
      [{ kind: 'informal', name: 'Buur', since: '2999-01-01' }, 'since', 'custom'],
      [{ kind: 'informal', name: 'Buur', email: 'geen-adres' }, 'email', 'invalid_format'],
      [{ kind: 'informal', name: '' }, 'name', 'too_small'],
      [{ kind: 'familie', name: 'Buur' }, 'kind', 'invalid_value'],
    ];
    for (const [body, name, code] of refusals) {
      const reply = await add(kees, householdId, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.invalidParams, JSON.stringify(body)).toContainEqual(expect.objectContaining({ name, code }));
      expect(reply.text).not.toContain('geen-adres');
    }
    expect((await dossierOf(householdId)).involved).toEqual([]);
  });

  it('corrects a party, ends it with a reason (kept as former), and then refuses to change or end it again', async () => {
    const { householdId, ilse } = await household();
    const party = (await add(kees, householdId, { kind: 'professional', name: 'Sanne', organisation: 'Stadsbank Oost' })).body;
    const changed = await api.call('PUT', `/households/${householdId}/involved/${party.id}`, {
      token: kees,
      body: {
        kind: 'professional',
        name: 'Sanne Visser',
        organisation: 'Stadsbank Oost',
        role: 'schuldhulpverlener',
        about: [ilse],
        domains: ['finances'],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: party.id, name: 'Sanne Visser', role: 'schuldhulpverlener', about: [ilse], addedBy: 'kees' });

    const ended = await api.call('POST', `/households/${householdId}/involved/${party.id}/end`, {
      token: lotte,
      body: { reason: 'Schuldhulptraject afgerond' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: party.id, name: 'Sanne Visser', endReason: 'Schuldhulptraject afgerond', endedBy: 'lotte' });
    expect(ended.body.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dossier = await dossierOf(householdId);
    expect(dossier.involved).toEqual([]);
    expect(dossier.formerInvolved.map((p: { id: string }) => p.id)).toEqual([party.id]);

    const again = await api.call('POST', `/households/${householdId}/involved/${party.id}/end`, {
      token: lotte,
      body: { reason: 'Nogmaals' },
    });
    expect(again.status).toBe(409);
    const change = await api.call('PUT', `/households/${householdId}/involved/${party.id}`, {
      token: kees,
      body: { kind: 'informal', name: 'Iemand anders' },
    });
    expect(change.status).toBe(409);
    const unknown = await api.call('PUT', `/households/${householdId}/involved/nietbestaand`, {
      token: kees,
      body: { kind: 'informal', name: 'X' },
    });
    expect(unknown.status).toBe(404);
    expect((await dossierOf(householdId)).formerInvolved[0].name).toBe('Sanne Visser');
  });

  it('an end before the party’s start is refused', async () => {
    const { householdId } = await household();
    const party = (await add(kees, householdId, { kind: 'informal', name: 'Tante Els', since: '2026-03-01' })).body;
    const ended = await api.call('POST', `/households/${householdId}/involved/${party.id}/end`, {
      token: kees,
      body: { reason: 'Weg', until: '2026-02-01' },
    });
    expect(ended.status).toBe(400);
    expect(ended.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'until', code: 'too_early' }));
    expect((await dossierOf(householdId)).involved).toHaveLength(1);
  });

  it('a journal entry names a party of the network; one of no party is refused', async () => {
    const { householdId } = await household();
    const party = (await add(kees, householdId, { kind: 'informal', name: 'Buurvrouw Ria' })).body;
    const named = await api.call('POST', `/households/${householdId}/journal`, {
      token: kees,
      body: { kind: 'phone', text: 'Buurvrouw belde over de kinderen.', involvedIds: [party.id] },
    });
    expect(named.status).toBe(201);
    const unknown = await api.call('POST', `/households/${householdId}/journal`, {
      token: kees,
      body: { kind: 'phone', text: 'Iemand belde.', involvedIds: ['AAAAAAAAAAAAAAAAAAAAAA'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams).toContainEqual(expect.objectContaining({ code: 'unknown_involved' }));
  });

  it('on the timeline and in the export', async () => {
    const { householdId } = await household();
    const party = (await add(kees, householdId, { kind: 'informal', name: 'Opa Gerrit' })).body;
    await api.call('POST', `/households/${householdId}/involved/${party.id}/end`, { token: kees, body: { reason: 'Overleden' } });
    const timeline = await api.call('GET', `/households/${householdId}/timeline`, { token: kees });
    const events = timeline.body.items.map((item: { event?: string }) => item.event);
    expect(events).toContain('involved_added');
    expect(events).toContain('involved_ended');
    const exported = await api.call('GET', `/households/${householdId}/export`, { token: lotte });
    expect(exported.status).toBe(200);
    expect(exported.body.household.formerInvolved).toMatchObject([{ id: party.id, name: 'Opa Gerrit', endReason: 'Overleden' }]);
    expect(exported.body.corrections.map((c: { kind: string }) => c.kind)).toEqual(
      expect.arrayContaining(['involved_added', 'involved_ended']),
    );
  });

  it('a closed household keeps its network as it was', async () => {
    const { householdId } = await household();
    expect((await api.call('POST', `/households/${householdId}/close`, { token: lotte, body: { reason: 'Klaar' } })).status).toBe(200);
    expect((await add(kees, householdId, { kind: 'informal', name: 'Te laat' })).status).toBe(409);
  });

  it('a plan action names who of the network does it: its organisation follows from that party, the owner keeps watch', async () => {
    const { householdId, mo } = await household();
    const jeugd = (
      await add(kees, householdId, { kind: 'professional', name: 'Jeroen', organisation: 'Jeugdbescherming Overijssel', about: [mo] })
    ).body;
    const oma = (await add(kees, householdId, { kind: 'informal', name: 'Oma Truus' })).body;
    expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
    const plan = (actions: Record<string, unknown>[]) =>
      api.call('POST', `/households/${householdId}/plan`, {
        token: kees,
        body: { goals: [{ domain: 'parenting', description: 'Rust in huis', actions }], evaluationDate: '2027-06-01' },
      });
    const action = { description: 'Gesprek met school', dueDate: '2027-02-01' };
    const unknown = await plan([{ ...action, involvedId: 'AAAAAAAAAAAAAAAAAAAAAA' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'goals.0.actions.0.involvedId', code: 'unknown_involved' }),
    ]);
    const nobody = await plan([action]);
    expect(nobody.status).toBe(400);
    expect(nobody.body.invalidParams).toEqual([expect.objectContaining({ name: 'goals.0.actions.0.organisation', code: 'required' })]);
    const written = await plan([
      { ...action, involvedId: jeugd.id, organisation: 'Iets anders', ownerId: 'kees' },
      { ...action, description: 'Kinderen naar school brengen', involvedId: oma.id },
    ]);
    expect(written.status).toBe(201);
    expect(written.body.goals[0].actions).toMatchObject([
      { involvedId: jeugd.id, organisation: 'Jeugdbescherming Overijssel', ownerId: 'kees' },
      { involvedId: oma.id, organisation: 'Oma Truus' },
    ]);
    // Oma's involvement ends: the action she did keeps her; a new action may not name her.
    await api.call('POST', `/households/${householdId}/involved/${oma.id}/end`, { token: kees, body: { reason: 'Verhuisd' } });
    const kept = written.body.goals[0].actions.map(({ id, description, dueDate, involvedId }: Record<string, string>) => ({
      id,
      description,
      dueDate,
      involvedId,
    }));
    const save = (actions: Record<string, unknown>[], version: number) =>
      api.call('PUT', `/households/${householdId}/plan`, {
        token: kees,
        headers: { 'if-match': `"${version}"` },
        body: { goals: [{ domain: 'parenting', description: 'Rust in huis', actions }], evaluationDate: '2027-06-01' },
      });
    const again = await save(kept, 1);
    expect(again.status).toBe(200);
    expect(again.body.goals[0].actions[1]).toMatchObject({ involvedId: oma.id, organisation: 'Oma Truus' });
    const added = await save([...kept, { ...action, description: 'Oppassen', involvedId: oma.id }], 2);
    expect(added.status).toBe(400);
    expect(added.body.invalidParams).toEqual([expect.objectContaining({ name: 'goals.0.actions.2.involvedId', code: 'unknown_involved' })]);
    const dossier = await dossierOf(householdId);
    expect(dossier.plan.byNetwork).toEqual([
      { involvedId: jeugd.id, description: 'Gesprek met school', dueDate: '2027-02-01', status: 'open' },
      { involvedId: oma.id, description: 'Kinderen naar school brengen', dueDate: '2027-02-01', status: 'open' },
    ]);
  });
});
