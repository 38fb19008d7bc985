/// <reference lib="dom" />
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, tabTo } from './browser.ts';
import { api, axe, COACH, demoPeople, INTAKER, LEADER, page, registerIntake, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * The work lists page by page, and the team's roster (issue 25): "Meer laden" under the
 * Werklijst and the team's work while the API has a next page (`nextCursor`), appending it in
 * its order and groups, one page at a time, the focus on the first task it brought; and the
 * team leader taking someone off the roster by name, confirmed, with a Dutch notice that takes
 * the focus, a refusal said in Dutch.
 *
 * The client asks 100 tasks a page. A test with more than 100 tasks would be slow, so the walk
 * answers with smaller pages of the real API: the browser's requests to the task list go on to
 * the API with a smaller `limit` (Playwright's request routing), the cursors being the API's own.
 * Nothing in the client knows.
 */
startWebClient();

const TEAM = 'velve-lindenhof';
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', row: el?.closest('tr')?.textContent ?? '', id: el?.id ?? '' };
  });
const sectionOf = (heading: RegExp) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
const hrefs = () => page.locator('main table a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/**
 * The browser's requests to `path` reach the API with `limit` = `per` (the rest of the request
 * as the client made it); each is recorded as the client asked it, and one with a cursor waits
 * `delayMs` first (a slow page, to press again while it loads).
 */
async function smallPages(path: string, per: number, delayMs: number) {
  const asked: URL[] = [];
  const handler = async (route: Route) => {
    const url = new URL(route.request().url());
    asked.push(new URL(url));
    if (url.searchParams.has('cursor')) await new Promise((resolve) => setTimeout(resolve, delayMs));
    url.searchParams.set('limit', String(per));
    await route.continue({ url: url.toString() });
  };
  const matches = (url: URL) => url.pathname === `/v1${path}`;
  await page.route(matches, handler);
  return { asked, stop: () => page.unroute(matches, handler) };
}

async function intake(intaker: string, n: number) {
  const registered = await registerIntake(intaker, {
    question: `Vraag ${n} voor de werklijst.`,
    domains: ['finances'],
    address: { postcode: '7545WL', houseNumber: String(n) },
    members: [{ name: `Wim Pagina${n}`, birthDate: '1970-01-01', role: 'adult' }],
  });
  expect(registered.status).toBe(201);
  return registered.body as { id: string; householdId: string };
}

