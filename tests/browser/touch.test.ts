import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { countryName } from '../../src/reference/countries';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage } from './pages';

useHarness();

/** A phone: 375 px wide, touch, no mouse; foreign requests and console errors recorded. */
async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[]; foreign: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(r.url());
  });
  return { context, page, errors, foreign };
}

/** A point of the screen where `selector` is the element on top (a bounding box's centre may be another country). */
async function pointOn(page: Page, selector: string): Promise<{ x: number; y: number }> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const point = await page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const box = el.getBoundingClientRect();
    for (let i = 1; i < 12; i++)
      for (let j = 1; j < 12; j++) {
        const x = box.left + (box.width * i) / 12;
        const y = box.top + (box.height * j) / 12;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    return null;
  }, selector);
  if (!point) throw new Error(`no visible point on ${selector}`);
  return point;
}

test('on a phone, a tap on a bar filters by it and a tap on the map selects a country', async () => {
  const { context, page, errors, foreign } = await phone();
  await openPage(page, baseUrl, 'dashboard', 'zh-CN');

  // A bar of the countries chart: its country becomes the filter.
  const chart = page.locator('[data-testid="chart-countries"]');
  const bar = chart.locator('svg g[aria-label="bar"] rect').first();
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid="chip-country"]');
  const names = await chart.locator('svg [aria-label="y-axis tick label"] text').allTextContents();
  const chip = (await page.textContent('[data-testid="chip-country"]')) ?? '';
  expect(names.filter((name) => chip.includes(name))).toHaveLength(1);
  await page.tap('[data-testid="chip-remove-country"]');
  await page.waitForSelector('[data-testid="chip-country"]', { state: 'detached' });

  await page.check('[data-testid="map-mode-choropleth"]', { force: true });
  const us = await pointOn(page, '[data-testid="map-area-US"]');
  await page.touchscreen.tap(us.x, us.y);
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="map-selected"]')?.textContent?.includes(name),
    countryName('US', 'zh-CN'),
  );
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
}, 120_000);

test('the map’s tooltip never covers the point it explains, at the edges of a phone’s map too', async () => {
  const { context, page, errors } = await phone();
  await openPage(page, baseUrl, 'dashboard', 'en');
  await page.check('[data-testid="map-mode-choropleth"]', { force: true });
  const map = (await page.locator('[data-testid="chart-map"] .map').boundingBox())!;
  // Countries at the left, middle and right of the map, and one near its top.
  for (const code of ['US', 'CN', 'NZ', 'RU']) {
    const area = page.locator(`[data-testid="map-area-${code}"]`);
    const box = (await area.boundingBox())!;
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await area.dispatchEvent('pointermove', { clientX: point.x, clientY: point.y, bubbles: true });
    const tip = page.locator('[data-testid="map-tip"]');
    await tip.waitFor();
    const t = (await tip.boundingBox())!;
    const covers = point.x >= t.x && point.x <= t.x + t.width && point.y >= t.y && point.y <= t.y + t.height;
    expect(covers, `${code} at ${JSON.stringify(point)}, tip ${JSON.stringify(t)}`).toBe(false);
    expect(t.x, code).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width, code).toBeLessThanOrEqual(375);
    expect(t.y + t.height, code).toBeGreaterThan(map.y);
  }
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
