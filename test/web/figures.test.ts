/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import { api, axe, COACH, demoPeople, INTAKER, page, registerIntake, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * Cijfers (web.md): six months of `GET /stats` as charts and as the table they picture, the
 * city's for the beheerder, their own team's for a team leader; teams by name, months and
 * numbers the Dutch way, and each share saying what it is of (issue 26).
 */
startWebClient();

/** Dutch month abbreviations as the Dutch write them in a table ("jul 2026"). */
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthInDutch = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
/** A share as a Dutch percentage with at most one decimal, and what it is of. */
const shareInDutch = (share: number, part: number, whole: number) =>
  `${String(Math.round(share * 1000) / 10).replace('.', ',')}% (${part} van ${whole})`;

describe('Cijfers', () => {
  it('shows six months as charts and as a table: the city for the beheerder, their team for a team leader, by name, the Dutch way', async () => {
    const people = await demoPeople();
    const [intaker, coach] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH)]);
    await api.call('GET', '/teams', { token: coach }); // the coach on the roster, to be referred to
    // Three intakes triaged this month: one resolved at once, two to a coach (one of them complex).
    const outcomes = [
      { outcome: 'resolved_by_intaker', resolution: 'Meteen geholpen met de aanvraag.' },
      { outcome: 'referred_to_coach', coachId: COACH, complexity: 'complex' },
      { outcome: 'referred_to_coach', coachId: COACH, complexity: 'simple' },
    ];
    for (const [i, triage] of outcomes.entries()) {
      const intake = await registerIntake(intaker, {
        question: 'Een vraag voor de cijfers.',
        domains: ['finances'],
        address: { postcode: '7545CF', houseNumber: String(i + 1) },
        members: [{ name: `Cijfer Telling${i}`, birthDate: '1980-01-01', role: 'adult' }],
      });
      expect((await api.call('POST', `/intakes/${intake.body.id}/triage`, { token: intaker, body: triage })).status).toBe(200);
    }
    const bea = await api.token({ sub: 'bea', roles: ['beheerder'], teams: [] });
    const stats = await api.call('GET', '/stats', { token: bea });
    const city = stats.body.city;
    const triaged = city.resolvedByIntaker + city.referredToCoach + city.referredToInterventieteam + city.referredExternal;
    expect(triaged).toBeGreaterThanOrEqual(3);

    await signInAs('beheerder', 'Stadsbreed');
    await page.getByRole('link', { name: 'Cijfers', exact: true }).click();
    await expect.poll(() => page.getByRole('img', { name: /Aanmeldingen en vervolg, De hele stad/ }).isVisible()).toBe(true);
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    const table = page.getByRole('table', { name: 'Cijfers per maand, De hele stad' });
    expect(await table.getByRole('row').count()).toBe(1 + 6);
    const header = await table.getByRole('row').first().getByRole('columnheader').allTextContents();
    expect(header[2]).toBe('Direct opgelost (van getrieerd)');
    expect(header[3]).toBe('Complex (van naar wijkcoach)');
    const cells = table.getByRole('row').last().getByRole('cell');
    expect(await cells.nth(0).textContent()).toBe(monthInDutch(stats.body.month));
    expect(await cells.nth(1).textContent()).toBe(String(city.intakes));
    expect(await cells.nth(2).textContent()).toBe(shareInDutch(city.resolvedByIntakerShare, city.resolvedByIntaker, triaged));
    expect(await cells.nth(3).textContent()).toBe(shareInDutch(city.complexShare, city.complex, city.referredToCoach));
    expect(await cells.nth(6).textContent()).toBe(String(city.signals.received));
    // Teams by name in the choice, never an id.
    const options = await page.getByLabel('Team of stad').locator('option').allTextContents();
    expect(options).toContain('Wijkteam Velve-Lindenhof');
    expect(options.some((o) => /^[a-z]+(-[a-z]+)+$/.test(o))).toBe(false);
    await expectAccessible(page, 'Cijfers', axe);

    await signInAs('teamleider');
    await page.getByRole('link', { name: 'Cijfers', exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Cijfers per maand, Wijkteam Velve-Lindenhof' }).isVisible()).toBe(true);
    expect(await page.getByRole('option', { name: 'De hele stad' }).count()).toBe(0);
    await expectAccessible(page, 'Cijfers (teamleider)', axe);
  });
});
