/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { dateKeys, expectAccessible } from './browser.ts';
import { api, axe, page, signInAs, startWebClient } from './harness.ts';

/**
 * Aanmelden with "Ophalen uit BRP" (../shared/spec/v1.2.md "BRP look-up through Haal Centraal",
 * issue 31): the members of the address filled in from the city's BRP (local mode's stand-in),
 * editable, the intake registered with them in fewer keystrokes than typing them by hand (both
 * counted here); the BRP stopped, a clear message and the form still registers by hand.
 */
startWebClient();

const PEOPLE = [
  { bsn: '999991474', voornamen: 'Ilham', geslachtsnaam: 'Brpwijk', geboortedatum: '1982-07-21' },
  { bsn: '999991486', voornamen: 'Sven', geslachtsnaam: 'Brpwijk', geboortedatum: '1980-03-09' },
  { bsn: '999991498', voornamen: 'Lina', geslachtsnaam: 'Brpwijk', geboortedatum: '2017-11-30' },
];

/** Another family of the same shape, typed by hand (the same BSNs would join the first household). */
const TYPED = [
  { bsn: '999991504', voornamen: 'Ilham', geslachtsnaam: 'Handwijk', geboortedatum: '1982-07-21' },
  { bsn: '999991516', voornamen: 'Sven', geslachtsnaam: 'Handwijk', geboortedatum: '1980-03-09' },
  { bsn: '999991528', voornamen: 'Lina', geslachtsnaam: 'Handwijk', geboortedatum: '2017-11-30' },
];

/** Types as a person does, key by key, and counts the keys. */
let keys = 0;
async function type(label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
  keys += text.length;
}
async function typeAt(locator: string, text: string) {
  await page.locator(locator).focus();
  await page.keyboard.type(text);
  keys += text.length;
}

async function startIntake() {
  await signInAs('intaker');
  await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Aanmelden' }).isVisible()).toBe(true);
  // The story and the domain are the same whichever way the members come: not counted.
  await page.getByLabel('Verhaal').fill('Huurachterstand en een brief van de deurwaarder.');
  await page.getByLabel('Huisvesting').check();
  keys = 0;
}

async function save() {
  await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Triage' }).isVisible()).toBe(true);
  const intakeId = new URL(page.url()).pathname.split('/')[2] ?? '';
  const token = await api.token({ sub: 'demo-intaker-velve-lindenhof', roles: ['intaker'], teams: ['velve-lindenhof'] });
  const intake = await api.call('GET', `/intakes/${intakeId}`, { token });
  const household = await api.call('GET', `/households/${intake.body.householdId}`, { token });
  return household.body.members as { name: string; birthDate: string; role: string }[];
}

describe('Aanmelden: Ophalen uit BRP', () => {
  it('fills the members from the BRP, editable, in fewer keystrokes than by hand', async () => {
    api.stack.brp.add({ postcode: '7524AB', houseNumber: '5' }, PEOPLE);

    // By hand: the address and every member's name, birth date and BSN.
    await startIntake();
    await type('Postcode', '7524 AC');
    await type('Huisnummer', '6');
    for (const [i, p] of TYPED.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Lid toevoegen' }).click();
      await typeAt(`#veld-household-members-${i}-name`, `${p.voornamen} ${p.geslachtsnaam}`);
      await typeAt(`#veld-household-members-${i}-birthDate`, await dateKeys(page, p.geboortedatum));
      await typeAt(`#veld-household-members-${i}-bsn`, p.bsn);
    }
    await page.locator('#veld-household-members-2-role').selectOption('child');
    keys += 1;
    const byHand = keys;
    expect((await save()).map((m) => m.name)).toEqual(['Ilham Handwijk', 'Sven Handwijk', 'Lina Handwijk']);

    // From the BRP: the address, one button, one correction.
    await startIntake();
    await type('Postcode', '7524 AB');
    await type('Huisnummer', '5');
    await page.getByRole('button', { name: 'Ophalen uit BRP' }).click();
    keys += 1;
    await expect.poll(() => page.getByText('3 personen opgehaald uit de BRP.', { exact: false }).isVisible()).toBe(true);
    expect(await page.locator('#veld-household-members-0-name').inputValue()).toBe('Ilham Brpwijk');
    expect(await page.locator('#veld-household-members-2-role').inputValue()).toBe('child');
    expect(await page.locator('#veld-household-members-1-bsn').inputValue()).toBe('999991486');
    await expectAccessible(page, 'Aanmelden, gevuld uit de BRP', axe);
    // Still editable: the intaker corrects a name as the resident says it.
    await page.locator('#veld-household-members-1-name').fill('');
    await typeAt('#veld-household-members-1-name', 'Sven B.');
    const fromBrp = keys;
    const members = await save();
    expect(members.map((m) => m.name)).toEqual(['Ilham Brpwijk', 'Sven B.', 'Lina Brpwijk']);
    expect(members.map((m) => m.role)).toEqual(['adult', 'adult', 'child']);
    console.log(`keystrokes: by hand ${byHand}, from the BRP ${fromBrp}`);
    expect(fromBrp).toBeLessThan(byHand / 3);
  });

  it('says so when the BRP is down, and the intake is registered by hand', async () => {
    await startIntake();
    await page.getByRole('button', { name: 'Ophalen uit BRP' }).click();
    // No address yet: said in Dutch, nothing asked.
    await expect.poll(() => page.getByText('Vul eerst een geldige postcode en een huisnummer in.').isVisible()).toBe(true);
    await api.stack.brp.stop();
    await type('Postcode', '7524 AD');
    await type('Huisnummer', '7');
    await page.getByRole('button', { name: 'Ophalen uit BRP' }).click();
    await expect
      .poll(() => page.getByText('De BRP is nu niet bereikbaar. Vul de leden zelf in, of probeer het later opnieuw.').isVisible())
      .toBe(true);
    await expectAccessible(page, 'Aanmelden, BRP niet bereikbaar', axe);
    await typeAt('#veld-household-members-0-name', 'Piet Zonderbrp');
    await typeAt('#veld-household-members-0-birthDate', await dateKeys(page, '1961-05-05'));
    expect((await save()).map((m) => m.name)).toEqual(['Piet Zonderbrp']);
  });
});
