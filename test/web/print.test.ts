/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import { api, axe, COACH, demoPeople, INTAKER, LEADER, page, registerIntake, signInAs, startWebClient, tokenOf } from './harness.ts';

/**
 * Paper (issue 26): the plan prints on A4 for the household to sign: its goals and actions,
 * who (by name), the dates, the agreement as it stands, a signature line for the household and
 * one for the regisseur; the menu and the buttons stay off the paper.
 */
startWebClient();

describe('the plan on paper', () => {
  it('prints on A4: goals, actions, who by name, dates, the agreement and two signature lines; no menu', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
    for (const token of [intaker, coach, leader]) await api.call('GET', '/teams', { token });
    const coachName = people.get(COACH)?.name ?? '';
    const intake = await registerIntake(intaker, {
      question: 'Schulden en een te kleine woning.',
      domains: ['finances', 'housing'],
      address: { postcode: '7545PR', houseNumber: '12' },
      members: [{ name: 'Petra Papier', birthDate: '1979-09-09', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    await api.call('PUT', `/households/${householdId}/regisseur`, { token: leader, body: { userId: COACH } });
    const created = await api.call('POST', `/households/${householdId}/plan`, {
      token: coach,
      body: {
        evaluationDate: '2027-03-01',
        goals: [
          {
            domain: 'finances',
            description: 'Schulden in beeld en een regeling',
            actions: [
              { description: 'Alle brieven sorteren', organisation: 'Wijkteam', dueDate: '2027-01-15', ownerId: COACH },
              { description: 'Aanmelden bij de schuldhulp', organisation: 'Gemeente', dueDate: '2027-02-01' },
            ],
          },
          { domain: 'housing', description: 'Een passende woning', actions: [] },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(
      (await api.call('POST', `/households/${householdId}/plan/agreement`, { token: coach, body: { agreedBy: 'Petra Papier' } })).status,
    ).toBe(200);

    await signInAs('wijkcoach');
    await page.goto(`/huishoudens/${householdId}/plan`);
    await page.getByRole('link', { name: 'Plan afdrukken' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plan van Papier · 7545 PR 12' }).isVisible()).toBe(true);
    await expectAccessible(page, 'Plan op papier (scherm)', axe);

    await page.emulateMedia({ media: 'print' });
    try {
      // On paper: no menu, no buttons, no link back; the document whole.
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      const paper = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      for (const expected of [
        'Doel 1 (Financiën): Schulden in beeld en een regeling',
        'Doel 2 (Huisvesting): Een passende woning',
        `Alle brieven sorteren ${coachName} Wijkteam 15 jan 2027`,
        // An action without an owner is the regisseur's (issue 25).
        `Aanmelden bij de schuldhulp ${coachName} (regisseur) Gemeente 1 feb 2027`,
        '1 mrt 2027',
        'Petra Papier gaf op',
        'akkoord op versie',
        'Voor akkoord, namens het huishouden',
        `De regisseur, ${coachName}`,
        'Handtekening:',
      ])
        expect(paper).toContain(expected);
      expect(paper).not.toMatch(/demo-|Terug naar het plan/);
      // Chromium's own print to PDF, on A4 as the print stylesheet asks: 595 × 842 points.
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBeGreaterThanOrEqual(1);
      for (const [width, height] of boxes) {
        expect(Math.round(width ?? 0)).toBe(595);
        expect(Math.round(height ?? 0)).toBe(842);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('hands the resident everything held as a Dutch document to print: sections in words, professionals by role or name, never an id', async () => {
    const people = await demoPeople();
    const [intaker, coach, leader] = await Promise.all([tokenOf(people, INTAKER), tokenOf(people, COACH), tokenOf(people, LEADER)]);
    for (const token of [intaker, coach, leader]) await api.call('GET', '/teams', { token });
    const coachName = people.get(COACH)?.name ?? '';
    const intake = await registerIntake(intaker, {
      question: 'De energierekening is te hoog en er liggen aanmaningen.',
      domains: ['finances'],
      address: { postcode: '7545PS', houseNumber: '3' },
      members: [{ name: 'Inge Inzage', birthDate: '1966-06-06', bsn: '123456782', role: 'adult' }],
    });
    const householdId = intake.body.householdId;
    const entry = await api.call('POST', `/households/${householdId}/journal`, {
      token: coach,
      body: { kind: 'home_visit', text: 'Huisbezoek: samen de brieven doorgenomen.' },
    });
    expect(entry.status).toBe(201);
    const assessed = await api.call('POST', `/households/${householdId}/assessments`, {
      token: coach,
      body: { scores: { finances: 2, housing: 4 } },
    });
    expect(assessed.status).toBe(201);

    await signInAs('teamleider');
    await page.goto(`/huishoudens/${householdId}/privacy`);
    await page.getByRole('link', { name: 'Inzageverzoek: als document om af te drukken' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Wat het wijkteam over u bewaart' }).isVisible()).toBe(true);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const expected of [
      'Huishouden Inzage · 7545 PS 3',
      'Uw aanmeldingen',
      'De energierekening is te hoog en er liggen aanmaningen.',
      '******782', // the BSN masked, as the export holds it
      'Metingen van zelfredzaamheid (ZRM)',
      'Financiën 2, Huisvesting 4',
      `Huisbezoek · ${coachName}`,
      'Huisbezoek: samen de brieven doorgenomen.',
      'Wie werkte met uw gegevens',
      'Registratie van een hulpvraag', // the register's Dutch name of the activity
      'Wmo 2015',
    ])
      expect(text).toContain(expected);
    // Dutch words, never the JSON's keys, a user id or an API path.
    expect(text).not.toMatch(/demo-|householdId|processingLog|\/households\/|intake-registration|walk_in|home_visit/);
    await expectAccessible(page, 'Inzage als document', axe);
    // The export itself is a line of the log: opening the document exported, as the download does.
    const log = await api.call('GET', `/households/${householdId}/processing-log?limit=100`, { token: leader });
    expect(log.body.items.some((line: { action: string }) => line.action === 'export')).toBe(true);

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThanOrEqual(1);
      expect(boxes.every((m) => Math.round(Number(m[1])) === 595 && Math.round(Number(m[2])) === 842)).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
