import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';

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
