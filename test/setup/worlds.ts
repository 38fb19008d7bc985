import type { TestApi } from './helpers.ts';

/**
 * A household of the test's own team in a given state, built over HTTP as people would:
 * registered by `leader` (a teamleider and intaker), with `regisseur` appointed (who must have
 * signed in), a plan by the regisseur, and an escalation of theirs that `decider` moves on.
 */
export interface World {
  householdId: string;
  intakeId: string;
  escalationId?: string;
  actionId?: string;
  precedentId?: string;
  signalId?: string;
  journalEntryId?: string;
}

export interface Needs {
  plan?: boolean;
  /** A journal entry written by the regisseur. */
  journal?: boolean;
  /** The escalation (decided) published as a precedent by `decider`. */
  precedent?: boolean;
  /** An agreed plan with one action owned by this professional. */
  actionOwner?: string;
  escalation?: 'decision' | 'information' | 'budget_approval' | 'evaluation';
  /** A signal from the partner `partner` for an address in velve-lindenhof's postcode area 7545 (each world its own address). */
  signal?: boolean;
}

export interface WorldMakers {
  api: TestApi;
  token: (who: 'leader' | 'regisseur' | 'decider' | 'partner') => string;
  intakeBody: () => Record<string, unknown>;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
export const planBody = () => ({ goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: tomorrow() });

let signalHouse = 0;

/** A partner's signal for a new address in postcode area 7545 (Enschede: velve-lindenhof's), with a person and a way to reach them. */
export const signalBody = (overrides: Record<string, unknown> = {}) => ({
  reference: `ref-${process.pid}-${++signalHouse}-${Math.random().toString(36).slice(2, 8)}`,
  kind: 'health_insurance_arrears',
  arrears: { amount: 812.4, currency: 'EUR' },
  since: '2026-08-01',
  address: { postcode: '7545AB', houseNumber: String(signalHouse) },
  person: { name: 'Signaal Bewoner', birthDate: '1975-05-05' },
  contact: { phone: '+31 6 12345678' },
  ...overrides,
});

/** Waits (bounded) until the flow waits for the given answer. */
export async function untilAwaiting({ api, token }: WorldMakers, escalationId: string, awaiting: string) {
  for (let i = 0; i < 400; i++) {
    const { body } = await api.call('GET', `/escalations/${escalationId}`, { token: token('leader') });
    if (body.awaiting === awaiting) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`escalation never awaited ${awaiting}`);
}

export async function world(makers: WorldMakers, needs: Needs): Promise<World> {
  const { api, token } = makers;
  const intake = await api.call('POST', '/intakes', { token: token('leader'), body: makers.intakeBody() });
  const w: World = { householdId: intake.body.householdId, intakeId: intake.body.id };
  await api.call('PUT', `/households/${w.householdId}/regisseur`, { token: token('leader'), body: { userId: 'regisseur' } });
  if (needs.journal) {
    const entry = await api.call('POST', `/households/${w.householdId}/journal`, {
      token: token('regisseur'),
      body: { kind: 'home_visit', text: 'Huisbezoek' },
    });
    w.journalEntryId = entry.body.id;
  }
  if (needs.signal) {
    const signal = await api.call('POST', '/signals', { token: token('partner'), body: signalBody() });
    w.signalId = signal.body.id;
  }
  if (!needs.plan) return w;
  if (needs.actionOwner) {
    const action = { description: 'a', ownerId: needs.actionOwner, organisation: 'o', dueDate: tomorrow() };
    const body = { ...planBody(), goals: [{ domain: 'finances', description: 'd', actions: [action] }] };
    await api.call('POST', `/households/${w.householdId}/plan`, { token: token('regisseur'), body });
    const agreed = await api.call('POST', `/households/${w.householdId}/plan/agreement`, {
      token: token('regisseur'),
      body: { agreedBy: 'b' },
    });
    w.actionId = agreed.body.goals[0].actions[0].id;
    return w;
  }
  await api.call('POST', `/households/${w.householdId}/plan`, { token: token('regisseur'), body: planBody() });
  if (!needs.escalation) return w;
  // Above Enschede's threshold when a budget holder must approve, below it otherwise.
  const cost = needs.escalation === 'budget_approval' ? 9999 : 10;
  const escalation = await api.call('POST', `/households/${w.householdId}/escalations`, {
    token: token('regisseur'),
    body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal', cost: { amount: cost, currency: 'EUR' } },
  });
  w.escalationId = escalation.body.id;
  await untilAwaiting(makers, escalation.body.id, 'decision');
  if (needs.escalation === 'decision') return w;
  const decision = needs.escalation === 'information' ? 'request_info' : 'approve';
  await api.call('POST', `/escalations/${w.escalationId}/decision`, { token: token('decider'), body: { decision, motivation: 'm' } });
  await untilAwaiting(makers, escalation.body.id, needs.escalation);
  if (needs.precedent) {
    const published = await api.call('POST', `/escalations/${w.escalationId}/precedent`, {
      token: token('decider'),
      body: { summary: 's', blockingRule: 'r', organisations: ['o'], domains: ['finances'], solution: 'z' },
    });
    w.precedentId = published.body.id;
  }
  return w;
}
