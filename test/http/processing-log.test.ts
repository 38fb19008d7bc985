import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';
import { planBody as makePlanBody, type Needs, type World, world } from '../setup/worlds.ts';

/**
 * Rule 9 (domain.md) and platform.md's reliability target: every 2xx answer on a household's
 * personal data writes exactly one processing-log line with the right action and resource,
 * in the same transaction as the change. The lines are read from the table itself, so that
 * reading them is not itself a read of the household.
 *
 * Lists and searches write a line for each household they show; the cases below check the world's own.
 * Not in the table below, and why: /health, /openapi.json, /teams, /teams/{id}/members and
 * DELETE /teams/{id}/members/{userId} (no resident's data); /stats (figures only); the
 * processing log itself (reading who processed the data is not a processing of it, or every
 * subject access request would change its own answer).
 */
type Action = 'read' | 'create' | 'update' | 'delete' | 'export' | 'disclose';

interface Case {
  needs: Needs;
  as: 'leader' | 'regisseur' | 'decider' | 'budgethouder' | 'glass';
  /** A break-glass grant on the world's household (by `glass`), made before the request. */
  grant?: boolean;
  request: (w: Setup) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  action: Action;
  /** The resource the line names: the path the request acted on (for a registration, the intake it created). */
  resource: (w: Setup, answer: { body: Record<string, unknown> }) => string;
}

/** A world with two members (so that one may move out), the first one's id known, an involved party and the first member's consent for them. */
type Setup = World & { memberId: string; postcode: string; bsn: string; involvedId: string; consentId: string; grantId?: string };

const planBody = makePlanBody();
/** Transfer is left out of the timeline check: the household has left the team that would read it. */
const isChange = (c: Case) => c.action === 'create' || c.action === 'update' || c.action === 'delete' || c.action === 'disclose';
const OWN = 'velve-lindenhof';
const path = (request: { path: string }) => request.path;

