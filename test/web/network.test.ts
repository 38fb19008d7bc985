/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import {
  api,
  axe,
  COACH,
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
 * The network around the household in the dossier (v1.2 "The network around the household",
 * rule 16, issue 27): a coach records an involved party and a member's consent, discloses the
 * plan on it and downloads the package; once the consent is withdrawn the screen no longer offers
 * that disclosure and says why; a disclosure the API refuses meanwhile is said in Dutch. Names,
 * never ids; axe clean; at 390 px.
 */
startWebClient();

const NO_BASIS = 'Niet verstrekt: er is geen geldige toestemming of wettelijke grondslag voor alles wat u wilt delen. Er is niets gedeeld.';

async function householdWithPlan(houseNumber: string) {
  const people = await demoPeople();
  const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
  const intake = await registerIntake(intaker, {
    question: 'Schulden, en zorgen om de kinderen.',
    domains: ['finances', 'parenting'],
    address: { postcode: '7545NW', houseNumber },
    members: [
      { name: 'Nora Netwerk', birthDate: '1986-04-04', role: 'adult' },
      { name: 'Bo Netwerk', birthDate: '2015-09-09', role: 'child' },
    ],
  });
  expect(intake.status).toBe(201);
  const householdId = intake.body.householdId as string;
  // The coach signs in once, so that they are on the team's roster and may be the regisseur.
  await api.call('GET', '/teams', { token: coach });
  expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } })).status).toBe(200);
  const plan = await api.call('POST', `/households/${householdId}/plan`, {
    token: coach,
    body: {
      goals: [
        {
          domain: 'finances',
          description: 'Schulden op een rij',
          actions: [{ description: 'Aanmelden bij de schuldhulp', organisation: 'Wijkteam', dueDate: '2027-03-01' }],
        },
      ],
      evaluationDate: '2027-06-01',
    },
  });
  expect(plan.status).toBe(201);
  return { householdId, coach };
}

const section = (name: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name, exact: true }) });

