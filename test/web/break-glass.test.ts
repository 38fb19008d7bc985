/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { randomBsn } from '../setup/helpers.ts';
import { expectAccessible } from './browser.ts';
import {
  api,
  axe,
  COACH,
  demoPeople,
  errorAt,
  INTAKER,
  LEADER,
  page,
  registerIntake,
  signInAs,
  startWebClient,
  tokenOf,
} from './harness.ts';

/**
 * Noodtoegang (v1.2 rule 17, issue 29), walked in Chromium with axe: a wijkcoach of the
 * interventieteam finds a household of another team by BSN, says what is acute, and reads its
 * dossier under a banner saying until when and why, without the restricted entry, and writes a
 * journal entry; the household's team leader finds the review in the work list, sees the reads
 * in the processing log, and judges the access.
 */
startWebClient();

const GLASS = 'demo-wijkcoach-interventieteam';
const SECRET = 'Melding bij Veilig Thuis gedaan, niet delen';
const REASON = 'De politie belt: moeder en kinderen staan vannacht op straat.';

describe('Noodtoegang', () => {
  it('opens a household of another team for 8 hours, reviewed afterwards by its team leader', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = [await tokenOf(people, INTAKER), await tokenOf(people, COACH), await tokenOf(people, LEADER)];
    // The team leader is on the roster (signed in once), so the grant tells them.
    await api.call('GET', '/teams', { token: leader });
    const bsn = randomBsn();
    const intake = await registerIntake(intaker, {
      question: 'Dreigende uithuiszetting, huurachterstand van vier maanden.',
      domains: ['housing'],
      address: { postcode: '7545LD', houseNumber: '21' },
      members: [{ name: 'Nadia Noodhulp', birthDate: '1988-08-08', bsn, role: 'adult' }],
    });
    expect(intake.status).toBe(201);
    const householdId = intake.body.householdId as string;
    const secret = await api.call('POST', `/households/${householdId}/journal`, {
      token: coach,
      body: { kind: 'note', text: SECRET, restricted: true },
    });
    expect(secret.status).toBe(201);

    await signInAs('wijkcoach', 'Interventieteam');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Noodtoegang' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Noodtoegang' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Noodtoegang', axe);
    // Nothing filled in: said at the fields in Dutch, nothing sent.
    await page.getByRole('button', { name: 'Noodtoegang' }).click();
    await expect.poll(() => errorAt('BSN')).toContain('Geen geldig BSN');
    expect(await errorAt('Wat is er acuut?')).toContain('minstens 20 tekens');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-bsn');
    // A BSN no open household has: said at the field, in Dutch.
    await page.getByLabel('BSN', { exact: true }).fill(randomBsn());
    await page.getByLabel('Wat is er acuut?').fill(REASON);
    await page.getByRole('button', { name: 'Noodtoegang' }).click();
    await expect.poll(() => errorAt('BSN')).toBe('Er is geen open huishouden gevonden met dit BSN of adres.');
    await expectAccessible(page, 'Noodtoegang (niet gevonden)', axe);

    await page.getByLabel('BSN', { exact: true }).fill(bsn);
    await page.getByRole('button', { name: 'Noodtoegang' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Dossier: Noodhulp/ }).isVisible()).toBe(true);
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Noodtoegang tot');
    expect(await main.textContent()).toContain(`Uw reden: ${REASON}`);
    expect(await main.textContent()).not.toContain(SECRET);
    // Not even a placeholder: the team's restricted entry is not on the timeline under a grant.
    expect(await main.textContent()).not.toContain('afgeschermd');
    // Changes stay with the team: the dossier offers none of them, only the journal.
    expect(await page.getByRole('button', { name: /wijzigen|afsluiten|overdragen|toevoegen/i }).count()).toBe(0);
    await expectAccessible(page, 'Dossier (noodtoegang)', axe);
    await page.locator('#veld-journal-kind').selectOption({ label: 'Telefoongesprek' });
    await page.getByLabel('Verslag', { exact: true }).fill('Politie gebeld: opvang voor vannacht geregeld.');
    await page.getByRole('button', { name: 'Verslag opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Verslag opgeslagen.' }).count()).toBe(1);

    // The team leader: the review waits in the work list, the reads are in the processing log.
    await signInAs('teamleider');
    const task = page.getByRole('link', { name: /Noodtoegang beoordelen/ });
    await expect.poll(() => task.count()).toBe(1);
    expect(await page.getByRole('row', { name: /Noodtoegang beoordelen/ }).textContent()).toContain('Noodhulp');
    await page.goto(`/huishoudens/${householdId}/privacy`);
    await expect.poll(() => main.textContent()).toContain('noodtoegang in een acute situatie');
    await page.goto('/');
    await page.getByRole('link', { name: /Noodtoegang beoordelen/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Noodtoegang beoordelen' }).isVisible()).toBe(true);
    const review = page.getByRole('form', { name: /Noodtoegang tot Noodhulp/ });
    expect(await review.textContent()).toContain(REASON);
    expect(await review.textContent()).toContain(people.get(GLASS)?.name ?? 'onbekend');
    await expectAccessible(page, 'Noodtoegang beoordelen', axe);
    await review.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => review.textContent()).toContain('Kies of de noodtoegang terecht was.');
    await review.getByLabel('Niet terecht').check();
    await review.getByLabel('Toelichting').fill('Er was een andere weg: de eigen coach was bereikbaar.');
    await review.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => main.textContent()).toContain('is beoordeeld: niet terecht.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('beoordeeld');
    await expect.poll(() => page.getByRole('form', { name: /Noodtoegang tot Noodhulp/ }).count()).toBe(0);
    expect(await page.getByText('Er is geen noodtoegang om te beoordelen.').count()).toBe(1);
    const grants = await api.call('GET', '/break-glass?teamId=velve-lindenhof&reviewed=true', { token: leader });
    expect(grants.body.items[0]).toMatchObject({ householdId, review: { verdict: 'unjustified' } });
  });
});
