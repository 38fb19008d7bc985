import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf } from '#functions/http/contract.ts';
import { routes } from '#functions/routes.ts';
import { ROLES, type Role } from '#shared/auth.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The authorization matrix: every route × every role × own team / other team, and no token.
 * Expectations are written here from the roles table of ../shared/spec/domain.md, apart from
 * the code; the rows are generated from the route table, so a new route without a row fails.
 */
type Relation = 'own' | 'other';
type Outcome = 200 | 201 | 401 | 403 | 404;

const OWN = 'velve-lindenhof';
const OTHER = 'pathmos';
const CITY_WIDE_ROLES: Role[] = ['doorbraakteam', 'budgethouder', 'beheerder'];
const STORY = 'MATRIX-VERHAAL dat alleen het eigen team mag lezen';
const MEMBER = 'Matrix Bewoner';

interface World {
  householdId: string;
  intakeId: string;
  escalationId?: string;
}

/** What a world must hold for a route to succeed. */
interface Needs {
  plan?: boolean;
  escalation?: 'decision' | 'information' | 'budget_approval' | 'evaluation';
}

interface Row {
  needs: Needs;
  request: (w: World) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  /** The outcome for a role allowed by the route, by relation; undefined means the default (own 2xx, other 404). */
  expect?: (role: Role, relation: Relation, isRegisseur: boolean) => Outcome | undefined;
}

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const planBody = { goals: [{ domain: 'finances', description: 'd', actions: [] }], evaluationDate: tomorrow };
const regisseurOrLeader = (role: Role, relation: Relation, isRegisseur: boolean): Outcome | undefined =>
  relation === 'own' && !isRegisseur && role !== 'teamleider' ? 403 : undefined;
const cityWide = (ok: Outcome) => (role: Role, relation: Relation) => (CITY_WIDE_ROLES.includes(role) ? ok : relation === 'own' ? ok : 404);

const rows: Record<string, Row> = {
  getHealth: { needs: {}, request: () => ({ method: 'GET', path: '/health' }) },
  getOpenApi: { needs: {}, request: () => ({ method: 'GET', path: '/openapi.json' }) },
  listTeams: { needs: {}, request: () => ({ method: 'GET', path: '/teams' }), expect: () => 200 },
  listTeamMembers: {
    needs: {},
    request: () => ({ method: 'GET', path: `/teams/${OWN}/members` }),
    expect: (_role, relation) => (relation === 'own' ? 200 : 403),
  },
  registerIntake: {
    needs: {},
    request: () => ({ method: 'POST', path: '/intakes', body: intakeBody() }),
    expect: (_role, relation) => (relation === 'own' ? 201 : 403),
  },
  getIntake: { needs: {}, request: (w) => ({ method: 'GET', path: `/intakes/${w.intakeId}` }) },
  triageIntake: {
    needs: {},
    request: (w) => ({ method: 'POST', path: `/intakes/${w.intakeId}/triage`, body: { outcome: 'referred_external' } }),
  },
  listHouseholds: { needs: {}, request: () => ({ method: 'GET', path: '/households' }), expect: () => 200 },
  getHousehold: {
    needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}` }),
    // The doorbraakteam while the escalation is before them.
    expect: (role, relation) => (role === 'doorbraakteam' ? 200 : undefined) ?? (relation === 'own' ? 200 : 404),
  },
  appointRegisseur: {
    needs: {},
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/regisseur`, body: { userId: 'regisseur' } }),
  },
  transferHousehold: {
    needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/transfer`, body: { teamId: 'binnenstad' } }),
  },
  recordAssessment: {
    needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/assessments`, body: { scores: { finances: 3 } } }),
  },
  listAssessments: { needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/assessments` }) },
  closeHousehold: {
    needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/close`, body: { reason: 'r' } }),
    expect: regisseurOrLeader,
  },
  createPlan: {
    needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan`, body: planBody }),
    expect: regisseurOrLeader,
  },
  getPlan: { needs: { plan: true }, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan` }) },
  updatePlan: {
    needs: { plan: true },
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/plan`, body: planBody, headers: { 'if-match': '"1"' } }),
  },
  agreeToPlan: {
    needs: { plan: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/agreement`, body: { agreedBy: 'Bewoner' } }),
    expect: regisseurOrLeader,
  },
  closePlan: {
    needs: { plan: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/close`, body: { outcome: 'o' } }),
    expect: regisseurOrLeader,
  },
  listPlanVersions: { needs: { plan: true }, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan/versions` }) },
  getProcessingLog: { needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/processing-log` }) },
  exportHousehold: { needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/export` }) },
  submitEscalation: {
    needs: { plan: true },
    request: (w) => ({
      method: 'POST',
      path: `/households/${w.householdId}/escalations`,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' },
    }),
  },
  getStats: { needs: {}, request: () => ({ method: 'GET', path: '/stats' }), expect: () => 200 },
  listEscalations: { needs: {}, request: () => ({ method: 'GET', path: '/escalations' }), expect: () => 200 },
  getEscalation: {
    needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/escalations/${w.escalationId}` }),
    expect: cityWide(200),
  },
  decideEscalation: {
    needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/decision`, body: { decision: 'reject', motivation: 'm' } }),
    expect: cityWide(200),
  },
  giveInformation: {
    needs: { plan: true, escalation: 'information' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/information`, body: { information: 'i' } }),
    // Only the submitter (the regisseur in these worlds).
    expect: (_role, relation, isRegisseur) => (relation === 'other' ? 404 : isRegisseur ? 200 : 403),
  },
  approveBudget: {
    needs: { plan: true, escalation: 'budget_approval' },
    request: (w) => ({
      method: 'POST',
      path: `/escalations/${w.escalationId}/budget-approval`,
      body: { decision: 'approve', motivation: 'm' },
    }),
    expect: cityWide(200),
  },
  evaluateEscalation: {
    needs: { plan: true, escalation: 'evaluation' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/evaluation`, body: { resolved: true, note: 'n' } }),
    expect: (_role, relation, isRegisseur) => (relation === 'other' ? 404 : isRegisseur ? 200 : 403),
  },
};

