import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The work list (api.md 1.1 "The work list" and its precisions): each kind of task appears
 * for whom it waits, due when the spec says, overdue first, and goes with the change that ends it.
 */
let api: TestApi;
let anna: string; // intaker, velve-lindenhof
let kees: string; // wijkcoach, velve-lindenhof: regisseur and submitter
let wim: string; // wijkcoach, velve-lindenhof: owns plan actions
let lotte: string; // teamleider, velve-lindenhof
let otto: string; // intaker and teamleider of another team
let dora: string; // doorbraakteam
let bert: string; // budgethouder
let both: string; // doorbraakteam and budgethouder: decides, so may not approve the budget
let ina: string; // intaker of the interventieteam
let postcode = 4100;

const TEAM = 'velve-lindenhof';
const OTHER = 'pathmos';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The spec's "next working day": Monday to Friday in Europe/Amsterdam, no holidays (computed here, not by the code under test). */
function nextWorkingDay(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  do date.setUTCDate(date.getUTCDate() + 1);
  while ([0, 6].includes(date.getUTCDay()));
  return date.toISOString().slice(0, 10);
}

async function register(token = anna, teamId = TEAM, urgency = 'normal') {
  const reply = await api.call('POST', '/intakes', {
    token,
    body: {
      teamId,
      channel: 'walk_in',
      urgency,
      question: 'Ik kom er niet meer uit met de rekeningen.',
      domains: ['finances'],
      household: {
        address: { postcode: `${postcode++}AB`, houseNumber: '3' },
        members: [{ name: 'Fam Werklijst', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
      },
    },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; householdId: string };
}

async function tasks(token: string, query = '') {
  const reply = await api.call('GET', `/me/tasks${query}`, { token });
  expect(reply.status).toBe(200);
  return reply.body.items as {
    id: string;
    kind: string;
    dueDate: string;
    overdue: boolean;
    householdId: string;
    householdName?: string;
    intakeId?: string;
    escalationId?: string;
    title: string;
  }[];
}

async function withAgreedPlan(actions: { description: string; ownerId?: string; dueDate: string }[]) {
  const { householdId, id } = await register();
  const triaged = await api.call('POST', `/intakes/${id}/triage`, {
    token: anna,
    body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
  });
  expect(triaged.status).toBe(200);
  // The coach makes first contact (which ends that task, v1.2), then becomes regisseur.
  const contact = await api.call('POST', `/households/${householdId}/journal`, {
    token: kees,
    body: { kind: 'home_visit', text: 'Kennismaking.' },
  });
  expect(contact.status).toBe(201);
  expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
  const created = await api.call('POST', `/households/${householdId}/plan`, {
    token: kees,
    body: {
      goals: [
        {
          domain: 'finances',
          description: 'Schulden in beeld',
          actions: actions.map((a) => ({ ...a, organisation: 'Gemeente Enschede' })),
        },
      ],
      evaluationDate: day(30),
    },
  });
  expect(created.status).toBe(201);
  const agreed = await api.call('POST', `/households/${householdId}/plan/agreement`, { token: kees, body: { agreedBy: 'Fam Werklijst' } });
  expect(agreed.status).toBe(200);
  return { householdId, plan: agreed.body };
}

async function untilAwaiting(escalationId: string, awaiting: string) {
  for (let i = 0; i < 400; i++) {
    const { body } = await api.call('GET', `/escalations/${escalationId}`, { token: lotte });
    if (body.awaiting === awaiting) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never awaited ${awaiting}`);
}

beforeAll(async () => {
  api = await startTestApi();
  [anna, kees, wim, lotte, otto, dora, bert, both, ina] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: [TEAM] }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: [TEAM] }),
    api.token({ sub: 'wim', roles: ['wijkcoach'], teams: [TEAM] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: [TEAM] }),
    api.token({ sub: 'otto', roles: ['intaker', 'teamleider'], teams: [OTHER] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bert', roles: ['budgethouder'], teams: [] }),
    api.token({ sub: 'both', roles: ['doorbraakteam', 'budgethouder'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'ina', roles: ['intaker'], teams: ['interventieteam'] }),
  ]);
  await Promise.all([kees, wim, lotte].map((token) => api.call('GET', '/teams', { token })));
});
afterAll(() => api.stack.stop());

describe('triage tasks', () => {
  it("put an open intake in its team's work list, due the next working day, until it is triaged", async () => {
    const intake = await register();
    const mine = (await tasks(anna)).filter((t) => t.intakeId === intake.id);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'triage',
        dueDate: nextWorkingDay(),
        overdue: false,
        householdId: intake.householdId,
        intakeId: intake.id,
      }),
    ]);
    // Every intaker, wijkcoach and team leader of the team; nobody of another team.
    expect((await tasks(kees)).some((t) => t.intakeId === intake.id)).toBe(true);
    expect((await tasks(lotte)).some((t) => t.intakeId === intake.id)).toBe(true);
    expect((await tasks(otto)).some((t) => t.intakeId === intake.id)).toBe(false);
    expect((await tasks(dora)).some((t) => t.intakeId === intake.id)).toBe(false);

    const triaged = await api.call('POST', `/intakes/${intake.id}/triage`, { token: anna, body: { outcome: 'referred_external' } });
    expect(triaged.status).toBe(200);
    expect((await tasks(anna)).some((t) => t.intakeId === intake.id)).toBe(false);
    expect((await tasks(kees)).some((t) => t.intakeId === intake.id)).toBe(false);
  });

  it('names the household of every task as a person recognises it: its adults’ surnames and its address (v1.2)', async () => {
    const reply = await api.call('POST', '/intakes', {
      token: anna,
      body: {
        teamId: TEAM,
        channel: 'walk_in',
        urgency: 'acute',
        question: 'Ik kom er niet meer uit.',
        domains: ['finances'],
        household: {
          address: { postcode: '7545kl', houseNumber: '4', houseNumberAddition: 'a' },
          members: [
            { name: 'Anna de Vries', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' },
            { name: 'Piet Smit', birthDate: '1979-01-01', role: 'adult' },
            { name: 'Kim Smit', birthDate: '2015-01-01', role: 'child' },
          ],
        },
      },
    });
    const triage = (await tasks(anna)).find((t) => t.intakeId === reply.body.id);
    expect(triage?.householdName).toBe('de Vries en Smit · 7545 KL 4 A');
    // The interventieteam triages the acute intake, and sees whom it is about.
    expect((await tasks(ina)).find((t) => t.intakeId === reply.body.id)?.householdName).toBe('de Vries en Smit · 7545 KL 4 A');
    // Names are personal data: the list's log line names the members it showed (the adults).
    const log = await api.call('GET', `/households/${reply.body.householdId}/processing-log?limit=1`, { token: lotte });
    expect(log.body.items[0]).toMatchObject({ resource: '/me/tasks' });
    expect(log.body.items[0].dataSubjects).toHaveLength(2);
  });

  it('puts an urgent intake in the interventieteam’s list too, and a routed intake in the list of the team that holds the household', async () => {
    const urgent = await register(anna, TEAM, 'acute');
    expect((await tasks(ina)).some((t) => t.intakeId === urgent.id)).toBe(true);

    const held = await api.call('GET', `/households/${urgent.householdId}`, { token: lotte });
    // Otto's team registers an intake at the address Anna's team holds: it lands in Anna's list, not Otto's.
    const byAddress = await api.call('POST', '/intakes', {
      token: otto,
      body: {
        teamId: OTHER,
        channel: 'phone',
        urgency: 'normal',
        question: 'Tweede vraag, bij een ander team gemeld.',
        domains: ['housing'],
        household: { address: held.body.address, members: [{ name: 'Iemand Anders', birthDate: '1990-02-02', role: 'adult' }] },
      },
    });
    expect(byAddress.body.routedToTeamId).toBe(TEAM);
    expect((await tasks(anna)).some((t) => t.intakeId === byAddress.body.id)).toBe(true);
    expect((await tasks(otto)).some((t) => t.intakeId === byAddress.body.id)).toBe(false);
  });

  it('moves with the household to its new team', async () => {
    const intake = await register();
    const moved = await api.call('POST', `/households/${intake.householdId}/transfer`, { token: lotte, body: { teamId: OTHER } });
    expect(moved.status).toBe(200);
    expect((await tasks(anna)).some((t) => t.intakeId === intake.id)).toBe(false);
    expect((await tasks(otto)).some((t) => t.intakeId === intake.id)).toBe(true);
  });
});

describe('the regisseur', () => {
  it("a complex referral asks the team's leaders to appoint one; the appointment ends it; a transfer asks the new team's (v1.2)", async () => {
    const { householdId, id } = await register();
    const triaged = await api.call('POST', `/intakes/${id}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
    });
    expect(triaged.status).toBe(200);
    const asked = (await tasks(lotte)).filter((t) => t.householdId === householdId);
    expect(asked).toEqual([expect.objectContaining({ kind: 'regisseur_appointment', dueDate: nextWorkingDay(), overdue: false })]);
    // Only a team leader can appoint: nobody else is asked.
    for (const token of [anna, kees, otto]) {
      expect((await tasks(token)).some((t) => t.householdId === householdId && t.kind === 'regisseur_appointment')).toBe(false);
    }
    expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } })).status).toBe(200);
    expect((await tasks(lotte)).some((t) => t.householdId === householdId)).toBe(false);
    // Moved: the regisseur stays with the old team, so the new team's leader is asked.
    expect((await api.call('POST', `/households/${householdId}/transfer`, { token: lotte, body: { teamId: OTHER } })).status).toBe(200);
    // (The coach's first contact, not yet made, moves to the new team as well.)
    expect(
      (await tasks(otto))
        .filter((t) => t.householdId === householdId)
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['first_contact', 'regisseur_appointment']);
  });

  it('a simple referral, or a household that has its regisseur, asks nothing', async () => {
    const simple = await register();
    await api.call('POST', `/intakes/${simple.id}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' },
    });
    expect((await tasks(lotte)).some((t) => t.householdId === simple.householdId)).toBe(false);
  });
});

describe('the first contact', () => {
  it('a referral asks the coach to make first contact within three working days; a contact in the journal ends it, a note does not (v1.2)', async () => {
    const { householdId, id } = await register();
    await api.call('POST', `/intakes/${id}/triage`, {
      token: anna,
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' },
    });
    // Three working days on (Monday to Friday, Europe/Amsterdam), computed here.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const due = new Date(`${today}T12:00:00Z`);
    for (let n = 0; n < 3; ) {
      due.setUTCDate(due.getUTCDate() + 1);
      if (![0, 6].includes(due.getUTCDay())) n++;
    }
    const asked = (await tasks(kees)).filter((t) => t.householdId === householdId);
    expect(asked).toEqual([expect.objectContaining({ kind: 'first_contact', dueDate: due.toISOString().slice(0, 10) })]);
    expect((await tasks(wim)).some((t) => t.householdId === householdId)).toBe(false);
    const journal = `/households/${householdId}/journal`;
    expect((await api.call('POST', journal, { token: kees, body: { kind: 'note', text: 'Dossier gelezen.' } })).status).toBe(201);
    expect((await tasks(kees)).some((t) => t.householdId === householdId && t.kind === 'first_contact')).toBe(true);
    expect((await api.call('POST', journal, { token: kees, body: { kind: 'phone', text: 'Gebeld; afspraak gemaakt.' } })).status).toBe(201);
    expect((await tasks(kees)).some((t) => t.householdId === householdId && t.kind === 'first_contact')).toBe(false);
  });
});

describe('plan tasks', () => {
  it('give each owner the open actions of an agreed plan and the regisseur its evaluation; a draft gives nothing', async () => {
    const { householdId, id } = await register();
    expect(
      (
        await api.call('POST', `/intakes/${id}/triage`, {
          token: anna,
          body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
        })
      ).status,
    ).toBe(200);
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    await api.call('POST', `/households/${householdId}/plan`, {
      token: kees,
      body: {
        goals: [
          {
            domain: 'finances',
            description: 'g',
            actions: [{ description: 'Concept-actie', ownerId: 'wim', organisation: 'o', dueDate: day(3) }],
          },
        ],
        evaluationDate: day(30),
      },
    });
    expect((await tasks(wim)).filter((t) => t.householdId === householdId)).toEqual([]);

    const { householdId: agreedId, plan } = await withAgreedPlan([
      { description: 'Bel de woningcorporatie over een regeling', ownerId: 'wim', dueDate: day(-2) },
      { description: 'Aanvraag bijzondere bijstand', ownerId: 'wim', dueDate: day(5) },
      { description: 'Zonder eigenaar', dueDate: day(5) },
    ]);
    const wims = (await tasks(wim)).filter((t) => t.householdId === agreedId);
    // A due date in the past is overdue at once; overdue first.
    expect(wims.map((t) => [t.kind, t.title, t.dueDate, t.overdue])).toEqual([
      ['plan_action', 'Bel de woningcorporatie over een regeling', day(-2), true],
      ['plan_action', 'Aanvraag bijzondere bijstand', day(5), false],
    ]);
    expect(plan.goals[0].actions.every((a: { id: string; status: string }) => a.id && a.status === 'open')).toBe(true);
    // The regisseur evaluates the plan, and (v1.2) does what nobody else was made owner of.
    const regisseurs = (await tasks(kees)).filter((t) => t.householdId === agreedId);
    expect(regisseurs).toEqual([
      expect.objectContaining({ kind: 'plan_action', title: 'Zonder eigenaar', dueDate: day(5) }),
      expect.objectContaining({ kind: 'plan_evaluation', dueDate: day(30), overdue: false }),
    ]);
    // A new regisseur takes both over.
    await api.call('GET', '/teams', { token: wim });
    expect((await api.call('PUT', `/households/${agreedId}/regisseur`, { token: lotte, body: { userId: 'wim' } })).status).toBe(200);
    expect((await tasks(kees)).filter((t) => t.householdId === agreedId)).toEqual([]);
    expect((await tasks(wim)).filter((t) => t.householdId === agreedId).map((t) => t.title)).toContain('Zonder eigenaar');
    const overdueOnly = (await tasks(wim, '?overdue=true')).filter((t) => t.householdId === agreedId);
    expect(overdueOnly.map((t) => t.title)).toEqual(['Bel de woningcorporatie over een regeling']);
    expect((await tasks(wim, '?kind=plan_evaluation')).map((t) => t.householdId)).toContain(agreedId);
  });

  it('completing an action is one call by its owner, a new version, and the task goes', async () => {
    const { householdId, plan } = await withAgreedPlan([{ description: 'Formulier invullen', ownerId: 'wim', dueDate: day(1) }]);
    const actionId = plan.goals[0].actions[0].id;
    const path = `/households/${householdId}/plan/actions/${actionId}/completion`;
    expect((await api.call('POST', path, { token: anna })).status).toBe(403); // neither owner nor regisseur
    const done = await api.call('POST', path, { token: wim });
    expect(done.status).toBe(200);
    expect(done.body.version).toBe(plan.version + 1);
    expect(done.headers.get('etag')).toBe(`"${plan.version + 1}"`);
    expect(done.body.goals[0].actions[0]).toMatchObject({ id: actionId, status: 'done', doneBy: 'wim' });
    expect((await tasks(wim)).some((t) => t.householdId === householdId)).toBe(false);
    // Done is done: a second completion changes nothing.
    expect((await api.call('POST', path, { token: kees })).status).toBe(409);
    expect((await api.call('POST', `/households/${householdId}/plan/actions/nope/completion`, { token: wim })).status).toBe(404);
  });

  it("never loses someone else's edit: concurrent completions and a plan edit all land", async () => {
    const actions = Array.from({ length: 8 }, (_, i) => ({ description: `Actie ${i}`, ownerId: 'wim', dueDate: day(2) }));
    const { householdId, plan } = await withAgreedPlan(actions);
    const ids: string[] = plan.goals[0].actions.map((a: { id: string }) => a.id);
    const edit = api.call('PUT', `/households/${householdId}/plan`, {
      token: kees,
      headers: { 'if-match': `"${plan.version}"` },
      body: {
        goals: [
          {
            domain: 'finances',
            description: 'Schulden in beeld',
            actions: plan.goals[0].actions.map(({ id, description, ownerId, organisation, dueDate }: Record<string, string>) => ({
              id,
              description,
              ownerId,
              organisation,
              dueDate,
            })),
          },
          { domain: 'housing', description: 'Nieuw doel erbij', actions: [] },
        ],
        evaluationDate: day(30),
      },
    });
    const completions = ids.map((id) => api.call('POST', `/households/${householdId}/plan/actions/${id}/completion`, { token: wim }));
    const [edited, ...completed] = await Promise.all([edit, ...completions]);
    expect(completed.map((c) => c.status)).toEqual(ids.map(() => 200));
    // The edit read version 2; it lands only if it came first (412 is the honest answer otherwise), and nothing is lost either way.
    expect([200, 412]).toContain(edited.status);
    const final = await api.call('GET', `/households/${householdId}/plan`, { token: kees });
    expect(final.body.goals[0].actions.map((a: { status: string }) => a.status)).toEqual(ids.map(() => 'done'));
    if (edited.status === 200) expect(final.body.goals[1]?.description).toBe('Nieuw doel erbij');
    expect(final.body.version).toBe(plan.version + ids.length + (edited.status === 200 ? 1 : 0));
  });

  it('keeps ids and statuses across a plan edit, and refuses an id the plan does not have', async () => {
    const { householdId, plan } = await withAgreedPlan([{ description: 'Eerste', ownerId: 'wim', dueDate: day(1) }]);
    const [action] = plan.goals[0].actions;
    await api.call('POST', `/households/${householdId}/plan/actions/${action.id}/completion`, { token: wim });
    const keep = await api.call('PUT', `/households/${householdId}/plan`, {
      token: kees,
      headers: { 'if-match': `"${plan.version + 1}"` },
      body: {
        goals: [
          {
            domain: 'finances',
            description: 'Schulden in beeld',
            actions: [
              { id: action.id, description: 'Eerste (herschreven)', ownerId: 'wim', organisation: 'o', dueDate: day(1) },
              { description: 'Tweede', ownerId: 'wim', organisation: 'o', dueDate: day(4) },
            ],
          },
        ],
        evaluationDate: day(30),
      },
    });
    expect(keep.status).toBe(200);
    expect(keep.body.goals[0].actions[0]).toMatchObject({ id: action.id, status: 'done', description: 'Eerste (herschreven)' });
    expect(keep.body.goals[0].actions[1]).toMatchObject({ status: 'open' });
    expect((await tasks(wim)).filter((t) => t.householdId === householdId).map((t) => t.title)).toEqual(['Tweede']);

    const unknown = await api.call('PUT', `/households/${householdId}/plan`, {
      token: kees,
      headers: { 'if-match': `"${keep.body.version}"` },
      body: {
        goals: [
          {
            domain: 'finances',
            description: 'x',
            actions: [{ id: 'not-an-action', description: 'x', organisation: 'o', dueDate: day(1) }],
          },
        ],
        evaluationDate: day(30),
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams).toEqual([expect.objectContaining({ name: 'goals.0.actions.0.id', code: 'unknown_action' })]);
    expect((await api.call('GET', `/households/${householdId}/plan`, { token: kees })).body.version).toBe(keep.body.version);
  });

  it("refuses an owner who is not on the household team's roster: a task would show them the household", async () => {
    const { householdId, plan } = await withAgreedPlan([]);
    const outsider = await api.call('PUT', `/households/${householdId}/plan`, {
      token: kees,
      headers: { 'if-match': `"${plan.version}"` },
      body: {
        goals: [
          { domain: 'finances', description: 'g', actions: [{ description: 'x', ownerId: 'otto', organisation: 'o', dueDate: day(1) }] },
        ],
        evaluationDate: day(30),
      },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.invalidParams).toEqual([expect.objectContaining({ name: 'goals', code: 'owner_not_on_roster' })]);
    expect((await tasks(otto)).some((t) => t.householdId === householdId)).toBe(false);
    expect((await api.call('GET', `/households/${householdId}/plan`, { token: kees })).body.version).toBe(plan.version);
  });

  it("moves to the new team with the household: the old team's people no longer see it", async () => {
    const { householdId } = await withAgreedPlan([{ description: 'Verhuisactie', ownerId: 'wim', dueDate: day(2) }]);
    expect((await api.call('POST', `/households/${householdId}/transfer`, { token: lotte, body: { teamId: OTHER } })).status).toBe(200);
    expect((await tasks(wim)).some((t) => t.householdId === householdId)).toBe(false);
    expect((await tasks(kees)).some((t) => t.householdId === householdId)).toBe(false);
    expect(
      (await tasks(otto))
        .filter((t) => t.householdId === householdId)
        .map((t) => t.kind)
        .sort(),
      // The regisseur stayed with the old team: Otto, the new team's leader, is asked to appoint one (v1.2).
    ).toEqual(['plan_action', 'plan_evaluation', 'regisseur_appointment']);
  });

  it('closing the plan ends its tasks', async () => {
    const { householdId } = await withAgreedPlan([{ description: 'Iets', ownerId: 'wim', dueDate: day(1) }]);
    expect((await api.call('POST', `/households/${householdId}/plan/close`, { token: kees, body: { outcome: 'klaar' } })).status).toBe(200);
    expect((await tasks(wim)).some((t) => t.householdId === householdId)).toBe(false);
    expect((await tasks(kees)).some((t) => t.householdId === householdId)).toBe(false);
  });
});

describe('what the doorbraak flow waits for', () => {
  it('is in the list of whoever must answer, never of the submitter or the decider, and goes with the answer', async () => {
    const { householdId } = await withAgreedPlan([]);
    const submitted = await api.call('POST', `/households/${householdId}/escalations`, {
      token: kees,
      body: { blockage: 'b', organisations: ['Menzis'], proposal: 'p', urgency: 'normal', cost: { amount: 9999, currency: 'EUR' } },
    });
    expect(submitted.status).toBe(201);
    const escalationId = submitted.body.id;
    await untilAwaiting(escalationId, 'decision');
    const decision = (await tasks(dora)).filter((t) => t.escalationId === escalationId);
    expect(decision).toEqual([expect.objectContaining({ kind: 'escalation_decision', householdId, overdue: false })]);
    // The doorbraakteam sees whom it decides about; a budget holder approves a cost and sees no household.
    expect(decision[0]?.householdName).toMatch(/^Werklijst · /);
    expect((await tasks(kees)).some((t) => t.escalationId === escalationId)).toBe(false);

    // Ask for information: the submitter's task.
    await api.call('POST', `/escalations/${escalationId}/decision`, {
      token: both,
      body: { decision: 'request_info', motivation: 'Welke regeling?' },
    });
    await untilAwaiting(escalationId, 'information');
    expect((await tasks(dora)).some((t) => t.escalationId === escalationId)).toBe(false);
    expect((await tasks(kees)).filter((t) => t.escalationId === escalationId).map((t) => t.kind)).toEqual(['escalation_information']);
    await api.call('POST', `/escalations/${escalationId}/information`, { token: kees, body: { information: 'Deze.' } });
    await untilAwaiting(escalationId, 'decision');

    // Approved above the threshold by `both`: a budget holder other than the decider.
    await api.call('POST', `/escalations/${escalationId}/decision`, { token: both, body: { decision: 'approve', motivation: 'Akkoord' } });
    await untilAwaiting(escalationId, 'budget_approval');
    expect((await tasks(bert)).filter((t) => t.escalationId === escalationId).map((t) => t.kind)).toEqual(['budget_approval']);
    expect((await tasks(bert)).find((t) => t.escalationId === escalationId)?.householdName).toBeUndefined();
    expect((await tasks(both)).some((t) => t.escalationId === escalationId)).toBe(false);
    await api.call('POST', `/escalations/${escalationId}/budget-approval`, {
      token: bert,
      body: { decision: 'approve', motivation: 'Past' },
    });
    await untilAwaiting(escalationId, 'evaluation');
    expect((await tasks(kees)).filter((t) => t.escalationId === escalationId).map((t) => t.kind)).toEqual(['escalation_evaluation']);
    await api.call('POST', `/escalations/${escalationId}/evaluation`, { token: kees, body: { resolved: true, note: 'Opgelost' } });
    for (const token of [kees, dora, bert, both]) expect((await tasks(token)).some((t) => t.escalationId === escalationId)).toBe(false);
  });
});

describe("the team's work", () => {
  it('shows the team leader every task of the team with whom it waits for; nobody else', async () => {
    const { householdId } = await withAgreedPlan([{ description: 'Teamtaak', ownerId: 'wim', dueDate: day(-1) }]);
    const reply = await api.call('GET', `/teams/${TEAM}/tasks`, { token: lotte });
    expect(reply.status).toBe(200);
    const ofHousehold = reply.body.items.filter((t: { householdId: string }) => t.householdId === householdId);
    expect(ofHousehold.map((t: { kind: string; assigneeId: string | null }) => [t.kind, t.assigneeId]).sort()).toEqual([
      ['plan_action', 'wim'],
      ['plan_evaluation', 'kees'],
    ]);
    const intake = await register();
    const teamView = await api.call('GET', `/teams/${TEAM}/tasks?kind=triage&limit=100`, { token: lotte });
    expect(teamView.body.items.filter((t: { intakeId?: string }) => t.intakeId === intake.id)).toEqual([
      expect.objectContaining({ kind: 'triage', assigneeId: null }),
    ]);
    const overdue = await api.call('GET', `/teams/${TEAM}/tasks?overdue=true`, { token: lotte });
    expect(overdue.body.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
    expect((await api.call('GET', `/teams/${TEAM}/tasks`, { token: kees })).status).toBe(403);
    expect((await api.call('GET', `/teams/${TEAM}/tasks`, { token: otto })).status).toBe(403);
    expect((await api.call('GET', '/teams/no-such-team/tasks', { token: lotte })).status).toBe(404);
  });
});

describe('paging and bad input', () => {
  it('pages through every task once, in due-date order, across the caller and their teams', async () => {
    await withAgreedPlan([
      { description: 'P1', ownerId: 'wim', dueDate: day(-3) },
      { description: 'P2', ownerId: 'wim', dueDate: day(7) },
    ]);
    const all = await tasks(wim, '?limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply: { body: { items: { id: string; dueDate: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/me/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: wim },
      );
      seen.push(...reply.body.items.map((t) => t.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((t) => t.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.map((t) => t.dueDate)).toEqual([...all.map((t) => t.dueDate)].sort());
  });

  it('answers a cursor positioned past the overdue bound with nothing, not an error', async () => {
    const past = { pk: 'HH#x', sk: 'TASK#y', gsi1pk: 'TASKS#USER#wim', gsi1sk: '2999-01-01#y' };
    const cursor = Buffer.from(
      JSON.stringify({ kind: null, overdue: true, position: { 'TASKS#USER#wim': past, [`TASKS#TEAM#${TEAM}`]: 'start' } }),
    ).toString('base64url');
    const reply = await api.call('GET', `/me/tasks?overdue=true&cursor=${cursor}`, { token: wim });
    expect(reply.status).toBe(200);
    expect(reply.body.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
  });

  it('refuses an unknown kind, a made-up cursor, and a cursor of another list with 400', async () => {
    expect((await api.call('GET', '/me/tasks?kind=holiday', { token: wim })).status).toBe(400);
    expect((await api.call('GET', '/me/tasks?overdue=maybe', { token: wim })).status).toBe(400);
    const forged = Buffer.from(
      JSON.stringify({
        kind: null,
        overdue: false,
        position: { 'TASKS#USER#wim': { pk: 'X', sk: 'Y', gsi1pk: 'TASKS#USER#wim', gsi1sk: 'Z' } },
      }),
    ).toString('base64url');
    const reply = await api.call('GET', `/me/tasks?cursor=${forged}`, { token: wim });
    expect(reply.status).toBe(400);
    expect(reply.body.invalidParams[0]).toMatchObject({ name: 'cursor', code: 'invalid_cursor' });
    const page = await api.call('GET', '/me/tasks?limit=1', { token: anna });
    if (page.body.nextCursor) {
      expect((await api.call('GET', `/me/tasks?limit=1&overdue=true&cursor=${page.body.nextCursor}`, { token: anna })).status).toBe(400);
      expect((await api.call('GET', `/me/tasks?limit=1&cursor=${page.body.nextCursor}`, { token: wim })).status).toBe(400);
    }
  });
});
