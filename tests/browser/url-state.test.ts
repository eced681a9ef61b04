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

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
}

const checked = (page: Page, name: string) => page.locator(`input[name="${name}"]:checked`).getAttribute('value');

test('a link opens its view; changes are history entries; back restores', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?from=2017&scope=hk_macao_tw&lang=en`);
  await ready(page);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.inputValue('[data-testid="year-from"]')).toBe('2017');
  expect(await checked(page, 'region')).toBe('hk_macao_tw');
  expect(new URL(page.url()).searchParams.get('v')).toBe('1');

  await page.check('[data-testid="direction-inbound"]', { force: true });
  await page.waitForURL(/dir=inbound/);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('dir='));
  expect(await checked(page, 'direction')).toBe('all');
  await page.goForward();
  await page.waitForURL(/dir=inbound/);
  expect(await checked(page, 'direction')).toBe('inbound');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test('a bad link gives the default view', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?country=CN%27%20OR%201%3D1--&from=abc&dir=%3Cscript%3E&lang=xx`);
  await ready(page);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.inputValue('[data-testid="year-from"]')).toBe('2014');
  expect(await checked(page, 'direction')).toBe('all');
  expect(Number(await page.getAttribute('[data-testid="kpi-outbound"]', 'data-value'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the page shown is in the link: ?view=data opens the data page, back returns to it', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?view=data`);
  await page.waitForSelector('[data-testid="nav-data"][aria-current="page"]', { timeout: 45_000 });
  await page.click('[data-testid="nav-dashboard"]');
  await page.waitForFunction(() => !location.search.includes('view='));
  await page.waitForSelector('[data-testid="chart-trend"] svg');
  await page.goBack();
  await page.waitForSelector('[data-testid="nav-data"][aria-current="page"]');
  expect(new URL(page.url()).searchParams.get('view')).toBe('data');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the map view is in the link: ?map=choropleth&measure=net opens it shaded by net flow; flows drop both', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?map=choropleth&measure=net`);
  await ready(page);
  expect(await checked(page, 'map-mode')).toBe('choropleth');
  expect(await page.inputValue('[data-testid="map-measure"]')).toBe('net');
  await page.check('[data-testid="map-mode-flows"]', { force: true });
  await page.waitForFunction(() => !location.search.includes('map='));
  expect(new URL(page.url()).searchParams.get('measure')).toBe('net');
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('map=choropleth'));
  expect(await checked(page, 'map-mode')).toBe('choropleth');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});
