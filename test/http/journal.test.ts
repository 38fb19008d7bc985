import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The journal and the timeline (../shared/spec/v1.2.md "The journal", rules 15 and 18): the
 * expectations are the spec's, written here, never read from the code.
 */
let api: TestApi;
let anna: string;
let kees: string;
let lotte: string;
let sanne: string;
let otto: string;
let postcode = 6100;

async function household() {
  const reply = await api.call('POST', '/intakes', {
    token: anna,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: 'De huur is te hoog en de kinderen slapen slecht.',
      domains: ['finances', 'housing'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '3' },
        members: [
          { name: 'Fatma Yilmaz', birthDate: '1985-04-02', bsn: randomBsn(), role: 'adult' },
          { name: 'Zoë Yilmaz', birthDate: '2015-09-12', role: 'child' },
        ],
      },
    },
  });
  expect(reply.status).toBe(201);
  const { householdId, id: intakeId } = reply.body as { householdId: string; id: string };
  const dossier = await api.call('GET', `/households/${householdId}`, { token: kees });
  const members = dossier.body.members as { id: string; name: string }[];
  return { householdId, intakeId, fatma: members[0]?.id ?? '', zoe: members[1]?.id ?? '' };
}

const write = (token: string, householdId: string, body: unknown) =>
  api.call('POST', `/households/${householdId}/journal`, { token, body });
const journal = (token: string, householdId: string, query = '') =>
  api.call('GET', `/households/${householdId}/journal${query}`, { token });

beforeAll(async () => {
  api = await startTestApi('enschede');
  [anna, kees, lotte, sanne, otto] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'], name: 'Anna de Vries' }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Kees Bakker' }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'], name: 'Lotte Smit' }),
    api.token({ sub: 'sanne', roles: ['wijkcoach'], teams: ['velve-lindenhof'], name: 'Sanne Mulder' }),
    api.token({ sub: 'otto', roles: ['wijkcoach'], teams: ['pathmos'], name: 'Otto Visser' }),
  ]);
});
afterAll(() => api.stack.stop());

