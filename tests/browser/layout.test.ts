import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/messages';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage, PAGES, type PageName } from './pages';

useHarness();

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };

/**
 * How far the page scrolls sideways, and the elements that stick out of the
 * window (an element inside a scrolling or clipping box, such as a wide table
 * in its own scroller, is not counted: the page itself does not scroll).
 */
async function overflow(page: Page): Promise<{ scroll: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const outside = [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && !clipped(el);
      })
      .slice(0, 8)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}]`,
      );
    return { scroll: root.scrollWidth - width, outside };
  });
}

const VIEWPORTS = { 375: PHONE, 1440: DESKTOP } as const;
const CASES: (readonly [keyof typeof VIEWPORTS, PageName, Locale])[] = [
  ...PAGES.flatMap((name) => (['zh-CN', 'en'] as const).map((lang) => [375, name, lang] as const)),
  ...PAGES.map((name) => [1440, name, 'zh-CN'] as const),
  [1440, 'dashboard', 'en'],
];

test.each(CASES)(
  'at %i px wide, %s in %s has no horizontal overflow',
  async (width, name, lang) => {
    const { page, errors, foreign } = await watchedPage(browser, origin, VIEWPORTS[width]);
    await openPage(page, baseUrl, name, lang);
    if (name === 'dashboard') {
      // The data tables opened too: they must scroll inside their cards, not the page.
      for (const toggle of await page.locator('[data-testid^="table-toggle-"]').all()) await toggle.click();
      await page.waitForSelector('[data-testid="table-countries"]');
    }
    const { scroll, outside } = await overflow(page);
    expect(outside).toEqual([]);
    expect(scroll).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  },
  120_000,
);

test('the overflow check can fail: a too-wide element is found', async () => {
  const { page } = await watchedPage(browser, origin, PHONE);
  await openPage(page, baseUrl, 'embed', 'en');
  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.className = 'too-wide';
    wide.style.width = '500px';
    wide.style.height = '4px';
    document.querySelector('main')!.append(wide);
  });
  const { scroll, outside } = await overflow(page);
  expect(outside).toContain('div.too-wide[]');
  expect(scroll).toBeGreaterThan(0);
  await page.context().close();
});
