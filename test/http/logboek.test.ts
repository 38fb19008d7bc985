import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { currentRegister, PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';
import { registerOf } from '#shared/processing-register.ts';
import { cities, runtimeConfigOf } from '../../infra/cities.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The processing log after the Logboek Dataverwerkingen (api.md 1.1): W3C trace context on
 * every request and every line, a register of processing activities that every route on
 * personal data names, the data subjects of each line, and one person's view of the log.
 */
let api: TestApi;
let anna: string; // intaker
let kees: string; // wijkcoach, regisseur, submitter
let lotte: string; // teamleider
let dora: string; // doorbraakteam
let bea: string; // beheerder
let postcode = 8100;

const TEAM = 'velve-lindenhof';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = (traceId: string, span = '00f067aa0ba902b7') => `00-${traceId}-${span}-01`;
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/** The routes that touch no resident's data (api.md: teams are public, figures hold none, the register is the city's). */
const WITHOUT_PERSONAL_DATA = [
  'getHealth',
  'getOpenApi',
  'listTeams',
  'listTeamMembers',
  'removeTeamMember',
  'getStats',
  'listProcessingActivities',
  // Precedents hold no personal data (domain.md rule 14); publishing one reads the escalation and names its activity.
  'editPrecedent',
  'getPrecedent',
  'listPrecedents',
  'getPrecedentFigures',
  // Notifications name no one (v1.2 precisions: titles hold no personal data): not a processing activity.
  'listMyNotifications',
  'markNotificationsRead',
];

async function register(members: { name: string; bsn?: string }[], headers: Record<string, string> = {}) {
  const reply = await api.call('POST', '/intakes', {
    token: anna,
    headers,
    body: {
      teamId: TEAM,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Een vraag.',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '1' },
        members: members.map((m) => ({ birthDate: '1980-01-01', role: 'adult', ...m })),
      },
    },
  });
  expect(reply.status).toBe(201);
  return reply;
}

/** The household's lines, straight from the table (reading them through the API is no processing). */
async function lines(householdId: string) {
  const page = await api.stack.db.send(
    new QueryCommand({
      TableName: api.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LOG#${householdId}` },
    }),
  );
  return (page.Items ?? []) as Record<string, unknown>[];
}

