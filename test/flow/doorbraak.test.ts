import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import validator from 'asl-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planKey } from '#shared/db/keys.ts';
import { FLOW_STATES } from '../../infra/constructs/names.ts';
import { readStateMachine } from '../../infra/local/step-functions.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
let kees: string; // wijkcoach, regisseur, submitter
let lotte: string; // teamleider
let dora: string; // doorbraakteam
let dirk: string; // doorbraakteam
let bert: string; // budgethouder
let both: string; // doorbraakteam and budgethouder
let otto: string; // wijkcoach of another team

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
let postcode = 3000;

async function householdWithPlan(target: TestApi = api): Promise<string> {
  const intake = await target.call('POST', '/intakes', {
    token: lotte,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'referral',
      urgency: 'normal',
      question: 'Betalingsproblemen, zorgverzekeraar en gemeente werken langs elkaar heen.',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '1' },
        members: [{ name: 'Fam', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
      },
      source: { organisation: 'Menzis' },
    },
  });
  const householdId = intake.body.householdId;
  await target.call('GET', '/teams', { token: kees });
  expect((await target.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
  const plan = await target.call('POST', `/households/${householdId}/plan`, {
    token: kees,
    body: { goals: [{ domain: 'finances', description: 'Schulden stabiel', actions: [] }], evaluationDate: tomorrow },
  });
  expect(plan.status).toBe(201);
  return householdId;
}

async function submit(householdId: string, cost?: number, target: TestApi = api) {
  const reply = await target.call('POST', `/households/${householdId}/escalations`, {
    token: kees,
    body: {
      blockage: 'De zorgverzekeraar verrekent de premieschuld met de toeslag; de schuldhulp kan niet starten.',
      organisations: ['Menzis', 'Gemeente Enschede'],
      proposal: 'Premieschuld bevriezen tot de schuldregeling loopt.',
      ...(cost !== undefined ? { cost: { amount: cost, currency: 'EUR' } } : {}),
      urgency: 'high',
    },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; status: string };
}

/** The flow moves on its own after an answer: wait until the escalation shows what we expect. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the served OpenAPI document before a test reads them
async function until(id: string, predicate: (e: any) => boolean, target: TestApi = api, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await target.call('GET', `/escalations/${id}`, { token: lotte });
    if (predicate(body)) return body;
    if (Date.now() > deadline) throw new Error(`escalation stayed ${body.status} (awaiting ${body.awaiting}, overdue ${body.overdue})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: as above
const awaiting = (kind: string) => (e: any) => e.awaiting === kind;
const decide = (id: string, token: string, body: Record<string, unknown>) =>
  api.call('POST', `/escalations/${id}/decision`, { token, body });

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  [kees, lotte, dora, dirk, bert, both, otto] = await Promise.all([
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'dirk', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bert', roles: ['budgethouder'] }),
    api.token({ sub: 'bo', roles: ['doorbraakteam', 'budgethouder'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'otto', roles: ['wijkcoach'], teams: ['pathmos'] }),
  ]);
});
afterAll(() => api.stack.stop());

describe('the definition', () => {
  it('is the synthesized one and passes asl-validator', () => {
    const { definition } = readStateMachine(api.stack.definition.template);
    const { isValid, errorsText } = validator(definition as never);
    expect(isValid, errorsText?.()).toBe(true);
    expect(definition.States[FLOW_STATES.awaitDecision].TimeoutSeconds).toBe(72 * 3600);
    expect(definition.States[FLOW_STATES.awaitDecision].Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      expect(state.Retry, name).toBeDefined();
      if (name !== FLOW_STATES.recordFailure)
        expect(
          // biome-ignore lint/suspicious/noExplicitAny: ASL JSON
          state.Catch.map((c: any) => c.Next),
          name,
        ).toContain(FLOW_STATES.recordFailure);
    }
  });
});

describe('submitting', () => {
  it("needs a plan, the household's team and a valid body", async () => {
    const intake = await api.call('POST', '/intakes', {
      token: lotte,
      body: {
        teamId: 'velve-lindenhof',
        channel: 'phone',
        urgency: 'normal',
        question: 'q',
        domains: ['housing'],
        household: { address: { postcode: '2999AB', houseNumber: '1' }, members: [{ name: 'X', birthDate: '1980-01-01', role: 'adult' }] },
      },
    });
    const body = { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' };
    expect((await api.call('POST', `/households/${intake.body.householdId}/escalations`, { token: kees, body })).status).toBe(409);
    const householdId = await householdWithPlan();
    expect((await api.call('POST', `/households/${householdId}/escalations`, { token: otto, body })).status).toBe(404);
    expect(
      (await api.call('POST', `/households/${householdId}/escalations`, { token: kees, body: { ...body, organisations: [] } })).status,
    ).toBe(400);
    expect(
      (
        await api.call('POST', `/households/${householdId}/escalations`, {
          token: kees,
          body: { ...body, cost: { amount: -5, currency: 'EUR' } },
        })
      ).status,
    ).toBe(400);
    expect((await api.call('POST', `/households/${householdId}/escalations`, { token: dora, body })).status).toBe(403);
  });

  it("puts the escalation in the doorbraakteam's queue, and keeps the household open until it ends", async () => {
    const householdId = await householdWithPlan();
    const escalation = await submit(householdId, 100);
    await until(escalation.id, awaiting('decision'));
    const queue = await api.call('GET', '/escalations', { token: dora });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((e: { id: string }) => e.id)).toContain(escalation.id);
    expect((await api.call('GET', '/escalations', { token: kees })).status).toBe(403);
    expect((await api.call('GET', `/escalations/${escalation.id}`, { token: otto })).status).toBe(404);
    await api.call('POST', `/households/${householdId}/plan/close`, { token: kees, body: { outcome: 'o' } });
    expect((await api.call('POST', `/households/${householdId}/close`, { token: lotte, body: { reason: 'r' } })).status).toBe(409);
  });
});

describe('every path of the flow', () => {
  it('approve below the threshold → approved, recorded on the plan → evaluation resolved', async () => {
    const householdId = await householdWithPlan();
    const escalation = await submit(householdId, 1200);
    await until(escalation.id, awaiting('decision'));
    const decided = await decide(escalation.id, dora, {
      decision: 'approve',
      motivation: 'Maatwerk is hier goedkoper dan de schuld laten oplopen.',
    });
    expect(decided.status).toBe(202);
    // api.md 1.1: never the state from before the answer; the escalation as the flow will have it.
    expect(decided.headers.get('location')).toBe(`/v1/escalations/${escalation.id}`);
    expect(decided.body).toMatchObject({ status: 'approved', pendingAnswer: { kind: 'decision', by: 'dora' } });
    expect(decided.body.awaiting).toBeUndefined();
    // api.md precisions: until the flow has taken it, the old status with pendingAnswer, never the old status without it.
    const seen: string[] = [];
    const waiting = await until(escalation.id, (e) => {
      if (e.status === 'awaiting_decision') seen.push(e.pendingAnswer ? 'pending' : 'old status without the pending answer');
      return e.awaiting === 'evaluation';
    });
    expect(seen.filter((s) => s !== 'pending')).toEqual([]);
    // Once the flow has taken the answer, it is no longer pending.
    expect(waiting.pendingAnswer).toBeUndefined();
    expect(waiting).toMatchObject({ status: 'awaiting_evaluation', decidedBy: 'dora', approvedCost: { amount: 1200, currency: 'EUR' } });
    const plan = await api.call('GET', `/households/${householdId}/plan`, { token: kees });
    expect(plan.body.version).toBe(2);
    expect(plan.body.doorbraken).toEqual([
      expect.objectContaining({ escalationId: escalation.id, approvedCost: { amount: 1200, currency: 'EUR' } }),
    ]);

    expect(
      (await api.call('POST', `/escalations/${escalation.id}/evaluation`, { token: dirk, body: { resolved: true, note: 'n' } })).status,
    ).toBe(403);
    expect(
      (
        await api.call('POST', `/escalations/${escalation.id}/evaluation`, {
          token: kees,
          body: { resolved: true, note: 'Schuldhulp loopt.' },
        })
      ).status,
    ).toBe(202);
    const closed = await until(escalation.id, (e) => e.status === 'closed_resolved');
    expect(closed.history.map((h: { event: string }) => h.event)).toEqual([
      'submitted',
      'awaiting_decision',
      'decision: approve',
      'approved',
      'awaiting_evaluation',
      'closed_resolved',
    ]);
    expect(closed.history[2]).toMatchObject({ by: 'dora', note: 'Maatwerk is hier goedkoper dan de schuld laten oplopen.' });
    await api.call('POST', `/households/${householdId}/plan/close`, { token: kees, body: { outcome: 'o' } });
    expect((await api.call('POST', `/households/${householdId}/close`, { token: lotte, body: { reason: 'r' } })).status).toBe(200);
  });

  it('approve above the threshold → budget approval by another person → evaluation unresolved', async () => {
    const escalation = await submit(await householdWithPlan(), 8000);
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, both, { decision: 'approve', motivation: 'Nodig.' });
    await until(escalation.id, awaiting('budget_approval'));
    const budgetBody = { decision: 'approve', motivation: 'Binnen het maatwerkbudget.' };
    expect((await api.call('POST', `/escalations/${escalation.id}/budget-approval`, { token: dora, body: budgetBody })).status).toBe(403);
    expect((await api.call('POST', `/escalations/${escalation.id}/budget-approval`, { token: both, body: budgetBody })).status).toBe(403);
    expect((await api.call('POST', `/escalations/${escalation.id}/budget-approval`, { token: bert, body: budgetBody })).status).toBe(202);
    await until(escalation.id, awaiting('evaluation'));
    await api.call('POST', `/escalations/${escalation.id}/evaluation`, { token: kees, body: { resolved: false, note: 'Werkte niet.' } });
    const closed = await until(escalation.id, (e) => e.status === 'closed_unresolved');
    expect(closed).toMatchObject({ budgetApprovedBy: 'bert' });
  });

  it("a budget holder's rejection rejects the doorbraak", async () => {
    const escalation = await submit(await householdWithPlan(), 9000);
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, dora, { decision: 'approve', motivation: 'Ja.', approvedCost: { amount: 6000, currency: 'EUR' } });
    await until(escalation.id, awaiting('budget_approval'));
    await api.call('POST', `/escalations/${escalation.id}/budget-approval`, {
      token: bert,
      body: { decision: 'reject', motivation: 'Geen budget.' },
    });
    const rejected = await until(escalation.id, (e) => e.status === 'rejected');
    expect(rejected.history.map((h: { event: string }) => h.event)).toContain('budget: reject');
  });

  it('an approved cost at the threshold needs no budget holder', async () => {
    const escalation = await submit(await householdWithPlan(), 9000);
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, dora, { decision: 'approve', motivation: 'Deels.', approvedCost: { amount: 5000, currency: 'EUR' } });
    expect((await until(escalation.id, awaiting('evaluation'))).approvedCost).toEqual({ amount: 5000, currency: 'EUR' });
  });

  it('reject → rejected, and nothing more can be answered', async () => {
    const escalation = await submit(await householdWithPlan());
    await until(escalation.id, awaiting('decision'));
    expect((await decide(escalation.id, kees, { decision: 'reject', motivation: 'x' })).status).toBe(403);
    await decide(escalation.id, dora, { decision: 'reject', motivation: 'Past binnen de regels.' });
    await until(escalation.id, (e) => e.status === 'rejected');
    expect((await decide(escalation.id, dirk, { decision: 'approve', motivation: 'x' })).status).toBe(409);
  });

  it('request_info → the submitter answers → a decision again', async () => {
    const escalation = await submit(await householdWithPlan());
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, dora, { decision: 'request_info', motivation: 'Welke toeslag precies?' });
    await until(escalation.id, awaiting('information'));
    expect((await decide(escalation.id, dirk, { decision: 'approve', motivation: 'x' })).status).toBe(409);
    expect((await api.call('POST', `/escalations/${escalation.id}/information`, { token: lotte, body: { information: 'x' } })).status).toBe(
      403,
    );
    expect(
      (await api.call('POST', `/escalations/${escalation.id}/information`, { token: kees, body: { information: 'De zorgtoeslag.' } }))
        .status,
    ).toBe(202);
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, dirk, { decision: 'approve', motivation: 'Helder nu.' });
    const done = await until(escalation.id, awaiting('evaluation'));
    expect(done.history.map((h: { event: string }) => h.event)).toEqual([
      'submitted',
      'awaiting_decision',
      'decision: request_info',
      'awaiting_information',
      'information given',
      'awaiting_decision',
      'decision: approve',
      'approved',
      'awaiting_evaluation',
    ]);
  });

  it('refuses a decision with fields only an approval carries, changing nothing', async () => {
    const escalation = await submit(await householdWithPlan());
    await until(escalation.id, awaiting('decision'));
    const reply = await decide(escalation.id, dora, { decision: 'reject', motivation: 'x', approvedCost: { amount: 1, currency: 'EUR' } });
    expect(reply.status).toBe(400);
    const past = await decide(escalation.id, dora, { decision: 'approve', motivation: 'x', evaluateAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect((await api.call('GET', `/escalations/${escalation.id}`, { token: dora })).body.awaiting).toBe('decision');
  });

  it('a task that keeps failing → failed, and the execution fails', async () => {
    const householdId = await householdWithPlan();
    const escalation = await submit(householdId, 10);
    await until(escalation.id, awaiting('decision'));
    // The plan disappears: recording the approval on it cannot succeed, however often it is retried.
    await api.stack.db.send(new DeleteCommand({ TableName: api.stack.tableName, Key: planKey(householdId) }));
    await decide(escalation.id, dora, { decision: 'approve', motivation: 'Ja.' });
    const failed = await until(escalation.id, (e) => e.status === 'failed');
    expect(failed.history.at(-1)).toMatchObject({ event: 'failed', by: 'doorbraak-flow' });
    const execution = [...api.stack.stepFunctions.executions.values()].find((e) => e.name === escalation.id.replace('.', '-'));
    await until(escalation.id, () => execution?.status === 'FAILED');
    // The processing the flow was doing did not complete: the household's log says so (Logboek Dataverwerkingen: status).
    const log = await api.call('GET', `/households/${householdId}/processing-log?limit=100`, { token: lotte });
    expect(log.body.items.filter((line: { status: string }) => line.status === 'error')).toEqual([
      expect.objectContaining({ actor: 'doorbraak-flow', processingActivityId: 'doorbraak', resource: `/escalations/${escalation.id}` }),
    ]);
  });
});

describe('review fixes', () => {
  it('hides an escalation from the old team once its household moves', async () => {
    const householdId = await householdWithPlan();
    const escalation = await submit(householdId);
    expect((await api.call('GET', `/escalations/${escalation.id}`, { token: kees })).status).toBe(200);
    await api.call('POST', `/households/${householdId}/transfer`, { token: lotte, body: { teamId: 'pathmos' } });
    expect((await api.call('GET', `/escalations/${escalation.id}`, { token: kees })).status).toBe(404);
    expect((await api.call('GET', `/escalations/${escalation.id}`, { token: dora })).status).toBe(200);
  });

  it('refuses an evaluation moment beyond what a Standard execution lives, and a forged queue cursor', async () => {
    const escalation = await submit(await householdWithPlan());
    await until(escalation.id, awaiting('decision'));
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString();
    expect((await decide(escalation.id, dora, { decision: 'approve', motivation: 'x', evaluateAt: far })).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ status: 'awaiting_decision', after: '2024-01-01T00:00:00Z#x' })).toString('base64url');
    expect((await api.call('GET', `/escalations?cursor=${forged}`, { token: dora })).status).toBe(400);
    const other = Buffer.from(JSON.stringify({ status: 'rejected', after: '2024-01-01T00:00:00Z#x' })).toString('base64url');
    expect((await api.call('GET', `/escalations?cursor=${other}`, { token: dora })).status).toBe(400);
  });

  it("applies a retried final task once: the household's open escalations are not counted down twice", async () => {
    const householdId = await householdWithPlan();
    const escalation = await submit(householdId);
    await until(escalation.id, awaiting('decision'));
    await decide(escalation.id, dora, { decision: 'reject', motivation: 'Nee.' });
    const rejected = await until(escalation.id, (e) => e.status === 'rejected');
    const { runFlowTask } = await import('#shared/use-cases/doorbraak-flow.ts');
    const { dynamoEscalationStore } = await import('#shared/db/escalation-store.ts');
    const { cities, runtimeConfigOf } = await import('../../infra/cities.ts');
    const ports = {
      store: dynamoEscalationStore(api.stack.db, api.stack.tableName),
      city: runtimeConfigOf(cities.enschede),
      now: () => new Date().toISOString(),
    };
    // Step Functions retries a task whose write had committed: nothing happens twice.
    await runFlowTask(ports, { action: 'reject', escalationId: escalation.id });
    await runFlowTask(ports, { action: 'fail', escalationId: escalation.id });
    const again = (await api.call('GET', `/escalations/${escalation.id}`, { token: dora })).body;
    expect(again.history).toHaveLength(rejected.history.length);
    expect(again.status).toBe('rejected');
    const { body: figures } = await api.call('GET', '/stats', { token: await api.token({ sub: 'bea', roles: ['beheerder'] }) });
    expect(figures.teams.find((t: { teamId: string }) => t.teamId === 'velve-lindenhof').escalations.rejected).toBeGreaterThan(0);
    await api.call('POST', `/households/${householdId}/plan/close`, { token: kees, body: { outcome: 'o' } });
    expect((await api.call('POST', `/households/${householdId}/close`, { token: lotte, body: { reason: 'r' } })).status).toBe(200);
  });
});

describe('answers are applied once', () => {
  it('of 10 concurrent identical decisions one is applied, the rest get 409', async () => {
    const escalation = await submit(await householdWithPlan());
    await until(escalation.id, awaiting('decision'));
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => decide(escalation.id, dora, { decision: 'reject', motivation: 'Nee.' })),
    );
    expect(replies.filter((r) => r.status === 202)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(9);
    const done = await until(escalation.id, (e) => e.status === 'rejected');
    expect(done.history.filter((h: { event: string }) => h.event.startsWith('decision'))).toHaveLength(1);
  });

  it('a retried submission with the same Idempotency-Key starts one flow', async () => {
    const householdId = await householdWithPlan();
    const body = { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' };
    const headers = { 'idempotency-key': 'escalation-1' };
    const first = await api.call('POST', `/households/${householdId}/escalations`, { token: kees, body, headers });
    const again = await api.call('POST', `/households/${householdId}/escalations`, { token: kees, body, headers });
    expect(again.body.id).toBe(first.body.id);
    const dossier = await api.call('GET', `/households/${householdId}`, { token: kees });
    expect(dossier.status).toBe(200);
    const executions = [...api.stack.stepFunctions.executions.values()].filter((e) => e.name === first.body.id.replace('.', '-'));
    expect(executions).toHaveLength(1);
  });
});

describe('the decision SLA', () => {
  it('marks an undecided escalation overdue, and it can still be decided', async () => {
    const quick = await startTestApi('enschede', { idp: api.stack.idp, flow: { decisionSlaSeconds: 2, retryIntervalMs: 0 } });
    try {
      const escalation = await submit(await householdWithPlan(quick), undefined, quick);
      const overdue = await until(escalation.id, (e) => e.overdue === true && e.awaiting === 'decision', quick);
      expect(overdue.status).toBe('awaiting_decision');
      expect(overdue.history.map((h: { event: string }) => h.event)).toContain('overdue');
      const reply = await quick.call('POST', `/escalations/${escalation.id}/decision`, {
        token: dora,
        body: { decision: 'reject', motivation: 'Te laat, maar nee.' },
      });
      expect(reply.status).toBe(202);
      await until(escalation.id, (e) => e.status === 'rejected', quick);
    } finally {
      await quick.stack.stop();
    }
  });
});
