import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BatchGetCommand, BatchWriteCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { documentClient } from '#shared/db/client.ts';
import { assessmentKey, householdKey, householdPartition, intakeKey, processingLogKey } from '#shared/db/keys.ts';
import { householdItem } from '#shared/db/records/household.ts';
import { nameEntryItem } from '#shared/db/records/name-entry.ts';
import { taskItem } from '#shared/db/records/task.ts';
import type { Household } from '#shared/domain/household.ts';
import type { Task } from '#shared/domain/tasks.ts';
import { newId } from '#shared/ids.ts';
import { launchChromium } from '../infra/local/chromium.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../infra/local/dynamodb.ts';
import { localIdp } from '../infra/local/idp.ts';
import { startLocalStack } from '../infra/local/server.ts';
import { PROJECT_ROOT } from '../infra/project-root.ts';
import { ensureWebBuild, WEB_DIST } from '../infra/web-assets.ts';
import { measureColdStart } from './cold-start.ts';
import { measureJournal } from './journal.ts';
import { measureLocalStart } from './local-start.ts';
import { apiEvent, meterClient, percentile, round, time } from './measure.ts';
import { measureNotifications } from './notifications.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const QUICK = process.env.BENCH_QUICK === '1';
const results: Record<string, unknown> = { machine: { node: process.version, cpus: 2 }, at: new Date().toISOString(), quick: QUICK };
const log = (line = '') => process.stdout.write(`${line}\n`);
const table = (rows: Record<string, unknown>[]) => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const width = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i] ?? 0)).join(' | ')} |`;
  log(line(columns));
  log(`| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) log(line(columns.map((c) => String(row[c] ?? ''))));
  log();
};

const TABLE = 'bench';
// Cold start is measured before DynamoDB Local and the local stack start: a Lambda instance's
// init shares its CPU with no Java engine, and on two cores the engine's threads moved every
// ratio by up to 0.1 between runs.
const cold = await measureColdStart({ runs: QUICK ? 3 : 15, tableName: TABLE });
const dynamo = await startDynamoDbLocal();
const idp = await localIdp(null);
const stack = await startLocalStack({
  port: 0,
  dataDir: ':memory:',
  dynamoEndpoint: dynamo.endpoint,
  tableName: TABLE,
  idp,
  logLevel: 'SILENT',
  flow: { retryIntervalMs: 0 },
}).catch(async (error) => {
  await dynamo.stop();
  throw error;
});
const bare = documentClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

