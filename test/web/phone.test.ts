/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, misfits } from './browser.ts';
import { api, axe, COACH, demoPeople, INTAKER, LEADER, page, registerIntake, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * On a phone (issue 26: 390 × 844, a doorstep, where outreach happens): every professional's
 * screen without sideways scrolling, nothing that matters in a table region that scrolls, a
 * compact header with the menu behind one button, tap targets of at least 44 px; axe on each.
 */
startWebClient();

const PHONE = { width: 390, height: 844 };
let householdId = '';
let intakeId = '';

beforeAll(async () => {
  const people = await demoPeople();
  const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
  for (const token of [intaker, coach, leader]) await api.call('GET', '/teams', { token });
  const known = await registerIntake(intaker, {
    question: 'Huurachterstand en zorgen om het werk.',
    domains: ['finances', 'housing'],
    address: { postcode: '7545PH', houseNumber: '39', houseNumberAddition: 'bis' },
    members: [
      { name: 'Priya Telefoonhuisbewoner-Langenaam', birthDate: '1984-05-05', bsn: '111222333', role: 'adult' },
      { name: 'Kai Telefoonhuisbewoner-Langenaam', birthDate: '2014-06-06', role: 'child' },
    ],
  });
  householdId = known.body.householdId;
  await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } });
  const plan = await api.call('POST', `/households/${householdId}/plan`, {
    token: coach,
    body: {
      evaluationDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      goals: [
        {
          domain: 'finances',
          description: 'Rust in de financiën',
          actions: [
            {
              description: 'Budgetcoach bellen',
              organisation: 'Gemeente',
              dueDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
              ownerId: COACH,
            },
          ],
        },
      ],
    },
  });
  expect(plan.status).toBe(201);
  const open = await registerIntake(intaker, {
    question: 'Vraag over de energierekening.',
    domains: ['finances'],
    address: { postcode: '7545PI', houseNumber: '2' },
    members: [{ name: 'Ruud Triagetelefoon', birthDate: '1970-02-02', role: 'adult' }],
  });
  intakeId = open.body.id;
}, 60_000);

async function onPhone(path: string, heading: string | RegExp, screen: string) {
  await page.goto(path);
  await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible(), { message: screen }).toBe(true);
  await page.waitForLoadState('networkidle');
  const header = await page.locator('header').boundingBox();
  expect(header?.height ?? 0, `${screen}: the header`).toBeLessThanOrEqual(72);
  expect(await misfits(page, PHONE.width), screen).toEqual([]);
  await expectAccessible(page, `${screen} (390 px)`, axe);
}

describe('on a phone, 390 × 844', () => {
  it('the header folds the menu behind one button, which opens it and closes on a choice', async () => {
    await page.setViewportSize(PHONE);
    await signInAs('wijkcoach');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Caseload', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'Menu open (390 px)', axe);
    expect(await misfits(page, PHONE.width)).toEqual([]);
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Caseload' }).isVisible()).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('every screen of a wijkcoach fits: Werklijst, Aanmelden, Caseload, Dossier, Plan, Signalen, Precedenten', async () => {
    await page.setViewportSize(PHONE);
    await signInAs('wijkcoach');
    await onPhone('/', 'Werklijst', 'Werklijst');
    await onPhone('/aanmelden', /Aanmelden|Aanmelding/, 'Aanmelden');
    await onPhone('/caseload', 'Caseload', 'Caseload');
    await onPhone(`/huishoudens/${householdId}`, /^Dossier/, 'Dossier');
    await onPhone(`/huishoudens/${householdId}/plan`, /Plan/, 'Plan');
    await onPhone('/signalen', /Signalen|Outreach/, 'Signalen');
    await onPhone('/precedenten', 'Precedenten', 'Precedenten');
  });

  it('every screen of an intaker, a team leader, the doorbraakteam and the beheerder fits', async () => {
    await page.setViewportSize(PHONE);
    await signInAs('intaker');
    await onPhone(`/aanmeldingen/${intakeId}/triage`, 'Triage', 'Triage');
    await signInAs('teamleider');
    await onPhone('/team/velve-lindenhof/werk', /Werk|team/i, 'Werk van het team');
    await onPhone(`/huishoudens/${householdId}/privacy`, /Privacy|Verwerkingen/, 'Privacy');
    await signInAs('doorbraakteam', 'Doorbraakteam');
    await onPhone('/doorbraken', /Doorbraken/, 'Doorbraken');
    await signInAs('beheerder', 'Stadsbreed');
    await onPhone('/cijfers', 'Cijfers', 'Cijfers');
  });

  it('break-glass fits: the interventieteam’s Noodtoegang and the dossier under a grant, the team leader’s review', async () => {
    await page.setViewportSize(PHONE);
    const people = await demoPeople();
    const glass = await tokenOf(people, 'demo-wijkcoach-interventieteam');
    const granted = await api.call('POST', '/break-glass', {
      token: glass,
      body: { bsn: '111222333', reason: 'Acute crisis: de politie meldt dat het gezin op straat staat.' },
    });
    expect(granted.status).toBe(201);
    await signInAs('wijkcoach', 'Interventieteam');
    await onPhone('/noodtoegang', 'Noodtoegang', 'Noodtoegang');
    await onPhone(`/huishoudens/${householdId}`, /^Dossier/, 'Dossier (noodtoegang)');
    await signInAs('teamleider');
    await onPhone('/noodtoegang/beoordelen', 'Noodtoegang beoordelen', 'Noodtoegang beoordelen');
  });
});
