/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dateKeys, expectAccessible, tabTo } from './browser.ts';
import {
  api,
  axe,
  COACH,
  dayFromNow,
  demoPeople,
  focusedId,
  INTAKER,
  LEADER,
  page,
  registerIntake,
  signInAs,
  startWebClient,
  tokenOf,
} from './harness.ts';

/**
 * The professionals' web client in a real browser against the local stack (web.md): sign in as a
 * demo professional, the work list as home, an intake for a household of two registered with the
 * keyboard alone on one screen without a page load, triage, the caseload and its search, the
 * dossier, and a partner's signal through outreach to help accepted. axe-core checks every
 * screen the walk reaches. Names and labels are web.md's, in Dutch.
 */
startWebClient();

/** What the work-list walks share: a day's work for the coach of Velve-Lindenhof, registered through the API. */
interface DayOfWork {
  people: Awaited<ReturnType<typeof demoPeople>>;
  coach: string;
  leader: string;
  /** A household with an agreed plan (the coach its regisseur), since changed: an overdue action of the coach's, one without owner, the agreement to renew. */
  planned: { householdId: string; overdueActionId: string; openActionId: string };
  /** An intake not yet triaged. */
  untriaged: { householdId: string; intakeId: string };
  /** A complex referral to the coach: first contact for the coach, a regisseur to appoint for the leaders. */
  referred: { householdId: string };
  escalationId: string;
}
let day: DayOfWork | undefined;

async function dayOfWork(): Promise<DayOfWork> {
  if (day) return day;
  const people = await demoPeople();
  const [coach, leader, intaker] = await Promise.all([tokenOf(people, COACH), tokenOf(people, LEADER), tokenOf(people, INTAKER)]);
  for (const token of [coach, leader, intaker]) await api.call('GET', '/teams', { token }); // on the roster, by name

  const planned = await registerIntake(intaker, {
    question: 'De huur en de energie lopen achter.',
    domains: ['finances', 'housing'],
    address: { postcode: '7545MA', houseNumber: '1' },
    members: [{ name: 'Anouk Ochtend', birthDate: '1981-01-01', role: 'adult' }],
  });
  const householdId = planned.body.householdId;
  await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } });
  const content = (evaluationDate: string) => ({
    evaluationDate,
    goals: [
      {
        domain: 'finances',
        description: 'Grip op de rekeningen',
        actions: [
          { description: 'Budgetcoach bellen', organisation: 'Gemeente', dueDate: dayFromNow(-3), ownerId: COACH },
          { description: 'Huurachterstand uitzoeken', organisation: 'Woonbedrijf', dueDate: dayFromNow(7) },
        ],
      },
    ],
  });
  const created = await api.call('POST', `/households/${householdId}/plan`, { token: coach, body: content(dayFromNow(20)) });
  expect(created.status).toBe(201);
  const agreed = await api.call('POST', `/households/${householdId}/plan/agreement`, { token: coach, body: { agreedBy: 'Anouk Ochtend' } });
  expect(agreed.status).toBe(200);
  const [overdueAction, openAction] = agreed.body.goals[0].actions as { id: string }[];
  // The evaluation moves: the household is to agree again (a plan_agreement task for the regisseur).
  const changed = await api.call('PUT', `/households/${householdId}/plan`, {
    token: coach,
    headers: { 'if-match': agreed.headers.get('etag') ?? '' },
    body: {
      evaluationDate: dayFromNow(25),
      goals: agreed.body.goals.map((g: { domain: string; description: string; actions: Record<string, unknown>[] }) => ({
        domain: g.domain,
        description: g.description,
        actions: g.actions.map(({ doneAt, doneBy, ...a }) => a),
      })),
    },
  });
  expect(changed.status).toBe(200);
  expect(changed.body.changedSinceAgreement).toBe(true);

  const untriaged = await registerIntake(intaker, {
    question: 'Vraag over schoolkosten.',
    domains: ['finances'],
    address: { postcode: '7545MB', houseNumber: '2' },
    members: [{ name: 'Bert Middag', birthDate: '1970-02-02', role: 'adult' }],
  });
  const referred = await registerIntake(intaker, {
    question: 'Schulden, werk kwijt, en zorgen om de zoon.',
    domains: ['finances', 'work_education', 'parenting'],
    address: { postcode: '7545MC', houseNumber: '3' },
    members: [{ name: 'Cor Avond', birthDate: '1975-03-03', role: 'adult' }],
  });
  const triaged = await api.call('POST', `/intakes/${referred.body.id}/triage`, {
    token: intaker,
    body: { outcome: 'referred_to_coach', coachId: COACH, complexity: 'complex' },
  });
  expect(triaged.status).toBe(200);

  const escalation = await api.call('POST', `/households/${householdId}/escalations`, {
    token: coach,
    body: {
      blockage: 'Beslagvrije voet te laag berekend',
      organisations: ['Belastingdienst'],
      proposal: 'Herberekenen',
      urgency: 'normal',
    },
  });
  expect(escalation.status).toBe(201);

  day = {
    people,
    coach,
    leader,
    planned: { householdId, overdueActionId: overdueAction?.id ?? '', openActionId: openAction?.id ?? '' },
    untriaged: { householdId: untriaged.body.householdId, intakeId: untriaged.body.id },
    referred: { householdId: referred.body.householdId },
    escalationId: escalation.body.id,
  };
  return day;
}

/** A section of a screen by its heading (a kind of task in the Werklijst, a person in the team's view). */
const sectionOf = (heading: RegExp) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });

describe('the web client', () => {
  it('signs in locally with a demo professional per role, and opens on the work list', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('button', { name: /intaker$/ }).count()).toBeGreaterThan(0);
    for (const role of ['intaker', 'wijkcoach', 'teamleider', 'doorbraakteam', 'budgethouder', 'beheerder'])
      expect(await page.getByRole('button', { name: new RegExp(role) }).count(), role).toBeGreaterThan(0);
    await expectAccessible(page, 'Aanmelden als demo-professional', axe);
    await signInAs('intaker');
    for (const link of ['Werklijst', 'Aanmelden', 'Caseload', 'Signalen'])
      expect(await page.getByRole('link', { name: link, exact: true }).count(), link).toBe(1);
    await expectAccessible(page, 'Werklijst', axe);
  });

  it('registers an intake for a household of two with the keyboard alone, on one screen, without a page load', async () => {
    await signInAs('intaker');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Aanmelden' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Aanmelden', axe);
    let steps = 0;
    const key = async (press: string) => {
      steps++;
      await page.keyboard.press(press);
    };
    const type = async (text: string) => {
      steps++;
      await page.keyboard.type(text);
    };
    const [riaBorn, jorisBorn] = [await dateKeys(page, '1979-04-12'), await dateKeys(page, '2014-05-03')];
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).click();
    await tabTo(page, 'Kanaal');
    await type('Tel'); // "Telefoon", chosen by typing as in any select
    await tabTo(page, 'Verhaal');
    await type('Ik kom er niet meer uit met de huur en de energierekening.');
    await tabTo(page, 'Financiën');
    await key('Space');
    await tabTo(page, 'Huisvesting');
    await key('Space');
    await tabTo(page, 'Postcode');
    await type('7545 GH');
    await tabTo(page, 'Huisnummer');
    await type('21');
    await tabTo(page, 'Naam');
    await type('Ria Kramer');
    await tabTo(page, 'Geboortedatum');
    await type(riaBorn);
    await tabTo(page, 'BSN');
    await type('123456789'); // fails the 11-proef: said at the field as you type
    expect(await page.locator('#veld-household-members-0-bsn-fout').textContent()).toContain('elfproef');
    await page.keyboard.press('Control+A');
    await type('111222333');
    expect(await page.locator('#veld-household-members-0-bsn-fout').count()).toBe(0);
    await tabTo(page, 'Lid toevoegen');
    await key('Enter');
    // The new member's name has the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-household-members-1-name');
    await type('Joris Kramer');
    await tabTo(page, 'Geboortedatum');
    await type(jorisBorn);
    await tabTo(page, 'Rol');
    await type('Kind');
    await tabTo(page, 'Aanmelding opslaan');
    await key('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Triage' }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(page.url()).toMatch(/\/aanmeldingen\/[^/]+\/triage$/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.getByText('Ik kom er niet meer uit met de huur').count()).toBe(1);
    // What was saved: one intake, by telephone, a household of two at the address typed.
    const intakeId = page.url().split('/').at(-2) ?? '';
    const anna = await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] });
    const saved = await api.call('GET', `/intakes/${intakeId}`, { token: anna });
    expect(saved.body).toMatchObject({ channel: 'phone', domains: ['finances', 'housing'] });
    const dossier = await api.call('GET', `/households/${saved.body.householdId}`, { token: anna });
    expect(dossier.body.address).toMatchObject({ postcode: '7545GH', houseNumber: '21' });
    expect(
      dossier.body.members.map((m: { name: string; birthDate: string; role: string; bsnMasked?: string }) => [
        m.name,
        m.birthDate,
        m.role,
        m.bsnMasked,
      ]),
    ).toEqual([
      ['Ria Kramer', '1979-04-12', 'adult', '******333'],
      ['Joris Kramer', '2014-05-03', 'child', undefined],
    ]);
    // Keyboard steps (fields typed, boxes ticked, buttons pressed), not counting Tab: the bench reports them.
    expect(steps).toBeLessThanOrEqual(16);
    await expectAccessible(page, 'Triage', axe);
  });

  it('shows the API’s invalidParams at the field they name', async () => {
    await signInAs('intaker');
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
    // The form's own checks pass; the API refuses the BSN (the request is changed on its way, as a stale client would send it).
    await page.route('**/v1/intakes', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      body.household.members[0].bsn = '123456789';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByLabel('Verhaal').fill('Een verhaal.');
    await page.getByLabel('Werk en opleiding').check();
    await page.getByLabel('Postcode').fill('7545 GJ');
    await page.getByLabel('Huisnummer').fill('4');
    await page.getByLabel('Naam').fill('Piet Test');
    await page.getByLabel('Geboortedatum').fill('1970-01-01');
    await page.getByLabel('BSN').fill('111222333');
    await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await expect
      .poll(() => page.locator('#veld-household-members-0-bsn-fout').textContent())
      .toBe('Geen geldig BSN: negen cijfers die de elfproef doorstaan.');
    expect(await page.getByLabel('BSN').getAttribute('aria-invalid')).toBe('true');
    await page.unroute('**/v1/intakes');
    await expectAccessible(page, 'Aanmelden (fouten)', axe);
  });

  it('triages, finds the household in the caseload by name, and opens its dossier', async () => {
    await signInAs('intaker');
    const intake = await registerIntake(
      await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] }),
      {
        question: 'Schulden bij de energieleverancier.',
        domains: ['finances'],
        address: { postcode: '7545KL', houseNumber: '8' },
        members: [{ name: 'Willemijn Zoekbaar', birthDate: '1966-06-06', bsn: '999999990', role: 'adult' }],
      },
    );
    await page.goto(`/aanmeldingen/${intake.body.id}/triage`);
    await page.getByLabel('Direct opgelost door de intaker').check();
    await page.getByLabel('Wat is er opgelost').fill('Betalingsregeling afgesproken.');
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await expect.poll(() => page.getByText('Getrieerd').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await page.getByLabel('Zoeken').fill('zoekbaar');
    await page.getByRole('button', { name: 'Zoek' }).click();
    await expect.poll(() => page.getByRole('link', { name: /· 7545 KL 8$/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Caseload', axe);
    await page
      .getByRole('link', { name: /· 7545 KL 8$/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Dossier/ }).isVisible()).toBe(true);
    expect(await page.getByText('******990').count()).toBe(1);
    expect(await page.getByText('999999990').count()).toBe(0);
    await expectAccessible(page, 'Dossier', axe);
  });

  it('names the household as a person recognises it: triage says who, what and to whom; the dossier by surnames and address, members with their role, a long story collapsed; the caseload finds 7545XA17', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
    for (const token of [intaker, coach, leader]) await api.call('GET', '/teams', { token }); // on the roster, by name
    const coachName = people.get(COACH)?.name ?? '';
    const ending = 'En dat is het hele verhaal, tot het einde toe.';
    const story = `${'De huur loopt al maanden achter en de brieven stapelen zich op. '.repeat(20)}${ending}`;
    const members = [
      { name: 'Anna de Vries', birthDate: '1980-01-01', role: 'adult' as const },
      { name: 'Bram Smit', birthDate: '1979-02-02', role: 'adult' as const },
      { name: 'Cas de Vries', birthDate: '2015-03-03', role: 'child' as const },
    ];
    const intake = await registerIntake(intaker, {
      question: story,
      domains: ['finances', 'housing'],
      address: { postcode: '7545XA', houseNumber: '17' },
      members,
      channel: 'phone',
    });
    const householdId = intake.body.householdId;
    const name = 'de Vries en Smit · 7545 XA 17';

    // Triage: who (the household by name) and what (urgency and channel), and afterwards to whom.
    await signInAs('intaker');
    await page.goto(`/aanmeldingen/${intake.body.id}/triage`);
    await expect.poll(() => page.getByText(`Huishouden: ${name}`).count()).toBe(1);
    expect(await page.getByText('Urgentie: Normaal · Kanaal: Telefoon').count()).toBe(1);
    expect(await page.getByText(/^Bekend huishouden/).count()).toBe(0);
    await page.getByLabel('Naar een wijkcoach').check();
    await page.getByLabel('Wijkcoach', { exact: true }).selectOption(COACH);
    await page.getByLabel('Complex: één plan, één regisseur').check();
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await expect.poll(() => page.getByText('Getrieerd').isVisible()).toBe(true);
    expect(await page.getByText(new RegExp(`Doorverwezen naar ${coachName} \\(.*Velve-Lindenhof.*\\)\\.`)).count()).toBe(1);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(COACH);
    await expectAccessible(page, 'Triage (doorverwezen, op naam)', axe);

    // A second intake at the address joins the household: the triage says it is known, with its regisseur and plan.
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } });
    const again = await registerIntake(intaker, {
      question: 'Nu ook zorgen om school.',
      domains: ['parenting'],
      address: { postcode: '7545XA', houseNumber: '17' },
      members: members.slice(0, 1),
    });
    expect(again.body.householdId).toBe(householdId);
    await page.goto(`/aanmeldingen/${again.body.id}/triage`);
    await expect.poll(() => page.getByText(`Bekend huishouden: regisseur ${coachName}, plan nog geen`).count()).toBe(1);
    expect(await page.getByText('Urgentie: Normaal · Kanaal: Inloop').count()).toBe(1);

    // The dossier: titled by surnames and address, members with their role, the long story by its start.
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: `Dossier: ${name}` }).isVisible()).toBe(true);
    const rows = page.getByRole('table', { name: 'Leden' }).getByRole('row');
    expect(await rows.filter({ hasText: 'Anna de Vries' }).textContent()).toContain('volwassene');
    expect(await rows.filter({ hasText: 'Bram Smit' }).textContent()).toContain('volwassene');
    expect(await rows.filter({ hasText: 'Cas de Vries' }).textContent()).toContain('kind');
    const whole = page.getByRole('button', { name: 'Hele verhaal tonen' });
    expect(await whole.count()).toBe(1); // the short second story has none
    expect(await whole.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByText(ending).count()).toBe(0);
    await expectAccessible(page, 'Dossier (lang verhaal ingekort)', axe);
    await whole.click();
    expect(await whole.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByText(ending).count()).toBe(1);
    await expectAccessible(page, 'Dossier (hele verhaal)', axe);

    // The caseload's one search field understands a postcode and house number as people type them.
    const annex = await registerIntake(intaker, {
      question: 'Een vraag van de buren.',
      domains: ['housing'],
      address: { postcode: '7545XA', houseNumber: '17', houseNumberAddition: 'A' },
      members: [{ name: 'Dina Buur', birthDate: '1990-04-04', role: 'adult' }],
    });
    expect(annex.body.householdId).not.toBe(householdId);
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    for (const [term, link] of [
      // A household by its surnames and address, as everywhere (never its id).
      ['7545XA17', name],
      ['7545 xa 17', name],
      ['7545XA 17a', 'Buur · 7545 XA 17 A'],
    ] as const) {
      await page.getByLabel('Zoeken').fill(term);
      await page.getByRole('button', { name: 'Zoek' }).click();
      const results = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Zoekresultaten' }) });
      await expect.poll(() => results.getByRole('link', { name: link, exact: true }).count(), { message: term }).toBe(1);
    }
    await expectAccessible(page, 'Caseload (gezocht op adres)', axe);
  });

  it('writes the household’s story in the dossier: an entry with the keyboard alone, read by a colleague; a restricted one they only see exists; a correction that keeps the earlier text; filters; at 390 px', async () => {
    const people = (await (await fetch(`${api.stack.url}/local/professionals`)).json()) as { id: string; name: string }[];
    const coachName = people.find((p) => p.id === 'demo-wijkcoach-velve-lindenhof')?.name ?? '';
    expect(coachName).not.toBe('');
    const coach = await api.token({ sub: 'demo-wijkcoach-velve-lindenhof', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    const intake = await registerIntake(
      await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] }),
      {
        question: 'Huurachterstand en spanningen thuis.',
        domains: ['finances', 'domestic_relations'],
        address: { postcode: '7545TL', houseNumber: '9' },
        members: [
          { name: 'Tamara Tijdlijn', birthDate: '1988-08-18', role: 'adult' },
          { name: 'Timo Tijdlijn', birthDate: '2016-06-16', role: 'child' },
        ],
      },
    );
    const householdId = intake.body.householdId;
    const visit = 'Huisbezoek afgelegd: de huur is drie maanden achter, de verhuurder dreigt met ontruiming.';
    const secret = 'Mevrouw vertelt over geweld van haar ex-partner; meldcode stap twee gezet.';
    const timeline = page.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' });
    const itemWith = (text: string) => timeline.locator(':scope > li').filter({ hasText: text });
    const text = page.getByRole('textbox', { name: 'Verslag', exact: true });

    // The coach writes down a home visit with the keyboard alone: it is on the timeline at once, without a page load.
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Tijdlijn', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => itemWith('Aanmelding geregistreerd').count()).toBe(1);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.getByRole('heading', { level: 1 }).click();
    await tabTo(page, 'Verslag');
    await page.keyboard.press('Control+Enter'); // nothing written yet: said at the field, nothing saved
    await expect.poll(() => page.locator('#veld-journal-text-fout').textContent()).toBe('Schrijf eerst wat er gebeurd is.');
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'Soort');
    await page.keyboard.type('Hu'); // "Huisbezoek", chosen by typing as in any select
    await tabTo(page, 'Verslag');
    await page.keyboard.type(visit);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => itemWith(visit).count()).toBe(1);
    expect(await itemWith(visit).textContent()).toContain(`Huisbezoek`);
    expect(await itemWith(visit).textContent()).toContain(coachName);
    expect(await page.getByRole('status').filter({ hasText: 'Verslag opgeslagen.' }).count()).toBe(1);
    expect(await text.inputValue()).toBe('');
    expect(await text.getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-journal-text');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const journal = await api.call('GET', `/households/${householdId}/journal`, { token: coach });
    expect(journal.body.items.map((e: { kind: string; text: string }) => [e.kind, e.text])).toEqual([['home_visit', visit]]);
    await expectAccessible(page, 'Dossier (tijdlijn)', axe);

    // A restricted entry; a refusal of the API is said at its field in Dutch (the request is changed on its way to a future moment).
    await text.fill(secret);
    await page.getByText('Meer opties: moment, over wie, leefgebieden, afschermen').click();
    await page.getByLabel('Afgeschermd (alleen auteur, regisseur en teamleiders)').check();
    await page.route('**/v1/households/*/journal', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}');
      await route.continue({ postData: JSON.stringify({ ...body, at: new Date(Date.now() + 86_400_000).toISOString() }) });
    });
    await page.getByRole('button', { name: 'Verslag opslaan' }).click();
    await expect.poll(() => page.locator('#veld-journal-at-fout').textContent()).toBe('Dit moment ligt in de toekomst.');
    expect(await page.getByLabel('Datum en tijd').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/future|not valid|does not fit/).count()).toBe(0);
    await expectAccessible(page, 'Dossier (verslag met fout)', axe);
    await page.unroute('**/v1/households/*/journal');
    await page.getByRole('button', { name: 'Verslag opslaan' }).click();
    await expect.poll(() => itemWith(secret).count()).toBe(1);
    expect(await itemWith(secret).textContent()).toContain('afgeschermd');

    // A colleague of the team reads the visit; of the restricted entry only that it exists.
    await signInAs('intaker');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => itemWith(visit).count()).toBe(1);
    expect(await itemWith(visit).textContent()).toContain(coachName);
    expect(await itemWith('Afgeschermd verslag').count()).toBe(1);
    expect(await page.getByText(secret).count()).toBe(0);
    expect(await page.getByText(/meldcode stap/).count()).toBe(0);
    await itemWith(visit).getByRole('button', { name: 'Volledig verslag' }).click();
    await expect.poll(() => itemWith(visit).getByText('Tamara Tijdlijn, Timo Tijdlijn').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Corrigeren' }).count()).toBe(0); // neither its author nor a team leader
    await expectAccessible(page, 'Dossier (tijdlijn van een collega)', axe);
    // Filters: a search in the text, and a kind that has no entries.
    await page.getByText('Zoeken en filteren in verslagen').click();
    await page.getByLabel('Zoeken in verslagen').fill('ontruim');
    const found = page.getByRole('list', { name: 'Gevonden verslagen, nieuwste eerst' });
    await expect.poll(() => found.getByRole('listitem').count()).toBe(1);
    expect(await found.getByRole('listitem').textContent()).toContain(visit);
    await page.getByLabel('Zoeken in verslagen').fill('');
    await page.getByLabel('Soort verslag').selectOption({ label: 'Notitie' });
    await expect.poll(() => page.getByText('Geen verslagen gevonden.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Dossier (verslagen gefilterd)', axe);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => itemWith(visit).count()).toBe(1);

    // The coach corrects the visit: the text it replaces stays readable, with who, when and why.
    const corrected = 'Huisbezoek afgelegd: de huur is twee maanden achter, de verhuurder dreigt met ontruiming.';
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => itemWith(visit).count()).toBe(1);
    await itemWith(visit).getByRole('button', { name: 'Volledig verslag' }).click();
    await itemWith(visit).getByRole('button', { name: 'Corrigeren' }).click();
    await page.getByLabel('Nieuwe tekst').fill(corrected);
    await page.getByRole('button', { name: 'Correctie opslaan' }).click();
    await expect.poll(() => page.getByLabel('Reden van de correctie').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Geef de reden van de correctie.').count()).toBe(1);
    await page.getByLabel('Reden van de correctie').fill('Het waren twee maanden, niet drie.');
    await page.getByRole('button', { name: 'Correctie opslaan' }).click();
    await expect.poll(() => page.getByText(`Eerder: ${visit}`).count()).toBe(1);
    const now = itemWith(`Eerder: ${visit}`);
    expect(await now.textContent()).toContain(corrected);
    expect(await now.textContent()).toContain('gecorrigeerd');
    expect(await now.getByText(`Gecorrigeerd door ${coachName} op `).textContent()).toContain('Reden: Het waren twee maanden, niet drie.');
    expect(await page.getByRole('status').filter({ hasText: 'Correctie opgeslagen.' }).count()).toBe(1);
    const after = await api.call('GET', `/households/${householdId}/journal`, { token: coach });
    const entry = after.body.items.find((e: { text?: string }) => e.text === corrected);
    expect(entry.corrections.map((c: { previousText: string }) => c.previousText)).toEqual([visit]);
    await expectAccessible(page, 'Dossier (verslag gecorrigeerd)', axe);

    // A longer story comes in pages: "Meer laden" goes on where the first page ended, kinds and corrections and all.
    for (let n = 1; n <= 10; n++)
      await api.call('POST', `/households/${householdId}/journal`, { token: coach, body: { kind: 'phone', text: `Gebeld, keer ${n}.` } });
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => timeline.locator(':scope > li').count()).toBe(10);
    expect(await itemWith(corrected).count()).toBe(0);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => timeline.locator(':scope > li').count()).toBe(10 + 3);
    expect(await itemWith(corrected).textContent()).toContain('Huisbezoek');
    expect(await itemWith('Gebeld, keer 1.').textContent()).toContain('Telefoongesprek');
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);

    // On a phone (390 px): the form and the timeline fit, nothing scrolls sideways.
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Tijdlijn', exact: true }) });
      expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const box = await text.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'Dossier (tijdlijn, 390 px)', axe);
    } finally {
      if (wide) await page.setViewportSize(wide);
    }
  });

  it('takes a partner’s signal through outreach to help accepted, and on to the triage', async () => {
    const menzis = await api.stack.idp.signPartner('menzis');
    const sent = await api.call('POST', '/signals', {
      token: menzis,
      body: {
        reference: 'e2e-1',
        kind: 'health_insurance_arrears',
        arrears: { amount: 640, currency: 'EUR' },
        since: '2026-07-01',
        address: { postcode: '7546AA', houseNumber: '5' },
        person: { name: 'Gerda Signaal', birthDate: '1958-02-02' },
      },
    });
    expect(sent.status).toBe(201);
    await signInAs('wijkcoach');
    await page.getByRole('link', { name: 'Signalen', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Gerda Signaal' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Signalen', axe);
    await page.getByRole('link', { name: 'Gerda Signaal' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Gerda Signaal/ }).isVisible()).toBe(true);
    await page.getByLabel('Kanaal').selectOption('visit');
    await page.getByLabel('Bereikt').check();
    await page.getByRole('button', { name: 'Contactpoging opslaan' }).click();
    await expect.poll(() => page.getByText('In outreach').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Signaal', axe);
    await page.getByLabel('Uitkomst', { exact: true }).selectOption('help_accepted');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Naar de triage' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Naar de triage' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Triage' }).isVisible()).toBe(true);
    expect(await page.getByText(/Menzis meldt achterstand zorgverzekering/).count()).toBe(1);
    expect((await api.call('GET', `/signals/${sent.body.id}`, { token: menzis })).body.status).toBe('help_accepted');
  });

  it('one household through the team: triage to a coach, the regisseur appointed, ZRM measured twice (with the keyboard) and charted, the processing log and the export', async () => {
    // The coach has signed in once, so the team's roster offers them.
    await signInAs('wijkcoach');
    const intake = await registerIntake(
      await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] }),
      {
        question: 'Schulden, en de kinderen gaan niet naar school.',
        domains: ['finances', 'parenting'],
        address: { postcode: '7545ZR', houseNumber: '3' },
        members: [
          { name: 'Rosa Meting', birthDate: '1985-03-03', bsn: '111222333', role: 'adult' },
          { name: 'Ruben Meting', birthDate: '2014-04-04', role: 'child' },
        ],
        channel: 'phone',
      },
    );
    const householdId = intake.body.householdId;

    await signInAs('intaker');
    await page.goto(`/aanmeldingen/${intake.body.id}/triage`);
    await page.getByLabel('Naar een wijkcoach').check();
    await page.getByLabel('Wijkcoach', { exact: true }).selectOption('demo-wijkcoach-velve-lindenhof');
    await page.getByLabel('Complex: één plan, één regisseur').check();
    await expectAccessible(page, 'Triage (naar een wijkcoach)', axe);
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await expect.poll(() => page.getByText('Getrieerd').isVisible()).toBe(true);
    const intaker = await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] });
    const triaged = await api.call('GET', `/intakes/${intake.body.id}`, { token: intaker });
    expect(triaged.body.triage).toMatchObject({
      outcome: 'referred_to_coach',
      coachId: 'demo-wijkcoach-velve-lindenhof',
      complexity: 'complex',
    });

    // The team leader appoints the regisseur in the dossier.
    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByText('Nog geen regisseur').isVisible()).toBe(true);
    await page.getByLabel('Regisseur (wijkcoach of teamleider van het team)').selectOption('demo-wijkcoach-velve-lindenhof');
    await page.getByRole('button', { name: 'Regisseur aanwijzen' }).click();
    await expect.poll(() => page.getByText(/is de regisseur\./).isVisible()).toBe(true);
    const leader = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    expect((await api.call('GET', `/households/${householdId}`, { token: leader })).body.regisseur.userId).toBe(
      'demo-wijkcoach-velve-lindenhof',
    );

    // The regisseur records two ZRM assessments with the keyboard alone; the second draws the chart.
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByText('Nog geen metingen.').isVisible()).toBe(true);
    const measure = async (scores: [string, string][]) => {
      for (const [domain, score] of scores) {
        await tabTo(page, domain);
        await page.keyboard.type(score); // a native select picks the option that starts with what is typed
      }
      await tabTo(page, 'Meting opslaan');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByText('De meting is opgeslagen.').isVisible()).toBe(true);
    };
    await measure([
      ['Financiën', '2'],
      ['Opvoeding', '3'],
    ]);
    await measure([['Financiën', '4']]);
    const scores = page.getByRole('table', { name: 'ZRM-scores per meting, nieuwste eerst' });
    await expect.poll(() => scores.getByRole('row').count()).toBe(1 + 2);
    await expect.poll(() => page.getByRole('img', { name: /ZRM-score per leefgebied door de tijd/ }).isVisible()).toBe(true);
    expect(await page.locator('canvas').count()).toBe(1);
    expect(await page.getByText('Verandering sinds de eerste meting: Financiën +2, Opvoeding 0').count()).toBe(1);
    const listed = await api.call('GET', `/households/${householdId}/assessments`, { token: leader });
    expect(listed.body.items.map((a: { scores: Record<string, number> }) => a.scores)).toEqual([
      { finances: 4, parenting: 3 },
      { finances: 2, parenting: 3 },
    ]);
    await expectAccessible(page, 'Dossier (ZRM)', axe);

    // The team leader answers a subject access request: the log, for one member, and the export.
    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}`);
    await page.getByRole('link', { name: 'Privacy: verwerkingen en inzage' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Privacy' }).isVisible()).toBe(true);
    const log = page.getByRole('table', { name: 'Verwerkingen' });
    await expect.poll(() => log.getByRole('row').count()).toBeGreaterThan(5);
    // Each line in words (issue 26): who by name, what, why and under which activity of the register in Dutch.
    const recorded = log
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Vastleggen', exact: true }) })
      .filter({ has: page.getByRole('cell', { name: 'de ZRM-metingen', exact: true }) });
    expect(await recorded.count()).toBe(2);
    const coachName = (await demoPeople()).get(COACH)?.name ?? '';
    for (const row of await recorded.all()) {
      expect(await row.textContent()).toContain(`${coachName} (wijkcoach)`);
      expect(await row.textContent()).toContain('zelfredzaamheid meten (ZRM)');
      expect(await row.textContent()).toContain('Meting van zelfredzaamheid (ZRM)');
    }
    // Never an id, an API path or the log's English purpose codes.
    const wholeLog = (await log.textContent()) ?? '';
    expect(wholeLog).not.toMatch(/demo-|\/households|\/escalations|case work|care planning|assessment of/);
    expect(wholeLog).not.toContain(householdId);
    await expectAccessible(page, 'Privacy', axe);
    await page.getByLabel('Betrokkene').selectOption({ label: 'Ruben Meting' });
    const rubens = page.getByRole('table', { name: 'Verwerkingen: Ruben Meting' });
    await expect.poll(() => rubens.getByRole('row').count()).toBeGreaterThan(1);
    // Every line shown concerns him (the column lists the members each line is about).
    const subjects = await rubens.locator('tbody tr td:nth-child(7)').allTextContents();
    expect(subjects.length).toBeGreaterThan(0);
    for (const cell of subjects) expect(cell).toContain('Ruben Meting');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Inzageverzoek: alles exporteren' }).click(),
    ]);
    // Named as a person recognises the household (its surnames and address: the BSN may have joined an earlier one), not by its id.
    const { address } = (await api.call('GET', `/households/${householdId}`, { token: leader })).body;
    const named = `${address.postcode.slice(0, 4)}-${address.postcode.slice(4).toLowerCase()}-${address.houseNumber}`;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^huishouden-[a-z-]+-${named}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(download.suggestedFilename()).not.toContain(householdId);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.household.id).toBe(householdId);
    expect(exported.assessments).toHaveLength(2);
    // The export is itself a line of the log (api.md: "itself logged").
    const after = await api.call('GET', `/households/${householdId}/processing-log?limit=100`, { token: leader });
    expect(after.body.items.filter((line: { action: string }) => line.action === 'export')).toHaveLength(1);
    await expect.poll(() => page.getByText(/De export is gedownload als/).isVisible()).toBe(true);
  });

  it('writes a plan, and on a 412 shows the other person’s change and saves one’s own on top, losing nothing', async () => {
    const leader = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    const coach = await api.token({ sub: 'demo-wijkcoach-velve-lindenhof', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    await api.call('GET', '/teams', { token: coach }); // on the team's roster
    const intake = await registerIntake(leader, {
      question: 'Meerdere problemen tegelijk.',
      domains: ['finances', 'housing'],
      address: { postcode: '7545PL', houseNumber: '1' },
      members: [{ name: 'Plan Bewoner', birthDate: '1980-08-08', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: 'demo-wijkcoach-velve-lindenhof' } });
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await page.getByRole('link', { name: 'Plan bekijken of maken' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plan' }).isVisible()).toBe(true);
    await page.getByLabel('Omschrijving').fill('Schulden in beeld en onder controle');
    await page.getByRole('button', { name: 'Actie toevoegen aan doel 1' }).click();
    await page.locator('#veld-goals-0-actions-0-description').fill('Aanmelden bij de schuldhulp');
    await page.locator('#veld-goals-0-actions-0-organisation').fill('Gemeente');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => page.getByText('Het plan is opgeslagen.').isVisible()).toBe(true);
    await expectAccessible(page, 'Plan', axe);

    // The team leader saves a change while the regisseur is still editing.
    const read = await api.call('GET', `/households/${householdId}/plan`, { token: leader });
    // They move the evaluation date too: the very field that must not silently go back.
    const theirDate = dayFromNow(60);
    const theirs = {
      evaluationDate: theirDate,
      goals: [{ domain: 'housing', description: 'Huur betaalbaar houden', actions: [] }],
    };
    expect(
      (
        await api.call('PUT', `/households/${householdId}/plan`, {
          token: leader,
          body: theirs,
          headers: { 'if-match': read.headers.get('etag') ?? '' },
        })
      ).status,
    ).toBe(200);

    await page.getByLabel('Omschrijving').first().fill('Schulden in beeld, en een budgetcoach');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'De versie van de ander' }).isVisible()).toBe(true);
    expect(await page.getByText('Huur betaalbaar houden').count()).toBe(1);
    // Where the person is: the warning has the focus, and it follows the form's save button (not at the page's top).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#plan-conflict') !== null)).toBe(true);
    expect(
      await page.evaluate(() => {
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Plan opslaan');
        const warning = document.getElementById('plan-conflict');
        return button && warning ? (button.compareDocumentPosition(warning) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : false;
      }),
    ).toBe(true);
    // Their version with the evaluation date they set (Dutch date); nothing lost: the form still holds this person's edit.
    const theirDateText = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium' }).format(new Date(`${theirDate}T12:00:00Z`));
    expect(await page.getByText(`Evaluatie op ${theirDateText}.`).count()).toBe(1);
    expect(await page.getByLabel('Omschrijving').first().inputValue()).toBe('Schulden in beeld, en een budgetcoach');
    await expectAccessible(page, 'Plan (412)', axe);
    // The dates differ: saving on top asks which stays, and sends nothing until chosen.
    await page.getByRole('button', { name: 'Mijn versie opslaan bovenop de hunne' }).click();
    await expect.poll(() => page.getByText('Kies welke evaluatiedatum blijft.').isVisible()).toBe(true);
    expect((await api.call('GET', `/households/${householdId}/plan`, { token: leader })).body.version).toBe(2);
    await expectAccessible(page, 'Plan (412, kies een datum)', axe);
    await page.getByLabel(`Hun datum: ${theirDateText}`).check();
    await page.getByRole('button', { name: 'Mijn versie opslaan bovenop de hunne' }).click();
    await expect.poll(() => page.getByText('Het plan is opgeslagen.').isVisible()).toBe(true);
    const saved = await api.call('GET', `/households/${householdId}/plan`, { token: leader });
    expect(saved.body.version).toBe(3);
    expect(saved.body.evaluationDate).toBe(theirDate);
    expect(saved.body.goals.map((g: { description: string }) => g.description)).toEqual(['Schulden in beeld, en een budgetcoach']);
    expect(saved.body.goals[0].actions.map((a: { description: string }) => a.description)).toEqual(['Aanmelden bij de schuldhulp']);
  });

  it('asks for a doorbraak from the dossier; the doorbraakteam decides in its queue, only the answer the flow waits for offered, and publishes a precedent that coaches find', async () => {
    const leader = await api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] });
    const coach = await api.token({ sub: 'demo-wijkcoach-velve-lindenhof', roles: ['wijkcoach'], teams: ['velve-lindenhof'] });
    await api.call('GET', '/teams', { token: coach });
    const intake = await registerIntake(leader, {
      question: 'De regels blokkeren de schuldhulp.',
      domains: ['finances'],
      address: { postcode: '7545DB', houseNumber: '2' },
      members: [{ name: 'Doorbraak Bewoner', birthDate: '1975-05-05', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: 'demo-wijkcoach-velve-lindenhof' } });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await api.call('POST', `/households/${householdId}/plan`, {
      token: coach,
      body: { goals: [{ domain: 'finances', description: 'Schulden', actions: [] }], evaluationDate: tomorrow },
    });
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await page.getByRole('link', { name: 'Doorbraak aanvragen' }).click();
    // Sent empty: the API's invalidParams land at the fields they name, and nothing is asked.
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect.poll(() => page.getByLabel('Wat blokkeert').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Voorstel').getAttribute('aria-invalid')).toBe('true');
    expect((await api.call('GET', `/households/${householdId}`, { token: coach })).body.escalations).toHaveLength(0);
    await page.getByLabel('Wat blokkeert').fill('Premieschuld verrekend met de toeslag');
    await page.getByLabel('Organisaties (met komma’s)').fill('Menzis, Gemeente Enschede');
    await page.getByLabel('Voorstel').fill('Verrekening bevriezen tijdens de schuldregeling');
    // Above Enschede's budget limit (5,000): the budget holder approves after the doorbraakteam.
    // Not an amount: said at the field in Dutch, and nothing is sent.
    await page.getByLabel('Kosten (euro, optioneel)').fill('veel geld');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect.poll(() => page.getByText('Vul een bedrag in euro in, zoals 1.950,75.').isVisible()).toBe(true);
    expect(await page.getByLabel('Kosten (euro, optioneel)').getAttribute('aria-invalid')).toBe('true');
    expect((await api.call('GET', `/households/${householdId}`, { token: coach })).body.escalations).toHaveLength(0);
    // Typed the Dutch way (issue 26): a dot between the thousands, a decimal comma.
    await page.getByLabel('Kosten (euro, optioneel)').fill('7.500,00');
    await expectAccessible(page, 'Doorbraak aanvragen', axe);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Premieschuld verrekend met de toeslag' }).isVisible()).toBe(true);
    const [asked] = (await api.call('GET', `/households/${householdId}`, { token: coach })).body.escalations;
    expect((await api.call('GET', `/escalations/${asked.id}`, { token: coach })).body.cost).toEqual({ amount: 7500, currency: 'EUR' });
    // The submitter is not offered the decision (rule 6).
    expect(await page.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);

    await signInAs('doorbraakteam', 'Doorbraakteam');
    await page.getByRole('link', { name: 'Doorbraken', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Premieschuld verrekend met de toeslag' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Doorbraken', axe);
    await page.getByRole('link', { name: 'Premieschuld verrekend met de toeslag' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Besluit vastleggen' }).isVisible()).toBe(true);
    // Only the answer the flow waits for: no budget, information or evaluation forms.
    for (const other of ['Budgetbesluit vastleggen', 'Informatie geven', 'Evaluatie vastleggen'])
      expect(await page.getByRole('button', { name: other }).count(), other).toBe(0);
    await expectAccessible(page, 'Doorbraak', axe);
    await page.getByLabel('Goedkeuren').check();
    await page.getByLabel('Motivering').fill('Maatwerk: bevriezen is goedkoper dan de schuld laten oplopen.');
    await page.getByLabel('Goedgekeurde kosten (euro)').fill('7500');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    // The flow takes the answer a moment later (locally in well under a second, on a loaded machine longer).
    await expect.poll(() => page.getByRole('button', { name: 'Besluit vastleggen' }).count(), { timeout: 30_000 }).toBe(0);
    const doorbraak = page.url();

    // The budget holder finds it in the queue and approves; only the budget answer is offered.
    await signInAs('budgethouder', 'Stadsbreed');
    await page.getByRole('link', { name: 'Doorbraken', exact: true }).click();
    await page.getByRole('link', { name: 'Premieschuld verrekend met de toeslag' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Budgetbesluit vastleggen' }).isVisible(), { timeout: 30_000 }).toBe(true);
    for (const other of ['Besluit vastleggen', 'Informatie geven', 'Evaluatie vastleggen'])
      expect(await page.getByRole('button', { name: other, exact: true }).count(), other).toBe(0);
    await expectAccessible(page, 'Doorbraak (budget)', axe);
    await page.getByRole('group', { name: 'Budget' }).getByLabel('Goedkeuren').check();
    await page.getByLabel('Motivering').fill('Binnen het maatwerkbudget.');
    await page.getByRole('button', { name: 'Budgetbesluit vastleggen' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Budgetbesluit vastleggen' }).count(), { timeout: 30_000 }).toBe(0);

    // Back with the doorbraakteam, which publishes what it learned.
    await signInAs('doorbraakteam', 'Doorbraakteam');
    await page.goto(doorbraak);
    await expect.poll(() => page.getByRole('button', { name: 'Als precedent publiceren' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel('Samenvatting (zonder namen of BSN)').fill('De zorgverzekeraar verrekende de premieschuld met de toeslag.');
    await page.getByLabel('Blokkerende regel').fill('Verrekening van premieschuld met zorgtoeslag');
    await page.getByLabel('Organisaties (met komma’s)').fill('Menzis');
    await page.getByLabel('Financiën').check();
    await page.getByLabel('Oplossing').fill('Premieschuld bevriezen zolang de schuldregeling loopt.');
    await page.getByRole('button', { name: 'Als precedent publiceren' }).click();
    await expect.poll(() => page.getByText('Gepubliceerd als precedent.').isVisible()).toBe(true);

    // The regisseur evaluates: the flow closes the doorbraak as resolved.
    await signInAs('wijkcoach');
    await page.goto(doorbraak);
    await expect.poll(() => page.getByRole('button', { name: 'Evaluatie vastleggen' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel('Toelichting').fill('De schuldhulp loopt.');
    await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await expect.poll(() => page.getByText('Afgesloten: opgelost').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const escalationId = doorbraak.split('/').at(-1) ?? '';
    expect((await api.call('GET', `/escalations/${escalationId}`, { token: coach })).body.status).toBe('closed_resolved');
    // The history in Dutch, every step by a name or a role word: the flow is "het doorbraakproces", never a user id.
    const history = await page
      .getByRole('heading', { level: 2, name: 'Verloop' })
      .locator('xpath=following-sibling::ul[1]/li')
      .allTextContents();
    expect(history.length).toBeGreaterThan(3);
    expect(history.some((line) => line.includes('(het doorbraakproces)'))).toBe(true);
    for (const line of history) expect(line).not.toMatch(/doorbraak-flow|demo-|lotte|\(\)/);
    // Every step and the flow's own notes in Dutch (the API's notes are English, for developers).
    for (const line of history) expect(line).not.toMatch(/Recorded|household|decision|submitted|approved|awaiting|information given/);
    expect(history.some((line) => line.includes('Goedgekeurd (het doorbraakproces): Vastgelegd in het plan van het huishouden.'))).toBe(
      true,
    );

    await page.getByRole('link', { name: 'Precedenten', exact: true }).click();
    await page.getByLabel('Zoekterm').fill('premieschuld');
    await page.getByRole('button', { name: 'Zoek precedenten' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /premieschuld met de toeslag/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'Precedenten', axe);
    expect(await page.getByText('Doorbraak Bewoner').count()).toBe(0);
  });

  it('the Werklijst: every task names its household, grouped under a heading per kind, "Alleen te laat", and each opens where its work is done', async () => {
    const { planned, untriaged, referred, escalationId } = await dayOfWork();
    await signInAs('wijkcoach');
    const actions = sectionOf(/^Actie uit het plan \(/);
    await expect.poll(() => actions.getByRole('link', { name: 'Budgetcoach bellen' }).count()).toBe(1);
    // One heading per kind, each once; the coach's day has these kinds.
    for (const kind of [
      'Actie uit het plan',
      'Plan evalueren',
      'Gewijzigd plan afspreken met het huishouden',
      'Triage',
      'Eerste contact leggen',
    ])
      expect(await page.getByRole('heading', { level: 2, name: new RegExp(`^${kind} \\(`) }).count(), kind).toBe(1);
    // Grouped: every row under a kind is a task of that kind (its link says where its work is done).
    const hrefs = (heading: RegExp) =>
      sectionOf(heading)
        .locator('tbody a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of await hrefs(/^Actie uit het plan \(/)) expect(href).toMatch(/^\/huishoudens\/[^/]+\/plan#actie-/);
    for (const href of await hrefs(/^Triage \(/)) expect(href).toMatch(/^\/aanmeldingen\/[^/]+\/triage$/);
    for (const href of await hrefs(/^Eerste contact leggen \(/)) expect(href).toMatch(/^\/huishoudens\/[^/#]+#veld-journal-kind$/);
    // Every task with a household names it: surname and address, never an id.
    const rows = page.locator('section tbody tr');
    expect(await rows.count()).toBeGreaterThan(4);
    for (const cells of await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
    ))
      if (!cells[0]?.startsWith('Outreach')) expect(cells[1], cells.join(' | ')).toMatch(/ · \d{4} [A-Z]{2} \d+/);
    const rowOf = (section: ReturnType<typeof sectionOf>, name: string) =>
      section.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    expect(await rowOf(actions, 'Budgetcoach bellen').textContent()).toContain('Ochtend · 7545 MA 1');
    expect(await rowOf(actions, 'Budgetcoach bellen').textContent()).toContain('Te laat');
    expect(await actions.getByRole('link', { name: 'Budgetcoach bellen' }).getAttribute('href')).toBe(
      `/huishoudens/${planned.householdId}/plan#actie-${planned.overdueActionId}`,
    );
    // The action without an owner is the regisseur's: on the coach's list too.
    expect(await rowOf(actions, 'Huurachterstand uitzoeken').textContent()).toContain('Ochtend · 7545 MA 1');
    const triage = sectionOf(/^Triage \(/)
      .getByRole('row')
      .filter({ hasText: 'Middag · 7545 MB 2' });
    expect(await triage.getByRole('link').getAttribute('href')).toBe(`/aanmeldingen/${untriaged.intakeId}/triage`);
    await expectAccessible(page, 'Werklijst (per soort)', axe);

    // "Alleen te laat": the API's overdue tasks only, in the address.
    await page.getByLabel('Alleen te laat').check();
    await expect.poll(() => page.url()).toMatch(/\/\?overdue=true$/);
    await expect.poll(() => page.getByRole('link', { name: 'Huurachterstand uitzoeken' }).count()).toBe(0);
    expect(await actions.getByRole('link', { name: 'Budgetcoach bellen' }).count()).toBe(1);
    for (const text of await page.locator('section tbody tr').allTextContents()) expect(text).toContain('Te laat');
    await expectAccessible(page, 'Werklijst (alleen te laat)', axe);
    await page.getByLabel('Alleen te laat').uncheck();
    await expect.poll(() => page.getByRole('link', { name: 'Huurachterstand uitzoeken' }).count()).toBe(1);

    // A first contact opens the dossier at the journal's form; a changed plan at the agreement.
    await sectionOf(/^Eerste contact leggen \(/)
      .getByRole('row')
      .filter({ hasText: 'Avond · 7545 MC 3' })
      .getByRole('link')
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Dossier/ }).isVisible()).toBe(true);
    expect(page.url()).toContain(`/huishoudens/${referred.householdId}#veld-journal-kind`);
    await expect.poll(focusedId).toBe('veld-journal-kind');
    await page.goBack();
    await sectionOf(/^Gewijzigd plan afspreken met het huishouden \(/)
      .getByRole('row')
      .filter({ hasText: 'Ochtend · 7545 MA 1' })
      .getByRole('link')
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plan' }).isVisible()).toBe(true);
    await expect.poll(focusedId).toBe('veld-agreedBy');

    // The team leader's list: the regisseur to appoint, which opens at the appointment.
    await signInAs('teamleider');
    const appoint = sectionOf(/^Regisseur aanwijzen \(/)
      .getByRole('row')
      .filter({ hasText: 'Avond · 7545 MC 3' });
    await expect.poll(() => appoint.count()).toBe(1);
    await appoint.getByRole('link').click();
    await expect.poll(focusedId).toBe('veld-userId');
    expect(page.url()).toContain(`/huishoudens/${referred.householdId}#veld-userId`);
    await expectAccessible(page, 'Dossier (regisseur aanwijzen vanuit de werklijst)', axe);

    // The doorbraakteam's decision opens the doorbraak, its household named.
    await signInAs('doorbraakteam', 'Doorbraakteam');
    const decide = sectionOf(/^Doorbraak beslissen \(/)
      .getByRole('row')
      .filter({ hasText: 'Ochtend · 7545 MA 1' });
    await expect.poll(() => decide.count(), { timeout: 30_000 }).toBe(1);
    expect(await decide.getByRole('link').getAttribute('href')).toBe(`/doorbraken/${escalationId}`);
  });

  it('a coach’s morning: open the Werklijst, find the household, open its plan action and complete it, with the keyboard; counted', async () => {
    const { planned, coach } = await dayOfWork();
    await signInAs('wijkcoach');
    await page.goto('/caseload');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Caseload' }).isVisible()).toBe(true);
    const pages: string[] = [];
    const onNavigated = (frame: { url(): string }) => {
      if (frame === page.mainFrame()) pages.push(frame.url());
    };
    page.on('framenavigated', onNavigated);
    const keys = { tab: 0, other: 0 };
    const press = async (key: string) => {
      if (key === 'Tab') keys.tab++;
      else keys.other++;
      await page.keyboard.press(key);
    };
    /** Tab until the focused element is `matches` (at most 60 presses). */
    const tabUntil = async (matches: () => Promise<boolean>) => {
      for (let i = 0; i < 60 && !(await matches()); i++) await press('Tab');
      expect(await matches()).toBe(true);
    };
    /** The focused element: its tag, text and link. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName ?? '', text: el?.textContent ?? '', href: el?.getAttribute('href') ?? '' };
      });

    // Open the Werklijst from the menu.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil(async () => (await focused()).tag === 'A' && (await focused()).text === 'Werklijst');
    await press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Werklijst' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Budgetcoach bellen' }).count()).toBe(1);
    // Find the household: its row in the plan's actions, and the action's link in it.
    const href = `/huishoudens/${planned.householdId}/plan#actie-${planned.overdueActionId}`;
    await tabUntil(async () => (await focused()).href === href);
    expect(
      await page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? ''),
      'the focused row names the household',
    ).toContain('Ochtend · 7545 MA 1');
    await press('Enter');
    // The plan opens at the action.
    await expect.poll(focusedId).toBe(`actie-${planned.overdueActionId}`);
    await expectAccessible(page, 'Plan (geopend bij een actie)', axe);
    await tabUntil(async () => (await focused()).text === 'Actie 1.1 afronden');
    await press('Enter');
    await expect.poll(() => page.getByText('Afgerond: Budgetcoach bellen.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Actie 1.1 afronden' }).count()).toBe(0);
    await expect.poll(focusedId).toBe(`actie-${planned.overdueActionId}`);
    page.off('framenavigated', onNavigated);
    const plan = await api.call('GET', `/households/${planned.householdId}/plan`, { token: coach });
    expect(plan.body.goals[0].actions.find((a: { id: string }) => a.id === planned.overdueActionId).status).toBe('done');
    await expectAccessible(page, 'Plan (actie afgerond)', axe);

    const morning = {
      keystrokes: keys.tab + keys.other,
      tab: keys.tab,
      otherKeys: keys.other,
      typedCharacters: 0,
      pageChanges: pages.length,
      pages,
    };
    console.log(`a coach's morning: ${JSON.stringify(morning)}`);
    expect(morning.pageChanges).toBe(2); // the Werklijst, the plan at the action: no page between
    expect(keys.other).toBe(3); // Enter on the menu, on the task, on "afronden"
  });

  it('the team leader sees the team’s tasks by person, by name from the roster, “Het team” for what waits for the team: never a user id', async () => {
    const { people, leader } = await dayOfWork();
    const coachName = people.get(COACH)?.name ?? '';
    await signInAs('teamleider');
    await page.getByRole('link', { name: /^Werk van .*Velve-Lindenhof.* per persoon$/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Werk van .*Velve-Lindenhof/ }).isVisible()).toBe(true);
    const coachSection = sectionOf(new RegExp(`^${coachName} \\(`));
    await expect.poll(() => coachSection.getByRole('link', { name: 'Actie uit het plan: Huurachterstand uitzoeken' }).count()).toBe(1);
    expect(
      await coachSection.getByRole('row').filter({ hasText: 'Actie uit het plan: Huurachterstand uitzoeken' }).textContent(),
    ).toContain('Ochtend · 7545 MA 1');
    const team = sectionOf(/^Het team \(/);
    expect(await team.getByRole('row').filter({ hasText: 'Middag · 7545 MB 2' }).getByRole('link', { name: 'Triage' }).count()).toBe(1);
    expect(
      await team.getByRole('row').filter({ hasText: 'Avond · 7545 MC 3' }).getByRole('link', { name: 'Regisseur aanwijzen' }).count(),
    ).toBe(1);
    // As many as the API lists for the coach; every person once.
    const listed = await api.call('GET', '/teams/velve-lindenhof/tasks?limit=100', { token: leader });
    const forCoach = listed.body.items.filter((task: { assigneeId: string | null }) => task.assigneeId === COACH);
    expect(await coachSection.locator('tbody tr').count()).toBe(forCoach.length);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(new Set(headings.map((h) => h.replace(/ \(.*$/, ''))).size).toBe(headings.length);
    // Never a user id on the screen.
    const ids = [
      ...new Set(listed.body.items.flatMap((task: { assigneeId: string | null }) => (task.assigneeId ? [task.assigneeId] : []))),
    ];
    expect(ids.length).toBeGreaterThan(0);
    const shown = (await page.locator('main').textContent()) ?? '';
    for (const id of ids as string[]) expect(shown).not.toContain(id);
    await expectAccessible(page, 'Werk van het team', axe);
    await page.getByLabel('Alleen te laat').check();
    await expect.poll(() => page.url()).toMatch(/\/team\/velve-lindenhof\/werk\?overdue=true$/);
    await expect.poll(() => page.getByRole('link', { name: 'Actie uit het plan: Huurachterstand uitzoeken' }).count()).toBe(0);
  });

  it('picks people by name: the action’s owner from the team’s roster; the plan conflict names the colleague', async () => {
    const { people, planned, leader } = await dayOfWork();
    const [coachName, leaderName] = [people.get(COACH)?.name ?? '', people.get(LEADER)?.name ?? ''];
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${planned.householdId}/plan`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plan' }).isVisible()).toBe(true);
    const owner = page.locator('#veld-goals-0-actions-0-ownerId');
    expect(await owner.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await owner.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(`${coachName} (wijkcoach)`);
    const options = await owner.locator('option').allTextContents();
    expect(options).toContain(`${leaderName} (teamleider)`);
    for (const option of options) expect(option).not.toMatch(/demo-/);
    expect(await page.locator('#veld-goals-0-actions-1-ownerId').inputValue()).toBe(''); // no owner: the regisseur's
    expect(await page.getByRole('option', { name: 'Niemand: de regisseur' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Plan (eigenaar op naam)', axe);

    // The coach gives the open action to the team leader by name, while the team leader saves a change.
    await page
      .getByLabel('Eigenaar')
      .nth(1)
      .selectOption({ label: `${leaderName} (teamleider)` });
    const read = await api.call('GET', `/households/${planned.householdId}/plan`, { token: leader });
    const theirs = {
      evaluationDate: read.body.evaluationDate,
      goals: read.body.goals.map((g: { domain: string; description: string; actions: Record<string, unknown>[] }) => ({
        domain: g.domain,
        description: 'Grip op de rekeningen, samen met de budgetcoach',
        actions: g.actions.map(({ doneAt, doneBy, ...a }) => a),
      })),
    };
    expect(
      (
        await api.call('PUT', `/households/${planned.householdId}/plan`, {
          token: leader,
          body: theirs,
          headers: { 'if-match': read.headers.get('etag') ?? '' },
        })
      ).status,
    ).toBe(200);
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'De versie van de ander' }).isVisible()).toBe(true);
    const warning = (await page.getByRole('status').filter({ hasText: 'heeft het plan intussen gewijzigd' }).textContent()) ?? '';
    expect(warning).toContain(leaderName);
    expect(warning).not.toContain(LEADER);
    await page.getByRole('button', { name: 'Mijn versie opslaan bovenop de hunne' }).click();
    await expect.poll(() => page.getByText('Het plan is opgeslagen.').isVisible()).toBe(true);
    const saved = await api.call('GET', `/households/${planned.householdId}/plan`, { token: leader });
    expect(saved.body.goals[0].actions.find((a: { id: string }) => a.id === planned.openActionId).ownerId).toBe(LEADER);
  });

  it('offers no step that leads nowhere: a doorbraak and a plan say what comes first, the agreement is left to whoever directs the case, the export to the team leader', async () => {
    const { people, leader, coach } = await dayOfWork();
    const leaderName = people.get(LEADER)?.name ?? '';
    const intake = await registerIntake(await tokenOf(people, INTAKER), {
      question: 'Alles tegelijk.',
      domains: ['finances'],
      address: { postcode: '7545MD', houseNumber: '4' },
      members: [{ name: 'Dirk Nogniet', birthDate: '1969-04-04', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    const doorbraak = () => page.getByRole('link', { name: 'Doorbraak aanvragen' });

    // No regisseur yet: the doorbraak and the plan say so; nothing to save.
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByText('Nog geen regisseur').isVisible()).toBe(true);
    expect(await doorbraak().count()).toBe(0);
    expect(await page.getByText('Doorbraak aanvragen · Eerst een regisseur aanwijzen').count()).toBe(1);
    await expectAccessible(page, 'Dossier (doorbraak: eerst een regisseur)', axe);
    await page.getByRole('link', { name: 'Plan bekijken of maken' }).click();
    await expect
      .poll(() => page.getByText(/^Eerst een regisseur aanwijzen: een teamleider doet dat in het dossier/).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Plan opslaan' }).count()).toBe(0);
    expect(await page.getByLabel('Omschrijving').isDisabled()).toBe(true);
    await expectAccessible(page, 'Plan (eerst een regisseur)', axe);

    // The team leader is the regisseur: the coach may not make the plan (the API agrees), and the dossier says a plan comes first.
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: LEADER } });
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByText('Doorbraak aanvragen · Eerst een plan maken').count()).toBe(1);
    expect(await doorbraak().count()).toBe(0);
    await page.goto(`/huishoudens/${householdId}/plan`);
    await expect.poll(() => page.getByText(`Het plan maakt de regisseur (${leaderName}) of een teamleider`).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Plan opslaan' }).count()).toBe(0);
    const content = { evaluationDate: dayFromNow(30), goals: [{ domain: 'finances', description: 'Rust in de financiën', actions: [] }] };
    expect((await api.call('POST', `/households/${householdId}/plan`, { token: coach, body: content })).status).toBe(403);

    // The regisseur makes it: the coach may change it (the API lets case workers), not record the agreement.
    expect((await api.call('POST', `/households/${householdId}/plan`, { token: leader, body: content })).status).toBe(201);
    await page.goto(`/huishoudens/${householdId}/plan`);
    await expect.poll(() => page.getByRole('button', { name: 'Plan opslaan' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Akkoord vastleggen' }).count()).toBe(0);
    expect(await page.getByText(`Het akkoord van het huishouden legt de regisseur (${leaderName}) of een teamleider vast.`).count()).toBe(
      1,
    );
    expect(
      (await api.call('POST', `/households/${householdId}/plan/agreement`, { token: coach, body: { agreedBy: 'Dirk Nogniet' } })).status,
    ).toBe(403);
    await expectAccessible(page, 'Plan (akkoord aan de regisseur)', axe);
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => doorbraak().count()).toBe(1);

    // Privacy: no export for a coach (the API refuses it), but why.
    await page.goto(`/huishoudens/${householdId}/privacy`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Privacy' }).isVisible()).toBe(true);
    expect(await page.getByText(/^Alleen een teamleider van het team/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Inzageverzoek: alles exporteren' }).count()).toBe(0);
    expect((await api.call('GET', `/households/${householdId}/export`, { token: coach })).status).toBe(403);
    await expectAccessible(page, 'Privacy (geen teamleider)', axe);
    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}/privacy`);
    await expect.poll(() => page.getByRole('button', { name: 'Inzageverzoek: alles exporteren' }).isVisible()).toBe(true);
  });

  it('leaves no old error beside a success: a failed, then a successful agreement', async () => {
    const people = await demoPeople();
    const [coach, leader] = await Promise.all([tokenOf(people, COACH), tokenOf(people, LEADER)]);
    await api.call('GET', '/teams', { token: coach });
    const intake = await registerIntake(await tokenOf(people, INTAKER), {
      question: 'Een plan om af te spreken.',
      domains: ['finances'],
      address: { postcode: '7545AK', houseNumber: '5' },
      members: [{ name: 'Eva Akkoord', birthDate: '1977-07-07', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } });
    const content = { evaluationDate: dayFromNow(30), goals: [{ domain: 'finances', description: 'Rust in de financiën', actions: [] }] };
    expect((await api.call('POST', `/households/${householdId}/plan`, { token: coach, body: content })).status).toBe(201);
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}/plan`);
    await expect.poll(() => page.getByRole('button', { name: 'Akkoord vastleggen' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Dossier: Akkoord · 7545 AK 5' }).count()).toBe(1);
    // The first try fails (the service is away for a moment), the second succeeds: the old error is gone.
    await page.route('**/v1/households/*/plan/agreement', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      }),
    );
    await page.getByLabel('Akkoord gegeven door (bewoner)').fill('Eva Akkoord');
    await page.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await page.unroute('**/v1/households/*/plan/agreement');
    await page.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Akkoord vastleggen' }).count()).toBe(0);
    expect(await page.getByText('Eva Akkoord', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'Plan (akkoord na een fout)', axe);
  });
});