describe('the journal', () => {
  it('keeps what happened, by whom, about every member unless told; a colleague of the team reads it', async () => {
    const h = await household();
    const written = await write(kees, h.householdId, {
      kind: 'home_visit',
      text: 'Huisbezoek: de koelkast is leeg.',
      domains: ['finances'],
    });
    expect(written.status).toBe(201);
    expect(written.headers.get('location')).toBe(`/v1/households/${h.householdId}/journal`);
    expect(written.body).toMatchObject({
      kind: 'home_visit',
      text: 'Huisbezoek: de koelkast is leeg.',
      about: [h.fatma, h.zoe],
      domains: ['finances'],
      involvedIds: [],
      restricted: false,
      by: { userId: 'kees', name: 'Kees Bakker' },
      corrections: [],
    });
    // `at` defaults to now.
    expect(Math.abs(Date.parse(written.body.at) - Date.now())).toBeLessThan(60_000);
    const read = await journal(anna, h.householdId);
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([written.body]);
  });

  it('lists newest first by when it happened, pages with a cursor, and filters by kind, domain and member', async () => {
    const h = await household();
    const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const texts = [
      { kind: 'phone', text: 'Gebeld met Fatma', at: day(3), about: [h.fatma], domains: ['finances'] },
      { kind: 'note', text: 'Notitie over Zoë', at: day(1), about: [h.zoe], domains: ['parenting'] },
      { kind: 'phone', text: 'Nog eens gebeld', at: day(2), about: [h.fatma] },
    ];
    for (const body of texts) expect((await write(kees, h.householdId, body)).status).toBe(201);
    const all = await journal(kees, h.householdId);
    expect(all.body.items.map((e: { text: string }) => e.text)).toEqual(['Notitie over Zoë', 'Nog eens gebeld', 'Gebeld met Fatma']);
    const first = await journal(kees, h.householdId, '?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await journal(kees, h.householdId, `?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items]).toEqual(all.body.items);
    expect(second.body.nextCursor).toBeNull();
    const texts_ = (reply: { body: { items: { text: string }[] } }) => reply.body.items.map((e) => e.text);
    expect(texts_(await journal(kees, h.householdId, '?kind=phone'))).toEqual(['Nog eens gebeld', 'Gebeld met Fatma']);
    expect(texts_(await journal(kees, h.householdId, '?domain=parenting'))).toEqual(['Notitie over Zoë']);
    expect(texts_(await journal(kees, h.householdId, `?member=${h.fatma}`))).toEqual(['Nog eens gebeld', 'Gebeld met Fatma']);
  });

  it('finds words by their start, whatever the case and accents', async () => {
    const h = await household();
    await write(kees, h.householdId, { kind: 'conversation', text: 'Gesprek met Zoë over de SCHULDEN van haar moeder.' });
    await write(kees, h.householdId, { kind: 'note', text: 'Iets anders.' });
    const found = async (q: string) => (await journal(anna, h.householdId, `?q=${encodeURIComponent(q)}`)).body.items.length;
    expect(await found('zoe')).toBe(1);
    expect(await found('schuld')).toBe(1);
    expect(await found('Schulden moeder')).toBe(1);
    expect(await found('ulden')).toBe(0);
    expect(await found('schulden vader')).toBe(0);
  });

  it('shows a restricted entry only to its author, the regisseur and the team leaders; others see that it exists', async () => {
    const h = await household();
    await api.call('GET', '/teams', { token: sanne });
    expect((await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'sanne' } })).status).toBe(200);
    const secret = await write(kees, h.householdId, {
      kind: 'conversation',
      text: 'Meldcode: zorgen over huiselijk geweld.',
      restricted: true,
    });
    expect(secret.status).toBe(201);
    for (const reader of [kees, lotte, sanne]) {
      expect((await journal(reader, h.householdId)).body.items[0]).toMatchObject({ text: 'Meldcode: zorgen over huiselijk geweld.' });
    }
    const closed = await journal(anna, h.householdId);
    expect(closed.body.items).toEqual([
      { id: secret.body.id, kind: 'conversation', at: secret.body.at, by: { userId: 'kees', name: 'Kees Bakker' }, restricted: true },
    ]);
    expect((await journal(anna, h.householdId, '?q=meldcode')).body.items).toEqual([]);
    expect((await journal(lotte, h.householdId, '?q=meldcode')).body.items).toHaveLength(1);
    const timeline = await api.call('GET', `/households/${h.householdId}/timeline`, { token: anna });
    expect(timeline.body.items.find((i: { kind: string }) => i.kind === 'journal')).toMatchObject({
      summary: '',
      ref: { type: 'journal', id: secret.body.id },
    });
  });

  it('never tells by a filter what a restricted entry one may not read is about', async () => {
    const h = await household();
    await write(kees, h.householdId, {
      kind: 'note',
      text: 'Meldcode.',
      restricted: true,
      about: [h.zoe],
      domains: ['domestic_relations'],
    });
    for (const query of ['?domain=domestic_relations', `?member=${h.zoe}`, '?q=meldcode']) {
      expect((await journal(anna, h.householdId, query)).body.items, query).toEqual([]);
      expect((await journal(lotte, h.householdId, query)).body.items, query).toHaveLength(1);
    }
    // Its kind is what everyone sees of it: filtering by kind lists it, closed.
    expect((await journal(anna, h.householdId, '?kind=note')).body.items).toEqual([expect.objectContaining({ restricted: true })]);
  });

  it('is corrected, never overwritten: the earlier text stays with who changed it and why', async () => {
    const h = await household();
    const entry = await write(kees, h.householdId, { kind: 'phone', text: 'Afspraak op dinsdag.' });
    const path = `/households/${h.householdId}/journal/${entry.body.id}/corrections`;
    const corrected = await api.call('POST', path, {
      token: kees,
      body: { text: 'Afspraak op woensdag.', reason: 'Verkeerde dag genoteerd' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: entry.body.id, text: 'Afspraak op woensdag.' });
    expect(corrected.body.corrections).toEqual([
      {
        at: expect.any(String),
        by: { userId: 'kees', name: 'Kees Bakker' },
        previousText: 'Afspraak op dinsdag.',
        reason: 'Verkeerde dag genoteerd',
      },
    ]);
    // Someone else of the team may not; the team leader may.
    expect((await api.call('POST', path, { token: anna, body: { text: 'x', reason: 'y' } })).status).toBe(403);
    expect((await api.call('POST', path, { token: sanne, body: { text: 'x', reason: 'y' } })).status).toBe(403);
    const byLeader = await api.call('POST', path, { token: lotte, body: { text: 'Afspraak op donderdag.', reason: 'Verzet' } });
    expect(byLeader.status).toBe(200);
    expect(byLeader.body.corrections.map((c: { previousText: string }) => c.previousText)).toEqual([
      'Afspraak op dinsdag.',
      'Afspraak op woensdag.',
    ]);
    expect((await api.call('POST', path, { token: kees, body: { text: 'Zonder reden' } })).status).toBe(400);
    expect((await journal(kees, h.householdId)).body.items[0].text).toBe('Afspraak op donderdag.');
    // No way to erase or overwrite: there is no DELETE and no PUT.
    expect(['DELETE', 'PUT'].some((method) => routes.some((r) => r.method === method && r.path.includes('/journal')))).toBe(false);
  });

  it('keeps every text an entry had until the entry is full, then asks for a new entry (409), never a 500', async () => {
    const h = await household();
    const long = (c: string) => c.repeat(20_000);
    const entry = await write(kees, h.householdId, { kind: 'note', text: long('€') });
    const path = `/households/${h.householdId}/journal/${entry.body.id}/corrections`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await api.call('POST', path, { token: kees, body: { text: `${i}${long('€').slice(1)}`, reason: 'r' } })).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(409);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const h = await household();
    const refused = async (body: unknown, field: string) => {
      const reply = await write(kees, h.householdId, body);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
      expect(JSON.stringify(reply.body)).not.toContain('GEHEIM');
    };
    await refused({ kind: 'note', text: '' }, 'text');
    await refused({ kind: 'note', text: '   ' }, 'text');
    await refused({ kind: 'note', text: 'GEHEIM'.repeat(3334) }, 'text');
    await refused({ kind: 'note', text: 'GEHEIM', at: new Date(Date.now() + 3_600_000).toISOString() }, 'at');
    await refused({ kind: 'note', text: 'GEHEIM', about: ['AAAAAAAAAAAAAAAAAAAAAA'] }, 'about[0]');
    await refused({ kind: 'note', text: 'GEHEIM', involvedIds: ['AAAAAAAAAAAAAAAAAAAAAA'] }, 'involvedIds[0]');
    await refused({ kind: 'resident_message', text: 'GEHEIM' }, 'kind');
    await refused({ kind: 'note', text: 'GEHEIM', at: '1969-12-31T23:00:00Z' }, 'at');
    const punctuation = await journal(kees, h.householdId, '?q=!!');
    expect(punctuation.status).toBe(400);
    expect(punctuation.body.invalidParams.map((p: { name: string }) => p.name)).toContain('query.q');
    expect((await journal(kees, h.householdId)).body.items).toEqual([]);
  });

  it("answers another team's household exactly as an unknown one", async () => {
    const h = await household();
    await write(kees, h.householdId, { kind: 'note', text: 'Alleen voor ons team.' });
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    for (const id of [h.householdId, unknown]) {
      const read = await journal(otto, id);
      expect(read.status).toBe(404);
      expect((await write(otto, id, { kind: 'note', text: 'x' })).status).toBe(404);
      expect((await api.call('GET', `/households/${id}/timeline`, { token: otto })).status).toBe(404);
    }
    const a = await journal(otto, h.householdId);
    const b = await journal(otto, unknown);
    expect({ ...a.body, instance: '' }).toEqual({ ...b.body, instance: '' });
  });

  it('logs every read and write, with the entry’s members as data subjects', async () => {
    const h = await household();
    await write(kees, h.householdId, { kind: 'phone', text: 'Over Zoë', about: [h.zoe] });
    await journal(anna, h.householdId);
    const log = await api.call('GET', `/households/${h.householdId}/processing-log?limit=3`, { token: lotte });
    expect(log.body.items.slice(0, 2)).toMatchObject([
      { actor: 'anna', action: 'read', processingActivityId: 'journal', dataSubjects: [h.zoe] },
      { actor: 'kees', action: 'create', processingActivityId: 'journal', dataSubjects: [h.zoe] },
    ]);
  });

  it('is in the export, with every correction', async () => {
    const h = await household();
    const entry = await write(kees, h.householdId, { kind: 'letter', text: 'Brief verstuurd.', restricted: true });
    await api.call('POST', `/households/${h.householdId}/journal/${entry.body.id}/corrections`, {
      token: kees,
      body: { text: 'Brief aangetekend verstuurd.', reason: 'Aangevuld' },
    });
    const exported = await api.call('GET', `/households/${h.householdId}/export`, { token: lotte });
    expect(exported.body.journal).toMatchObject([
      { id: entry.body.id, text: 'Brief aangetekend verstuurd.', restricted: true, corrections: [{ previousText: 'Brief verstuurd.' }] },
    ]);
  });
});

