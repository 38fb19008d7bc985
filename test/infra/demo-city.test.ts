import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBsn, loadDemoCity, type SettableClock, seeded, settableClock } from '../../infra/local/demo-city.ts';
import { isValidBsn } from '../../shared/domain/bsn.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * web.md "Demo city": a synthetic city a newcomer sees at once: households, intakes, plans,
 * assessments over months, escalations in every state, signals; fake people whose BSNs pass
 * the 11-proef and are not real. Loaded through the API into a real local stack.
 */
let api: TestApi;
let clock: SettableClock;
let summary: Awaited<ReturnType<typeof loadDemoCity>>;
const token = (sub: string, roles: string[], teams: string[] = []) => api.token({ sub, roles, teams });

beforeAll(async () => {
  clock = settableClock();
  api = await startTestApi('enschede', { clock: clock.now, flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  summary = await loadDemoCity(api.stack, clock);
}, 180_000);

afterAll(async () => {
  await api?.stack.stop();
});

describe('the demo city', () => {
  it('gives the functions their clock back once loaded', () => {
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('has households with intakes in every team, some still waiting for triage', async () => {
    const leader = await token('lotte', ['teamleider'], ['velve-lindenhof']);
    const caseload = await api.call('GET', '/households?status=open&limit=100', { token: leader });
    expect(caseload.status).toBe(200);
    expect(caseload.body.items.length).toBeGreaterThanOrEqual(4);
    const intaker = await token('demo-intaker-velve-lindenhof', ['intaker'], ['velve-lindenhof']);
    const triage = await api.call('GET', '/me/tasks?kind=triage', { token: intaker });
    expect(triage.body.items.length).toBeGreaterThan(0);
    expect(summary.households).toBeGreaterThanOrEqual(20);
  });

  // v1.2 "Locally `npm start` serves a BRP stand-in … holding the demo city's fake people".
  it('registers its households in the BRP stand-in, and a family in each wijkteam the team does not know yet', async () => {
    const intaker = await token('demo-intaker-velve-lindenhof', ['intaker'], ['velve-lindenhof']);
    const known = summary.brp.find((entry) => entry.people.length > 1);
    const found = await api.call(
      'GET',
      `/brp/residents?postcode=${encodeURIComponent(known?.address.postcode ?? '')}&houseNumber=${known?.address.houseNumber}`,
      { token: intaker },
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { bsn: string }) => p.bsn)).toEqual(known?.people.map((p) => p.bsn));
    const wijkteams = 6;
    const brpOnly = summary.brp.filter((entry) => entry.address.houseNumber === '100');
    expect(brpOnly).toHaveLength(wijkteams);
    const first = brpOnly[0];
    const family = await api.call('GET', `/brp/residents?postcode=${encodeURIComponent(first?.address.postcode ?? '')}&houseNumber=100`, {
      token: intaker,
    });
    expect(family.body.items).toHaveLength(3);
    // Not known to the team: a search by one of their BSNs finds no household.
    const search = await api.call('GET', `/households/search?bsn=${family.body.items[0].bsn}`, { token: intaker });
    expect(search.body.items).toEqual([]);
  });

  it('has plans and ZRM assessments spread over months', async () => {
    const coach = await token('demo-wijkcoach-velve-lindenhof', ['wijkcoach'], ['velve-lindenhof']);
    const caseload = await api.call('GET', '/households?status=open&limit=100', { token: coach });
    let longest = 0;
    let planned = 0;
    for (const household of caseload.body.items as { id: string }[]) {
      const [dossier, assessments] = await Promise.all([
        api.call('GET', `/households/${household.id}`, { token: coach }),
        api.call('GET', `/households/${household.id}/assessments?limit=100`, { token: coach }),
      ]);
      if (dossier.body.plan?.status === 'active') planned++;
      const moments = (assessments.body.items as { assessedAt: string }[]).map((a) => Date.parse(a.assessedAt));
      if (moments.length > 1) longest = Math.max(longest, (Math.max(...moments) - Math.min(...moments)) / 86_400_000);
    }
    expect(planned).toBeGreaterThan(0);
    expect(longest).toBeGreaterThan(60);
  });

  it('has doorbraken in every state the flow waits in or ends in, and precedents', async () => {
    const doorbraakteam = await token('demo-doorbraakteam-doorbraakteam', ['doorbraakteam'], ['doorbraakteam']);
    const statuses = [
      'awaiting_decision',
      'awaiting_information',
      'awaiting_budget_approval',
      'awaiting_evaluation',
      'rejected',
      'closed_resolved',
      'closed_unresolved',
    ];
    for (const status of statuses) {
      const queue = await api.call('GET', `/escalations?status=${status}`, { token: doorbraakteam });
      expect(queue.body.items.length, status).toBeGreaterThan(0);
    }
    const precedents = await api.call('GET', '/precedents', { token: doorbraakteam });
    expect(precedents.body.items.length).toBeGreaterThan(0);
  });

  it('has signals in outreach and with each kind of outcome, and months of figures', async () => {
    const bea = await token('bea', ['beheerder']);
    const months = Array.from({ length: 6 }, (_, i) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - i);
      return d.toISOString().slice(0, 7);
    });
    const figures = await Promise.all(months.map((month) => api.call('GET', `/stats?month=${month}`, { token: bea })));
    const withIntakes = figures.filter((f) => f.body.city.intakes > 0).length;
    expect(withIntakes).toBeGreaterThanOrEqual(5);
    const signals = figures.reduce((total, f) => total + f.body.city.signals.received, 0);
    expect(signals).toBeGreaterThanOrEqual(5);
    expect(Object.keys(summary.signals).sort()).toEqual(
      expect.arrayContaining(['help_accepted', 'help_declined', 'in_outreach', 'no_contact', 'received']),
    );
    const intaker = await token('demo-intaker-velve-lindenhof', ['intaker'], ['velve-lindenhof']);
    const queue = await api.call('GET', '/signals?teamId=velve-lindenhof', { token: intaker });
    expect(queue.body.items.length).toBeGreaterThan(0);
  });
});

describe('the demo city’s BSNs', () => {
  it('pass the 11-proef and lie in the range set apart for tests (9999…), never twice', () => {
    const taken = new Set<string>();
    const random = seeded(1);
    for (let i = 0; i < 500; i++) {
      const bsn = fakeBsn(random, taken);
      expect(isValidBsn(bsn), bsn).toBe(true);
      expect(bsn.startsWith('9999')).toBe(true);
    }
    expect(taken.size).toBe(500);
  });
});
