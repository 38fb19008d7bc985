/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import { api, axe, COACH, demoPeople, errorAt, focusedId, page, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * Handling a partner's early signal of payment arrears (issue 25, the Signals screens): the
 * contact attempts in the order they were made, no outcome chosen for the professional, the
 * outcome and its note on the signal once recorded (also opened later), a handled signal found
 * under its outcome in the queue, and teams by name.
 */
startWebClient();

/** A moment as a datetime-local field takes it in Amsterdam ("2026-07-10T09:05"). */
const localMinute = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(ms).replace(' ', 'T');
/** A moment the Dutch way, to the minute ("10 jul 2026, 09:05"). */
const inDutch = (ms: number) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(ms);

describe('Signals: handling a partner’s signal', () => {
  it('lists the attempts in time order, wants an outcome chosen, shows the outcome and its note, and finds the signal under it', async () => {
    const people = await demoPeople();
    const coach = await tokenOf(people, COACH);
    const coachName = people.get(COACH)?.name ?? '';
    const domijn = await api.stack.idp.signPartner('domijn');
    const sent = await api.call('POST', '/signals', {
      token: domijn,
      body: {
        reference: 'web-signals-1',
        kind: 'rent_arrears',
        arrears: { amount: 1250, currency: 'EUR' },
        since: '2026-06-01',
        address: { postcode: '7546AB', houseNumber: '12' },
        person: { name: 'Hester Achterstand', birthDate: '1966-06-06' },
      },
    });
    expect(sent.status).toBe(201);
    const signalId = sent.body.id as string;

    // The queue: open signals by default, the team by its name.
    await signInAs('wijkcoach');
    await page.getByRole('link', { name: 'Signalen', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Hester Achterstand' }).isVisible()).toBe(true);
    const show = page.getByLabel('Toon', { exact: true });
    expect(await show.locator('option:checked').textContent()).toBe('Open signalen');
    expect(await show.locator('option').allTextContents()).toEqual([
      'Open signalen',
      'Hulp geaccepteerd',
      'Hulp geweigerd',
      'Geen contact',
      'Al in zorg',
    ]);
    await expect.poll(() => page.getByText('Team: Wijkteam Velve-Lindenhof', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('velve-lindenhof', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'Signalen (open)', axe);

    // Three attempts (no contact needs 3 on 2 channels), the latest moment entered first. Each lies
    // after the receipt (the minutes after it; the API allows a few minutes of clock skew).
    const minuteAfterReceipt = (n: number) => (Math.floor(Date.parse(sent.body.receivedAt) / 60_000) + n) * 60_000;
    await page.getByRole('link', { name: 'Hester Achterstand' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Hester Achterstand/ }).isVisible()).toBe(true);
    const attemptForm = page.getByRole('form', { name: 'Contactpoging opslaan' });
    const attempts = page.locator('h2:text-is("Contactpogingen") + ul > li');
    const entered = [
      { at: minuteAfterReceipt(3), channel: 'Huisbezoek', value: 'visit', note: 'laatste poging' },
      { at: minuteAfterReceipt(1), channel: 'Telefoon', value: 'phone', note: 'eerste poging' },
      { at: minuteAfterReceipt(2), channel: 'Brief', value: 'letter', note: 'tweede poging' },
    ];
    // A moment before the signal came in: the API refuses it, said in Dutch (issue 26), never its English.
    await attemptForm.getByLabel('Moment').fill(localMinute(minuteAfterReceipt(-120)));
    await attemptForm.getByRole('button', { name: 'Contactpoging opslaan' }).click();
    const refusal = page.getByRole('alert').or(page.locator('.utrecht-alert'));
    await expect.poll(() => page.getByText('Dit moment ligt vóór de ontvangst van het signaal.').isVisible()).toBe(true);
    expect(await refusal.allTextContents()).not.toContainEqual(expect.stringMatching(/signal|received|must/i));
    expect(await attempts.count()).toBe(0);
    for (const [i, attempt] of entered.entries()) {
      await attemptForm.getByLabel('Kanaal').selectOption(attempt.value);
      await attemptForm.getByLabel('Moment').fill(localMinute(attempt.at));
      await attemptForm.getByLabel('Notitie').fill(attempt.note);
      await attemptForm.getByRole('button', { name: 'Contactpoging opslaan' }).click();
      await expect.poll(() => attempts.count()).toBe(i + 1);
    }
    const [latest, earliest, middle] = entered as [(typeof entered)[0], (typeof entered)[0], (typeof entered)[0]];
    const listed = await attempts.allTextContents();
    expect(listed.map((text) => /\((.*)\)$/.exec(text)?.[1])).toEqual(['eerste poging', 'tweede poging', 'laatste poging']);
    for (const [i, attempt] of [earliest, middle, latest].entries()) {
      expect(listed[i]?.startsWith(`${inDutch(attempt.at)}: ${attempt.channel}`), listed[i]).toBe(true);
    }
    await expectAccessible(page, 'Signaal (drie pogingen)', axe);

    // No outcome chosen for the professional: saving without a choice is said at the field, and nothing is sent.
    const outcome = page.getByRole('combobox', { name: 'Uitkomst', exact: true });
    expect(await outcome.inputValue()).toBe('');
    expect(await outcome.locator('option:checked').textContent()).toBe('Kies een uitkomst');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await expect.poll(() => errorAt('Uitkomst')).toBe('Kies een uitkomst.');
    expect(await outcome.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(focusedId).toBe('veld-outcome');
    const unchanged = await api.call('GET', `/signals/${signalId}`, { token: coach });
    expect(unchanged.body.outcome).toBeUndefined();
    expect(unchanged.body.status).toBe('in_outreach');
    await expectAccessible(page, 'Signaal (geen uitkomst gekozen)', axe);

    // "Geen contact" with a note: the outcome, its note, who and when are shown, also when opened later.
    await outcome.selectOption({ label: 'Geen contact' });
    await page.getByRole('form', { name: 'Uitkomst opslaan' }).getByLabel('Notitie').fill('Drie keer geprobeerd, niemand thuis.');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    const recorded = page.getByRole('region', { name: 'Uitkomst' });
    await expect.poll(() => recorded.isVisible()).toBe(true);
    const saved = await api.call('GET', `/signals/${signalId}`, { token: coach });
    expect(saved.body.outcome).toMatchObject({ outcome: 'no_contact', note: 'Drie keer geprobeerd, niemand thuis.' });
    const when = inDutch(Date.parse(saved.body.outcome.at));
    const expectRecorded = async () => {
      await expect.poll(() => recorded.isVisible()).toBe(true);
      await expect.poll(() => recorded.textContent()).toContain(coachName);
      const text = (await recorded.textContent()) ?? '';
      expect(text).toContain('Geen contact');
      expect(text).toContain('Drie keer geprobeerd, niemand thuis.');
      expect(text).toContain(when);
      // Recorded once: the form to record it is gone.
      expect(await page.getByRole('form', { name: 'Uitkomst opslaan' }).count()).toBe(0);
    };
    await expectRecorded();
    await expectAccessible(page, 'Signaal (uitkomst)', axe);
    await page.reload();
    await expectRecorded();
    await expectAccessible(page, 'Signaal (uitkomst, later geopend)', axe);

    // The queue: no longer among the open signals, found under its outcome; the empty list says what was chosen.
    await page.getByRole('link', { name: 'Signalen', exact: true }).click();
    await expect.poll(() => page.getByText('Geen signalen zonder uitkomst.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Hester Achterstand' }).count()).toBe(0);
    const asked = page.waitForRequest((request) => new URL(request.url()).searchParams.get('status') === 'no_contact');
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Geen contact' });
    await asked;
    await expect.poll(() => page.getByRole('link', { name: 'Hester Achterstand' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Signalen met uitkomst ‘Geen contact’' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Signalen (geen contact)', axe);
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Hulp geweigerd' });
    await expect.poll(() => page.getByText('Geen signalen met uitkomst ‘Hulp geweigerd’.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Hester Achterstand' }).count()).toBe(0);
    await expectAccessible(page, 'Signalen (geen met hulp geweigerd)', axe);
  });

  it('names the teams in the team select of someone on two teams, never their ids', async () => {
    const token = await api.token({
      sub: 'demo-wijkcoach-twee-teams',
      name: 'Sam Tweeteams',
      roles: ['wijkcoach'],
      teams: ['velve-lindenhof', 'pathmos'],
    });
    // Signed in as the local sign-in page would sign them in: the session in the tab.
    await page.goto('/');
    await page.evaluate((saved) => sessionStorage.setItem('wijkteams.session', saved), token);
    await page.goto('/signalen');
    const team = page.getByLabel('Team', { exact: true });
    await expect.poll(() => team.locator('option').allTextContents()).toEqual(['Wijkteam Velve-Lindenhof', 'Wijkteam Pathmos']);
    await team.selectOption({ label: 'Wijkteam Pathmos' });
    await expect.poll(() => page.getByText('Geen signalen zonder uitkomst.').isVisible()).toBe(true);
    expect(await page.getByText('pathmos', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'Signalen (twee teams)', axe);
  });
});
