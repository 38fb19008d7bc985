/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core on the page as it is: no serious or critical WCAG 2.1 AA violation (web.md "Bars"). */
export async function expectAccessible(page: Page, screen: string, results: Record<string, string>) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  results[screen] = bad.length === 0 ? `0 serious or critical (${violations.length} minor)` : bad.map((v) => v.id).join(', ');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    screen,
  ).toEqual([]);
}

/**
 * Moves the focus with Tab (and Shift+Tab past the end) until the focused element has the
 * accessible label `label`: the way someone without a mouse reaches a field.
 */
export async function tabTo(page: Page, label: string | RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    });
    if (typeof label === 'string' ? name === label : label.test(name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no element labelled ${label} reached with Tab`);
}

/**
 * What to type into a date field for a date, in the order this browser's date fields take
 * (day-month-year in a Dutch browser, month-day-year in an American one): found once by typing
 * into a scratch date field, as a person knows their own browser.
 */
export async function dateKeys(page: Page, isoDate: string): Promise<string> {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  const monthFirst = await page
    .evaluate(async () => {
      const probe = document.createElement('input');
      probe.type = 'date';
      document.body.append(probe);
      probe.focus();
      return probe;
    })
    .then(async () => {
      await page.keyboard.type('12041979');
      return page.evaluate(() => {
        const probe = document.body.lastElementChild as HTMLInputElement;
        const value = probe.value;
        probe.remove();
        return value === '1979-12-04';
      });
    });
  return monthFirst ? `${month}${day}${year}` : `${day}${month}${year}`;
}

/** What does not fit a phone on the screen as it is: sideways scrolling, a region that scrolls, a tap target under 44 px. */
export async function misfits(page: Page, width: number) {
  return page.evaluate((width) => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      // Name the widest elements that stick out, so a failure says where.
      const out = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(0, 4)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      found.push(`page ${document.documentElement.scrollWidth} px wide: ${out.join(', ')}`);
    }
    for (const region of Array.from(document.querySelectorAll<HTMLElement>('.utrecht-table-container')))
      if (region.scrollWidth > region.clientWidth + 1) found.push(`a table scrolls sideways (${region.getAttribute('aria-label') ?? ''})`);
    const targets = document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), textarea, nav a');
    for (const target of Array.from(targets)) {
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      if (box.height < 44 || box.width < 44)
        found.push(
          `${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || target.id).trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return found;
  }, width);
}