describe('Werk in pagina’s, en de teamleden', () => {
  it('the Werklijst: "Meer laden" appends the next page in its group, once per press, the focus on its first task; gone at the end', async () => {
    const people = await demoPeople();
    const [intaker, coach] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH)]);
    for (const n of [1, 2, 3]) await intake(intaker, n);
    // Three triages wait for the team: the coach's work list, two a page.
    const all = await api.call('GET', '/me/tasks?limit=100', { token: coach });
    expect(all.body.items.length).toBe(3);

    const pages = await smallPages('/me/tasks', 2, 500);
    try {
      await signInAs('wijkcoach');
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Triage (2)' }).isVisible()).toBe(true);
      expect(
        pages.asked.every((url) => url.searchParams.get('limit') === '100'),
        'the client asks pages of 100',
      ).toBe(true);
      const before = await hrefs();
      expect(before.length).toBe(2);
      await expectAccessible(page, 'Werklijst (eerste pagina, meer te laden)', axe);

      // With the keyboard: to the button, Enter, and Enter again while the page loads: one request.
      await tabTo(page, 'Meer laden');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Triage (3)' }).isVisible()).toBe(true);
      expect(pages.asked.filter((url) => url.searchParams.has('cursor')).length, 'one page asked, not two').toBe(1);
      const after = await hrefs();
      expect(after.length).toBe(3);
      expect(after.slice(0, 2), 'the first page stays where it was').toEqual(before);
      expect(new Set(after).size).toBe(3);
      // The focus on the task the page brought; nothing more to load.
      await expect.poll(async () => (await focused()).tag).toBe('A');
      const link = await focused();
      expect(link.text).toBe('Triage');
      expect(link.row).toContain('Pagina');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(after[2]);
      expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
      expect(await page.getByRole('status').filter({ hasText: '1 taak erbij geladen; dit zijn alle taken.' }).count()).toBe(1);
      // Each triage the API lists for the coach once, in one group.
      expect(await page.locator('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Triage (3)']);
      await expectAccessible(page, 'Werklijst (alles geladen)', axe);
    } finally {
      await pages.stop();
    }
  });

  it('the team’s work: "Meer laden" brings the next page, a new person’s group after the others, and then is gone', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
    const coachName = people.get(COACH)?.name ?? '';
    await api.call('GET', '/teams', { token: coach }); // on the roster, to be referred to
    // A fourth intake referred to the coach: its first contact waits for the coach, due after the team's triages.
    const referred = await intake(intaker, 4);
    const triaged = await api.call('POST', `/intakes/${referred.id}/triage`, {
      token: intaker,
      body: { outcome: 'referred_to_coach', coachId: COACH, complexity: 'simple' },
    });
    expect(triaged.status).toBe(200);
    const all = await api.call('GET', `/teams/${TEAM}/tasks?limit=100`, { token: leader });
    expect(all.body.items.length).toBe(4);
    const firstPage = await api.call('GET', `/teams/${TEAM}/tasks?limit=3`, { token: leader });
    const secondPage = await api.call('GET', `/teams/${TEAM}/tasks?limit=3&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, {
      token: leader,
    });
    expect(secondPage.body.items.map((task: { assigneeId: string | null }) => task.assigneeId)).toEqual([COACH]);

    const pages = await smallPages(`/teams/${TEAM}/tasks`, 3, 300);
    try {
      await signInAs('teamleider');
      await page.goto(`/team/${TEAM}/werk`);
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Het team (3 taken)' }).isVisible()).toBe(true);
      expect(
        pages.asked.every((url) => url.searchParams.get('limit') === '100'),
        'the client asks pages of 100',
      ).toBe(true);
      expect(await sectionOf(new RegExp(`^${coachName} \\(`)).count()).toBe(0);
      const before = await hrefs();
      expect(before.length).toBe(3);
      await expectAccessible(page, 'Werk van het team (meer te laden)', axe);

      // Pressed twice in a row (the page is slow): one request.
      await page.getByRole('button', { name: 'Meer laden' }).dblclick();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: `${coachName} (1 taak)` }).isVisible()).toBe(true);
      expect(pages.asked.filter((url) => url.searchParams.has('cursor')).length, 'one page asked, not two').toBe(1);
      const levelTwo = await page.locator('main').getByRole('heading', { level: 2 }).allTextContents();
      expect(levelTwo.slice(0, 2)).toEqual(['Het team (3 taken)', `${coachName} (1 taak)`]);
      expect((await hrefs()).slice(0, 3)).toEqual(before);
      await expect.poll(async () => (await focused()).tag).toBe('A');
      const link = await focused();
      expect(link.text).toBe('Eerste contact leggen');
      expect(link.row).toContain(secondPage.body.items[0].householdName);
      expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
      await expectAccessible(page, 'Werk van het team (alles geladen)', axe);
    } finally {
      await pages.stop();
    }
  });

  it('the team leader takes someone off the roster by name, confirmed; one already gone is said so in Dutch', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
    const [coachName, intakerName, leaderName] = [COACH, INTAKER, LEADER].map((id) => people.get(id)?.name ?? '');
    await Promise.all([intaker, coach].map((token) => api.call('GET', '/teams', { token })));
    const rosterIds = async () =>
      ((await api.call('GET', `/teams/${TEAM}/members`, { token: leader })).body.items as { userId: string }[]).map((m) => m.userId);
    expect(await rosterIds()).toEqual(expect.arrayContaining([COACH, INTAKER, LEADER]));

    await signInAs('teamleider');
    await page.goto(`/team/${TEAM}/werk`);
    const members = page.getByRole('table', { name: 'Teamleden' });
    await expect.poll(() => members.getByRole('row').filter({ hasText: coachName }).count()).toBe(1);
    // By name, never a user id.
    const shown = (await members.textContent()) ?? '';
    for (const name of [coachName, intakerName, leaderName]) expect(shown).toContain(name);
    for (const id of [COACH, INTAKER, LEADER]) expect(shown).not.toContain(id);
    await expectAccessible(page, 'Werk van het team (teamleden)', axe);

    // Asked first: cancelled, nothing happens and the focus goes back.
    await page.getByRole('button', { name: `${coachName} van het team halen` }).click();
    await expect.poll(async () => (await focused()).text).toBe('Van het team halen');
    expect(await page.getByRole('heading', { name: `${coachName} van het team halen?` }).count()).toBe(1);
    await expectAccessible(page, 'Werk van het team (van het team halen?)', axe);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(async () => (await focused()).text).toBe(`${coachName} van het team halen`);
    expect(await page.getByRole('button', { name: 'Van het team halen', exact: true }).count()).toBe(0);
    expect(await rosterIds()).toContain(COACH);

    // Confirmed: the notice takes the focus; off the list, and off the roster in the API.
    await page.getByRole('button', { name: `${coachName} van het team halen` }).click();
    await page.getByRole('button', { name: 'Van het team halen', exact: true }).click();
    const notice = `${coachName} staat niet meer op het rooster van het team.`;
    await expect.poll(async () => (await focused()).text).toBe(notice);
    await expect.poll(() => members.getByRole('row').filter({ hasText: coachName }).count()).toBe(0);
    expect(await rosterIds()).not.toContain(COACH);
    // The coach's task waits for someone no longer on the roster: said so, not by name.
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Niet meer op het rooster (1 taak)' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: new RegExp(`^${coachName}`) }).count()).toBe(0);
    await expectAccessible(page, 'Werk van het team (van het team gehaald)', axe);

    // Refused: the intaker taken off elsewhere while the leader confirms. Said in Dutch, not the API's words.
    await page.getByRole('button', { name: `${intakerName} van het team halen` }).click();
    expect((await api.call('DELETE', `/teams/${TEAM}/members/${INTAKER}`, { token: leader })).status).toBe(204);
    expect((await api.call('DELETE', `/teams/${TEAM}/members/${INTAKER}`, { token: leader })).status).toBe(404);
    await page.getByRole('button', { name: 'Van het team halen', exact: true }).click();
    const refusal = `${intakerName} stond al niet meer op het rooster van het team. De lijst hieronder is bijgewerkt.`;
    await expect.poll(async () => (await focused()).text).toBe(refusal);
    await expect.poll(() => members.getByRole('row').filter({ hasText: intakerName }).count()).toBe(0);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/not found|Team member/i);
    expect(await rosterIds()).not.toContain(INTAKER);
    await expectAccessible(page, 'Werk van het team (al van het team)', axe);
  });
});
