import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdKey } from '#shared/db/keys.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * `GET /brp/residents` (../shared/spec/v1.2.md "BRP look-up through Haal Centraal", issue 31)
 * over HTTP, through the brp function and the Haal Centraal adapter, against local mode's BRP
 * stand-in: the people at an address with their role by age, each look-up logged under the found
 * people's keyed BSN hashes; bad input 400; the BRP stopped, 503 `brp_unavailable`, while an
 * intake by hand still registers.
 */
let api: TestApi;
let intaker: string;

const ADDRESS = { postcode: '7523 BX', houseNumber: '30' };
const adultBirth = '1979-02-14';
// A child: under 18 today, whatever day the test runs.
const childBirth = new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  intaker = await api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'], name: 'Anna' });
  api.stack.brp.add(ADDRESS, [
    { bsn: '999991437', voornamen: 'Samira', geslachtsnaam: 'Haddou', geboortedatum: adultBirth },
    { bsn: '999991449', voornamen: 'Yara', geslachtsnaam: 'Haddou', geboortedatum: childBirth },
  ]);
});
afterAll(() => api.stack.stop());

const lookUp = (query: string, token = intaker) => api.call('GET', `/brp/residents?${query}`, { token });

describe('GET /brp/residents', () => {
  it('gives the people at the address by name, birth date, BSN and role, and logs the look-up about each of them', async () => {
    const reply = await lookUp('postcode=7523BX&houseNumber=30');
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([
      { name: 'Samira Haddou', birthDate: adultBirth, bsn: '999991437', role: 'adult' },
      { name: 'Yara Haddou', birthDate: childBirth, bsn: '999991449', role: 'child' },
    ]);
    // The request the BRP got: the register's activity and who asked.
    expect(api.stack.brp.requests.at(-1)?.headers).toMatchObject({ 'x-doelbinding': 'brp-lookup', 'x-gebruiker': 'anna' });
    expect((await lookUp('postcode=7523BX&houseNumber=31')).body.items).toEqual([]);

    // Registered, the household's members carry the keyed hashes the look-up's lines are kept under.
    const intake = await api.call('POST', '/intakes', {
      token: intaker,
      body: {
        teamId: 'velve-lindenhof',
        channel: 'walk_in',
        urgency: 'normal',
        question: 'Huurachterstand',
        domains: ['housing'],
        household: {
          address: { postcode: '7523BX', houseNumber: '30' },
          members: reply.body.items.map((p: { name: string; birthDate: string; bsn: string; role: string }) => p),
        },
      },
    });
    expect(intake.status).toBe(201);
    const stored = await api.stack.db.send(new GetCommand({ TableName: api.stack.tableName, Key: householdKey(intake.body.householdId) }));
    const hashes = ((stored.Item?.members ?? []) as { bsnHash: string }[]).map((m) => m.bsnHash);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) {
      const lines = await api.stack.db.send(
        new QueryCommand({
          TableName: api.stack.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `LOG#PERSON#${hash}` },
        }),
      );
      expect(lines.Items).toEqual([
        expect.objectContaining({
          action: 'read',
          resource: '/brp/residents',
          processingActivityId: 'brp-lookup',
          dataSubjects: [hash],
          actor: 'anna',
        }),
      ]);
      expect(JSON.stringify(lines.Items)).not.toMatch(/99999143|Haddou|7523/);
    }

    // A note about the child only: a line of the household's log that is not Samira's, which her pages pass over.
    const coach = await api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    await api.call('GET', '/teams', { token: coach });
    const dossier = await api.call('GET', `/households/${intake.body.householdId}`, { token: coach });
    const yara = dossier.body.members.find((m: { name: string }) => m.name === 'Yara Haddou')?.id;
    for (let i = 0; i < 3; i++)
      expect(
        (
          await api.call('POST', `/households/${intake.body.householdId}/journal`, {
            token: coach,
            body: { kind: 'note', text: `Over Yara ${i}`, about: [yara] },
          })
        ).status,
      ).toBe(201);
    // Samira, now a member, sees the look-up in her own processing log: by organisation and role, as every line.
    const samira = await api.stack.idp.signResident('999991437');
    const all = await api.call('GET', '/me/processing-log?limit=100', { token: samira });
    expect(all.status).toBe(200);
    const looked = all.body.items.filter((line: { activity: { id: string } | null }) => line.activity?.id === 'brp-lookup');
    expect(looked).toEqual([
      expect.objectContaining({ action: 'read', role: 'intaker', organisation: expect.stringContaining('Gemeente') }),
    ]);
    // Page by page, the two sources make the same list, once each, newest first.
    const paged: { at: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const reply: { body: { items: { at: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/me/processing-log?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: samira },
      );
      paged.push(...reply.body.items);
      cursor = reply.body.nextCursor;
      if (!cursor) break;
    }
    // The walk ends, and no line comes twice (a page of only others' lines moves on).
    expect(cursor).toBeNull();
    expect(new Set(paged.map((line) => JSON.stringify(line))).size).toBe(paged.length);
    const ats = paged.map((line) => line.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    // The full read above and each page's read are lines of their own now: the paged walk holds at least what the full read did.
    expect(paged.filter((line) => (line as { activity?: { id: string } }).activity?.id === 'brp-lookup')).toHaveLength(1);
    expect(paged.length).toBeGreaterThanOrEqual(all.body.items.length);
  });

  it('refuses bad input with 400 and roles outside the teams with 403, asking the BRP nothing', async () => {
    const asked = api.stack.brp.requests.length;
    for (const query of [
      'postcode=0523BX&houseNumber=30',
      'postcode=7523BX&houseNumber=abc',
      'postcode=7523BX',
      'houseNumber=30',
      'postcode=7523BX&houseNumber=30&houseNumberAddition=%3Cscript%3E',
    ])
      expect((await lookUp(query)).status, query).toBe(400);
    const bad = await lookUp('postcode=%3Cb%3E&houseNumber=30');
    expect(JSON.stringify(bad.body)).not.toContain('<b>');
    const beheerder = await api.token({ sub: 'bea', roles: ['beheerder'], teams: [] });
    expect((await lookUp('postcode=7523BX&houseNumber=30', beheerder)).status).toBe(403);
    expect(api.stack.brp.requests.length).toBe(asked);
  });

  it('answers 503 brp_unavailable when the BRP is down, and an intake by hand still registers', async () => {
    await api.stack.brp.stop();
    const reply = await lookUp('postcode=7523BX&houseNumber=30');
    expect(reply.status).toBe(503);
    expect(reply.body.type).toBe('https://wijkteams.nl/problems/brp-unavailable');
    expect(JSON.stringify(reply.body)).not.toMatch(/Haddou|9999914|127\.0\.0\.1/);
    const byHand = await api.call('POST', '/intakes', {
      token: intaker,
      body: {
        teamId: 'velve-lindenhof',
        channel: 'phone',
        urgency: 'normal',
        question: 'Vraag',
        domains: ['finances'],
        household: {
          address: { postcode: '7523BY', houseNumber: '2' },
          members: [{ name: 'Piet Hand', birthDate: '1960-01-01', role: 'adult' }],
        },
      },
    });
    expect(byHand.status).toBe(201);
  });
});