describe('Dossier: the network, consents and disclosures', () => {
  it('a coach records a party and a consent, discloses the plan on it, and after the withdrawal the next disclosure is refused at the screen', async () => {
    const { householdId, coach } = await householdWithPlan('27');
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossier: Netwerk · 7545 NW 27' }).isVisible()).toBe(true);
    const network = section('Netwerk');
    expect(await network.getByText('Nog niemand vastgelegd.').count()).toBe(1);
    // Nothing to disclose to yet: said, not offered.
    const consents = section('Toestemmingen');
    expect(await consents.getByText('Voeg eerst een betrokkene toe aan het netwerk').count()).toBe(1);
    expect(await consents.getByRole('button', { name: 'Gegevens verstrekken' }).count()).toBe(0);

    // The party: a professional needs an organisation (said at the field, nothing sent).
    await network.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-name');
    await page.getByLabel('Naam', { exact: true }).fill('Sanne Schuldhulp');
    await network.getByRole('button', { name: 'Betrokkene opslaan' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-organisation');
    expect((await api.call('GET', `/households/${householdId}`, { token: coach })).body.involved).toEqual([]);
    await page.getByLabel('Organisatie', { exact: true }).fill('Schuldhulp Twente');
    await network.getByRole('checkbox', { name: 'Nora Netwerk' }).check();
    await network.getByRole('checkbox', { name: 'Financiën' }).check();
    await network.getByRole('button', { name: 'Betrokkene opslaan' }).click();
    await expect.poll(() => page.getByText('Sanne Schuldhulp staat nu in het netwerk.').isVisible()).toBe(true);
    await expect.poll(() => network.getByText('Betrokken bij: Nora Netwerk · Financiën').count()).toBe(1);
    await expectAccessible(page, 'Dossier: netwerk', axe);

    // The consent: Nora's, for Schuldhulp Twente, the plan.
    await consents.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await expect.poll(focusedId).toBe('veld-toestemming-member');
    await page.getByLabel('Voor welke organisatie').fill('Schuldhulp Twente');
    await page.getByLabel('Waarvoor').fill('Aanmelding bij de schuldhulpverlening');
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    // No kind of data chosen: said at the group, nothing sent.
    expect(await page.getByText('Kies welke gegevens.').count()).toBeGreaterThan(0);
    expect((await api.call('GET', `/households/${householdId}/consents`, { token: coach })).body.items).toEqual([]);
    await consents.getByRole('checkbox', { name: 'het plan' }).first().check();
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect.poll(() => page.getByText('De toestemming van Nora Netwerk voor Schuldhulp Twente is vastgelegd.').isVisible()).toBe(true);
    await expect.poll(() => consents.getByText('Nora Netwerk → Schuldhulp Twente: het plan').count()).toBe(1);

    // The disclosure: to Sanne (about Nora), the plan; the consent covers it, so it is offered.
    await expect.poll(() => consents.getByText('Grondslag: de toestemming van Nora Netwerk.').isVisible()).toBe(true);
    await expectAccessible(page, 'Dossier: verstrekken op toestemming', axe);
    await consents.getByRole('button', { name: 'Gegevens verstrekken' }).click();
    await expect.poll(() => page.getByText('Verstrekt aan Schuldhulp Twente.').isVisible()).toBe(true);
    await expect.poll(focusedId).toBe('verstrekt');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      consents.getByRole('button', { name: 'Verstrekte gegevens downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verstrekking-netwerk-7545-nw-27-schuldhulp-twente-\d{4}-\d\d-\d\d\.json$/);
    const handedOver = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
    expect(handedOver.package.plan.goals.map((g: { description: string }) => g.description)).toEqual(['Schulden op een rij']);
    expect(handedOver.package.members).toBeUndefined();
    await expect.poll(() => consents.getByText(/aan Schuldhulp Twente · het plan van Nora Netwerk · op toestemming/).count()).toBe(1);
    await expect.poll(() => consents.getByText('één keer gebruikt', { exact: false }).count()).toBe(1);

    // The consent withdrawn, with a confirmation.
    await consents.getByRole('button', { name: 'Toestemming van Nora Netwerk voor Schuldhulp Twente intrekken' }).click();
    await expect.poll(focusedId).toBe('veld-toestemming-reden');
    await consents.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await expect
      .poll(() => page.getByText('De toestemming van Nora Netwerk voor Schuldhulp Twente is ingetrokken.').isVisible())
      .toBe(true);
    await expect.poll(() => consents.getByText(/het plan · ingetrokken/).count()).toBe(1);

    // The same disclosure now: no basis, said why, not offered (a legal basis of the register is).
    await expect.poll(() => consents.getByText('Hiervoor is geen geldige toestemming:').isVisible()).toBe(true);
    expect(await consents.getByText('Nora Netwerk: het plan').count()).toBe(1);
    expect(await consents.getByRole('button', { name: 'Gegevens verstrekken' }).count()).toBe(0);
    expect(await page.getByLabel('Wettelijke grondslag').count()).toBe(1);
    await expectAccessible(page, 'Dossier: geen grondslag', axe);
    expect((await api.call('GET', `/households/${householdId}/disclosures`, { token: coach })).body.items).toHaveLength(1);

    // A consent withdrawn behind the screen's back: the API refuses, said in Dutch, nothing disclosed.
    await consents.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await page.getByLabel('Voor welke organisatie').fill('Schuldhulp Twente');
    await page.getByLabel('Waarvoor').fill('Opnieuw gegeven');
    await consents.getByRole('checkbox', { name: 'het plan' }).first().check();
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect.poll(() => consents.getByText('Grondslag: de toestemming van Nora Netwerk.').isVisible()).toBe(true);
    const given = (await api.call('GET', `/households/${householdId}/consents`, { token: coach })).body.items[0];
    expect((await api.call('POST', `/households/${householdId}/consents/${given.id}/withdrawal`, { token: coach, body: {} })).status).toBe(
      200,
    );
    await consents.getByRole('button', { name: 'Gegevens verstrekken' }).click();
    await expect.poll(() => consents.getByText(NO_BASIS).isVisible()).toBe(true);
    expect((await api.call('GET', `/households/${householdId}/disclosures`, { token: coach })).body.items).toHaveLength(1);

    // No id in front of a person, anywhere in the dossier.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(given.id);
    expect(text).not.toContain(householdId);

    // On a phone (390 px): the sections fit, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'Dossier: netwerk op een telefoon', axe);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('corrects a party, names it in the plan as who does an action, and ends its involvement; an intaker is offered no change', async () => {
    const { householdId, coach } = await householdWithPlan('29');
    const added = await api.call('POST', `/households/${householdId}/involved`, {
      token: coach,
      body: { kind: 'informal', name: 'Oma Truus', phone: '053 123 4567' },
    });
    expect(added.status).toBe(201);
    await signInAs('intaker');
    await page.goto(`/huishoudens/${householdId}`);
    const network = section('Netwerk');
    await expect.poll(() => network.getByText('Oma Truus').isVisible()).toBe(true);
    expect(await network.getByRole('button').count()).toBe(0);
    expect(await section('Toestemmingen').getByRole('button').count()).toBe(0);

    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await network.getByRole('button', { name: 'Oma Truus wijzigen' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-name');
    await page.getByLabel('Telefoon (mag leeg)').fill('bel maar');
    await network.getByRole('button', { name: 'Betrokkene opslaan' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-phone');
    expect(await page.getByText('Vul een telefoonnummer in, zoals 053 480 0000.').count()).toBe(1);
    await page.getByLabel('Telefoon (mag leeg)').fill('053 765 4321');
    await network.getByRole('button', { name: 'Betrokkene opslaan' }).click();
    await expect.poll(() => page.getByText('De gegevens van Oma Truus zijn gewijzigd.').isVisible()).toBe(true);
    await expect.poll(() => network.getByRole('link', { name: '053 765 4321' }).getAttribute('href')).toBe('tel:0537654321');

    // In the plan, Oma Truus does the action: its organisation follows from her; the dossier says what she does.
    await page.goto(`/huishoudens/${householdId}/plan`);
    const who = page.getByLabel('Wie uit het netwerk voert het uit');
    await expect.poll(() => who.count()).toBe(1);
    await who.selectOption({ label: 'Oma Truus' });
    expect(await page.getByLabel('Organisatie', { exact: true }).inputValue()).toBe('Oma Truus');
    expect(await page.getByLabel('Organisatie', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => page.getByText('Het plan is opgeslagen.').isVisible()).toBe(true);
    const plan = (await api.call('GET', `/households/${householdId}/plan`, { token: coach })).body;
    expect(plan.goals[0].actions[0]).toMatchObject({ involvedId: added.body.id, organisation: 'Oma Truus' });
    // On paper too: who does it, and who of the team keeps watch.
    await page.goto(`/huishoudens/${householdId}/plan/afdrukken`);
    await expect.poll(() => page.getByRole('cell', { name: /^Oma Truus \(volgt: / }).count()).toBe(1);
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => network.getByText('Doet in het plan: Aanmelden bij de schuldhulp').count()).toBe(1);

    await network.getByRole('button', { name: 'Oma Truus niet meer betrokken' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-reden');
    await network.getByRole('button', { name: 'Betrokkenheid beëindigen' }).click();
    await expect.poll(focusedId).toBe('veld-betrokkene-reden'); // a reason is required
    await page.getByLabel('Waarom niet meer?').fill('Verhuisd naar Zwolle');
    await network.getByRole('button', { name: 'Betrokkenheid beëindigen' }).click();
    await expect.poll(() => page.getByText('Oma Truus staat nu onder ‘Niet meer betrokken’.').isVisible()).toBe(true);
    await expect.poll(() => network.getByText(/Oma Truus · tot .* · Verhuisd naar Zwolle/).count()).toBe(1);
    expect((await api.call('GET', `/households/${householdId}`, { token: coach })).body.formerInvolved).toHaveLength(1);
    await expectAccessible(page, 'Dossier: netwerk beëindigd', axe);
  });
});
