/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import { api, axe, COACH, demoPeople, INTAKER, page, registerIntake, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * Meldingen (v1.2 "Notifications", issue 28): a referral shows up in the coach's badge without a
 * reload (the client polls with If-None-Match at most once a minute while the page is visible);
 * the list names the household as a person recognises it and links to where its work is;
 * following one marks it read; "Alles gelezen" marks them all.
 */
startWebClient();

describe('Meldingen', () => {
  it('a referral shows up in the coach’s badge without a reload; the list names the household and leads to it', async () => {
    const people = await demoPeople();
    const intaker = await tokenOf(people, INTAKER);
    const coach = await tokenOf(people, COACH);
    await api.call('POST', '/me/notifications/read', { token: coach, body: { all: true } });
    // The page's clock is the test's: a minute passes when the test says so.
    await page.clock.install();
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/v1/me/notifications?')) answers.push(String(response.status()));
    });
    await signInAs('wijkcoach');
    const link = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Meldingen/ });
    // Signed in, the client asks once; from then on the polls are counted.
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    expect(await link.textContent()).toBe('Meldingen');
    const signedIn = answers.length;
    const polls = {
      get length() {
        return answers.length - signedIn;
      },
    };
    const since = () => answers.slice(signedIn);

    const intake = await registerIntake(intaker, {
      question: 'Hulp bij de post en de rekeningen.',
      domains: ['finances'],
      address: { postcode: '7545MB', houseNumber: '12' },
      members: [{ name: 'Mila Meldingen', birthDate: '1979-07-07', role: 'adult' }],
    });
    expect(intake.status).toBe(201);
    const triaged = await api.call('POST', `/intakes/${intake.body.id}/triage`, {
      token: intaker,
      body: { outcome: 'referred_to_coach', coachId: COACH, complexity: 'simple' },
    });
    expect(triaged.status).toBe(200);

    // Within the minute nothing is asked; after it, one poll, and the badge says one unread.
    await page.clock.runFor(30_000);
    expect(since()).toEqual([]);
    await page.clock.runFor(31_000);
    await expect.poll(() => link.textContent()).toBe('Meldingen 1 ongelezen');
    expect(since()).toEqual(['200']);
    // A minute later nothing changed: the server answers 304.
    await page.clock.runFor(61_000);
    await expect.poll(since).toEqual(['200', '304']);
    expect(polls.length).toBe(2);

    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Meldingen' }).isVisible()).toBe(true);
    const item = page.getByRole('link', { name: 'Een huishouden is naar u doorverwezen: maak eerste contact · Meldingen · 7545 MB 12' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await page.getByText('Eén ongelezen melding.').count()).toBe(1);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(intake.body.householdId);
    await expectAccessible(page, 'Meldingen', axe);

    await item.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossier: Meldingen · 7545 MB 12' }).isVisible()).toBe(true);
    await expect.poll(() => link.textContent()).toBe('Meldingen');
    const mine = await api.call('GET', '/me/notifications', { token: coach });
    expect(mine.body.unreadCount).toBe(0);
  });

  it('Alles gelezen marks every notification read; at 390 px the badge is behind the menu and the list fits', async () => {
    const people = await demoPeople();
    const intaker = await tokenOf(people, INTAKER);
    await api.call('POST', '/me/notifications/read', { token: await tokenOf(people, COACH), body: { all: true } });
    for (const houseNumber of ['14', '16']) {
      const intake = await registerIntake(intaker, {
        question: 'Vraag om hulp.',
        domains: ['finances'],
        address: { postcode: '7545MB', houseNumber },
        members: [{ name: `Bram Melding${houseNumber}`, birthDate: '1981-01-01', role: 'adult' }],
      });
      await api.call('POST', `/intakes/${intake.body.id}/triage`, {
        token: intaker,
        body: { outcome: 'referred_to_coach', coachId: COACH, complexity: 'simple' },
      });
    }
    await page.goto('/meldingen');
    await expect.poll(() => page.getByText('2 ongelezen meldingen.').isVisible()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'Meldingen op een telefoon', axe);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => page.getByText('Alle meldingen zijn gelezen.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Geen ongelezen meldingen.').isVisible()).toBe(true);
    expect((await api.call('GET', '/me/notifications', { token: await tokenOf(people, COACH) })).body.unreadCount).toBe(0);
  });
});
