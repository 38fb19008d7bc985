/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './browser.ts';
import { axe, page, signInAs, startWebClient } from './harness.ts';

/**
 * What every screen shares (issue 26 "the rest seen"): the client's files compressed as
 * CloudFront compresses them, the tab's title naming the screen, the focus at the new screen's
 * heading after a navigation, and a deep link that survives the sign-in.
 */
startWebClient();

describe('the web client’s shell', () => {
  it('is served compressed, as CloudFront serves it: the first load’s JavaScript and CSS', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const files = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => /\/assets\/.*\.(js|css)$/.test(new URL(entry.name).pathname))
        .map((entry) => ({
          file: new URL(entry.name).pathname.endsWith('.css') ? 'css' : 'js',
          encoded: entry.encodedBodySize,
          decoded: entry.decodedBodySize,
        })),
    );
    const total = (kind: string, size: 'encoded' | 'decoded') => files.filter((f) => f.file === kind).reduce((sum, f) => sum + f[size], 0);
    const sizes = Object.fromEntries(
      ['js', 'css'].map((kind) => [kind, { uncompressed: total(kind, 'decoded'), transferred: total(kind, 'encoded') }]),
    );
    console.log(`first load: ${JSON.stringify(sizes)}`);
    for (const kind of ['js', 'css']) {
      expect(sizes[kind]?.uncompressed, kind).toBeGreaterThan(0);
      // Text compresses to well under half; uncompressed the two would be equal.
      expect(sizes[kind]?.transferred ?? Number.POSITIVE_INFINITY, kind).toBeLessThan((sizes[kind]?.uncompressed ?? 0) / 2);
    }
  });

  it('names the screen in the tab’s title and moves the focus to its heading after a navigation', async () => {
    await signInAs('wijkcoach');
    await expect.poll(() => page.title()).toBe('Werklijst · Wijkteams Enschede');
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await expect.poll(() => page.title()).toBe('Caseload · Wijkteams Enschede');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : '')))
      .toBe('Caseload');
    // Tab goes on from the heading: into the screen, not back to the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
    await expectAccessible(page, 'Caseload (na navigatie)', axe);
    // Back in the browser's history: the Werklijst again, its heading focused and named in the title.
    await page.goBack();
    await expect.poll(() => page.title()).toBe('Werklijst · Wijkteams Enschede');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : '')))
      .toBe('Werklijst');
  });

  it('returns to a deep link after the sign-in', async () => {
    await page.goto('/');
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/precedenten');
    const section = page.locator('section', { has: page.getByRole('heading', { name: /Velve-Lindenhof/ }) });
    await section.getByRole('button', { name: /, wijkcoach$/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Precedenten' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/precedenten');
    await expect.poll(() => page.title()).toBe('Precedenten · Wijkteams Enschede');
  });
});
