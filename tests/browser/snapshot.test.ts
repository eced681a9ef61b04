import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultFilters } from '../../src/data/filters';
import { watchedPage } from './browser';
import { baseUrl, browser, expectedKpis, origin, settled, shownKpis, useHarness } from './harness';

useHarness();

/** Holds the engine's wasm until `release()`: the page shows what it can without DuckDB. */
async function holdEngine(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const engineState = (page: Page) => page.getAttribute('main', 'data-engine');

test('the first charts come from the build-time snapshot before the engine is ready, then the engine takes over', async () => {
  const w = await watchedPage(browser, origin);
  const release = await holdEngine(w.page);
  await w.page.goto(baseUrl);
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await settled(w.page);
  const expected = await expectedKpis(defaultFilters(2014, 2019));
  expect(await engineState(w.page)).toBe('loading');
  expect(await shownKpis(w.page)).toEqual(expected);
  const years = await w.page
    .locator('[data-testid="chart-trend"] svg [aria-label="fx-axis tick label"] text')
    .allTextContents();
  expect(years).toEqual(['2014', '2015', '2016', '2017', '2018', '2019']);
  const trend = await w.page.innerHTML('[data-testid="chart-trend"] svg');

  release();
  await w.page.waitForSelector('main[data-engine="ready"]', { timeout: 45_000 });
  await settled(w.page);
  expect(await shownKpis(w.page)).toEqual(expected);
  // Seamless: the engine's answers are the snapshot's, so nothing was redrawn differently.
  expect(await w.page.innerHTML('[data-testid="chart-trend"] svg')).toBe(trend);
  // From now on the engine answers: a filter the snapshot does not hold.
  await w.page.check('[data-testid="direction-inbound"]', { force: true });
  await settled(w.page);
  expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...defaultFilters(2014, 2019), direction: 'inbound' }));
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('a data file changed since the build rules the snapshot out: the page waits for the engine', async () => {
  const w = await watchedPage(browser, origin);
  const release = await holdEngine(w.page);
  await w.page.route('**/data/events.csv', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/\n$/, '\n\n') });
  });
  await w.page.goto(baseUrl);
  await w.page.waitForSelector('[data-testid="loading"]', { timeout: 45_000 });
  await w.page.waitForTimeout(1500);
  expect(await w.page.locator('[data-testid="chart-trend"]').count()).toBe(0);
  expect(await w.page.locator('[data-testid^="kpi-"]').count()).toBe(0);
  release();
  await w.page.waitForSelector('main[data-engine="ready"]', { timeout: 45_000 });
  await settled(w.page);
  expect(await shownKpis(w.page)).toEqual(await expectedKpis(defaultFilters(2014, 2019)));
  await w.page.context().close();
});
