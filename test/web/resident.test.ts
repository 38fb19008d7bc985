/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBsn } from '../setup/helpers.ts';
import { expectAccessible, misfits, tabTo } from './browser.ts';
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
 * The resident's own view at `/inwoner/` (../shared/spec/v1.2.md "The resident's own view",
 * rule 18, issue 30), on a phone (390 × 844) and by keyboard: signing in with DigiD (locally its
 * stand-in, a BSN of the test range), reading the plan and agreeing to it, a message to the
 * regisseur, withdrawing a consent, and seeing the regisseur's read of the message in "Wie zag
 * mijn gegevens", by organisation and role, never by name. Axe on every screen.
 */
startWebClient();

const PHONE = { width: 390, height: 844 };
const bsn = randomBsn();
let householdId = '';
let coachName = '';
let coachToken = '';
let leaderToken = '';

beforeAll(async () => {
  const people = await demoPeople();
  coachName = people.get(COACH)?.name ?? '';
  const intaker = await tokenOf(people, INTAKER);
  [coachToken, leaderToken] = await Promise.all([tokenOf(people, COACH), tokenOf(people, LEADER)]);
  for (const token of [intaker, coachToken, leaderToken]) await api.call('GET', '/teams', { token });
  const intake = await registerIntake(intaker, {
    question: 'Schulden en een brief van de woningcorporatie.',
    domains: ['finances', 'housing'],
    address: { postcode: '7546RS', houseNumber: '12' },
    members: [
      { name: 'Rosa Inwonertest', birthDate: '1983-03-03', bsn, role: 'adult' },
      { name: 'Kim Inwonertest', birthDate: '2016-06-06', role: 'child' },
    ],
  });
  householdId = intake.body.householdId;
  await api.call('PUT', `/households/${householdId}/regisseur`, { token: leaderToken, body: { userId: COACH } });
  const party = await api.call('POST', `/households/${householdId}/involved`, {
    token: coachToken,
    body: { kind: 'professional', name: 'Sanne Schuldhulp', organisation: 'Stadsbank Oost', role: 'schuldhulpverlener' },
  });
  const dossier = await api.call('GET', `/households/${householdId}`, { token: coachToken });
  const consent = await api.call('POST', `/households/${householdId}/consents`, {
    token: coachToken,
    body: {
      memberId: dossier.body.members[0].id,
      organisation: 'Stadsbank Oost',
      purpose: 'Schuldhulp',
      dataKinds: ['plan'],
      form: 'written',
      givenAt: '2026-11-01',
    },
  });
  expect(consent.status).toBe(201);
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const plan = await api.call('POST', `/households/${householdId}/plan`, {
    token: coachToken,
    body: {
      evaluationDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      goals: [
        {
          domain: 'finances',
          description: 'Rust in de financiën',
          actions: [
            { description: 'Samen de post openen', organisation: 'Wijkteam', dueDate: due, ownerId: COACH },
            { description: 'Budgetplan maken', organisation: 'x', involvedId: party.body.id, dueDate: due },
          ],
        },
      ],
    },
  });
  expect(plan.status).toBe(201);
}, 60_000);

async function onPhone(heading: string, screen: string) {
  await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible(), { message: screen }).toBe(true);
  await page.waitForLoadState('networkidle');
  // The sign-in has no header; every screen after it keeps the bar to one line.
  if ((await page.locator('header').count()) > 0) {
    const header = await page.locator('header').boundingBox();
    expect(header?.height ?? 0, `${screen}: the header`).toBeLessThanOrEqual(72);
  }
  expect(await misfits(page, PHONE.width), screen).toEqual([]);
  await expectAccessible(page, `${screen} (resident, 390 px)`, axe);
}

/** From the menu, as on a phone: the menu button, then the screen's link. */
async function open(link: string) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Mijn wijkteam' }).getByRole('link', { name: link, exact: true }).click();
}

