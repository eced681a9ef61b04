/**
 * Only the views on screen ask and redraw when the filters change (issue 14); those off screen
 * keep what they drew, not shown and marked out of date (`data-stale`, busy), and are redrawn when
 * scrolled to or when focus moves into them (src/state/in-view.svelte.ts).
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { QUERY_MEASURE } from '../../src/state/coordinator';
import { defaultFilters } from '../../src/data/filters';
import { baseUrl, expectedKpis, openDashboard, settled, shownKpis, useHarness } from './harness';

useHarness();

const VIEWPORT = { width: 1440, height: 900 };
const attr = (page: Page, id: string, name: string) => page.getAttribute(`[data-testid="chart-${id}"]`, name);
const summary = (page: Page, id: string) => page.textContent(`[data-testid="summary-${id}"]`);
/** Until the card is neither out of date nor busy, and its drawing is on the page. */
const drawn = (page: Page, id: string) =>
  page.waitForFunction((id) => {
    const card = document.querySelector(`[data-testid="chart-${id}"]`);
    return card !== null && !card.hasAttribute('data-stale') && card.getAttribute('aria-busy') === 'false';
  }, id);

test('a selection redraws the views on screen; those below are hidden as out of date until scrolled to, then right', async () => {
  const { page, errors } = await openDashboard(['[data-testid="chart-categories"] svg'], VIEWPORT);
  await page.evaluate(() => scrollTo(0, 0));
  const before = { categories: await summary(page, 'categories'), continents: await summary(page, 'continents') };
  await page.evaluate((name) => performance.clearMeasures(name), QUERY_MEASURE);

  // Select Taiwan in the map's table, the map at the top of the window (below the trend, it starts
  // below the first screen): the cards further down stay out of sight, wherever the click scrolls.
  await page.locator('[data-testid="chart-map"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.click('[data-testid="map-row-TW"] button');
  await page.waitForSelector('[data-testid="chip-country"]');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0);
  expect(await attr(page, 'map', 'data-stale')).toBeNull();
  for (const id of ['categories', 'continents', 'agreements']) {
    expect(await attr(page, id, 'data-stale')).toBe('true');
    expect(await attr(page, id, 'aria-busy')).toBe('true');
    // The figures it holds are for the filters before: not shown.
    expect(await page.$eval(`[data-testid="chart-${id}"] .body`, (el) => getComputedStyle(el).opacity)).toBe('0');
    expect(await page.$eval(`[data-testid="summary-${id}"]`, (el) => getComputedStyle(el).opacity)).toBe('0');
  }
  // Those views asked nothing yet: fewer queries than the page's views.
  const asked = await page.evaluate((name) => performance.getEntriesByName(name).length, QUERY_MEASURE);
  expect(asked).toBeLessThan(8);

  // Scrolled to, the categories are asked for and redrawn for Taiwan.
  await page.locator('[data-testid="chart-categories"]').scrollIntoViewIfNeeded();
  await drawn(page, 'categories');
  expect(await page.$eval('[data-testid="summary-categories"]', (el) => getComputedStyle(el).opacity)).toBe('1');
  const categories = await summary(page, 'categories');
  expect(categories).not.toBe(before.categories);

  // Focus moved into an out-of-date card (a keyboard user's Tab) brings it into sight and redraws it.
  await page.evaluate(() => scrollTo(0, 0));
  await page.focus('[data-testid="table-toggle-continents"]');
  await drawn(page, 'continents');
  const continents = await summary(page, 'continents');
  expect(continents).not.toBe(before.continents);

  // A selection made below leaves the tiles above out of date until they are scrolled to.
  await page.locator('[data-testid="chart-continents"]').scrollIntoViewIfNeeded();
  // (The chip's own click, without scrolling up to it, as a click on a chart down here would.)
  await page.$eval('[data-testid="chip-remove-country"]', (el) => (el as HTMLElement).click());
  await page.waitForSelector('[data-testid="chip-country"]', { state: 'detached' });
  expect(await page.getAttribute('ul.tiles', 'data-stale')).toBe('true');
  expect(await page.getAttribute('[data-testid="kpi-outbound"]', 'data-value')).toBe('');
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForFunction(() => !document.querySelector('ul.tiles')?.hasAttribute('data-stale'));
  await settled(page);
  expect(await shownKpis(page)).toEqual(await expectedKpis(defaultFilters(2014, 2019)));

  // The same figures as a page opened on Taiwan, where every view is drawn from the start.
  const fresh = await openDashboard(['[data-testid="chart-categories"] svg'], { width: 1440, height: 4000 });
  await fresh.page.goto(`${baseUrl}?country=TW`);
  await fresh.page.waitForSelector('[data-testid="chart-continents"] svg');
  await settled(fresh.page);
  expect(await summary(fresh.page, 'categories')).toBe(categories);
  expect(await summary(fresh.page, 'continents')).toBe(continents);
  expect(errors).toEqual([]);
  await fresh.page.context().close();
  await page.context().close();
});