const cases: Record<string, Case> = {
  registerIntake: {
    needs: {},
    as: 'leader',
    request: () => ({ method: 'POST', path: '/intakes', body: intakeBody(postcodeOfLastWorld) }),
    action: 'create',
    resource: (_w, answer) => `/intakes/${answer.body.id}`,
  },
  getIntake: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/intakes/${w.intakeId}` }),
    action: 'read',
    resource: (w) => `/intakes/${w.intakeId}`,
  },
  triageIntake: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/intakes/${w.intakeId}/triage`, body: { outcome: 'referred_external' } }),
    action: 'update',
    resource: (w) => `/intakes/${w.intakeId}/triage`,
  },
  listHouseholds: {
    needs: {},
    as: 'leader',
    request: () => ({ method: 'GET', path: '/households?limit=100' }),
    action: 'read',
    resource: () => '/households',
  },
  getHousehold: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}`,
  },
  appointRegisseur: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/regisseur`, body: { userId: 'regisseur' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/regisseur`,
  },
  transferHousehold: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/transfer`, body: { teamId: 'binnenstad' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/transfer`,
  },
  recordAssessment: {
    needs: {},
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/assessments`, body: { scores: { finances: 2 } } }),
    action: 'create',
    resource: (w) => `/households/${w.householdId}/assessments`,
  },
  listAssessments: {
    needs: {},
    as: 'regisseur',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/assessments` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/assessments`,
  },
  addJournalEntry: {
    needs: {},
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/journal`, body: { kind: 'phone', text: 'Gebeld' } }),
    action: 'create',
    resource: (w, answer) => `/households/${w.householdId}/journal/${answer.body.id}`,
  },
  correctJournalEntry: {
    needs: { journal: true },
    as: 'regisseur',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/journal/${w.journalEntryId}/corrections`,
      body: { text: 'Huisbezoek met de buurvrouw', reason: 'Aangevuld' },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/journal/${w.journalEntryId}/corrections`,
  },
  listJournal: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/journal` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/journal`,
  },
  getTimeline: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/timeline` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/timeline`,
  },
  closeHousehold: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/close`, body: { reason: 'Afgerond' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/close`,
  },
  createPlan: {
    needs: {},
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan`, body: planBody }),
    action: 'create',
    resource: (w) => `/households/${w.householdId}/plan`,
  },
  getPlan: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/plan`,
  },
  updatePlan: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/plan`, body: planBody, headers: { 'if-match': '"1"' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/plan`,
  },
  agreeToPlan: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/agreement`, body: { agreedBy: 'Bewoner' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/plan/agreement`,
  },
  closePlan: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/close`, body: { outcome: 'o' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/plan/close`,
  },
  listPlanVersions: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan/versions` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/plan/versions`,
  },
  exportHousehold: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/export` }),
    action: 'export',
    resource: (w) => `/households/${w.householdId}/export`,
  },
  submitEscalation: {
    needs: { plan: true },
    as: 'regisseur',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/escalations`,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' },
    }),
    action: 'create',
    resource: (w) => `/households/${w.householdId}/escalations`,
  },
  listEscalations: {
    needs: { plan: true, escalation: 'decision' },
    as: 'decider',
    request: () => ({ method: 'GET', path: '/escalations?limit=100' }),
    action: 'read',
    resource: () => '/escalations',
  },
  getEscalation: {
    needs: { plan: true, escalation: 'decision' },
    as: 'regisseur',
    request: (w) => ({ method: 'GET', path: `/escalations/${w.escalationId}` }),
    action: 'read',
    resource: (w) => `/escalations/${w.escalationId}`,
  },
  decideEscalation: {
    needs: { plan: true, escalation: 'decision' },
    as: 'decider',
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/decision`, body: { decision: 'reject', motivation: 'm' } }),
    action: 'update',
    resource: (w) => `/escalations/${w.escalationId}/decision`,
  },
  giveInformation: {
    needs: { plan: true, escalation: 'information' },
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/information`, body: { information: 'i' } }),
    action: 'update',
    resource: (w) => `/escalations/${w.escalationId}/information`,
  },
  approveBudget: {
    needs: { plan: true, escalation: 'budget_approval' },
    as: 'budgethouder',
    request: (w) => ({
      method: 'POST',
      path: `/escalations/${w.escalationId}/budget-approval`,
      body: { decision: 'reject', motivation: 'm' },
    }),
    action: 'update',
    resource: (w) => `/escalations/${w.escalationId}/budget-approval`,
  },
  searchHouseholds: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/search?postcode=${w.postcode}&houseNumber=1` }),
    action: 'read',
    resource: () => '/households/search',
  },
  changeHouseholdAddress: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'PUT',
      path: `/households/${w.householdId}/address`,
      body: { postcode: `${postcode++}AB`, houseNumber: '2' },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/address`,
  },
  addHouseholdMember: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/members`,
      body: { name: 'Nieuw Kind', birthDate: '2024-01-01', role: 'child' },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/members`,
  },
  changeHouseholdMember: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'PUT',
      path: `/households/${w.householdId}/members/${w.memberId}`,
      body: { name: 'Bewoner Hersteld', birthDate: '1970-01-01', role: 'adult' },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/members/${w.memberId}`,
  },
  removeHouseholdMember: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'DELETE', path: `/households/${w.householdId}/members/${w.memberId}`, body: { reason: 'Verhuisd' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/members/${w.memberId}`,
  },
  addInvolvedParty: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/involved`,
      body: { kind: 'professional', name: 'Sanne Schuldhulp', organisation: 'Stadsbank Oost', about: [w.memberId] },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/involved`,
  },
  changeInvolvedParty: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'PUT',
      path: `/households/${w.householdId}/involved/${w.involvedId}`,
      body: { kind: 'informal', name: 'Buurman Henk', phone: '053 123 4567' },
    }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/involved/${w.involvedId}`,
  },
  endInvolvedParty: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/involved/${w.involvedId}/end`, body: { reason: 'Verhuisd' } }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/involved/${w.involvedId}/end`,
  },
  recordConsent: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/consents`,
      body: {
        memberId: w.memberId,
        organisation: 'Woonbron',
        purpose: 'Huur',
        dataKinds: ['members'],
        form: 'verbal',
        givenAt: '2026-01-05',
      },
    }),
    action: 'create',
    resource: (w, answer) => `/households/${w.householdId}/consents/${answer.body.id}`,
  },
  withdrawConsent: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/consents/${w.consentId}/withdrawal`, body: {} }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/consents/${w.consentId}/withdrawal`,
  },
  listConsents: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/consents` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/consents`,
  },
  disclose: {
    needs: {},
    as: 'leader',
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/disclosures`,
      body: { involvedId: w.involvedId, dataKinds: ['members'], memberIds: [w.memberId], basis: { consentIds: [w.consentId] } },
    }),
    action: 'disclose',
    resource: (w, answer) => `/households/${w.householdId}/disclosures/${answer.body.id}`,
  },
  // v1.2 rule 17: the grant is logged under its own activity, with its id (test/http/break-glass.test.ts checks the reads under it).
  breakGlass: {
    needs: {},
    as: 'glass',
    request: (w) => ({ method: 'POST', path: '/break-glass', body: { bsn: w.bsn, reason: 'Acute crisis: de politie meldt dakloosheid' } }),
    action: 'create',
    resource: (_w, answer) => `/break-glass/${answer.body.id}`,
  },
  reviewBreakGlassGrant: {
    needs: {},
    grant: true,
    as: 'leader',
    request: (w) => ({ method: 'POST', path: `/break-glass/${w.grantId}/review`, body: { verdict: 'justified', note: 'Terecht' } }),
    action: 'update',
    resource: (w) => `/break-glass/${w.grantId}/review`,
  },
  listBreakGlassGrants: {
    needs: {},
    grant: true,
    as: 'leader',
    request: () => ({ method: 'GET', path: `/break-glass?teamId=${OWN}&reviewed=false` }),
    action: 'read',
    resource: () => '/break-glass',
  },
  listDisclosures: {
    needs: {},
    as: 'leader',
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/disclosures` }),
    action: 'read',
    resource: (w) => `/households/${w.householdId}/disclosures`,
  },
  completePlanAction: {
    needs: { plan: true, actionOwner: 'regisseur' },
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/actions/${w.actionId}/completion` }),
    action: 'update',
    resource: (w) => `/households/${w.householdId}/plan/actions/${w.actionId}/completion`,
  },
  // Few worlds have plan actions: the world's own household is on the first page.
  listMyTasks: {
    needs: { plan: true, actionOwner: 'regisseur' },
    as: 'regisseur',
    request: () => ({ method: 'GET', path: '/me/tasks?kind=plan_action&limit=100' }),
    action: 'read',
    resource: () => '/me/tasks',
  },
  listTeamTasks: {
    needs: { plan: true, actionOwner: 'regisseur' },
    as: 'leader',
    request: () => ({ method: 'GET', path: `/teams/${OWN}/tasks?kind=plan_action&limit=100` }),
    action: 'read',
    resource: () => `/teams/${OWN}/tasks`,
  },
  // Publishing reads the escalation (household data); the precedent itself holds none and writes no line of its own.
  publishPrecedent: {
    needs: { plan: true, escalation: 'evaluation' },
    as: 'decider',
    request: (w) => ({
      method: 'POST',
      path: `/escalations/${w.escalationId}/precedent`,
      body: { summary: 's', blockingRule: 'r', organisations: ['o'], domains: ['finances'], solution: 'z' },
    }),
    action: 'read',
    resource: (w) => `/escalations/${w.escalationId}/precedent`,
  },
  evaluateEscalation: {
    needs: { plan: true, escalation: 'evaluation' },
    as: 'regisseur',
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/evaluation`, body: { resolved: true, note: 'n' } }),
    action: 'update',
    resource: (w) => `/escalations/${w.escalationId}/evaluation`,
  },
};

let api: TestApi;
const tokens = new Map<string, string>();
const token = (who: string) => tokens.get(who) as string;
let postcode = 5600;
let postcodeOfLastWorld = '';
let bsnOfLastWorld = '';

function intakeBody(at = `${postcode++}AB`) {
  return {
    teamId: OWN,
    channel: 'walk_in',
    urgency: 'normal',
    question: 'Verhaal',
    domains: ['finances'],
    household: {
      address: { postcode: at, houseNumber: '1' },
      members: [{ name: 'Bewoner', birthDate: '1970-01-01', bsn: bsnOfLastWorld, role: 'adult' }],
    },
  };
}

async function worldFor(needs: Needs): Promise<Setup> {
  postcodeOfLastWorld = `${postcode++}AB`;
  bsnOfLastWorld = randomBsn();
  const w = await world({ api, token, intakeBody: () => intakeBody(postcodeOfLastWorld) }, needs);
  const added = await api.call('POST', `/households/${w.householdId}/members`, {
    token: token('leader'),
    body: { name: 'Tweede Bewoner', birthDate: '1972-02-02', role: 'adult' },
  });
  expect(added.status).toBe(201);
  const involved = await api.call('POST', `/households/${w.householdId}/involved`, {
    token: token('leader'),
    body: { kind: 'informal', name: 'Buurman Henk' },
  });
  expect(involved.status).toBe(201);
  const dossier = await api.call('GET', `/households/${w.householdId}`, { token: token('leader') });
  const memberId = dossier.body.members[0].id;
  const consent = await api.call('POST', `/households/${w.householdId}/consents`, {
    token: token('leader'),
    body: { memberId, organisation: 'Buurman Henk', purpose: 'Meedenken', dataKinds: ['members'], form: 'verbal', givenAt: '2026-01-05' },
  });
  expect(consent.status).toBe(201);
  return { ...w, memberId, postcode: postcodeOfLastWorld, bsn: bsnOfLastWorld, involvedId: involved.body.id, consentId: consent.body.id };
}

/** The household's processing-log lines, straight from the table. */
async function logLines(householdId: string) {
  const page = await api.stack.db.send(
    new QueryCommand({
      TableName: api.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LOG#${householdId}` },
    }),
  );
  return (page.Items ?? []) as { id: string; action: string; resource: string; actor: string; householdId: string }[];
}

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  const claims: Record<string, { roles: string[]; teams: string[] }> = {
    leader: { roles: ['teamleider', 'intaker'], teams: [OWN] },
    regisseur: { roles: ['wijkcoach'], teams: [OWN] },
    decider: { roles: ['doorbraakteam'], teams: ['doorbraakteam'] },
    budgethouder: { roles: ['budgethouder'], teams: [] },
    glass: { roles: ['wijkcoach'], teams: ['interventieteam'] },
  };
  for (const [who, claim] of Object.entries(claims)) tokens.set(who, await api.token({ sub: who, ...claim }));
  await Promise.all(['regisseur', 'leader'].map((who) => api.call('GET', '/teams', { token: token(who) })));
});
afterAll(() => api.stack.stop());

