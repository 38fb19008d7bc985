import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '#shared/domain/figures.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

// This file turns the functions' embedded-metric-format output on (vitest.config.ts turns it off elsewhere).
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

let api: TestApi;
let anna: string;
let ida: string;
let kees: string;
let lotte: string;
let dora: string;
let bea: string;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
let postcode = 6000;

const captured: string[] = [];
const realWrite = process.stdout.write.bind(process.stdout);

async function intake(token: string, teamId: string, channel = 'walk_in') {
  const reply = await api.call('POST', '/intakes', {
    token,
    body: {
      teamId,
      channel,
      urgency: 'normal',
      question: 'q',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '1' },
        members: [{ name: 'N', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
      },
    },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; householdId: string };
}

const triage = (id: string, body: Record<string, unknown>) => api.call('POST', `/intakes/${id}/triage`, { token: anna, body });

async function untilStatus(id: string, status: string) {
  for (let i = 0; i < 400; i++) {
    if ((await api.call('GET', `/escalations/${id}`, { token: dora })).body.status === status) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never ${status}`);
}

async function untilAwaiting(id: string) {
  for (let i = 0; i < 400; i++) {
    if ((await api.call('GET', `/escalations/${id}`, { token: dora })).body.awaiting === 'decision') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('never awaiting a decision');
}

/** A scripted day of work in Velve-Lindenhof and Dolphia/Glanerbrug-Noord. */
beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  [anna, ida, kees, lotte, dora, bea] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'ida', roles: ['intaker'], teams: ['dolphia-glanerbrug-noord'] }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bea', roles: ['beheerder'] }),
  ]);
  await api.call('GET', '/teams', { token: kees });
  process.stdout.write = ((chunk: string, ...rest: never[]) => {
    captured.push(String(chunk));
    return realWrite(chunk, ...rest);
  }) as typeof process.stdout.write;

  const channels = ['walk_in', 'phone', 'email', 'signal', 'referral', 'walk_in', 'phone', 'walk_in'];
  const vl = [];
  for (const channel of channels) vl.push(await intake(anna, 'velve-lindenhof', channel));
  await intake(ida, 'dolphia-glanerbrug-noord');
  await intake(ida, 'dolphia-glanerbrug-noord');
  const [a, b, c, d, e, f, g, h] = vl as [
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
    (typeof vl)[0],
  ];
  await triage(a.id, { outcome: 'resolved_by_intaker', resolution: 'r' });
  await triage(b.id, { outcome: 'resolved_by_intaker', resolution: 'r' });
  await triage(c.id, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' });
  await triage(d.id, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' });
  await triage(e.id, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' });
  await triage(f.id, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' });
  await triage(g.id, { outcome: 'referred_to_interventieteam' });
  await triage(h.id, { outcome: 'referred_external' });

  await api.call('POST', `/households/${a.householdId}/close`, { token: lotte, body: { reason: 'Direct opgelost' } });

  await api.call('PUT', `/households/${c.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
  await api.call('POST', `/households/${c.householdId}/plan`, {
    token: kees,
    body: { goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: tomorrow },
  });
  await api.call('POST', `/households/${c.householdId}/plan/agreement`, { token: kees, body: { agreedBy: 'Bewoner' } });
  for (const decision of ['approve', 'reject']) {
    const escalation = await api.call('POST', `/households/${c.householdId}/escalations`, {
      token: kees,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' },
    });
    await untilAwaiting(escalation.body.id);
    await api.call('POST', `/escalations/${escalation.body.id}/decision`, { token: dora, body: { decision, motivation: 'm' } });
    await untilStatus(escalation.body.id, decision === 'approve' ? 'awaiting_evaluation' : 'rejected');
  }
  process.stdout.write = realWrite;
});
afterAll(() => api.stack.stop());

describe('GET /stats after a day of work', () => {
  it('shows per team what was done, with the shares the seeds argue with', async () => {
    const { status, body } = await api.call('GET', '/stats', { token: bea });
    expect(status).toBe(200);
    expect(body.month).toBe(monthOf(new Date().toISOString()));
    const vl = body.teams.find((t: { teamId: string }) => t.teamId === 'velve-lindenhof');
    expect(vl).toEqual({
      teamId: 'velve-lindenhof',
      intakes: 8,
      resolvedByIntaker: 2,
      referredToCoach: 4,
      referredToInterventieteam: 1,
      referredExternal: 1,
      complex: 1,
      openHouseholds: 7,
      plansAgreed: 1,
      escalations: { submitted: 2, approved: 1, rejected: 1, overdue: 0 },
      resolvedByIntakerShare: 0.25,
      complexShare: 0.25,
      averageDecisionHours: expect.any(Number),
      // No partner sent a signal in this day of work (test/http/signals.test.ts counts them).
      signals: { received: 0, reached: 0, helpAccepted: 0, medianDaysToFirstContact: null },
      // No glass broken in this day of work (test/http/break-glass.test.ts counts grants).
      breakGlass: { grants: 0, unjustified: 0 },
    });
    const dg = body.teams.find((t: { teamId: string }) => t.teamId === 'dolphia-glanerbrug-noord');
    expect(dg).toMatchObject({ intakes: 2, openHouseholds: 2, resolvedByIntakerShare: null });
    expect(body.city).toMatchObject({ teamId: 'city', intakes: 10, openHouseholds: 9, plansAgreed: 1, resolvedByIntakerShare: 0.25 });
    expect(body.teams.map((t: { teamId: string }) => t.teamId)).not.toContain('doorbraakteam');
    expect(JSON.stringify(body)).not.toMatch(/kees|anna|Bewoner/);
  });

  it('shows a team leader their own teams, without the city total', async () => {
    const { body } = await api.call('GET', '/stats', { token: lotte });
    expect(body.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['velve-lindenhof']);
    expect(body.city).toBeNull();
    expect((await api.call('GET', '/stats?teamId=dolphia-glanerbrug-noord', { token: lotte })).status).toBe(403);
  });

  it('answers an empty month with zeros, and refuses bad queries and other roles', async () => {
    const { body } = await api.call('GET', '/stats?month=2020-01', { token: bea });
    expect(body.teams.find((t: { teamId: string }) => t.teamId === 'velve-lindenhof')).toMatchObject({ intakes: 0, openHouseholds: 7 });
    expect((await api.call('GET', '/stats?month=2020-13', { token: bea })).status).toBe(400);
    expect((await api.call('GET', '/stats?teamId=atlantis', { token: bea })).status).toBe(400);
    expect((await api.call('GET', '/stats', { token: kees })).status).toBe(403);
  });
});

describe('business metrics in embedded metric format', () => {
  const emf = () =>
    captured
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line));

  it('are emitted with two dimensions, the service and the city; channel and outcome ride along as properties', () => {
    const lines = emf();
    const named = (name: string) => lines.filter((l) => l._aws.CloudWatchMetrics[0].Metrics[0].Name === name);
    const registered = named('IntakeRegistered');
    expect(registered).toHaveLength(10);
    expect(registered[0]._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Wijkteams', Dimensions: [['service', 'city']] });
    expect(registered.filter((l) => l.channel === 'walk_in')).toHaveLength(5);
    expect(registered[0]).toMatchObject({ city: 'enschede', IntakeRegistered: 1 });
    expect(
      named('IntakeTriaged')
        .map((l) => l.outcome)
        .sort(),
    ).toEqual([
      'referred_external',
      'referred_to_coach',
      'referred_to_coach',
      'referred_to_coach',
      'referred_to_coach',
      'referred_to_interventieteam',
      'resolved_by_intaker',
      'resolved_by_intaker',
    ]);
    expect(named('ComplexCase')).toHaveLength(1);
    expect(named('PlanAgreed')).toHaveLength(1);
    expect(named('EscalationSubmitted')).toHaveLength(2);
    expect(named('EscalationApproved')).toHaveLength(1);
    expect(named('EscalationRejected')).toHaveLength(1);
    const lead = named('DecisionLeadTime');
    expect(lead).toHaveLength(2);
    expect(lead[0]._aws.CloudWatchMetrics[0].Metrics[0].Unit).toBe('Seconds');
    // Nothing personal in any of them.
    expect(JSON.stringify(lines)).not.toMatch(/Bewoner|"q"/);
  });

  it("count signals by kind and outcomes by outcome, without the partner or anyone's data", async () => {
    const partner = await api.stack.idp.signPartner('vitens');
    const body = {
      reference: 'emf-1',
      kind: 'water_arrears',
      arrears: { amount: 50, currency: 'EUR' },
      since: '2026-01-01',
      address: { postcode: '9999ZZ', houseNumber: '1' },
      person: { name: 'Signaal Bewoner', birthDate: '1970-01-01' },
    };
    process.stdout.write = ((chunk: string, ...rest: never[]) => {
      captured.push(String(chunk));
      return realWrite(chunk, ...rest);
    }) as typeof process.stdout.write;
    const sent = await api.call('POST', '/signals', { token: partner, body });
    const bram = await api.token({ sub: 'bram', roles: ['intaker'], teams: ['binnenstad'] });
    await api.call('POST', `/signals/${sent.body.id}/outcome`, { token: bram, body: { outcome: 'help_declined' } });
    process.stdout.write = realWrite;
    const lines = emf();
    const named = (name: string) => lines.filter((l) => l._aws.CloudWatchMetrics[0].Metrics[0].Name === name);
    expect(named('SignalReceived').map((l) => [l.kind, l._aws.CloudWatchMetrics[0].Dimensions])).toEqual([
      ['water_arrears', [['service', 'city']]],
    ]);
    expect(named('SignalOutcome').map((l) => l.outcome)).toEqual(['help_declined']);
    expect(JSON.stringify(lines)).not.toMatch(/Bewoner|vitens|emf-1/);
  });
});