describe('the timeline', () => {
  it('tells the household’s story newest first: journal entries and every recorded event, in Dutch words', async () => {
    const h = await household();
    await api.call('GET', '/teams', { token: kees });
    await api.call('POST', `/intakes/${h.intakeId}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
    });
    await api.call('PUT', `/households/${h.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    const long = `Eerste gesprek aan de keukentafel. ${'Er is veel te bespreken. '.repeat(12)}`;
    await write(kees, h.householdId, { kind: 'conversation', text: long });
    const timeline = await api.call('GET', `/households/${h.householdId}/timeline`, { token: anna });
    expect(timeline.status).toBe(200);
    const items = timeline.body.items as { at: string; kind: string; event?: string; summary: string; by?: { name: string } }[];
    expect(items.map((i) => i.event ?? i.kind)).toEqual(['journal', 'regisseur_appointed', 'intake_triaged', 'intake_registered']);
    expect(items[0]).toMatchObject({ summary: long.slice(0, 200), by: { name: 'Kees Bakker' } });
    expect(items[1]).toMatchObject({ summary: 'Regisseur aangesteld', by: { name: 'Lotte Smit' } });
    expect(items[3]).toMatchObject({
      summary: 'Aanmelding geregistreerd',
      by: { name: 'Anna de Vries' },
      ref: { type: 'intake', id: h.intakeId },
    });
    // Reads are not events.
    expect(items.some((i) => /gelezen|read/i.test(i.summary))).toBe(false);
    const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
    expect(items).toEqual(sorted);
    const first = await api.call('GET', `/households/${h.householdId}/timeline?limit=3`, { token: anna });
    const rest = await api.call('GET', `/households/${h.householdId}/timeline?limit=3&cursor=${first.body.nextCursor}`, { token: anna });
    expect([...first.body.items, ...rest.body.items]).toEqual(items);
    expect((await api.call('GET', `/households/${h.householdId}/timeline?cursor=bm9wZQ`, { token: anna })).status).toBe(400);
    // A cursor made up from a real one: another place in the index than an item's is refused, never a failed Query.
    const real = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString()) as { after: Record<string, string> };
    for (const gsi2sk of ['', 'x', '9999']) {
      const forged = Buffer.from(JSON.stringify({ after: { ...real.after, gsi2sk } })).toString('base64url');
      expect((await api.call('GET', `/households/${h.householdId}/timeline?cursor=${forged}`, { token: anna })).status, gsi2sk).toBe(400);
    }
  });
});
