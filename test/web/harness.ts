/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../infra/local/chromium.ts';
import { ensureWebBuild } from '../../infra/web-assets.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * What every walk of the web client shares: the local stack of Enschede and one Chromium page
 * per test file, signing in as a demo professional, an intake registered through the API, the
 * demo professionals by id. The bindings below are live (ES modules): a file calls
 * `startWebClient()` once and reads `api` and `page` in its tests.
 */
export let api: TestApi;
export let page: Page;
let browser: Browser;
let context: BrowserContext;
/** axe-core's verdict per screen, printed with AXE_REPORT=1. */
export const axe: Record<string, string> = {};

export function startWebClient() {
  beforeAll(async () => {
    await ensureWebBuild();
    [api, browser] = await Promise.all([
      startTestApi('enschede', { flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } }),
      launchChromium(),
    ]);
    context = await browser.newContext({ baseURL: api.stack.url, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stack.stop();
    if (process.env.AXE_REPORT) console.log(JSON.stringify(axe, null, 2));
  });
}

export async function signInAs(role: string, team = 'Velve-Lindenhof') {
  await page.goto('/');
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/');
  const section = page.locator('section', { has: page.getByRole('heading', { name: new RegExp(team) }) });
  await section.getByRole('button', { name: new RegExp(`, ${role}$`) }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Werklijst' }).isVisible()).toBe(true);
}

/** An intake for Velve-Lindenhof registered through the API, for the walks that begin after registration. */
export function registerIntake(
  token: string,
  intake: {
    question: string;
    domains: string[];
    address: { postcode: string; houseNumber: string; houseNumberAddition?: string };
    members: { name: string; birthDate: string; bsn?: string; role: 'adult' | 'child' }[];
    channel?: string;
  },
) {
  const { question, domains, address, members, channel = 'walk_in' } = intake;
  return api.call('POST', '/intakes', {
    token,
    body: { teamId: 'velve-lindenhof', channel, urgency: 'normal', question, domains, household: { address, members } },
  });
}

/** The demo professionals of the local sign-in page, by id: their names are what the screens show. */
export async function demoPeople(): Promise<Map<string, { id: string; name: string; roles: string[]; teams: string[] }>> {
  const people = (await (await fetch(`${api.stack.url}/local/professionals`)).json()) as {
    id: string;
    name: string;
    roles: string[];
    teams: string[];
  }[];
  return new Map(people.map((p) => [p.id, p]));
}

/** A token for a demo professional as their sign-in gives it (with their name: the roster keeps the name of the latest token). */
export async function tokenOf(people: Awaited<ReturnType<typeof demoPeople>>, id: string): Promise<string> {
  const person = people.get(id);
  if (!person) throw new Error(`no demo professional ${id}`);
  return api.token({ sub: person.id, name: person.name, roles: person.roles, teams: person.teams });
}

export const COACH = 'demo-wijkcoach-velve-lindenhof';
export const LEADER = 'demo-teamleider-velve-lindenhof';
export const INTAKER = 'demo-intaker-velve-lindenhof';
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The id of the element that has the focus. */
export const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** The error message the field labelled `label` is described by (aria-describedby), as a screen reader reads it. */
export const errorAt = (label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((el) => el?.id.endsWith('-fout'))
      .map((el) => el?.textContent ?? '')
      .join(' '),
  );