describe('the resident at /inwoner/, on a phone', () => {
  it('signs in, reads the plan and agrees to it, writes to the regisseur, and sees the regisseur’s read', async () => {
    await page.setViewportSize(PHONE);
    // Every API call of the walk, with the token it carries: only the resident's routes, only the resident's token.
    const calls: { path: string; token: string }[] = [];
    const record = (request: { url: () => string; headers: () => Record<string, string> }) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/v1/')) calls.push({ path: pathname, token: request.headers().authorization ?? '' });
    };
    page.on('request', record);
    await page.goto('/inwoner/');
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/inwoner/');
    await onPhone('Inloggen met DigiD', 'Inloggen met DigiD');

    // By keyboard alone: a malformed BSN is said at the field, in Dutch; the right one signs in.
    await tabTo(page, 'BSN uit de testreeks');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    expect(await errorAt('BSN uit de testreeks')).toBe('Vul negen cijfers in.');
    await page.getByLabel('BSN uit de testreeks').fill(bsn);
    await page.keyboard.press('Enter');

    await onPhone('Mijn plan', 'Mijn plan');
    const main = page.locator('main');
    expect(await main.getByRole('heading', { level: 2, name: 'Doel 1: Financiën' }).isVisible()).toBe(true);
    // Who does each action, by name: the regisseur from the roster, the party with its organisation; never an id.
    expect(await main.getByText(coachName, { exact: true }).isVisible()).toBe(true);
    expect(await main.getByText('Sanne Schuldhulp (Stadsbank Oost)').isVisible()).toBe(true);
    expect(await main.textContent()).not.toContain(COACH);
    expect(await main.textContent()).not.toContain(bsn);

    await tabTo(page, 'Ik ga akkoord met dit plan');
    await page.keyboard.press('Enter');
    await expect.poll(() => main.getByText('U gaf akkoord op het plan.').isVisible()).toBe(true);
    await expect.poll(() => main.getByText(/U gaf akkoord op .*, met DigiD\./).isVisible()).toBe(true);
    expect(await main.getByRole('button', { name: 'Ik ga akkoord met dit plan' }).count()).toBe(0);
    const agreed = await api.call('GET', `/households/${householdId}/plan`, { token: coachToken });
    expect(agreed.body).toMatchObject({ status: 'active', agreedBy: 'Rosa Inwonertest', agreedVia: 'digid' });

    await open('Bericht aan mijn regisseur');
    await onPhone('Bericht aan mijn regisseur', 'Bericht aan mijn regisseur');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    expect(await errorAt('Uw bericht')).toBe('Schrijf eerst uw bericht.');
    await page.getByLabel('Uw bericht').fill('De brief van de woningcorporatie is binnen. Kunt u bellen?');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await expect.poll(() => main.getByText('Uw bericht is verstuurd.', { exact: false }).isVisible()).toBe(true);

    // The regisseur reads the journal, where the message landed.
    const journal = await api.call('GET', `/households/${householdId}/journal`, { token: coachToken });
    expect(journal.body.items.some((e: { kind: string }) => e.kind === 'resident_message')).toBe(true);

    await open('Wie zag mijn gegevens');
    await onPhone('Wie zag mijn gegevens', 'Wie zag mijn gegevens');
    const rows = page.getByRole('table').getByRole('row');
    const read = rows.filter({ hasText: 'Inzien: Verslaglegging' }).filter({ hasText: 'Gemeente Enschede, wijkcoach' });
    expect(await read.count()).toBeGreaterThanOrEqual(1);
    const own = rows.filter({ hasText: 'Vastleggen: Verslaglegging' }).filter({ hasText: 'u of iemand uit uw huishouden' });
    expect(await own.count()).toBe(1);
    const text = (await main.textContent()) ?? '';
    for (const hidden of [coachName, COACH, LEADER]) expect(text).not.toContain(hidden);

    page.off('request', record);
    expect(calls.length).toBeGreaterThanOrEqual(5);
    const residentRoute = /^\/v1\/me\/(household(\/messages|\/plan\/agreement)?|processing-log|consents\/[^/]+\/withdrawal)$/;
    expect(calls.filter((call) => !residentRoute.test(call.path)).map((call) => call.path)).toEqual([]);
    const tokens = new Set(calls.map((call) => call.token));
    expect(tokens.size).toBe(1);
    const [bearer] = [...tokens];
    const claims = JSON.parse(Buffer.from((bearer ?? '').split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims['custom:bsn']).toBe(bsn);
    expect(String(claims['cognito:username'])).toMatch(/^DigiD_/);
  });

  it('shows the network and withdraws the resident’s own consent, asked once more', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/inwoner/netwerk');
    await onPhone('Mijn netwerk', 'Mijn netwerk');
    const main = page.locator('main');
    expect(await main.getByText(`${coachName} is uw regisseur.`, { exact: false }).isVisible()).toBe(true);
    expect(await main.getByText('Sanne Schuldhulp, schuldhulpverlener, Stadsbank Oost').isVisible()).toBe(true);

    await open('Toestemmingen');
    await onPhone('Toestemmingen', 'Toestemmingen');
    await main.getByRole('button', { name: 'Toestemming voor Stadsbank Oost intrekken' }).click();
    await page.getByLabel('Waarom trekt u de toestemming in? (hoeft niet)').fill('Ik regel het zelf');
    await expectAccessible(page, 'Toestemming intrekken (resident, 390 px)', axe);
    await main.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect
      .poll(() => main.getByText('U heeft uw toestemming voor Stadsbank Oost ingetrokken.', { exact: false }).isVisible())
      .toBe(true);
    await expect.poll(() => main.getByText('Status: ingetrokken', { exact: false }).isVisible()).toBe(true);
    const consents = await api.call('GET', `/households/${householdId}/consents`, { token: coachToken });
    expect(consents.body.items[0]).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Ik regel het zelf' });
  });

  it('the team leader’s privacy screen names the resident’s own lines as the resident, never as an outsider', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}/privacy`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Privacy/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('de inwoner zelf, met DigiD').first().isVisible()).toBe(true);
    expect(await page.getByText(/iemand buiten het team \(\)/).count()).toBe(0);
  });
});