beforeAll(async () => {
  api = await startTestApi('enschede', { logLevel: 'DEBUG', flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  [anna, kees, lotte, dora, bea] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: [TEAM] }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: [TEAM] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bea', roles: ['beheerder'], teams: [] }),
  ]);
  await Promise.all([kees, lotte].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('trace context', () => {
  it("keeps the caller's trace id, answers it with a span of its own, and writes both on the processing-log line", async () => {
    const reply = await register([{ name: 'Tess Trace' }], { traceparent: traceparent(TRACE) });
    const answered = reply.headers.get('traceparent') ?? '';
    const [version, traceId, spanId, flags] = answered.split('-');
    expect([version, traceId, flags]).toEqual(['00', TRACE, '01']);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe('00f067aa0ba902b7');
    const [line] = await lines(reply.body.householdId);
    expect(line).toMatchObject({ traceId: TRACE, spanId, action: 'create' });
  });

  it('starts a new trace when there is none or it is unreadable, and never refuses the request for it', async () => {
    for (const header of [undefined, 'garbage', traceparent('0'.repeat(32)), `ff-${TRACE}-00f067aa0ba902b7-01`]) {
      const reply = await api.call('GET', '/teams', { token: anna, ...(header ? { headers: { traceparent: header } } : {}) });
      expect(reply.status).toBe(200);
      const traceId = (reply.headers.get('traceparent') ?? '').split('-')[1];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe(TRACE);
      expect(traceId).not.toBe('0'.repeat(32));
    }
    // Errors carry it too.
    const refused = await api.call('GET', '/households/nope', { token: anna, headers: { traceparent: traceparent(TRACE) } });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('traceparent')).toContain(TRACE);
  });

  it('puts the trace id on every log line of the request', async () => {
    const traceId = hex(32);
    const captured: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string, ...rest: never[]) => {
      captured.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      await register([{ name: 'Log Trace' }], { traceparent: traceparent(traceId) });
    } finally {
      process.stdout.write = write;
    }
    const ours = captured
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes('"function":"intakes"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.traceId === traceId);
    expect(ours.some((line) => line.message === 'request' && line.routeKey === 'POST /v1/intakes')).toBe(true);
  });

  it('carries a decision into the doorbraak flow: the decision and what the flow did with it share a trace', async () => {
    const registered = await register([{ name: 'Flow Trace' }]);
    const householdId = registered.body.householdId;
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await api.call('POST', `/households/${householdId}/plan`, {
      token: kees,
      body: { goals: [{ domain: 'finances', description: 'g', actions: [] }], evaluationDate: tomorrow },
    });
    const submitted = await api.call('POST', `/households/${householdId}/escalations`, {
      token: kees,
      headers: { traceparent: traceparent(hex(32)) },
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal', cost: { amount: 10, currency: 'EUR' } },
    });
    const escalationId = submitted.body.id;
    const awaiting = async (status: string) => {
      for (let i = 0; i < 300; i++) {
        if ((await api.call('GET', `/escalations/${escalationId}`, { token: dora })).body.status === status) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`never ${status}`);
    };
    await awaiting('awaiting_decision');
    const decisionTrace = hex(32);
    const decided = await api.call('POST', `/escalations/${escalationId}/decision`, {
      token: dora,
      headers: { traceparent: traceparent(decisionTrace) },
      body: { decision: 'approve', motivation: 'Akkoord' },
    });
    expect(decided.status).toBe(202);
    await awaiting('awaiting_evaluation');
    const traced = (await lines(householdId)).filter((line) => line.traceId === decisionTrace);
    // The decision itself, and the flow writing the doorbraak on the plan.
    expect(traced.map((line) => [line.actor, line.resource]).sort()).toEqual([
      ['doorbraak-flow', `/households/${householdId}/plan`],
      ['dora', `/escalations/${escalationId}/decision`],
    ]);
    expect(traced.every((line) => line.processingActivityId === 'doorbraak' && line.status === 'ok')).toBe(true);
  });
});

describe('the register of processing activities', () => {
  it('is served to every signed-in role, each entry with its purpose, legal basis, retention and version', async () => {
    for (const token of [anna, dora, bea]) {
      const reply = await api.call('GET', '/processing-activities', { token });
      expect(reply.status).toBe(200);
      expect(reply.body.nextCursor).toBeNull();
      const ids = reply.body.items.map((item: { id: string }) => item.id);
      // The kinds api.md names (the signal and outreach activities come with vroegsignalering).
      for (const id of [
        'intake-registration',
        'triage',
        'case-management',
        'care-planning',
        'assessment',
        'doorbraak',
        'search',
        'subject-access',
      ]) {
        expect(ids).toContain(id);
      }
      for (const item of reply.body.items) {
        expect(item.purpose.length).toBeGreaterThan(10);
        expect(item.legalBasis).toMatch(/AVG|Wmo|Jeugdwet|Participatiewet/);
        expect(item.retention.length).toBeGreaterThan(3);
        expect(Number.isInteger(item.version)).toBe(true);
        // The register is a Dutch document the city publishes (issue 26): its words are Dutch, not English.
        for (const text of [item.name, item.purpose, item.retention])
          expect(text, item.id).not.toMatch(/\b(the|and|to|after|for|with|their|its|years|months|from|which)\b/i);
      }
    }
    expect((await api.call('GET', '/processing-activities')).status).toBe(401);
  });

  it('is named by every route that touches personal data, in every city', () => {
    const personal = routes.filter((route) => !WITHOUT_PERSONAL_DATA.includes(route.operationId));
    expect(personal.length).toBeGreaterThan(30);
    for (const city of Object.values(cities)) {
      const register = currentRegister(registerOf(runtimeConfigOf(city))).map((entry) => entry.id);
      for (const route of personal) expect(register, `${city.id} ${route.operationId}`).toContain(route.processingActivity);
    }
  });

  it('keeps versions: the latest is the register, a line names the version it was written under', () => {
    const [first] = registerOf({ retentionDays: 5475 });
    if (!first) throw new Error('empty register');
    const changed = { ...first, legalBasis: 'Wmo 2015 art. 2.3.2 (gewijzigd)', version: first.version + 1 };
    const register = registerOf({ retentionDays: 5475, processingActivities: [changed] });
    expect(register.filter((entry) => entry.id === first.id).map((entry) => entry.version)).toEqual([first.version, changed.version]);
    expect(currentRegister(register).find((entry) => entry.id === first.id)).toEqual(changed);
    expect(currentRegister(register).map((entry) => entry.id)).toEqual([...PROCESSING_ACTIVITY_IDS]);
  });
});

describe("one person's processing log", () => {
  it('names the members a line touched, filters to one of them, and the export holds the register entries its lines name', async () => {
    const bsn = randomBsn();
    const registered = await register([{ name: 'Ans Subject', bsn }, { name: 'Bert Subject' }]);
    const householdId = registered.body.householdId;
    const dossier = await api.call('GET', `/households/${householdId}`, { token: kees });
    const [ans, bert] = dossier.body.members as { id: string; name: string }[];
    if (!ans || !bert) throw new Error('two members expected');
    await api.call('PUT', `/households/${householdId}/members/${bert.id}`, {
      token: kees,
      body: { name: 'Bert Subject-Jansen', birthDate: '1980-01-01', role: 'adult' },
    });

    const all = await api.call('GET', `/households/${householdId}/processing-log?limit=100`, { token: lotte });
    expect(all.status).toBe(200);
    const byResource = (resource: string) => all.body.items.find((line: { resource: string }) => line.resource === resource);
    expect(byResource(`/households/${householdId}`).dataSubjects.sort()).toEqual([ans.id, bert.id].sort());
    expect(byResource(`/households/${householdId}/members/${bert.id}`)).toMatchObject({
      dataSubjects: [bert.id],
      action: 'update',
      processingActivityId: 'household-records',
      processingActivityVersion: 1,
      status: 'ok',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    // Never a BSN among the subjects.
    expect(JSON.stringify(all.body)).not.toContain(bsn);

    const ansOnly = await api.call('GET', `/households/${householdId}/processing-log?limit=100&member=${ans.id}`, { token: lotte });
    expect(ansOnly.body.items.length).toBeGreaterThan(0);
    expect(ansOnly.body.items.every((line: { dataSubjects: string[] }) => line.dataSubjects.includes(ans.id))).toBe(true);
    expect(ansOnly.body.items.some((line: { resource: string }) => line.resource.endsWith(`/members/${bert.id}`))).toBe(false);
    expect(ansOnly.body.items.length).toBeLessThan(all.body.items.length);

    const exported = await api.call('GET', `/households/${householdId}/export`, { token: lotte });
    const named = new Set(exported.body.processingLog.map((line: { processingActivityId: string }) => line.processingActivityId));
    expect(new Set(exported.body.processingActivities.map((entry: { id: string }) => entry.id))).toEqual(named);
    expect(exported.body.processingActivities.every((entry: { legalBasis: string }) => entry.legalBasis.length > 0)).toBe(true);
  });
});
