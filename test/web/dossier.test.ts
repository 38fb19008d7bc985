/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible, tabTo } from './browser.ts';
import {
  api,
  axe,
  COACH,
  dayFromNow,
  demoPeople,
  errorAt,
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
 * Keeping a household right in the dossier (issue 25, api.md 1.1 "Keep a household right", v1.2
 * "Dossier: corrections of address, members and legal relations; close; transfer (team
 * leader)"): each offered only to whom the API allows it, nothing offered that it would refuse,
 * the API's refusals said in Dutch at the field, people and teams by name.
 */
startWebClient();

async function household(address: { postcode: string; houseNumber: string }, members: { name: string; birthDate: string; bsn?: string }[]) {
  const people = await demoPeople();
  const intaker = await tokenOf(people, INTAKER);
  const intake = await registerIntake(intaker, {
    question: 'Een huishouden om bij te houden.',
    domains: ['finances'],
    address,
    members: members.map((m) => ({ ...m, role: 'adult' as const })),
  });
  expect(intake.status).toBe(201);
  return intake.body.householdId as string;
}

const dossierOf = async (householdId: string, token: string) => api.call('GET', `/households/${householdId}`, { token });

describe('Dossier: keeping the household right', () => {
  it('corrects the address: one held by another open household is refused in Dutch at the postcode; a free one is saved', async () => {
    const people = await demoPeople();
    const coach = await tokenOf(people, COACH);
    const householdId = await household({ postcode: '7545DA', houseNumber: '1' }, [{ name: 'Els Adreswissel', birthDate: '1970-05-05' }]);
    await household({ postcode: '7545DA', houseNumber: '2' }, [{ name: 'Floor Buurvrouw', birthDate: '1971-06-06' }]);

    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossier: Adreswissel · 7545 DA 1' }).isVisible()).toBe(true);
    // The only member cannot leave: said, not offered.
    expect(await page.getByRole('button', { name: 'Els Adreswissel uit het huishouden' }).count()).toBe(0);
    expect(await page.getByText('Het laatste lid kan niet uit het huishouden').count()).toBe(1);

    // With the keyboard: to the button, Enter opens the form at the postcode.
    await tabTo(page, 'Adres corrigeren');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('veld-adres-postcode');
    expect(await page.getByLabel('Postcode').inputValue()).toBe('7545 DA');
    await page.getByLabel('Huisnummer').fill('2');
    await page.getByRole('button', { name: 'Adres opslaan' }).click();
    await expect.poll(() => errorAt('Postcode')).toBe('Op dit adres staat al een ander open huishouden. Zoek het in de Caseload.');
    expect(await page.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(focusedId).toBe('veld-adres-postcode');
    expect((await dossierOf(householdId, coach)).body.address).toEqual({ postcode: '7545DA', houseNumber: '1' });
    await expectAccessible(page, 'Dossier (adres bezet)', axe);

    // From the postcode, with the keyboard alone: Tab, the house number, Tab, the addition, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Het adres is gecorrigeerd.').isVisible()).toBe(true);
    await expect.poll(focusedId).toBe('adres-opgeslagen');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossier: Adreswissel · 7545 DA 3 A' }).isVisible()).toBe(true);
    expect((await dossierOf(householdId, coach)).body.address).toEqual({ postcode: '7545DA', houseNumber: '3', houseNumberAddition: 'A' });
    await expectAccessible(page, 'Dossier (adres gecorrigeerd)', axe);
  });

  it('adds a member with a legal relation (its kind in Dutch words), corrects one and records one who moved out', async () => {
    const people = await demoPeople();
    const coach = await tokenOf(people, COACH);
    await household({ postcode: '7545DB', houseNumber: '9' }, [{ name: 'Gijs Elders', birthDate: '1960-01-01', bsn: '111222333' }]);
    const householdId = await household({ postcode: '7545DB', houseNumber: '10' }, [
      { name: 'Hanna Leden', birthDate: '1982-02-02' },
      { name: 'Ivo Leden', birthDate: '1981-03-03' },
    ]);
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    const members = page.getByRole('table', { name: 'Leden' });
    await expect.poll(() => members.getByRole('row').count()).toBe(1 + 2);

    // Added, first with a BSN another open household holds: refused in Dutch at the BSN.
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await expect.poll(focusedId).toBe('veld-lid-name');
    await page.getByRole('button', { name: 'Lid opslaan' }).click();
    await expect.poll(() => errorAt('Naam')).toBe('Verplicht.');
    await page.getByLabel('Naam', { exact: true }).fill('Jet Leden');
    await page.getByLabel('Geboortedatum').fill('1948-04-04');
    await page.getByLabel('BSN').fill('111222333');
    await page.getByRole('button', { name: 'Vertegenwoordiging toevoegen' }).click();
    await expect.poll(focusedId).toBe('veld-lid-relatie-0-kind');
    const kinds = await page.getByLabel('Soort vertegenwoordiging').locator('option').allTextContents();
    expect(kinds).toEqual(['Gezag', 'Beschermingsbewind', 'Curatele', 'Mentorschap']);
    await page.getByLabel('Soort vertegenwoordiging').selectOption({ label: 'Beschermingsbewind' });
    await page.getByLabel('Naam van de vertegenwoordiger').fill('Kees Bewind');
    await page.getByLabel('Organisatie (optioneel)').fill('Stichting Geldzorg');
    await page.getByLabel('Sinds').fill('2024-03-01');
    await page.getByRole('button', { name: 'Lid opslaan' }).click();
    await expect.poll(() => errorAt('BSN')).toBe('Dit BSN hoort al bij een lid van dit of een ander open huishouden.');
    await expect.poll(focusedId).toBe('veld-lid-bsn');
    await expectAccessible(page, 'Dossier (nieuw lid, BSN bezet)', axe);
    await page.getByLabel('BSN').fill('');
    await page.getByRole('button', { name: 'Lid opslaan' }).click();
    await expect.poll(() => page.getByText('Jet Leden is toegevoegd aan het huishouden.').isVisible()).toBe(true);
    await expect.poll(focusedId).toBe('leden-opgeslagen');
    const jet = members.getByRole('row').filter({ hasText: 'Jet Leden' });
    await expect.poll(() => jet.count()).toBe(1);
    expect(await jet.textContent()).toContain('Beschermingsbewind: Kees Bewind (Stichting Geldzorg), sinds 1 mrt 2024');
    expect(await members.textContent()).not.toMatch(/\bbewind:/); // the code, as the dossier showed it before
    let dossier = (await dossierOf(householdId, coach)).body;
    const added = dossier.members.find((m: { name: string }) => m.name === 'Jet Leden');
    expect(added.legalRelations).toEqual([
      { kind: 'bewind', holderName: 'Kees Bewind', holderOrganisation: 'Stichting Geldzorg', since: '2024-03-01' },
    ]);
    await expectAccessible(page, 'Dossier (lid toegevoegd)', axe);

    // Corrected: the name, and the relation's holder; the form opens with what is held.
    await page.getByRole('button', { name: 'Gegevens van Jet Leden corrigeren' }).click();
    await expect.poll(focusedId).toBe('veld-lid-name');
    expect(await page.getByLabel('Naam van de vertegenwoordiger').inputValue()).toBe('Kees Bewind');
    await page.getByLabel('Naam', { exact: true }).fill('Jet van Leden');
    await page.getByLabel('Naam van de vertegenwoordiger').fill('Karin Bewind');
    await page.getByRole('button', { name: 'Lid opslaan' }).click();
    await expect.poll(() => page.getByText('De gegevens van Jet van Leden zijn gecorrigeerd.').isVisible()).toBe(true);
    await expect.poll(() => members.getByRole('row').filter({ hasText: 'Karin Bewind' }).count()).toBe(1);
    dossier = (await dossierOf(householdId, coach)).body;
    expect(dossier.members.find((m: { id: string }) => m.id === added.id)).toMatchObject({
      name: 'Jet van Leden',
      birthDate: '1948-04-04',
      legalRelations: [{ kind: 'bewind', holderName: 'Karin Bewind' }],
    });

    // Moved out: a reason first; then under "Vertrokken leden", no longer a member.
    await page.getByRole('button', { name: 'Ivo Leden uit het huishouden' }).click();
    await expect.poll(focusedId).toBe('veld-lid-reden');
    await page.getByRole('button', { name: 'Uit het huishouden halen' }).click();
    await expect.poll(() => errorAt('Waarom vertrekt dit lid')).toBe('Verplicht.');
    await page.getByLabel('Waarom vertrekt dit lid').fill('Verhuisd naar Deventer.');
    await page.getByRole('button', { name: 'Uit het huishouden halen' }).click();
    await expect.poll(() => page.getByText('Ivo Leden staat nu onder Vertrokken leden.').isVisible()).toBe(true);
    await expect.poll(() => members.getByRole('row').filter({ hasText: 'Ivo Leden' }).count()).toBe(0);
    expect(await page.getByRole('listitem').filter({ hasText: 'Ivo Leden' }).textContent()).toContain('Verhuisd naar Deventer.');
    dossier = (await dossierOf(householdId, coach)).body;
    expect(dossier.members.map((m: { name: string }) => m.name)).not.toContain('Ivo Leden');
    expect(dossier.formerMembers).toMatchObject([{ name: 'Ivo Leden', reason: 'Verhuisd naar Deventer.' }]);
    await expectAccessible(page, 'Dossier (lid vertrokken)', axe);
  });

  it('the intaker is offered no correction, close or transfer', async () => {
    const householdId = await household({ postcode: '7545DC', houseNumber: '4' }, [{ name: 'Lies Alleenlezen', birthDate: '1990-01-01' }]);
    await signInAs('intaker');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Alleenlezen/ }).isVisible()).toBe(true);
    for (const name of ['Adres corrigeren', 'Lid toevoegen', 'Huishouden afsluiten', 'Overdragen'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
  });

  it('closes the household: only for its regisseur or a team leader, not while its plan is open (said why), with a reason confirmed', async () => {
    const people = await demoPeople();
    const [coach, leader] = await Promise.all([tokenOf(people, COACH), tokenOf(people, LEADER)]);
    await api.call('GET', '/teams', { token: coach }); // on the roster, to be appointed
    const householdId = await household({ postcode: '7545DD', houseNumber: '5' }, [{ name: 'Mees Afsluiten', birthDate: '1975-07-07' }]);

    // A coach who is not its regisseur is told who closes it, and offered nothing.
    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByText('Afsluiten doet de regisseur of een teamleider van het team.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Huishouden afsluiten' }).count()).toBe(0);

    // The coach made regisseur, with a plan in draft: not yet, and why.
    expect((await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } })).status).toBe(200);
    const plan = await api.call('POST', `/households/${householdId}/plan`, {
      token: coach,
      body: { goals: [{ domain: 'finances', description: 'Rust in de financiën', actions: [] }], evaluationDate: dayFromNow(30) },
    });
    expect(plan.status).toBe(201);
    await page.reload();
    await expect
      .poll(() => page.getByText('Nog niet af te sluiten: het plan (Concept) loopt nog. Sluit eerst het plan af.').isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Huishouden afsluiten' }).count()).toBe(0);
    await expectAccessible(page, 'Dossier (nog niet af te sluiten)', axe);

    // The plan closed: offered, and asked again with a reason before it is done.
    expect(
      (await api.call('POST', `/households/${householdId}/plan/close`, { token: coach, body: { outcome: 'Doelen bereikt.' } })).status,
    ).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Huishouden afsluiten' }).click();
    await expect.poll(focusedId).toBe('veld-afsluiten-reden');
    expect(await page.getByText('Na het afsluiten kan niemand het dossier nog wijzigen; het blijft te lezen.').count()).toBe(1);
    await page.getByRole('button', { name: 'Definitief afsluiten' }).click();
    await expect.poll(() => errorAt('Reden van afsluiten')).toBe('Verplicht.');
    expect((await dossierOf(householdId, coach)).body.status).toBe('open');
    await expectAccessible(page, 'Dossier (afsluiten bevestigen)', axe);
    await page.getByLabel('Reden van afsluiten').fill('Doelen bereikt, de bewoner redt zich.');
    await page.getByRole('button', { name: 'Definitief afsluiten' }).click();
    await expect
      .poll(() => page.getByText(/^Dit huishouden is afgesloten op .*\. Reden: Doelen bereikt, de bewoner redt zich\.$/).isVisible())
      .toBe(true);
    await expect.poll(focusedId).toBe('dossier-gesloten');
    for (const name of ['Adres corrigeren', 'Lid toevoegen', 'Huishouden afsluiten'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    const closed = (await dossierOf(householdId, coach)).body;
    expect(closed.status).toBe('closed');
    expect(closed.closeReason).toBe('Doelen bereikt, de bewoner redt zich.');
    await expectAccessible(page, 'Dossier (afgesloten)', axe);
  });

  it('transfers the household to another team picked by name, for the team leader only', async () => {
    const people = await demoPeople();
    const leader = await tokenOf(people, LEADER);
    const householdId = await household({ postcode: '7545DE', houseNumber: '6' }, [{ name: 'Noor Verhuizer', birthDate: '1988-08-08' }]);

    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Verhuizer/ }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Overdragen aan een ander team' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Overdragen' }).count()).toBe(0);

    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Overdragen aan een ander team' }).isVisible()).toBe(true);
    const options = await page.getByLabel('Naar team').locator('option').allTextContents();
    expect(options).toContain('Wijkteam Pathmos');
    expect(options).toContain('Interventieteam');
    expect(options).not.toContain('Doorbraakteam');
    expect(options).not.toContain('Wijkteam Velve-Lindenhof');
    expect(options.some((o) => /^[a-z]+(-[a-z]+)+$/.test(o))).toBe(false);
    await page.getByRole('button', { name: 'Overdragen' }).click();
    await expect.poll(() => errorAt('Naar team')).toBe('Kies een team.');
    await expectAccessible(page, 'Dossier (overdragen)', axe);

    await page.getByLabel('Naar team').selectOption({ label: 'Wijkteam Pathmos' });
    await page.getByRole('button', { name: 'Overdragen' }).click();
    await expect.poll(() => page.getByText('Het huishouden is overgedragen aan Wijkteam Pathmos.').isVisible()).toBe(true);
    await expect.poll(focusedId).toBe('overgedragen');
    expect(await page.getByRole('link', { name: 'Naar de caseload' }).count()).toBe(1);
    await expectAccessible(page, 'Dossier (overgedragen)', axe);
    // Out of the old team's reach; the new team's.
    expect((await dossierOf(householdId, leader)).status).toBe(404);
    const pathmos = await api.token({ sub: 'pim', roles: ['teamleider'], teams: ['pathmos'] });
    expect((await dossierOf(householdId, pathmos)).body.teamId).toBe('pathmos');
  });
});