let api: TestApi;
const tokens = new Map<string, string>();
let postcode = 5000;

function intakeBody() {
  return {
    teamId: OWN,
    channel: 'walk_in',
    urgency: 'normal',
    question: STORY,
    domains: ['finances'],
    household: {
      address: { postcode: `${postcode++}AB`, houseNumber: '1' },
      members: [{ name: MEMBER, birthDate: '1970-01-01', bsn: randomBsn(), role: 'adult' }],
    },
  };
}

const token = (who: string) => tokens.get(who) as string;

async function until(escalationId: string, awaiting: string) {
  for (let i = 0; i < 400; i++) {
    const { body } = await api.call('GET', `/escalations/${escalationId}`, { token: token('leader') });
    if (body.awaiting === awaiting) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`escalation never awaited ${awaiting}`);
}

async function world(needs: Needs): Promise<World> {
  const intake = await api.call('POST', '/intakes', { token: token('leader'), body: intakeBody() });
  const w: World = { householdId: intake.body.householdId, intakeId: intake.body.id };
  await api.call('PUT', `/households/${w.householdId}/regisseur`, { token: token('leader'), body: { userId: 'regisseur' } });
  if (!needs.plan) return w;
  await api.call('POST', `/households/${w.householdId}/plan`, { token: token('regisseur'), body: planBody });
  if (!needs.escalation) return w;
  const cost = needs.escalation === 'budget_approval' ? 9999 : 10;
  const escalation = await api.call('POST', `/households/${w.householdId}/escalations`, {
    token: token('regisseur'),
    body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal', cost: { amount: cost, currency: 'EUR' } },
  });
  w.escalationId = escalation.body.id;
  await until(escalation.body.id, 'decision');
  if (needs.escalation === 'decision') return w;
  const decision = needs.escalation === 'information' ? 'request_info' : 'approve';
  await api.call('POST', `/escalations/${w.escalationId}/decision`, { token: token('decider'), body: { decision, motivation: 'm' } });
  await until(escalation.body.id, needs.escalation);
  return w;
}

