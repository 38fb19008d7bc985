import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameEntryItem } from '#shared/db/records/name-entry.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Find a household (within reach only) and keep it right (api.md 1.1): every expectation
 * below comes from the spec's words, over HTTP as professionals would work.
 */
let api: TestApi;
let anna: string; // intaker, velve-lindenhof
let kees: string; // wijkcoach, velve-lindenhof
let lotte: string; // teamleider, velve-lindenhof
let otto: string; // intaker and wijkcoach of another team
let dora: string; // doorbraakteam
let postcode = 6100;

const TEAM = 'velve-lindenhof';
const OTHER = 'pathmos';
const nextPostcode = () => `${postcode++}AB`;

interface Member {
  name: string;
  birthDate?: string;
  bsn?: string;
  role?: string;
}

async function register(members: Member[], address = { postcode: nextPostcode(), houseNumber: '7' }, token = anna, teamId = TEAM) {
  const reply = await api.call('POST', '/intakes', {
    token,
    body: {
      teamId,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Een vraag over geld en wonen.',
      domains: ['finances'],
      household: { address, members: members.map((m) => ({ birthDate: '1985-05-05', role: 'adult', ...m })) },
    },
  });
  expect(reply.status).toBe(201);
  return { householdId: reply.body.householdId as string, address };
}

async function search(token: string, query: string) {
  return api.call('GET', `/households/search?${query}`, { token });
}

const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((item) => item.id);