describe('one processing-log line for every 2xx on personal data', () => {
  it('has a case for every route of a register activity', () => {
    // A signal's lines are kept with the signal (signals.test.ts), and the log is not logged (above).
    // The resident's view is checked in resident.test.ts: its caller is the household's own member, signed in with DigiD.
    const elsewhere = new Set([
      'getMyHousehold',
      'messageMyRegisseur',
      'agreeToMyPlan',
      'withdrawMyConsent',
      'getMyProcessingLog',
      // A BRP look-up's lines are kept under the found people's keyed BSN hashes, not a household's (brp.test.ts).
      'getBrpResidents',
      'getProcessingLog',
      'receiveSignal',
      'listSignals',
      'getSignal',
      'recordContactAttempt',
      'recordSignalOutcome',
    ]);
    const onPersonalData = routes.filter((route) => route.processingActivity && !elsewhere.has(route.operationId));
    expect(onPersonalData.map((route) => route.operationId).filter((id) => !(id in cases))).toEqual([]);
  });

  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const w = await worldFor(c.needs);
      if (c.grant) {
        const granted = await api.call('POST', '/break-glass', {
          token: token('glass'),
          body: { bsn: w.bsn, reason: 'Acute crisis in het logboek' },
        });
        expect(granted.status).toBe(201);
        w.grantId = granted.body.id;
      }
      // The registration case registers at the world's address: the same household, a second intake.
      const before = new Set((await logLines(w.householdId)).map((line) => line.id));
      const request = c.request(w);
      const answer = await api.call(request.method, path(request), {
        token: token(c.as),
        ...(request.body ? { body: request.body } : {}),
        ...(request.headers ? { headers: request.headers } : {}),
      });
      expect(answer.status, answer.text).toBeLessThan(300);
      const added = (await logLines(w.householdId)).filter((line) => !before.has(line.id));
      expect(added.map(({ action, resource, actor }) => ({ action, resource, actor }))).toEqual([
        { action: c.action, resource: c.resource(w, answer), actor: c.as },
      ]);
      // After the Logboek Dataverwerkingen: the request's trace and span, the activity of the register it belongs to, its status.
      const [line] = added as unknown as Record<string, unknown>[];
      const [, traceId, spanId] = (answer.headers.get('traceparent') ?? '').split('-');
      expect(line).toMatchObject({ traceId, spanId, status: 'ok', processingActivityVersion: 1 });
      expect(PROCESSING_ACTIVITY_IDS).toContain(line?.processingActivityId);
      expect(Array.isArray(line?.dataSubjects)).toBe(true);
      // v1.2: every change of the household is an event on its timeline (a journal entry is there as itself).
      if (!isChange(c) || name.includes('Journal') || name === 'transferHousehold') return;
      const timeline = await api.call('GET', `/households/${w.householdId}/timeline`, { token: token('leader') });
      const event = timeline.body.items.find((item: { at: string }) => item.at === line?.at);
      expect(event, `${name} on the timeline`).toMatchObject({ kind: 'event', event: expect.any(String), summary: expect.any(String) });
    }, 30_000);
  }
});

describe('in the same transaction as the change', () => {
  it('a change that is refused writes no line', async () => {
    const w = await worldFor({ plan: true, escalation: 'decision' });
    expect(
      (await api.call('POST', `/intakes/${w.intakeId}/triage`, { token: token('leader'), body: { outcome: 'referred_external' } })).status,
    ).toBe(200);
    const before = (await logLines(w.householdId)).length;
    const refused = [
      await api.call('POST', `/intakes/${w.intakeId}/triage`, { token: token('leader'), body: { outcome: 'referred_external' } }),
      await api.call('PUT', `/households/${w.householdId}/plan`, {
        token: token('regisseur'),
        body: planBody,
        headers: { 'if-match': '"7"' },
      }),
      await api.call('POST', `/escalations/${w.escalationId}/information`, { token: token('regisseur'), body: { information: 'i' } }),
      await api.call('POST', `/households/${w.householdId}/close`, { token: token('leader'), body: { reason: 'r' } }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 412, 409, 409]);
    expect(await logLines(w.householdId)).toHaveLength(before);
  });
});
