/**
 * `npm run screenshots`: the pictures of each screen of the web client in docs/web-client.md, taken in
 * Debian's Chromium from a local stack with the demo city loaded (nothing kept afterwards).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '../client/schema.d.ts';
import { launchChromium } from '../infra/local/chromium.ts';
import { loadDemoCity, settableClock } from '../infra/local/demo-city.ts';
import { startLocalStack } from '../infra/local/server.ts';
import { ensureWebBuild } from '../infra/web-assets.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(OUT, { recursive: true });
await ensureWebBuild();
const clock = settableClock();
const stack = await startLocalStack({
  dataDir: ':memory:',
  port: 0,
  clock: clock.now,
  logLevel: 'ERROR',
  flow: { evaluationWaitSeconds: 0 },
});
const browser = await launchChromium();
try {
  await loadDemoCity(stack, clock);
  const api = createClient<paths>({ baseUrl: `${stack.url}/v1` });
  const as = async (sub: string, roles: string[], teams: string[]) => ({
    Authorization: `Bearer ${await stack.idp.sign({ sub, roles, teams })}`,
  });

  // What the screens show: a household with a plan and assessments, an open intake, a doorbraak, a signal.
  const team = 'velve-lindenhof';
  const coach = await as(`demo-wijkcoach-${team}`, ['wijkcoach'], [team]);
  const intaker = await as(`demo-intaker-${team}`, ['intaker'], [team]);
  const doorbraakteam = await as('demo-doorbraakteam-doorbraakteam', ['doorbraakteam'], ['doorbraakteam']);
  const caseload = (await api.GET('/households', { headers: coach, params: { query: { status: 'open', limit: 100 } } })).data?.items ?? [];
  let household = caseload[0]?.id ?? '';
  for (const candidate of caseload) {
    const assessments =
      (await api.GET('/households/{id}/assessments', { headers: coach, params: { path: { id: candidate.id } } })).data?.items ?? [];
    if (assessments.length >= 3) {
      household = candidate.id;
      break;
    }
  }
  const triage = (await api.GET('/me/tasks', { headers: intaker, params: { query: { kind: 'triage' } } })).data?.items[0]?.intakeId;
  const escalation = (await api.GET('/escalations', { headers: doorbraakteam, params: { query: { status: 'awaiting_decision' } } })).data
    ?.items[0]?.id;
  const signal = (await api.GET('/signals', { headers: intaker, params: { query: { teamId: team } } })).data?.items[0]?.id;

  const page = await (
    await browser.newContext({
      baseURL: stack.url,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 1280, height: 900 },
    })
  ).newPage();
  const signInAs = async (role: string) => {
    await page.goto('/');
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/');
    await page
      .getByRole('button', { name: new RegExp(`, ${role}$`) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
  };
  const shoot = async (name: string, path: string, ready: () => Promise<unknown>) => {
    await page.goto(path);
    await ready();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: resolve(OUT, `${name}.png`), fullPage: false });
    console.log(`docs/screenshots/${name}.png`);
  };
  const heading = (name: string | RegExp) => () => page.getByRole('heading', { level: 1, name }).waitFor();

  await page.goto('/');
  await page.getByRole('button').first().waitFor();
  await page.screenshot({ path: resolve(OUT, '01-aanmelden-als-demo-professional.png') });
  await signInAs('wijkcoach');
  await shoot('02-werklijst', '/', heading('Werklijst'));
  await shoot('03-caseload', '/caseload', () => page.getByRole('table').first().waitFor());
  await shoot('04-dossier', `/huishoudens/${household}`, () => page.getByRole('img', { name: /ZRM-score/ }).waitFor());
  await page.getByRole('heading', { name: 'ZRM-metingen' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(OUT, '05-dossier-zrm.png') });
  console.log('docs/screenshots/05-dossier-zrm.png');
  await shoot('06-plan', `/huishoudens/${household}/plan`, heading('Plan'));
  // The plan on paper, as Chromium prints it (print media, A4's width at 96 dpi).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await shoot('16-plan-afdruk', `/huishoudens/${household}/plan/afdrukken`, heading(/^Plan van/));
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await shoot('07-signalen', '/signalen', () => page.getByRole('table').first().waitFor());
  if (signal) await shoot('08-signaal', `/signalen/${signal}`, () => page.getByRole('heading', { level: 1 }).waitFor());
  await shoot('09-precedenten', '/precedenten', heading('Precedenten'));
  await signInAs('intaker');
  await shoot('10-aanmelden', '/aanmelden', heading('Aanmelden'));
  if (triage) await shoot('11-triage', `/aanmeldingen/${triage}/triage`, heading('Triage'));
  await signInAs('doorbraakteam');
  await shoot('12-doorbraken', '/doorbraken', () => page.getByRole('table').first().waitFor());
  if (escalation)
    await shoot('13-doorbraak', `/doorbraken/${escalation}`, () => page.getByRole('button', { name: 'Besluit vastleggen' }).waitFor());
  await signInAs('teamleider');
  await shoot('14-privacy', `/huishoudens/${household}/privacy`, () => page.getByRole('table').first().waitFor());
  await signInAs('beheerder');
  await shoot('15-cijfers', '/cijfers', () => page.locator('canvas').first().waitFor());

  // The resident's own view (v1.2), on a phone: the adult of the household above, signed in through the DigiD stand-in.
  const address = (await api.GET('/households/{id}', { headers: coach, params: { path: { id: household } } })).data?.address;
  const key = (text: string) => text.replace(/\s/g, '');
  const resident = stack.demoResidents.find((r) => address && key(r.address) === key(`${address.postcode}${address.houseNumber}`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/inwoner/');
  await page.evaluate(() => sessionStorage.clear());
  await shoot('17-inwoner-inloggen', '/inwoner/', heading('Inloggen met DigiD'));
  if (resident) {
    await page.getByLabel('BSN uit de testreeks').fill(resident.bsn);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    await shoot('18-inwoner-mijn-plan', '/inwoner/', heading('Mijn plan'));
    await shoot('19-inwoner-wie-zag-mijn-gegevens', '/inwoner/gegevens', heading('Wie zag mijn gegevens'));
    await shoot('20-inwoner-toestemmingen', '/inwoner/toestemmingen', heading('Toestemmingen'));
  }
} finally {
  await browser.close();
  await stack.stop();
}
