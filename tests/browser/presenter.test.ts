import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { defaultFilters } from '../../src/data/filters';
import { countryName } from '../../src/reference/countries';
import { trips } from '../helpers/expected';
import { publishedChartBars } from '../helpers/published';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function slideDrawn(page: Page, n: number): Promise<string> {
  await page.waitForSelector(`[data-testid="presenter"][data-slide="${n}"] svg`);
  return (await page.textContent('[data-testid="presenter"] .subtitle')) ?? '';
}

test('presenter mode steps through the default deck by keyboard and leaves with Esc', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="present"]');
  expect(await slideDrawn(page, 1)).toContain('2014—2019年');
  expect(await page.textContent('[data-testid="slide-count"]')).toBe('1 / 6');

  await page.keyboard.press('ArrowRight');
  await slideDrawn(page, 2);
  await page.keyboard.press('PageDown');
  expect(await slideDrawn(page, 3)).toContain('港澳台');
  await page.keyboard.press('Space');
  expect(await slideDrawn(page, 4)).toContain('2017—2019年，出访，国外');
  await page.keyboard.press('PageUp');
  await slideDrawn(page, 3);
  await page.keyboard.press('End');
  await slideDrawn(page, 6);
  await page.keyboard.press('ArrowRight');
  await slideDrawn(page, 6);

  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="presenter"]', { state: 'detached' });
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test('slides are public: every label a sum of rounded base cells, ranked by it, and the summary agrees', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="present"]');
  await slideDrawn(page, 1);
  await page.keyboard.press('ArrowRight');
  await slideDrawn(page, 2);
  // Slide 2 of the default deck: the top countries and regions over every year, as from the CSV files.
  const years = trips.map((t) => t.year);
  const expected = publishedChartBars('countries', defaultFilters(Math.min(...years), Math.max(...years)))!;
  const svg = '[data-testid="presenter"] svg';
  const labels = await page.locator(`${svg} g[aria-label="text"] text`).allTextContents();
  expect(labels.map(Number).sort((a, b) => a - b)).toEqual(expected.map((b) => b.total).sort((a, b) => a - b));
  const names = await page.locator(`${svg} [aria-label="y-axis tick label"] text`).allTextContents();
  expect(names).toEqual(expected.map((b) => countryName(b.key, 'zh-CN')));
  const summary = (await page.textContent('[data-testid="slide-summary"]')) ?? '';
  expect(summary).not.toContain('<');
  expect(summary).toContain(`${countryName(expected[0]!.key, 'zh-CN')}（${expected[0]!.total}）`);
  expect(errors).toEqual([]);
  await page.context().close();
});

/**
 * Every piece of text in the slide's chart with the size it is seen at, in px: its computed size, times
 * the CSS zoom it is under (Element.currentCSSZoom), times its SVG's own scale (drawn size to viewBox).
 */
async function seenTextSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.evaluate(() => {
    const zoomOf = (el: Element) => (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    const out: { text: string; px: number }[] = [];
    const root = document.querySelector('[data-testid="presenter"] .chart')!;
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || el.closest('[aria-hidden="true"], title, style')) continue;
      let px = parseFloat(getComputedStyle(el).fontSize) * zoomOf(el);
      const svg = el instanceof SVGElement ? (el.closest('svg:not(svg svg)') as SVGSVGElement | null) : null;
      if (svg?.viewBox.baseVal?.width)
        px *= svg.getBoundingClientRect().width / zoomOf(svg) / svg.viewBox.baseVal.width;
      out.push({ text: el.textContent!.trim(), px: Math.round(px * 10) / 10 });
    }
    return out;
  });
}

test('at 1920 × 1080 every slide of the default deck, the map too, sets its chart text at 18 px or more', async () => {
  const { page, errors } = await watchedPage(browser, origin, { width: 1920, height: 1080 });
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="present"]');
  for (let n = 1; n <= 6; n++) {
    await slideDrawn(page, n);
    await page.waitForFunction(() => document.querySelector('[data-testid="slide-summary"]'));
    const sizes = await seenTextSizes(page);
    expect(sizes.length, `slide ${n} has text`).toBeGreaterThan(5);
    expect(
      sizes.filter((s) => s.px < 18),
      `slide ${n}`,
    ).toEqual([]);
    if (n < 6) await page.keyboard.press('ArrowRight');
  }
  // The last slide is the map, with its legend and credit.
  expect(await page.locator('[data-testid="presenter"] [data-testid="embed-map"] svg').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a long partner name is shown whole on a slide, inside the slide (it was cut at the left edge)', async () => {
  const { page, errors } = await watchedPage(browser, origin, { width: 1920, height: 1080 });
  await page.goto(`${baseUrl}?lang=en`);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="present"] + details summary');
  await page.setInputFiles('[data-testid="deck-open"]', {
    name: 'partners.deck.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, slides: [{ chart: 'partners', view: '' }] })),
  });
  await page.click('[data-testid="present"]');
  await slideDrawn(page, 1);
  const ticks = page.locator('[data-testid="presenter"] svg [aria-label="y-axis tick label"] text');
  const names = await ticks.allTextContents();
  expect(names).toContain('China University of Technology (Taiwan, China)');
  expect(names.filter((name) => name.endsWith('…'))).toEqual([]);
  const stage = (await page.locator('[data-testid="presenter"]').boundingBox())!;
  for (const box of await ticks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left))) {
    expect(box).toBeGreaterThanOrEqual(stage.x);
  }
  const sizes = await seenTextSizes(page);
  expect(sizes.filter((s) => s.px < 18)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});
