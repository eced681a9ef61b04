/**
 * A chart whose rows stay the same when a selection is made in it is restyled in place
 * (src/charts/restyle.ts): the countries and net-flow charts keep their elements on a country
 * click, their bars take the selection's emphasis, the tip still follows the pointer and names
 * what it shows in the page's language, and the next click on the same bar clears the selection
 * (Plot's pointer would otherwise take that click to unpin its tip).
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, useHarness } from './harness';

useHarness();

// Tall enough for the trend, the map and the first row of cards to be on screen together.
const VIEWPORT = { width: 1440, height: 2700 };
const BARS = '[data-testid="chart-countries"] svg g[aria-label="bar"] rect';

/** Marks the charts drawn now, to tell afterwards which were kept. */
const markCharts = (page: Page) =>
  page.evaluate(() =>
    document.querySelectorAll('figure[data-testid] .plot > *').forEach((e) => ((e as { kept?: boolean }).kept = true)),
  );
const kept = (page: Page, id: string) =>
  page.$eval(`[data-testid="chart-${id}"] .plot > *`, (e) => (e as { kept?: boolean }).kept === true);
const opacities = (page: Page) => page.$$eval(BARS, (rects) => rects.map((r) => r.getAttribute('fill-opacity')));
const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0);

test('a country click restyles the charts it selects in, and the next click on the bar clears it', async () => {
  const { page, errors } = await openDashboard([BARS], VIEWPORT);
  const bar = page.locator(BARS).nth(0);
  await bar.scrollIntoViewIfNeeded();
  await settled(page);
  expect(new Set(await opacities(page))).toEqual(new Set(['1']));
  const box = (await bar.boundingBox())!;
  const [x, y] = [box.x + Math.min(box.width / 2, 8), box.y + box.height / 2];
  await page.mouse.move(x - 30, y);
  await page.mouse.move(x, y, { steps: 3 });
  await markCharts(page);

  await page.mouse.click(x, y);
  await page.waitForSelector('[data-testid="chip-country"]');
  await settled(page);
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((r) => r.getAttribute('fill-opacity') === '0.3'),
    BARS,
  );
  // Kept, not drawn anew: the countries and net-flow charts' rows did not change.
  expect(await kept(page, 'countries')).toBe(true);
  expect(await kept(page, 'netflow')).toBe(true);
  // The trend's rows did (the country's own): drawn anew.
  expect(await kept(page, 'trend')).toBe(false);
  // The clicked country's bars at full opacity, the others dimmed.
  const shown = await opacities(page);
  expect(shown[0]).toBe('1');
  expect(shown.filter((o) => o === '1').length).toBeLessThanOrEqual(2);
  expect(shown.filter((o) => o === '0.3').length).toBe(shown.length - shown.filter((o) => o === '1').length);

  // The tip follows the pointer, names its lines in Chinese, and has no line for the emphasis.
  await page.mouse.move(x + 2, y);
  const tip = page.locator('[data-testid="chart-countries"] svg g[aria-label="tip"] text');
  await tip.waitFor();
  const text = (await tip.textContent()) ?? '';
  expect(text).toContain('方向');
  expect(text).not.toMatch(/fill|opacity/i);

  // The next click on the same bar clears the selection.
  await page.mouse.click(x + 2, y);
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('country'));
  await page.waitForSelector('[data-testid="chip-country"]', { state: 'detached' });
  await settled(page);
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((r) => r.getAttribute('fill-opacity') === '1'),
    BARS,
  );
  expect(await kept(page, 'countries')).toBe(true);
  expect(errors).toEqual([]);
});

test('a redraw brings no style into the page: Plot’s rules are in the head once, and still apply', async () => {
  const { page, errors } = await openDashboard([BARS], VIEWPORT);
  const styles = () =>
    page.evaluate(() => ({
      inCharts: document.querySelectorAll('figure[data-testid] .plot style').length,
      all: document.querySelectorAll('style').length,
      plot: [...document.head.querySelectorAll('style')].filter((s) => s.textContent?.includes(':where(.plot-')).length,
    }));
  const bar = page.locator(BARS).nth(1);
  await bar.scrollIntoViewIfNeeded();
  await settled(page);
  const before = await styles();
  expect(before.inCharts).toBe(0);
  // The chart's rules and the legend's, one copy each.
  expect(before.plot).toBe(2);
  for (let i = 0; i < 2; i++) {
    await bar.click();
    await settled(page);
    await page.waitForFunction((on) => new URL(location.href).searchParams.has('country') === on, i === 0);
  }
  expect(await styles()).toEqual(before);
  // Plot's rules hold: its text keeps its spaces, its svg is a block that scales down.
  const applied = await page.$eval('[data-testid="chart-trend"] svg[class^="plot-"]', (svg) => ({
    display: getComputedStyle(svg).display,
    text: getComputedStyle(svg.querySelector('text')!).whiteSpace,
  }));
  expect(applied).toEqual({ display: 'block', text: 'pre' });
  expect(errors).toEqual([]);
});