async function dossier(householdId: string) {
  const reply = await api.call('GET', `/households/${householdId}`, { token: kees });
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  api = await startTestApi();
  [anna, kees, lotte, otto, dora] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: [TEAM] }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: [TEAM] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] }),
    api.token({ sub: 'otto', roles: ['intaker', 'wijkcoach'], teams: [OTHER] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
  ]);
  await Promise.all([kees, lotte].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('find a household', () => {
  it('by BSN: the household with the member it matched, only for the own team', async () => {
    const bsn = randomBsn();
    const { householdId } = await register([
      { name: 'Bram Bsnzoek', bsn },
      { name: 'Kind Bsnzoek', role: 'child', birthDate: '2015-01-01' },
    ]);
    const found = await search(anna, `bsn=${bsn}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ id: householdId, teamId: TEAM, status: 'open' });
    expect(found.body.items[0].matchedMembers).toEqual([{ memberId: expect.any(String), name: 'Bram Bsnzoek' }]);
    expect(found.body.nextCursor).toBeNull();
    // Never the BSN in the answer, not even masked.
    expect(found.text).not.toContain(bsn);
    // Another team: exactly as if it did not exist.
    expect(await search(otto, `bsn=${bsn}`)).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect((await search(anna, `bsn=${randomBsn()}`)).body.items).toEqual([]);
  });

  it('by postcode and house number (with its addition), written as people write them', async () => {
    const address = { postcode: nextPostcode(), houseNumber: '12', houseNumberAddition: 'A' };
    const { householdId } = await register([{ name: 'Ada Adreszoek' }], address);
    const spaced = `${address.postcode.slice(0, 4)}%20${address.postcode.slice(4).toLowerCase()}`;
    expect(ids(await search(kees, `postcode=${spaced}&houseNumber=12&houseNumberAddition=a`))).toEqual([householdId]);
    expect(ids(await search(kees, `postcode=${address.postcode}&houseNumber=12&houseNumberAddition=B`))).toEqual([]);
    expect(ids(await search(kees, `postcode=${address.postcode}&houseNumber=12`))).toEqual([]);
    expect(ids(await search(otto, `postcode=${address.postcode}&houseNumber=12&houseNumberAddition=A`))).toEqual([]);
  });

  it('by the start of any word of a name, case- and accent-insensitive', async () => {
    const { householdId: jansen } = await register([{ name: 'Jan Jansen-Naamzoek' }]);
    const { householdId: zoe } = await register([{ name: 'Zoë van der Naamzoek' }]);
    const { householdId: long } = await register([{ name: 'Maria José García Naamzoeklópez' }]);
    const { householdId: elsewhere } = await register([{ name: 'Jan Jansen-Naamzoek' }], undefined, otto, OTHER);

    const jans = await search(anna, 'name=jans');
    expect(ids(jans)).toContain(jansen);
    expect(ids(jans)).not.toContain(elsewhere);
    expect(jans.body.items.find((i: { id: string }) => i.id === jansen).matchedMembers).toEqual([
      { memberId: expect.any(String), name: 'Jan Jansen-Naamzoek' },
    ]);
    expect(ids(await search(anna, 'name=zoe'))).toContain(zoe);
    expect(ids(await search(anna, 'name=ZOË'))).toContain(zoe);
    expect(ids(await search(anna, 'name=naamzoekl'))).toEqual([long]);
    expect(ids(await search(anna, 'name=jose'))).toContain(long);
    // Every word of the term must start a word of the same member's name.
    expect(ids(await search(anna, 'name=jan%20naamz'))).toEqual([jansen]);
    expect(ids(await search(anna, 'name=zoe%20jans'))).not.toContain(zoe);
    // The middle of a word is not its start.
    expect(ids(await search(anna, 'name=ansen'))).not.toContain(jansen);
    expect(ids(await search(otto, 'name=jans'))).toContain(elsewhere);
    expect(ids(await search(otto, 'name=jans'))).not.toContain(jansen);
  });

  it("finds a name whatever its apostrophes: obrien, o'brien and O’Brien find Seán O'Brien (v1.2)", async () => {
    const { householdId } = await register([{ name: "Seán O'Briennaam" }]);
    for (const term of ['obriennaam', "o'briennaam", 'O%E2%80%99Briennaam', 'sean%20obrien']) {
      expect(ids(await search(anna, `name=${term}`)), term).toEqual([householdId]);
    }
  });

  it('pages through many matches, each household exactly once', async () => {
    const made = new Set<string>();
    for (let i = 0; i < 7; i++)
      made.add((await register([{ name: `Pagina${i} Bladerzoek` }, { name: `Tweede${i} Bladerzoek` }])).householdId);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await search(kees, `name=bladerz&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...ids(reply));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...made].sort());
    // Both members matched: listed once, with both.
    const first = await search(kees, 'name=bladerzoek&limit=100');
    expect(first.body.items.every((item: { matchedMembers: unknown[] }) => item.matchedMembers.length === 2)).toBe(true);
    // A cursor belongs to its own search.
    const page = await search(kees, 'name=bladerz&limit=3');
    expect((await search(kees, `name=pagina&limit=3&cursor=${page.body.nextCursor}`)).status).toBe(400);
  });

  it('asks for more letters when a term starts more than 1,000 names of the team (a bound, so a search never reads a whole team)', async () => {
    // 1,001 name entries written straight into the index, as 1,001 registrations would.
    const entries = Array.from({ length: 1001 }, (_, i) =>
      nameEntryItem(TEAM, `Bulk${String(i).padStart(18, '0')}`, { id: `m${i}`, name: `Veelvoud${i} Drukte` }),
    );
    for (let i = 0; i < entries.length; i += 25) {
      await api.stack.db.send(
        new BatchWriteCommand({
          RequestItems: { [api.stack.tableName]: entries.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
    const broad = await search(anna, 'name=veelv');
    expect(broad.status).toBe(400);
    expect(broad.body.invalidParams).toEqual([expect.objectContaining({ name: 'query.name', code: 'too_many_matches' })]);
    // A term that starts fewer names is answered (the bulk entries have no household behind them: none listed).
    expect((await search(anna, 'name=veelvoud1000')).status).toBe(200);
  });

  it('shows the doorbraakteam a household only while an escalation is before them', async () => {
    const bsn = randomBsn();
    const { householdId } = await register([{ name: 'Door Braakzoek', bsn }]);
    expect(ids(await search(dora, `bsn=${bsn}`))).toEqual([]);
    expect(ids(await search(dora, 'name=braakzoek'))).toEqual([]);
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await api.call('POST', `/households/${householdId}/plan`, {
      token: kees,
      body: { goals: [{ domain: 'finances', description: 'g', actions: [] }], evaluationDate: tomorrow },
    });
    const escalation = await api.call('POST', `/households/${householdId}/escalations`, {
      token: kees,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' },
    });
    expect(escalation.status).toBe(201);
    for (
      let i = 0;
      i < 200 && (await api.call('GET', `/escalations/${escalation.body.id}`, { token: dora })).body.awaiting !== 'decision';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(ids(await search(dora, `bsn=${bsn}`))).toEqual([householdId]);
    expect(ids(await search(dora, 'name=braakzoek'))).toEqual([householdId]);
  });

  it('writes a processing-log line for every household it returns, with purpose search', async () => {
    const bsn = randomBsn();
    const { householdId } = await register([{ name: 'Log Zoeklijn', bsn }]);
    await search(anna, `bsn=${bsn}`);
    const log = await api.call('GET', `/households/${householdId}/processing-log?limit=100`, { token: lotte });
    const searches = log.body.items.filter((line: { resource: string }) => line.resource === '/households/search');
    expect(searches).toEqual([expect.objectContaining({ actor: 'anna', action: 'read', purpose: 'search' })]);
  });

  it('finds no closed household, and a moved household only by its new team', async () => {
    const bsn = randomBsn();
    const { householdId } = await register([{ name: 'Verhuis Zoekteam', bsn }]);
    expect((await api.call('POST', `/households/${householdId}/transfer`, { token: lotte, body: { teamId: OTHER } })).status).toBe(200);
    expect(ids(await search(anna, 'name=zoekteam'))).toEqual([]);
    expect(ids(await search(otto, 'name=zoekteam'))).toEqual([householdId]);
    expect(ids(await search(otto, `bsn=${bsn}`))).toEqual([householdId]);

    const closing = await register([{ name: 'Dicht Zoekgesloten' }]);
    const closer = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] });
    expect((await api.call('POST', `/households/${closing.householdId}/close`, { token: closer, body: { reason: 'klaar' } })).status).toBe(
      200,
    );
    expect(ids(await search(anna, 'name=zoekgesloten'))).toEqual([]);
  });

  it('refuses no criterion, two criteria, half an address, a one-letter name and a BSN failing the 11-proef, echoing nothing', async () => {
    const cases: [string, string][] = [
      ['', 'bsn'],
      ['bsn=111222333&name=jansen', 'bsn'],
      ['postcode=7511AB', 'houseNumber'],
      ['houseNumber=3', 'postcode'],
      ['name=j', 'name'],
      ['name=j%20k', 'name'],
      ['bsn=123456789', 'bsn'],
      ['postcode=ABCDEF&houseNumber=1', 'postcode'],
    ];
    for (const [query, field] of cases) {
      const reply = await search(anna, query);
      expect(reply.status, query).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(
        reply.body.invalidParams.map((p: { name: string }) => p.name),
        query,
      ).toContain(`query.${field}`);
      expect(reply.text).not.toContain('123456789');
      expect(reply.text).not.toContain('jansen');
    }
  });
});

describe('keep a household right', () => {
  it('corrects the address: the look-up moves with it; an address of another open household is 409 and changes nothing', async () => {
    const { householdId, address } = await register([{ name: 'Adres Verhuizer' }]);
    const taken = await register([{ name: 'Buur Bezet' }]);
    const to = { postcode: nextPostcode(), houseNumber: '21', houseNumberAddition: 'bis' };
    const moved = await api.call('PUT', `/households/${householdId}/address`, { token: kees, body: to });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: householdId,
      address: { postcode: to.postcode, houseNumber: '21', houseNumberAddition: 'BIS' },
    });
    expect(ids(await search(anna, `postcode=${address.postcode}&houseNumber=${address.houseNumber}`))).toEqual([]);
    expect(ids(await search(anna, `postcode=${to.postcode}&houseNumber=21&houseNumberAddition=BIS`))).toEqual([householdId]);
    // An intake at the new address is linked to the household (rule 1).
    const linked = await register([{ name: 'Iemand Nieuw' }], to);
    expect(linked.householdId).toBe(householdId);
    // The old address is free: a new household may start there.
    const fresh = await register([{ name: 'Nieuwe Bewoner' }], address);
    expect(fresh.householdId).not.toBe(householdId);

    const clash = await api.call('PUT', `/households/${householdId}/address`, { token: kees, body: taken.address });
    expect(clash.status).toBe(409);
    expect((await dossier(householdId)).address.postcode).toBe(to.postcode);
    expect(ids(await search(anna, `postcode=${taken.address.postcode}&houseNumber=${taken.address.houseNumber}`))).toEqual([
      taken.householdId,
    ]);
  });

  it('adds a newborn and a member with a BSN; a BSN of another open household or one failing the 11-proef changes nothing', async () => {
    const { householdId } = await register([{ name: 'Moeder Gezinsgroei', bsn: randomBsn() }]);
    const baby = await api.call('POST', `/households/${householdId}/members`, {
      token: kees,
      body: { name: 'Baby Gezinsgroei', birthDate: new Date().toISOString().slice(0, 10), role: 'child' },
    });
    expect(baby.status).toBe(201);
    expect(baby.headers.get('location')).toBe(`/v1/households/${householdId}`);
    expect(baby.body).toMatchObject({ id: expect.any(String), name: 'Baby Gezinsgroei', role: 'child' });
    const bsn = randomBsn();
    const partner = await api.call('POST', `/households/${householdId}/members`, {
      token: kees,
      body: { name: 'Partner Gezinsgroei', birthDate: '1984-04-04', bsn, role: 'adult' },
    });
    expect(partner.status).toBe(201);
    expect(partner.body.bsnMasked).toBe(`******${bsn.slice(-3)}`);
    expect(partner.text).not.toContain(bsn);
    expect(ids(await search(anna, `bsn=${bsn}`))).toEqual([householdId]);
    expect(ids(await search(anna, 'name=gezinsgroei'))).toEqual([householdId]);
    // An intake for the partner by BSN is linked to this household.
    expect((await register([{ name: 'Partner Gezinsgroei', bsn }])).householdId).toBe(householdId);

    const otherBsn = randomBsn();
    await register([{ name: 'Ander Huishouden', bsn: otherBsn }]);
    const before = await dossier(householdId);
    const held = await api.call('POST', `/households/${householdId}/members`, {
      token: kees,
      body: { name: 'Ander Huishouden', birthDate: '1985-05-05', bsn: otherBsn, role: 'adult' },
    });
    expect(held.status).toBe(409);
    const twice = await api.call('POST', `/households/${householdId}/members`, {
      token: kees,
      body: { name: 'Partner Gezinsgroei', birthDate: '1984-04-04', bsn, role: 'adult' },
    });
    expect(twice.status).toBe(409);
    const invalid = await api.call('POST', `/households/${householdId}/members`, {
      token: kees,
      body: { name: 'Fout Nummer', birthDate: '1990-01-01', bsn: '123456789', role: 'adult' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.invalidParams).toEqual([expect.objectContaining({ name: 'bsn' })]);
    expect(invalid.text).not.toContain('123456789');
    expect((await dossier(householdId)).members).toEqual(before.members);
  });

  it('corrects a member: name, BSN and legal relations; the look-ups follow', async () => {
    const oldBsn = randomBsn();
    const { householdId } = await register([
      { name: 'Piet Oudenaam', bsn: oldBsn },
      { name: 'Kind Oudenaam', role: 'child', birthDate: '2016-06-06' },
    ]);
    const [piet] = (await dossier(householdId)).members;
    const newBsn = randomBsn();
    const changed = await api.call('PUT', `/households/${householdId}/members/${piet.id}`, {
      token: kees,
      body: {
        name: 'Piet Nieuwenaam',
        birthDate: '1985-05-05',
        bsn: newBsn,
        role: 'adult',
        legalRelations: [{ kind: 'bewind', holderName: 'Mr. B. Bewindvoerder', holderOrganisation: 'Bewind Twente', since: '2024-01-01' }],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: piet.id, name: 'Piet Nieuwenaam', bsnMasked: `******${newBsn.slice(-3)}` });
    expect(ids(await search(anna, 'name=nieuwenaam'))).toEqual([householdId]);
    expect(ids(await search(anna, 'name=oudenaam'))).toEqual([householdId]); // the child still carries it
    expect((await search(anna, 'name=oudenaam')).body.items[0].matchedMembers.map((m: { name: string }) => m.name)).toEqual([
      'Kind Oudenaam',
    ]);
    expect(ids(await search(anna, `bsn=${oldBsn}`))).toEqual([]);
    expect(ids(await search(anna, `bsn=${newBsn}`))).toEqual([householdId]);
    const shown = (await dossier(householdId)).members.find((m: { id: string }) => m.id === piet.id);
    expect(shown.legalRelations).toEqual([
      { kind: 'bewind', holderName: 'Mr. B. Bewindvoerder', holderOrganisation: 'Bewind Twente', since: '2024-01-01' },
    ]);

    // Left out, the BSN is kept (the client only sees it masked); the relation list is replaced.
    const kept = await api.call('PUT', `/households/${householdId}/members/${piet.id}`, {
      token: kees,
      body: { name: 'Piet Nieuwenaam', birthDate: '1985-05-05', role: 'adult' },
    });
    expect(kept.body.bsnMasked).toBe(`******${newBsn.slice(-3)}`);
    expect(kept.body.legalRelations).toBeUndefined();
    const badKind = await api.call('PUT', `/households/${householdId}/members/${piet.id}`, {
      token: kees,
      body: {
        name: 'P',
        birthDate: '1985-05-05',
        role: 'adult',
        legalRelations: [{ kind: 'voogdij', holderName: 'x', since: '2024-01-01' }],
      },
    });
    expect(badKind.status).toBe(400);
    expect(
      (
        await api.call('PUT', `/households/${householdId}/members/unknown`, {
          token: kees,
          body: { name: 'x', birthDate: '1985-05-05', role: 'adult' },
        })
      ).status,
    ).toBe(404);
  });

  it('records a member who moved out under formerMembers and releases their BSN; the last member stays', async () => {
    const leavingBsn = randomBsn();
    const { householdId } = await register([{ name: 'Blijft Thuis' }, { name: 'Gaat Weg', bsn: leavingBsn }]);
    const members = (await dossier(householdId)).members;
    const leaving = members.find((m: { name: string }) => m.name === 'Gaat Weg');
    const removed = await api.call('DELETE', `/households/${householdId}/members/${leaving.id}`, {
      token: kees,
      body: { reason: 'Verhuisd naar Hengelo' },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: leaving.id, name: 'Gaat Weg', reason: 'Verhuisd naar Hengelo', leftAt: expect.any(String) });
    const after = await dossier(householdId);
    expect(after.members.map((m: { name: string }) => m.name)).toEqual(['Blijft Thuis']);
    expect(after.formerMembers).toEqual([expect.objectContaining({ id: leaving.id, reason: 'Verhuisd naar Hengelo' })]);
    expect(ids(await search(anna, `bsn=${leavingBsn}`))).toEqual([]);
    expect(ids(await search(anna, 'name=gaat'))).not.toContain(householdId);
    // Their BSN is free: an intake for them elsewhere starts their own household.
    expect((await register([{ name: 'Gaat Weg', bsn: leavingBsn }])).householdId).not.toBe(householdId);

    const last = after.members[0];
    const refused = await api.call('DELETE', `/households/${householdId}/members/${last.id}`, { token: kees, body: { reason: 'x' } });
    expect(refused.status).toBe(409);
    expect((await dossier(householdId)).members).toHaveLength(1);
  });

  it('shows every correction in the export, without the values before', async () => {
    const { householdId } = await register([{ name: 'Export Corrigeer' }, { name: 'Tweede Corrigeer' }]);
    const [first, second] = (await dossier(householdId)).members;
    await api.call('PUT', `/households/${householdId}/address`, { token: kees, body: { postcode: nextPostcode(), houseNumber: '5' } });
    await api.call('PUT', `/households/${householdId}/members/${first.id}`, {
      token: kees,
      body: { name: 'Export Gecorrigeerd', birthDate: '1985-05-05', role: 'adult' },
    });
    await api.call('DELETE', `/households/${householdId}/members/${second.id}`, { token: kees, body: { reason: 'Overleden' } });
    const exported = await api.call('GET', `/households/${householdId}/export`, { token: lotte });
    expect(exported.status).toBe(200);
    expect(exported.body.corrections.map((c: { kind: string }) => c.kind)).toEqual(['address', 'member_changed', 'member_removed']);
    expect(exported.body.corrections[1]).toMatchObject({ memberId: first.id, fields: ['name'], by: 'kees' });
    expect(exported.body.corrections[2]).toMatchObject({ memberId: second.id, reason: 'Overleden' });
    expect(JSON.stringify(exported.body.corrections)).not.toContain('Export Corrigeer');
    expect(exported.body.household.formerMembers).toEqual([expect.objectContaining({ id: second.id })]);
  });
});