try {
  const leader = await idp.sign({ sub: 'lotte', roles: ['teamleider', 'wijkcoach', 'intaker'], teams: ['velve-lindenhof'] });
  const dora = await idp.sign({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] });
  const admin = await idp.sign({ sub: 'bea', roles: ['beheerder'] });
  const menzis = await idp.signPartner('menzis');
  const call = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${stack.url}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') ?? '' };
  };
  let houseNumber = 1;
  const intakeBody = (bsn?: string) => ({
    teamId: 'velve-lindenhof',
    channel: 'walk_in',
    urgency: 'normal',
    question: 'Ik heb schulden en de huur is te hoog.',
    domains: ['finances', 'housing'],
    household: {
      address: { postcode: '7544AB', houseNumber: String(houseNumber++) },
      members: [{ name: 'Jan Jansen', birthDate: '1984-03-02', role: 'adult', ...(bsn ? { bsn } : {}) }],
    },
  });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const plan = { goals: [{ domain: 'finances', description: 'Schulden in beeld', actions: [] }], evaluationDate: tomorrow };

  // ── 1. DynamoDB requests and consumed capacity per route ─────────────────────────────────
  const meters = [...stack.functionClients].filter(([name]) => name !== 'flow').map(([, client]) => meterClient(client));
  // Sign in once per function (roster writes) so that they do not count below.
  for (const path of [
    '/teams',
    '/intakes/x',
    '/households',
    '/households/x/plan',
    '/escalations/x',
    '/households/x/export',
    '/stats',
    '/households/search?name=xx',
    '/me/tasks',
    '/break-glass?teamId=velve-lindenhof',
    '/households/x/consents',
    '/households/x/journal',
  ]) {
    await call('GET', path, leader);
  }
  await call('GET', '/stats', admin);
  await call('GET', '/precedents/figures?year=2026', admin);
  const waitFor = async (escalationId: string, predicate: (e: { awaiting?: string; status: string }) => boolean) => {
    for (let i = 0; i < 500; i++) {
      if (predicate((await call('GET', `/escalations/${escalationId}`, dora)).body)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const routeRows: Record<string, unknown>[] = [];
  const capacityByRoute: Record<string, { requests: number; readUnits: number; writeUnits: number }> = {};
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads ids from answers the tests validate against the document
  const step = async (label: string, minimum: number, why: string, run: () => Promise<{ status: number; body: any }>) => {
    for (const meter of meters) meter.reset();
    const reply = await run();
    const used = meters.map((m) => m.read());
    const requests = used.flatMap((u) => u.requests);
    const readUnits = round(used.reduce((sum, u) => sum + u.readUnits, 0));
    const writeUnits = round(used.reduce((sum, u) => sum + u.writeUnits, 0));
    capacityByRoute[label] = { requests: requests.length, readUnits, writeUnits };
    routeRows.push({
      route: label,
      status: reply.status,
      requests: requests.length,
      minimum,
      calls: requests.join(' + '),
      RCU: readUnits,
      WCU: writeUnits,
      'why the minimum': why,
    });
    return reply.body;
  };
  const created = await step('POST /intakes (new household)', 2, 'look-ups must be read before one transaction', () =>
    call('POST', '/intakes', leader, intakeBody('111222333')),
  );
  await step('POST /intakes (existing household)', 2, 'look-ups + one transaction; +1 GetItem to merge members', () =>
    call('POST', '/intakes', leader, {
      ...intakeBody('111222333'),
      household: { ...intakeBody('111222333').household, address: { postcode: '7544AB', houseNumber: '1' } },
    }),
  );
  const retried = intakeBody();
  await step('POST /intakes + Idempotency-Key', 4, 'as new + in-progress and completed records', () =>
    call('POST', '/intakes', leader, retried, { 'idempotency-key': 'bench-1' }),
  );
  await step('POST /intakes, a replay', 1, 'one conditional write returns the stored answer', () =>
    call('POST', '/intakes', leader, retried, { 'idempotency-key': 'bench-1' }),
  );
  await step('GET /intakes/{id}', 2, 'one read + its processing-log line (rule 9)', () => call('GET', `/intakes/${created.id}`, leader));
  const householdId = created.householdId as string;
  await step('GET /households', 2, 'one Query per team + log lines of what is shown', () => call('GET', '/households?limit=25', leader));
  await step('GET /households/{id} (dossier)', 2, 'one Query + its log line', () => call('GET', `/households/${householdId}`, leader));
  await step('PUT /households/{id}/regisseur', 2, 'household and roster in one read + one transaction', () =>
    call('PUT', `/households/${householdId}/regisseur`, leader, { userId: 'lotte' }),
  );
  await step('POST /households/{id}/assessments', 2, 'read to check + one transaction', () =>
    call('POST', `/households/${householdId}/assessments`, leader, { scores: { finances: 2, housing: 3 } }),
  );
  await step('GET /households/{id}/assessments', 3, 'household and page side by side + log line', () =>
    call('GET', `/households/${householdId}/assessments`, leader),
  );
  await step('POST /households/{id}/plan', 2, 'household and plan in one read + one transaction', () =>
    call('POST', `/households/${householdId}/plan`, leader, plan),
  );
  await step('GET /households/{id}/plan', 2, 'one read + log line', () => call('GET', `/households/${householdId}/plan`, leader));
  await step('PUT /households/{id}/plan', 2, 'one read + one conditional transaction', () =>
    call('PUT', `/households/${householdId}/plan`, leader, plan, { 'if-match': '"1"' }),
  );
  await step('POST /households/{id}/plan/agreement', 2, 'one read + one transaction', () =>
    call('POST', `/households/${householdId}/plan/agreement`, leader, { agreedBy: 'Jan Jansen' }),
  );
  await step('GET /households/{id}/plan/versions', 3, 'plan id first, then the versions + log line', () =>
    call('GET', `/households/${householdId}/plan/versions`, leader),
  );
  const escalation = await step('POST /households/{id}/escalations', 2, 'household and plan in one read + one transaction', () =>
    call('POST', `/households/${householdId}/escalations`, leader, {
      blockage: 'b',
      organisations: ['Menzis'],
      proposal: 'p',
      urgency: 'normal',
    }),
  );
  await waitFor(escalation.id, (e) => e.awaiting === 'decision');
  await step('GET /escalations/{id}', 2, 'one read + log line', () => call('GET', `/escalations/${escalation.id}`, dora));
  await step('GET /escalations', 2, 'one Query + log lines', () => call('GET', '/escalations', dora));
  await step('POST /escalations/{id}/decision', 2, 'one read + the token claimed in one transaction', () =>
    call('POST', `/escalations/${escalation.id}/decision`, dora, { decision: 'reject', motivation: 'Past binnen de regels.' }),
  );
  await waitFor(escalation.id, (e) => e.status === 'rejected');

  // Doorbraak precedents: one partition, read whole and filtered in the function.
  await step('POST /escalations/{id}/precedent', 2, 'household, plan and escalation in one read + one transaction', () =>
    call('POST', `/escalations/${escalation.id}/precedent`, dora, {
      summary: 'Verrekening blokkeerde de schuldhulp.',
      blockingRule: 'Verrekening van premieschuld',
      organisations: ['Menzis'],
      domains: ['finances'],
      solution: 'Bevriezen.',
    }),
  );
  await step('GET /precedents', 1, 'the precedents partition, filtered in the function', () =>
    call('GET', '/precedents?q=verrekening', dora),
  );
  await step('GET /precedents/figures', 1, 'the same partition, counted in the function', () =>
    call('GET', `/precedents/figures?year=${new Date().getUTCFullYear()}`, admin),
  );

  // Daily work (api.md 1.1): search, corrections, the work list.
  await step('GET /households/search?bsn=', 3, 'the look-up, then its household (it names it), + log line', () =>
    call('GET', '/households/search?bsn=111222333', leader),
  );
  await step('GET /households/search?postcode=&houseNumber=', 3, 'the look-up, then its household, + log line', () =>
    call('GET', '/households/search?postcode=7544AB&houseNumber=1', leader),
  );
  await step('GET /households/search?name=', 5, 'one Query per name index (3) per team, side by side + the households + log line', () =>
    call('GET', '/households/search?name=jans', leader),
  );
  await step(
    'PUT /households/{id}/address',
    4,
    "dossier and new look-up side by side + one transaction, the regisseur's roster entry beside it",
    () => call('PUT', `/households/${householdId}/address`, leader, { postcode: '7545AB', houseNumber: '1' }),
  );
  const newborn = await step('POST /households/{id}/members', 2, 'household and BSN look-up in one read + one transaction', () =>
    call('POST', `/households/${householdId}/members`, leader, { name: 'Baby Jansen', birthDate: '2026-10-01', role: 'child' }),
  );
  await step('PUT /households/{id}/members/{memberId}', 2, 'household and BSN look-up in one read + one transaction', () =>
    call('PUT', `/households/${householdId}/members/${newborn.id}`, leader, {
      name: 'Baby Jansen-Smit',
      birthDate: '2026-10-01',
      role: 'child',
    }),
  );
  await step('DELETE /households/{id}/members/{memberId}', 2, 'one read + one transaction', () =>
    call('DELETE', `/households/${householdId}/members/${newborn.id}`, leader, { reason: 'Verhuisd' }),
  );
  await step(
    'GET /me/tasks',
    5,
    "one Query per assignee (self, team, the team's leaders), side by side + the page's households (names) + log lines",
    () => call('GET', '/me/tasks', leader),
  );
  await step('GET /teams/{id}/tasks', 3, "one Query + the page's households (names) + log lines", () =>
    call('GET', '/teams/velve-lindenhof/tasks', leader),
  );
  const agreed = await call('GET', `/households/${householdId}/plan`, leader);
  const withAction = {
    goals: [
      {
        domain: 'finances',
        description: 'Schulden in beeld',
        actions: [{ description: 'Bel', ownerId: 'lotte', organisation: 'o', dueDate: tomorrow }],
      },
    ],
    evaluationDate: tomorrow,
  };
  const revised = await call('PUT', `/households/${householdId}/plan`, leader, withAction, { 'if-match': `"${agreed.body.version}"` });
  await step('POST /households/{id}/plan/actions/{actionId}/completion', 2, 'one read + one conditional transaction', () =>
    call('POST', `/households/${householdId}/plan/actions/${revised.body.goals[0].actions[0].id}/completion`, leader),
  );
  await step('GET /stats', 1, 'one BatchGetItem of counters', () => call('GET', '/stats', admin));
  const signalBody = (reference: string, houseNumber: string) => ({
    reference,
    kind: 'rent_arrears',
    arrears: { amount: 812.4, currency: 'EUR' },
    since: '2026-08-01',
    address: { postcode: '7546EF', houseNumber },
    person: { name: 'Sanne Mulder', birthDate: '1991-06-14' },
  });
  const signal = await step(
    'POST /signals',
    3,
    "reference, look-ups and outreach in one read + the team's roster (whom to notify) + one transaction",
    () => call('POST', '/signals', menzis, signalBody('bench-1', '8')),
  );
  await step('POST /signals, a retry', 1, 'the reference names the first answer', () =>
    call('POST', '/signals', menzis, signalBody('bench-1', '8')),
  );
  await step('GET /signals/{id} (partner)', 1, 'one read', () => call('GET', `/signals/${signal.id}`, menzis));
  await call('GET', `/signals/${signal.id}`, leader);
  await step('GET /signals/{id} (team)', 2, 'one read + log line', () => call('GET', `/signals/${signal.id}`, leader));
  await step('GET /signals?teamId=', 3, 'one Query per open status, side by side + log lines', () =>
    call('GET', '/signals?teamId=velve-lindenhof', leader),
  );
  await step('POST /signals/{id}/contact-attempts', 2, 'one read + one conditional transaction', () =>
    call('POST', `/signals/${signal.id}/contact-attempts`, leader, { channel: 'visit', reached: true, at: new Date().toISOString() }),
  );
  await step('POST /signals/{id}/outcome (help accepted)', 3, 'signal, then the look-ups + one transaction with the intake', () =>
    call('POST', `/signals/${signal.id}/outcome`, leader, { outcome: 'help_accepted' }),
  );
  await step('GET /households/{id}/processing-log', 2, 'household and page side by side', () =>
    call('GET', `/households/${householdId}/processing-log`, leader),
  );
  await step(
    'GET /households/{id}/export',
    5,
    "four partitions side by side (the household's, its plan versions, journal and log) + log line",
    () => call('GET', `/households/${householdId}/export`, leader),
  );
  await call('POST', `/households/${householdId}/plan/close`, leader, { outcome: 'klaar' });
  // v1.2: the network's consents and disclosures, and the notifications poll.
  const dossierNow = await call('GET', `/households/${householdId}`, leader);
  const memberId = dossierNow.body.members[0].id as string;
  const party = await call('POST', `/households/${householdId}/involved`, leader, {
    kind: 'professional',
    name: 'Sanne Veldkamp',
    organisation: 'Schuldhulpverlening Enschede',
  });
  const consent = await step('POST /households/{id}/consents', 2, 'household + one transaction', () =>
    call('POST', `/households/${householdId}/consents`, leader, {
      memberId,
      organisation: 'Schuldhulpverlening Enschede',
      purpose: 'Schuldhulpverlening',
      dataKinds: ['plan', 'members'],
      form: 'written',
      givenAt: '2026-01-05',
    }),
  );
  await step('GET /households/{id}/consents', 3, 'household and page side by side + log line', () =>
    call('GET', `/households/${householdId}/consents`, leader),
  );
  await step('POST /households/{id}/disclosures', 2, "the household's partition in one Query + one conditional transaction", () =>
    call('POST', `/households/${householdId}/disclosures`, leader, {
      involvedId: party.body.id,
      dataKinds: ['members'],
      memberIds: [memberId],
      basis: { consentIds: [consent.id] },
    }),
  );
  await step('GET /me/notifications', 2, 'the state + one Query', () => call('GET', '/me/notifications', leader));
  const { etag } = await call('GET', '/me/notifications', leader);
  await step('GET /me/notifications (304)', 1, 'the state alone: nothing changed', () =>
    call('GET', '/me/notifications', leader, undefined, { 'if-none-match': etag }),
  );
  // v1.2 break-glass: the interventieteam opens the household by its member's BSN, reads it, and the team leader reviews.
  const glass = await idp.sign({ sub: 'ivo', roles: ['wijkcoach'], teams: ['interventieteam'] });
  const reason = 'Acute crisis: de politie meldt dakloosheid vannacht';
  await call('POST', '/break-glass', glass, { bsn: '123456782', reason });
  const grant = await step('POST /break-glass', 5, 'look-up and reach side by side, household, its roster, one transaction', () =>
    call('POST', '/break-glass', glass, { bsn: '111222333', reason }),
  );
  await call('GET', `/households/${householdId}`, glass);
  await step('GET /households/{id} (under a grant)', 4, "the holder's reach, the dossier, the regisseur's roster entry + log line", () =>
    call('GET', `/households/${householdId}`, glass),
  );
  await step('POST /break-glass/{id}/review', 2, 'grant and household + one conditional transaction', () =>
    call('POST', `/break-glass/${grant.id}/review`, leader, { verdict: 'justified', note: 'Acuut' }),
  );
  await step('GET /break-glass?teamId=', 2, 'the page + log lines (one per household listed)', () =>
    call('GET', '/break-glass?teamId=velve-lindenhof', leader),
  );
  // v1.2 the journal and the timeline.
  const entry = await step('POST /households/{id}/journal', 2, 'household and its escalations in one Query + one transaction', () =>
    call('POST', `/households/${householdId}/journal`, leader, { kind: 'home_visit', text: 'Huisbezoek: de post ligt open op tafel.' }),
  );
  await step('POST /households/{id}/journal/{entryId}/corrections', 3, 'reach ‖ the entry, then one transaction over it', () =>
    call('POST', `/households/${householdId}/journal/${entry.id}/corrections`, leader, {
      text: 'Huisbezoek: de post ligt ongeopend op tafel.',
      reason: 'Verkeerd opgeschreven',
    }),
  );
  await step('GET /households/{id}/journal', 3, 'reach ‖ the page, then its log line', () =>
    call('GET', `/households/${householdId}/journal`, leader),
  );
  await step('GET /households/{id}/timeline', 4, "reach ‖ the index page, then the team's roster (names) ‖ log line", () =>
    call('GET', `/households/${householdId}/timeline`, leader),
  );
  // v1.2 the network: an involved party changed and ended, a consent withdrawn, the disclosures listed.
  const sanne = await step('POST /households/{id}/involved', 2, 'household + one transaction', () =>
    call('POST', `/households/${householdId}/involved`, leader, { kind: 'professional', name: 'Ria Smit', organisation: 'Stadsbank Oost' }),
  );
  await step('PUT /households/{id}/involved/{involvedId}', 2, 'household and party in one read + one conditional transaction', () =>
    call('PUT', `/households/${householdId}/involved/${sanne.id}`, leader, {
      kind: 'professional',
      name: 'Ria Smit',
      organisation: 'Stadsbank Oost',
      role: 'Schuldhulpverlener',
    }),
  );
  await step('POST /households/{id}/involved/{involvedId}/end', 2, 'household and party in one read + one conditional transaction', () =>
    call('POST', `/households/${householdId}/involved/${sanne.id}/end`, leader, { reason: 'Traject klaar' }),
  );
  await step('GET /households/{id}/disclosures', 3, 'household ‖ the page + log line', () =>
    call('GET', `/households/${householdId}/disclosures`, leader),
  );
  await step('POST /households/{id}/consents/{consentId}/withdrawal', 3, 'household ‖ consent + one conditional transaction', () =>
    call('POST', `/households/${householdId}/consents/${consent.id}/withdrawal`, leader, { reason: 'Wil het zelf regelen' }),
  );
  await step('POST /me/notifications/read', 2, 'the unread in one Query + one transaction', () =>
    call('POST', '/me/notifications/read', leader, { all: true }),
  );
  // v1.2 the team's roster by name.
  await step('GET /teams/{id}/members', 1, 'one Query', () => call('GET', '/teams/velve-lindenhof/members', leader));
  await call('GET', '/teams', await idp.sign({ sub: 'oud', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }));
  await step('DELETE /teams/{id}/members/{userId}', 1, "one transaction: the entry and the person's roster record", () =>
    call('DELETE', '/teams/velve-lindenhof/members/oud', leader),
  );
  // v1.2 the BRP (Haal Centraal, its stand-in): the look-up writes one log line per person found.
  stack.brp.add({ postcode: '7511AB', houseNumber: '99' }, [
    { bsn: '999990019', voornamen: 'Noor', geslachtsnaam: 'Benchwijk', geboortedatum: '1985-04-12' },
    { bsn: '999990020', voornamen: 'Daan', geslachtsnaam: 'Benchwijk', geboortedatum: '2015-09-01' },
  ]);
  await call('GET', '/brp/residents?postcode=7511AB&houseNumber=98', leader);
  await step('GET /brp/residents', 1, "the BRP's answer, then one BatchWriteItem of the people's log lines", () =>
    call('GET', '/brp/residents?postcode=7511AB&houseNumber=99', leader),
  );
  // v1.2 the resident's own view: a household with a draft plan, its adult signed in with DigiD.
  const residentHousehold = (await call('POST', '/intakes', leader, intakeBody('999990032'))).body.householdId as string;
  await call('PUT', `/households/${residentHousehold}/regisseur`, leader, { userId: 'lotte' });
  const residentPlan = await call('POST', `/households/${residentHousehold}/plan`, leader, plan);
  if (residentPlan.status !== 201) throw new Error(`the resident's plan was not written: ${residentPlan.status}`);
  const residentConsent = await call('POST', `/households/${residentHousehold}/consents`, leader, {
    memberId: (await call('GET', `/households/${residentHousehold}`, leader)).body.members[0].id,
    organisation: 'Schuldhulpverlening Enschede',
    purpose: 'Schuldhulpverlening',
    dataKinds: ['plan'],
    form: 'written',
    givenAt: '2026-01-05',
  });
  const resident = await idp.signResident('999990032');
  await call('GET', '/me/household', resident);
  await step(
    'GET /me/household',
    4,
    "the BSN's look-up, then the household's partition, then its log line ‖ the roster (the regisseur's name)",
    () => call('GET', '/me/household', resident),
  );
  await step('POST /me/household/messages', 3, 'look-up, partition, then one transaction (entry, log line, notification)', () =>
    call('POST', '/me/household/messages', resident, { text: 'Ik heb de brief van de woningcorporatie.' }),
  );
  await step('POST /me/household/plan/agreement', 3, 'look-up, partition, then one transaction (new version, tasks, log line)', () =>
    call('POST', '/me/household/plan/agreement', resident, { version: 1 }),
  );
  await step('POST /me/consents/{consentId}/withdrawal', 3, 'look-up, partition, then one conditional transaction', () =>
    call('POST', `/me/consents/${residentConsent.body.id}/withdrawal`, resident, {}),
  );
  await step('GET /me/processing-log', 5, "look-up, partition, then the household's log ‖ the person's own + log line", () =>
    call('GET', '/me/processing-log', resident),
  );
  await step(
    'POST /households/{id}/close',
    5,
    'read + the keys of its records in three partitions (household, plan versions, journal) + one transaction',
    () => call('POST', `/households/${householdId}/close`, leader, { reason: 'Afgerond' }),
  );
  log('## DynamoDB requests and consumed capacity per route');
  table(routeRows);
  results.routes = routeRows;

  // ── 2. Handler overhead against the bare DynamoDB calls, interleaved ─────────────────────
  const N = QUICK ? 60 : 300;
  const claims = { sub: 'lotte', 'cognito:groups': '[teamleider wijkcoach intaker]', 'custom:teams': 'velve-lindenhof' };
  const fresh = await call('POST', '/intakes', leader, intakeBody());
  const ids = { householdId: fresh.body.householdId as string, intakeId: fresh.body.id as string };
  const handlers = stack.functionHandlers;
  const invoke = (fn: string, event: ReturnType<typeof apiEvent>) => {
    const handler = handlers.get(fn);
    if (!handler) throw new Error(`no ${fn}`);
    return handler(event, stack.lambdaContext(fn));
  };
  const logLine = () => {
    const at = new Date().toISOString();
    const id = newId();
    return {
      ...processingLogKey(ids.householdId, at, id),
      type: 'processing-log',
      id,
      householdId: ids.householdId,
      at,
      actor: 'lotte',
      roles: ['teamleider'],
      action: 'read',
      resource: '/x',
      purpose: 'p',
      traceId: 't',
    };
  };
  const overheadCases = [
    {
      route: 'GET /intakes/{id}',
      handler: () =>
        invoke(
          'intakes',
          apiEvent('GET /v1/intakes/{id}', { path: `/v1/intakes/${fresh.body.id}`, pathParameters: { id: fresh.body.id }, claims }),
        ),
      bareCalls: 'BatchGetItem + PutItem',
      bare: async () => {
        await bare.send(
          new BatchGetCommand({
            RequestItems: {
              [TABLE]: { Keys: [intakeKey(ids.householdId, ids.intakeId), householdKey(ids.householdId)], ConsistentRead: true },
            },
          }),
        );
        await bare.send(new PutCommand({ TableName: TABLE, Item: logLine() }));
      },
    },
    {
      route: 'GET /households/{id}',
      handler: () =>
        invoke(
          'households',
          apiEvent('GET /v1/households/{id}', {
            path: `/v1/households/${ids.householdId}`,
            pathParameters: { id: ids.householdId },
            claims,
          }),
        ),
      bareCalls: 'Query + PutItem',
      bare: async () => {
        await bare.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': householdPartition(ids.householdId) },
          }),
        );
        await bare.send(new PutCommand({ TableName: TABLE, Item: logLine() }));
      },
    },
    {
      route: 'POST /households/{id}/assessments',
      handler: () =>
        invoke(
          'households',
          apiEvent('POST /v1/households/{id}/assessments', {
            path: `/v1/households/${ids.householdId}/assessments`,
            pathParameters: { id: ids.householdId },
            claims,
            body: { scores: { finances: 3 } },
          }),
        ),
      bareCalls: 'GetItem + TransactWriteItems(3)',
      bare: async () => {
        await bare.send(
          new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [householdKey(ids.householdId)], ConsistentRead: true } } }),
        );
        const at = new Date().toISOString();
        const id = newId();
        await bare.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: TABLE,
                  Item: { ...assessmentKey(ids.householdId, at, id), type: 'assessment', id, scores: { finances: 3 } },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: TABLE,
                  Key: householdKey(ids.householdId),
                  UpdateExpression: 'SET updatedAt = :now',
                  ConditionExpression: '#s = :open',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':now': at, ':open': 'open' },
                },
              },
              { Put: { TableName: TABLE, Item: logLine() } },
            ],
          }),
        );
      },
    },
  ];
  const overheadRows: Record<string, unknown>[] = [];
  for (const c of overheadCases) {
    for (let i = 0; i < 20; i++) {
      await c.handler();
      await c.bare();
    }
    const handlerTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < N; i++) {
      // Interleaved, the order alternating, so that drift in the engine touches both alike.
      if (i % 2 === 0) {
        handlerTimes.push(await time(c.handler));
        bareTimes.push(await time(c.bare));
      } else {
        bareTimes.push(await time(c.bare));
        handlerTimes.push(await time(c.handler));
      }
    }
    const h50 = percentile(handlerTimes, 50);
    const b50 = percentile(bareTimes, 50);
    const h99 = percentile(handlerTimes, 99);
    const b99 = percentile(bareTimes, 99);
    overheadRows.push({
      route: c.route,
      'bare calls': c.bareCalls,
      'handler p50 ms': round(h50),
      'bare p50 ms': round(b50),
      'ratio p50': round(h50 / b50),
      'handler p99 ms': round(h99),
      'bare p99 ms': round(b99),
      'ratio p99': round(h99 / b99),
      target: '≤ 1.3',
    });
  }
  log(`## Handler overhead: warm in-process handler against its bare DynamoDB calls (n=${N}, interleaved)`);
  table(overheadRows);
  results.handlerOverhead = overheadRows;

  // ── 3. Cold start: measured first, before the engine starts (below) ──────────────────────
  log(cold.title);
  table(cold.rows);
  results.coldStart = cold.rows;

  // ── 4. Scale: the caseload page and the dossier at 1,000 and at 100,000 households ─────
  const target = await call('POST', '/intakes', leader, { ...intakeBody(), teamId: 'velve-lindenhof' });
  const scaleTeam = 'wesselerbrink';
  const scaleLeader = await idp.sign({ sub: 'wim', roles: ['teamleider'], teams: [scaleTeam, 'velve-lindenhof'] });
  // Each seeded household as registration leaves it: the household, its member's name entry, and a triage task for the team.
  const GIVEN = ['Jan', 'Piet', 'Fatima', 'Mohamed', 'Anna', 'Sanne', 'Kees', 'Daan', 'Emma', 'Noah', 'Lotte', 'Bram'];
  const SURNAMES = [
    'de Jong',
    'Jansen',
    'de Vries',
    'van den Berg',
    'Bakker',
    'Visser',
    'Smit',
    'Meijer',
    'Mulder',
    'Bos',
    'Vos',
    'Peters',
  ];
  let seeded = 0;
  const seed = async (count: number) => {
    const started = Date.now();
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const n = seeded++;
      // Names repeat as in a city, with a number so that no two words are all alike: the searched name stays rare.
      const member = {
        id: newId(),
        name: `${GIVEN[n % GIVEN.length]} ${SURNAMES[Math.floor(n / GIVEN.length) % SURNAMES.length]}${n}`,
        birthDate: '1980-01-01',
        role: 'adult' as const,
      };
      const household: Household = {
        id: newId(),
        teamId: scaleTeam,
        status: 'open',
        address: { postcode: '7500AA', houseNumber: '1' },
        members: [member],
        needsPlan: false,
        ownedBsnHashes: [],
        addressHash: newId(),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const task: Task = {
        id: `triage.${newId()}.${scaleTeam}`,
        kind: 'triage',
        dueDate: today,
        householdId: household.id,
        teamId: scaleTeam,
        assignee: { team: scaleTeam },
        title: 'Triage the intake',
      };
      items.push(householdItem(household), nameEntryItem(scaleTeam, household.id, member), taskItem(task));
    }
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < batches.length) {
          const items = batches[next++] ?? [];
          let request: Record<string, unknown> | undefined = { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) };
          while (request && Object.keys(request).length > 0) {
            const answer = await bare.send(new BatchWriteCommand({ RequestItems: request as never }));
            request = answer.UnprocessedItems as Record<string, unknown> | undefined;
          }
        }
      }),
    );
    return (Date.now() - started) / 1000;
  };
  const scaleClaims = { sub: 'wim', 'cognito:groups': '[teamleider]', 'custom:teams': `${scaleTeam},velve-lindenhof` };
  const measureScale = async () => {
    const caseload = () =>
      invoke(
        'households',
        apiEvent('GET /v1/households', { path: '/v1/households', query: { teamId: scaleTeam, limit: '25' }, claims: scaleClaims }),
      );
    const dossier = () =>
      invoke(
        'households',
        apiEvent('GET /v1/households/{id}', {
          path: `/v1/households/${target.body.householdId}`,
          pathParameters: { id: target.body.householdId },
          claims: scaleClaims,
        }),
      );
    const byName = () =>
      invoke(
        'registry',
        apiEvent('GET /v1/households/search', { path: '/v1/households/search', query: { name: 'zoekdoel' }, claims: scaleClaims }),
      );
    const byBsn = () =>
      invoke(
        'registry',
        apiEvent('GET /v1/households/search', { path: '/v1/households/search', query: { bsn: '123456782' }, claims: scaleClaims }),
      );
    const teamTasks = () =>
      invoke(
        'worklist',
        apiEvent('GET /v1/teams/{id}/tasks', {
          path: `/v1/teams/${scaleTeam}/tasks`,
          pathParameters: { id: scaleTeam },
          query: { limit: '25' },
          claims: scaleClaims,
        }),
      );
    const myTasks = () =>
      invoke('worklist', apiEvent('GET /v1/me/tasks', { path: '/v1/me/tasks', query: { limit: '25' }, claims: scaleClaims }));
    const measured = { caseload, dossier, byName, byBsn, teamTasks, myTasks };
    for (let i = 0; i < 20; i++) for (const run of Object.values(measured)) await run();
    const n = QUICK ? 40 : 200;
    const samples = Object.fromEntries(Object.keys(measured).map((name) => [name, [] as number[]])) as Record<
      keyof typeof measured,
      number[]
    >;
    for (let i = 0; i < n; i++) {
      for (const [name, run] of Object.entries(measured) as [keyof typeof measured, () => Promise<unknown>][])
        samples[name].push(await time(run));
    }
    return Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, percentile(times, 50)])) as Record<
      keyof typeof measured,
      number
    >;
  };
  // The searched household: registered in the scale team as people do, with a BSN and a rare name.
  const searched = await call('POST', '/intakes', scaleLeader, {
    ...intakeBody('123456782'),
    teamId: scaleTeam,
    household: {
      address: { postcode: '7500AB', houseNumber: '9' },
      members: [{ name: 'Zoekdoel Wesseling', birthDate: '1979-09-09', bsn: '123456782', role: 'adult' }],
    },
  });
  if (searched.status !== 201) throw new Error(`the searched household was not registered: ${searched.status}`);
  void scaleLeader;
  const small = QUICK ? 1_000 : 1_000;
  const large = QUICK ? 10_000 : 100_000;
  const seededSmall = await seed(small);
  const atSmall = await measureScale();
  const seededLarge = await seed(large - small);
  const atLarge = await measureScale();
  const scaleRows = [
    {
      what: 'caseload page (25, GSI1 Query)',
      [`p50 ms at ${small}`]: round(atSmall.caseload),
      [`p50 ms at ${large}`]: round(atLarge.caseload),
      ratio: round(atLarge.caseload / atSmall.caseload),
      target: '≤ 1.2',
    },
    ...(
      [
        ['dossier (one Query)', 'dossier'],
        ['search by name (3 name-index Queries + BatchGet)', 'byName'],
        ['search by BSN (look-up + household)', 'byBsn'],
        ["team's tasks (25, GSI2 Query)", 'teamTasks'],
        ['my tasks (25, a GSI1 Query per assignee)', 'myTasks'],
      ] as const
    ).map(([what, key]) => ({
      what,
      [`p50 ms at ${small}`]: round(atSmall[key]),
      [`p50 ms at ${large}`]: round(atLarge[key]),
      ratio: round(atLarge[key] / atSmall[key]),
      target: '≤ 1.2',
    })),
  ];
  log(`## Scale: households in one team's caseload, ${small} against ${large} (seeded in ${round(seededSmall + seededLarge, 1)} s)`);
  table(scaleRows);
  results.scale = scaleRows;

  // ── 4b. The journal: a household with 20 entries against one with 2,000 ──────────────────
  const journal = await measureJournal({
    register: async () => (await call('POST', '/intakes', leader, intakeBody())).body.householdId as string,
    db: bare,
    table: TABLE,
    invoke: (event) => invoke('journal', event),
    claims,
    samples: QUICK ? 40 : 200,
  });
  log(`## The journal: a household with 20 entries against one with 2,000 (seeded in ${round(journal.seeded, 1)} s, interleaved)`);
  table(journal.rows);
  results.journal = journal.rows;

  // ── 4c. The notifications poll: a person with 10 notifications against one with 1,000 ─────
  const notifications = await measureNotifications({
    db: bare,
    table: TABLE,
    invoke: (event) => invoke('worklist', event),
    samples: QUICK ? 40 : 200,
  });
  log(`## The notifications poll: 10 notifications against 1,000 (seeded in ${round(notifications.seeded, 1)} s, interleaved)`);
  table(notifications.rows);
  results.notifications = notifications.rows;

  // ── 5. HTTP load on the local server ─────────────────────────────────────────────────────
  const loadRows: Record<string, unknown>[] = [];
  const duration = QUICK ? 2 : 5;
  for (const [label, path] of [
    ['GET /health', '/v1/health'],
    ['GET /households/{id} (dossier)', `/v1/households/${target.body.householdId}`],
  ] as const) {
    for (const connections of [1, 10, 50]) {
      const result = await autocannon({
        url: `${stack.url}${path}`,
        connections,
        duration,
        headers: { authorization: `Bearer ${leader}` },
      });
      loadRows.push({
        route: label,
        connections,
        'requests/s': round(result.requests.average, 0),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    }
  }
  log(`## HTTP load on the local server (autocannon, ${duration} s each)`);
  table(loadRows);
  results.httpLoad = loadRows;

  // ── 6. Cost of a city-month at Enschede's size ───────────────────────────────────────────
  // A city-month at Enschede's size; ×10 and ×100 scale every volume with the number of professionals.
  const month = {
    professionals: 120,
    workingDays: 21,
    intakes: 800,
    triaged: 800,
    plans: 140,
    planEditsPerPlan: 4,
    escalations: 20,
    signals: 150,
    // Per professional per working day:
    caseloadPages: 10,
    dossierReads: 40,
    planReads: 5,
    assessments: 1,
    workListReads: 5,
    signalQueueReads: 1,
    /** Fresh loads of the web client (its files through CloudFront; the rest of the day the browser has them). */
    clientLoads: 3,
  };
  const clientLoadKb = 150; // index.html, JavaScript, CSS, theme and config, compressed
  const apiAnswerKb = 3;
  const prices = {
    apiPerMillion: 1.11,
    lambdaPerGbSecond: 0.0000133334,
    lambdaPerMillion: 0.2,
    readPerMillion: 0.125 * 1.2,
    writePerMillion: 0.625 * 1.2,
    transitionsPerThousand: 0.025,
    metric: 0.3,
    dashboard: 3,
    alarm: 0.1,
    kmsKey: 1,
    secret: 0.4,
    logsPerGb: 0.63,
    logsInsightsPerGbScanned: 0.0063,
    cloudFrontPer10kRequests: 0.009,
    cloudFrontPerGb: 0.085,
    cognitoPerMauAbove10k: 0.015,
  };
  // Triage costs as a read plus a transaction, like the assessment.
  capacityByRoute['POST /intakes/{id}/triage'] = capacityByRoute['POST /households/{id}/assessments'] ?? {
    requests: 2,
    readUnits: 1,
    writeUnits: 4,
  };
  const handlerMs = percentile(
    overheadRows.map((r) => Number(r['handler p50 ms'])),
    50,
  );
  /** The custom metrics the functions publish: one per name (the breakdowns are properties on the lines). */
  const METRIC_NAMES = 11;
  const ALARMS = 6;
  const costOf = (scale: number) => {
    const m = (value: number) => value * scale;
    const perDay = m(month.professionals) * month.workingDays;
    const volume: Record<string, number> = {
      'POST /intakes (new household)': m(month.intakes) * 0.7,
      'POST /intakes (existing household)': m(month.intakes) * 0.3,
      'POST /intakes/{id}/triage': m(month.triaged),
      'GET /intakes/{id}': m(month.intakes) * 2,
      'GET /households': perDay * month.caseloadPages,
      'GET /households/{id} (dossier)': perDay * month.dossierReads,
      'GET /households/{id}/plan': perDay * month.planReads,
      'POST /households/{id}/plan': m(month.plans),
      'PUT /households/{id}/plan': m(month.plans) * month.planEditsPerPlan,
      'POST /households/{id}/plan/agreement': m(month.plans),
      'POST /households/{id}/assessments': perDay * month.assessments,
      'GET /me/tasks': perDay * month.workListReads,
      'POST /households/{id}/escalations': m(month.escalations),
      'POST /escalations/{id}/decision': m(month.escalations) * 1.3,
      'GET /escalations/{id}': m(month.escalations) * 10,
      'POST /signals': m(month.signals),
      'GET /signals?teamId=': perDay * month.signalQueueReads,
      'GET /signals/{id} (team)': m(month.signals) * 3,
      'POST /signals/{id}/contact-attempts': m(month.signals) * 2,
      'POST /signals/{id}/outcome (help accepted)': m(month.signals),
      'GET /stats': m(200),
    };
    const apiRequests = Object.values(volume).reduce((a, b) => a + b, 0);
    let readUnits = 0;
    let writeUnits = 0;
    for (const [route, count] of Object.entries(volume)) {
      const capacity = capacityByRoute[route] ?? { readUnits: 1, writeUnits: 2, requests: 2 };
      readUnits += capacity.readUnits * count;
      writeUnits += capacity.writeUnits * count;
    }
    const lambdaGbSeconds = (apiRequests * (Math.max(handlerMs, 1) * 3 + 20)) / 1000; // 1 GB; in AWS a call takes longer than locally: ×3 + 20 ms
    const transitions = m(month.escalations) * 12;
    const logGb = (apiRequests * 1.5) / 1024 / 1024; // ~1.5 kB of logs per request (function line, metric lines, platform report)
    // The dashboard's four breakdowns scan the month's log lines of the intakes and signals functions when someone opens it (twice a working day).
    const breakdownShare =
      Object.entries(volume)
        .filter(([route]) => /\/intakes|\/signals/.test(route))
        .reduce((sum, [, count]) => sum + count, 0) / apiRequests;
    const insightsGbScanned = 4 * logGb * breakdownShare * 2 * month.workingDays;
    const clientLoads = perDay * month.clientLoads;
    const cloudFrontRequests = apiRequests + clientLoads * 6;
    const cloudFrontGb = (clientLoads * clientLoadKb + apiRequests * apiAnswerKb) / 1024 / 1024;
    const rows = [
      ['API Gateway HTTP API', `${Math.round(apiRequests).toLocaleString('en')} requests`, (apiRequests / 1e6) * prices.apiPerMillion],
      [
        'Lambda (arm64, 1 GB)',
        `${Math.round(apiRequests).toLocaleString('en')} invocations, ${Math.round(lambdaGbSeconds).toLocaleString('en')} GB-s`,
        (apiRequests / 1e6) * prices.lambdaPerMillion + lambdaGbSeconds * prices.lambdaPerGbSecond,
      ],
      [
        'DynamoDB on demand',
        `${Math.round(readUnits).toLocaleString('en')} RRU, ${Math.round(writeUnits).toLocaleString('en')} WRU (measured per route)`,
        (readUnits / 1e6) * prices.readPerMillion + (writeUnits / 1e6) * prices.writePerMillion,
      ],
      ['Step Functions Standard', `${transitions.toLocaleString('en')} transitions`, (transitions / 1000) * prices.transitionsPerThousand],
      [
        'CloudFront (web client and /v1)',
        `${Math.round(cloudFrontRequests).toLocaleString('en')} requests, ${round(cloudFrontGb, 1)} GB`,
        (cloudFrontRequests / 1e4) * prices.cloudFrontPer10kRequests + cloudFrontGb * prices.cloudFrontPerGb,
      ],
      [
        'CloudWatch metrics, dashboard, alarms',
        `${METRIC_NAMES} metrics, 1 dashboard, ${ALARMS} alarms`,
        METRIC_NAMES * prices.metric + prices.dashboard + ALARMS * prices.alarm,
      ],
      [
        'CloudWatch Logs',
        `${round(logGb, 2)} GB ingested, ${round(insightsGbScanned, 1)} GB scanned by the dashboard`,
        logGb * prices.logsPerGb + insightsGbScanned * prices.logsInsightsPerGbScanned,
      ],
      ['KMS key, Secrets Manager secret', '1 key, 1 secret', prices.kmsKey + prices.secret],
      [
        'Cognito (Essentials)',
        `${m(month.professionals).toLocaleString('en')} monthly active users (10,000 free)`,
        Math.max(0, m(month.professionals) - 10_000) * prices.cognitoPerMauAbove10k,
      ],
      ['S3 (the client, access logs)', 'a few MB', 0.01],
    ] as const;
    return { rows, total: rows.reduce((sum, row) => sum + row[2], 0), apiRequests };
  };
  const scales = [1, 10, 100] as const;
  const curves = scales.map(costOf);
  const costRows: Record<string, unknown>[] = (curves[0]?.rows ?? []).map((row, i) => ({
    service: row[0],
    'volume (Enschede)': row[1],
    ...Object.fromEntries(scales.map((scale, s) => [`USD ×${scale}`, round(curves[s]?.rows[i]?.[2] ?? 0)])),
  }));
  costRows.push({
    service: 'total',
    'volume (Enschede)': '',
    ...Object.fromEntries(scales.map((scale, s) => [`USD ×${scale}`, round(curves[s]?.total ?? 0)])),
  });
  costRows.push({
    service: 'per professional',
    'volume (Enschede)': '',
    ...Object.fromEntries(scales.map((scale, s) => [`USD ×${scale}`, round((curves[s]?.total ?? 0) / (month.professionals * scale))])),
  });
  log(
    "## Cost of a city-month: Enschede's size, ×10 and ×100 (eu-central-1 list prices, no free tier but Cognito's; assumptions in results.costAssumptions)",
  );
  table(costRows);
  results.cost = costRows;
  results.costAssumptions = {
    ...month,
    clientLoadKb,
    apiAnswerKb,
    prices,
    note: 'DynamoDB EU price = us-east-1 × 1.2; Lambda time = local handler p50 × 3 + 20 ms; every volume scales with the professionals',
  };

  // ── 7. The web client: first load, API requests per screen, registering an intake ──────────
  await ensureWebBuild();
  const indexHtml = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const firstLoad = [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  const gz = (file: string) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
  const jsKb = round(firstLoad.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(f), 0) / 1024, 1);
  const cssKb = round(firstLoad.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(f), 0) / 1024, 1);
  const browser = await launchChromium();
  const webRows: Record<string, unknown>[] = [];
  try {
    const page = await (await browser.newContext({ baseURL: stack.url, locale: 'nl-NL' })).newPage();
    let apiCalls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/')) apiCalls.push(`${request.method()} ${url.pathname.replace(/\/[A-Za-z0-9_-]{20,}/g, '/{id}')}`);
    });
    await page.goto('/');
    await page
      .getByRole('button', { name: /, intaker$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    const screen = async (label: string, go: () => Promise<unknown>, heading: string | RegExp) => {
      apiCalls = [];
      const started = performance.now();
      await go();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      webRows.push({
        measure: `${label}: API requests`,
        value: apiCalls.length,
        target: 'one round trip (no waterfall)',
        calls: [...new Set(apiCalls)].join(', '),
      });
      webRows.push({ measure: `${label}: to its heading (ms)`, value: round(performance.now() - started), target: '', calls: '' });
    };
    // Each screen reached from another one through its navigation link, as a person goes.
    await screen('Caseload', () => page.getByRole('link', { name: 'Caseload', exact: true }).click(), 'Caseload');
    await screen('Werklijst', () => page.getByRole('link', { name: 'Werklijst', exact: true }).click(), 'Werklijst');
    await screen('Signalen', () => page.getByRole('link', { name: 'Signalen', exact: true }).click(), 'Signalen');
    // The dossier from the caseload's first household: the dossier and its assessments side by side.
    await screen('Caseload (for a dossier)', () => page.getByRole('link', { name: 'Caseload', exact: true }).click(), 'Caseload');
    await screen('Dossier', () => page.locator('tbody a').first().click(), /Dossier/);
    await screen('Aanmelden', () => page.getByRole('link', { name: 'Aanmelden', exact: true }).click(), 'Aanmelden');
    // An intake for a new household of two, on the one screen: the fields a person fills, then one save.
    apiCalls = [];
    const started = performance.now();
    await page.getByLabel('Verhaal').fill('Ik kom er niet meer uit met de huur.');
    await page.getByLabel('Financiën').check();
    await page.getByLabel('Postcode').fill('7545 ZZ');
    await page.getByLabel('Huisnummer').fill('99');
    await page.getByLabel('Naam').fill('Bench Bewoner');
    await page.getByLabel('Geboortedatum').fill('1980-01-01');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.locator('#veld-household-members-1-name').fill('Bench Kind');
    await page.locator('#veld-household-members-1-birthDate').fill('2015-01-01');
    await page.locator('#veld-household-members-1-role').selectOption('child');
    await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Triage' }).waitFor();
    await page.waitForLoadState('networkidle');
    webRows.push({
      measure: 'register an intake for a household of two: screens, page loads',
      value: '1 screen, 0 page loads',
      target: 'at most one screen, no reload',
      calls: '',
    });
    webRows.push({
      measure: 'register an intake: fields filled and buttons pressed',
      value: 11,
      target: '',
      calls: '9 fields, add a member, save (the keyboard test: 16 keystrokes besides Tab)',
    });
    webRows.push({
      measure: 'register an intake: filling to the triage screen (ms, automated)',
      value: round(performance.now() - started),
      target: '',
      calls: [...new Set(apiCalls)].join(', '),
    });
  } finally {
    await browser.close();
  }
  webRows.unshift(
    {
      measure: 'first-load JavaScript, gzipped (kB)',
      value: jsKb,
      target: '≤ 150',
      calls: firstLoad.filter((f) => f.endsWith('.js')).join(', '),
    },
    { measure: 'first-load CSS, gzipped (kB)', value: cssKb, target: '', calls: 'NL Design System CSS' },
  );
  log('## The web client');
  table(webRows);
  results.web = webRows;

  // ── 8. Local start: npm start to its first answer, and npm run token ───────────────────────
  const startRows = await measureLocalStart({ runs: QUICK ? 2 : 5, port: 3999 });
  log('## Local start (warm machine: the data directory and the cached template of an earlier start)');
  table(startRows);
  results.localStart = startRows;

  mkdirSync(join(PROJECT_ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'bench-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`written: bench-results/bench.json`);
} finally {
  await stack.stop();
  bare.destroy();
  await dynamo.stop();
}