/** Professionals: every role in the own team and in another team, the regisseur, and a setup crew. */
const principals: { who: string; role: Role | 'regisseur'; relation: Relation }[] = [
  ...ROLES.map((role) => ({ who: `own-${role}`, role, relation: 'own' as const })),
  ...ROLES.map((role) => ({ who: `other-${role}`, role, relation: 'other' as const })),
  { who: 'regisseur', role: 'regisseur', relation: 'own' },
];

beforeAll(async () => {
  api = await startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  const teamsOf = (role: Role, relation: Relation) =>
    CITY_WIDE_ROLES.includes(role) ? (role === 'doorbraakteam' ? ['doorbraakteam'] : []) : [relation === 'own' ? OWN : OTHER];
  for (const { who, role, relation } of principals) {
    const roles = role === 'regisseur' ? ['wijkcoach'] : [role];
    tokens.set(who, await api.token({ sub: who, roles, teams: role === 'regisseur' ? [OWN] : teamsOf(role as Role, relation) }));
  }
  tokens.set('leader', await api.token({ sub: 'leader', roles: ['teamleider', 'intaker'], teams: [OWN] }));
  tokens.set('decider', await api.token({ sub: 'decider', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }));
  await Promise.all(['regisseur', 'leader'].map((who) => api.call('GET', '/teams', { token: token(who) })));
});
afterAll(() => api.stack.stop());

function expected(route: (typeof routes)[number], row: Row, role: Role | 'regisseur', relation: Relation): Outcome {
  const effectiveRole: Role = role === 'regisseur' ? 'wijkcoach' : role;
  if (route.auth === 'none') return 200;
  if (route.roles && !route.roles.includes(effectiveRole)) return 403;
  const cityWideRelation = CITY_WIDE_ROLES.includes(effectiveRole) ? 'other' : relation;
  const custom = row.expect?.(effectiveRole, cityWideRelation, role === 'regisseur');
  if (custom !== undefined) return custom;
  return cityWideRelation === 'own' ? (route.success.status as Outcome) : 404;
}

describe('authorization matrix', () => {
  it('has a row for every route', () => {
    expect(Object.keys(rows).sort()).toEqual(routes.map((r) => r.operationId).sort());
  });

  const results: string[] = [];
  for (const route of routes) {
    it(`${routeKeyOf(route)}`, async () => {
      const row = rows[route.operationId] as Row;
      let shared: World | undefined;
      const outcomes: string[] = [];
      for (const { who, role, relation } of [{ who: '', role: 'intaker' as const, relation: 'own' as const }, ...principals]) {
        const noToken = who === '';
        const want: Outcome = noToken ? (route.auth === 'none' ? 200 : 401) : expected(route, row, role, relation);
        // A request that should succeed gets a world of its own; refusals share one (they change nothing).
        if (want >= 300 && !shared) shared = await world(row.needs);
        const w = want < 300 || !shared ? await world(row.needs) : shared;
        const { method, path, body, headers } = row.request(w);
        const reply = await api.call(method, path, {
          ...(noToken ? {} : { token: token(who) }),
          ...(body ? { body } : {}),
          ...(headers ? { headers } : {}),
        });
        outcomes.push(`${noToken ? 'no token' : who}: ${reply.status}${reply.status === want ? '' : ` (expected ${want})`}`);
        if (reply.status >= 400) {
          expect(reply.text, `${who} ${path}`).not.toContain(STORY);
          expect(reply.text, `${who} ${path}`).not.toContain(MEMBER);
        }
      }
      results.push(...outcomes.map((o) => `${routeKeyOf(route)} ${o}`));
      expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
    }, 120_000);
  }

  it('covers routes × roles × teams', () => {
    // 1 + 6 roles × 2 relations + the regisseur, per route.
    expect(results).toHaveLength(routes.length * (2 + ROLES.length * 2));
    if (process.env.MATRIX_REPORT) console.log(results.join('\n'));
  });
});
