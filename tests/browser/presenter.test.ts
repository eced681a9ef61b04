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
  expect(await page.textContent('[data-testid="slide-count"]')).toBe('1 / 5');

  await page.keyboard.press('ArrowRight');
  await slideDrawn(page, 2);
  await page.keyboard.press('PageDown');
  expect(await slideDrawn(page, 3)).toContain('港澳台');
  await page.keyboard.press('Space');
  expect(await slideDrawn(page, 4)).toContain('2017—2019年，出访，国外');
  await page.keyboard.press('PageUp');
  await slideDrawn(page, 3);
  await page.keyboard.press('End');
  await slideDrawn(page, 5);
  await page.keyboard.press('ArrowRight');
  await slideDrawn(page, 5);

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
