/**
 * A click asked ahead (src/state/ask-ahead.ts): while the pointer rests on a country's bar, the
 * views on screen ask what that click will need; the click itself then asks nothing and draws the
 * figures an independent computation over the CSV files gives for that country.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { QUERY_MEASURE } from '../../src/state/coordinator';
import { defaultFilters } from '../../src/data/filters';
import { expectChart, type ChartId } from '../helpers/expected-views';
import { openDashboard, useHarness } from './harness';
import { compareChart } from './oracle/surfaces';
import { readChart, readKpis } from './oracle/read';
import { kpis } from '../helpers/expected';
import { BOUNDS } from './oracle/states';

useHarness();

// Tall enough for the trend, the map and the first row of cards to be on screen together.
const VIEWPORT = { width: 1440, height: 2700 };
const AXIS = { trend: 'fx', countries: 'y', netflow: 'y', programs: 'y' } as const;

/** The queries answered since the measures were cleared, with their bound values. */
const asked = (page: Page) =>
  page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((e) => ((e as PerformanceMeasure).detail as { params: unknown[] }).params),
    QUERY_MEASURE,
  );

/** Rests the pointer on the countries chart's second bar until what it asks ahead is in, then clicks it. */
async function restThenClick(page: Page): Promise<{ country: string; ahead: unknown[][]; after: unknown[][] }> {
  const bar = page.locator('[data-testid="chart-countries"] svg g[aria-label="bar"] rect').nth(1);
  await bar.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0);
  const box = (await bar.boundingBox())!;
  const [x, y] = [box.x + Math.min(box.width / 2, 8), box.y + box.height / 2];
  await page.evaluate((name) => performance.clearMeasures(name), QUERY_MEASURE);

  // The pointer comes to rest on the bar: nothing is selected, but its click is asked ahead.
  await page.mouse.move(x - 30, y);
  await page.mouse.move(x, y, { steps: 3 });
  await page.waitForFunction((name) => performance.getEntriesByName(name).length >= 2, QUERY_MEASURE);
  // Until every answer asked ahead is in (no new one for a while).
  for (let count = -1; ;) {
    await page.waitForTimeout(300);
    const now = (await asked(page)).length;
    if (now === count) break;
    count = now;
  }
  expect(new URL(page.url()).searchParams.get('country')).toBeNull();
  expect(await page.$('[data-testid="chip-country"]')).toBeNull();
  const ahead = await asked(page);

  await page.evaluate((name) => performance.clearMeasures(name), QUERY_MEASURE);
  await page.mouse.click(x, y);
  await page.waitForSelector('[data-testid="chip-country"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('country'));
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0);
  return { country: new URL(page.url()).searchParams.get('country')!, ahead, after: await asked(page) };
}

test('resting on a bar asks its click ahead: the click asks nothing and shows the right figures', async () => {
  const { page, errors } = await openDashboard(['[data-testid="chart-countries"] svg'], VIEWPORT);
  const { country, ahead, after } = await restThenClick(page);
  // What was asked ahead was for the country clicked; the click asked nothing more.
  expect(ahead.filter((params) => params.includes(country)).length).toBeGreaterThanOrEqual(2);
  expect(after).toEqual([]);

  // The views on screen show that country's figures, from the CSV files.
  const f = { ...defaultFilters(BOUNDS.min, BOUNDS.max), country };
  const onScreen = (await page.$$eval('[data-testid^="chart-"]:not([data-stale])', (cards) =>
    cards.map((c) => c.getAttribute('data-testid')!.slice('chart-'.length)),
  )) as string[];
  const ids = (Object.keys(AXIS) as (keyof typeof AXIS)[]).filter((id) => onScreen.includes(id));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  for (const id of ids) {
    const shown = await readChart(page, {
      root: `[data-testid="chart-${id}"]`,
      axis: AXIS[id],
      summary: `[data-testid="summary-${id}"]`,
      table: `[data-testid="table-${id}"]`,
    });
    const expected = expectChart(id as ChartId, f, 'internal', 'zh-CN', id === 'trend' ? BOUNDS : undefined);
    expect(
      compareChart(shown, expected, { surface: id, state: `country ${country}`, lang: 'zh-CN' }, ['labels', 'summary']),
    ).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('with the KPI tiles on screen, their figures are asked ahead too, and right', async () => {
  const { page, errors } = await openDashboard(['[data-testid="chart-countries"] svg'], { width: 1440, height: 2400 });
  const { country, ahead, after } = await restThenClick(page);
  // The tiles' four queries (this period and the one before) were among those asked ahead.
  expect(ahead.filter((params) => params.includes(country)).length).toBeGreaterThanOrEqual(5);
  expect(after).toEqual([]);
  const tiles = Object.fromEntries((await readKpis(page)).map((k) => [k.id, Number(k.value)]));
  expect(tiles).toEqual(kpis({ ...defaultFilters(BOUNDS.min, BOUNDS.max), country }));
  expect(errors).toEqual([]);
});
