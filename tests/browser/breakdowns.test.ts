// The funding (经费来源) and department (院系) charts in the built app: a click on a bar selects its
// value and every other view follows. Each figure is compared with a computation over
// data/exchanges.csv in plain TypeScript (tests/helpers/expected.ts), not with the app's SQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Filters } from '../../src/data/filters';
import { defaultFilters } from '../../src/domain/filters';
import { translate } from '../../src/i18n/translate';
import { departmentName } from '../../src/reference/departments';
import { kpis, matching, splitBy, sumBy, trips, yearBounds } from '../helpers/expected';
import type { Watched } from './browser';
import { openDashboard, settled, useHarness } from './harness';

useHarness();

const { min, max } = yearBounds();
const ALL = defaultFilters(min, max);

/** The key with the most person-trips among `ts` (ties: the first in code order), '' left out. */
function top(ts: typeof trips, key: (t: (typeof trips)[number]) => string): string {
  const sums = [...sumBy(ts, (t) => key(t) || null)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sums[0]![0];
}

/** The KPI tiles' figures as shown. */
async function tiles(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of ['outbound', 'inbound', 'countries', 'partners', 'agreements'])
    out[id] = Number(await page.getAttribute(`[data-testid="kpi-${id}"]`, 'data-value'));
  return out;
}

/** A chart's data table as shown: name → [outbound, inbound, total]. */
async function table(page: Page, id: string): Promise<Map<string, number[]>> {
  const rows = page.locator(`[data-testid="table-${id}"] tbody tr`);
  if ((await rows.count()) === 0) await page.click(`[data-testid="table-toggle-${id}"]`);
  await page.waitForSelector(`[data-testid="table-${id}"] tbody tr`);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  return new Map(cells.map(([name, ...n]) => [name!, n.slice(0, 3).map((v) => Number(v.replace(/[,\s]/g, '')))]));
}

/** The same table computed from the CSV: each value's person-trips out, in and in total. */
function expectedTable(
  f: Filters,
  except: 'funding' | 'department' | 'country',
  key: (t: (typeof trips)[number]) => string,
  name: (k: string) => string,
): Map<string, number[]> {
  const split = splitBy(matching(f, except), key);
  return new Map([...split].map(([k, s]) => [name(k), [s.outbound, s.inbound, s.outbound + s.inbound]]));
}

/** Clicks the bar beside the first tick label of a horizontal bar chart (its largest value). */
async function clickFirstBar(page: Page, id: string): Promise<void> {
  const label = page.locator(`[data-testid="chart-${id}"] svg [aria-label="y-axis tick label"] text`).first();
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  const [x, y] = [box.x + box.width + 14, box.y + box.height / 2];
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  await page.waitForTimeout(80);
  await page.mouse.click(x, y);
}

const zh = (key: string) => translate('zh-CN', key as never);

describe('funding and department charts cross-filter', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openDashboard(['[data-testid="chart-funding"] svg', '[data-testid="chart-department"] svg']);
  });
  afterAll(() => w?.page.context().close());

  test('both charts show person-trips by value as the CSV sums them, named in Chinese', async () => {
    const funding = expectedTable(
      ALL,
      'funding',
      (t) => t.funding,
      (k) => zh(`funding.${k}`),
    );
    expect(funding.size).toBeGreaterThan(3);
    expect(await table(w.page, 'funding')).toEqual(funding);
    const departments = expectedTable(
      ALL,
      'department',
      (t) => t.department,
      (k) => k,
    );
    expect(await table(w.page, 'department')).toEqual(departments);
  });

  test('a click on the largest funding bar selects it: chip, link, tiles and the other charts follow', async () => {
    const funding = top(trips, (t) => t.funding);
    await clickFirstBar(w.page, 'funding');
    await w.page.waitForSelector('[data-testid="chip-funding"]');
    await settled(w.page);
    const f: Filters = { ...ALL, funding };
    expect(await w.page.textContent('[data-testid="chip-funding"]')).toContain(zh(`funding.${funding}`));
    expect(new URL(w.page.url()).searchParams.get('funding')).toBe(funding);
    expect(await tiles(w.page)).toEqual(kpis(f));
    // The department chart counts only the trips of that funding source …
    const departments = expectedTable(
      f,
      'department',
      (t) => t.department,
      (k) => k,
    );
    expect(await table(w.page, 'department')).toEqual(departments);
    expect(departments).not.toEqual(
      expectedTable(
        ALL,
        'department',
        (t) => t.department,
        (k) => k,
      ),
    );
    // … and so do the countries (top 15).
    const countries = await table(w.page, 'countries');
    const fromCsv = sumBy(matching(f, 'country'), (t) => t.country);
    expect(countries.size).toBe(Math.min(15, fromCsv.size));
    const shownTotal = [...countries.values()].reduce((s, r) => s + r[2]!, 0);
    const ranked = [...fromCsv.values()].sort((a, b) => b - a).slice(0, 15);
    expect(shownTotal).toBe(ranked.reduce((a, b) => a + b, 0));
    // The funding chart still shows the other sources.
    expect((await table(w.page, 'funding')).size).toBeGreaterThan(1);
  });

  test('then a click on a department bar narrows further; its chip removes it', async () => {
    const funding = top(trips, (t) => t.funding);
    const department = top(
      trips.filter((t) => t.funding === funding),
      (t) => t.department,
    );
    await clickFirstBar(w.page, 'department');
    await w.page.waitForSelector('[data-testid="chip-department"]');
    await settled(w.page);
    const f: Filters = { ...ALL, funding, department };
    expect(await w.page.textContent('[data-testid="chip-department"]')).toContain(department);
    expect(await tiles(w.page)).toEqual(kpis(f));
    expect(await table(w.page, 'funding')).toEqual(
      expectedTable(
        f,
        'funding',
        (t) => t.funding,
        (k) => zh(`funding.${k}`),
      ),
    );

    await w.page.click('[data-testid="chip-remove-department"]');
    await settled(w.page);
    expect(await tiles(w.page)).toEqual(kpis({ ...ALL, funding }));
    expect(new URL(w.page.url()).searchParams.get('department')).toBeNull();
    await w.page.click('[data-testid="chip-remove-funding"]');
    await settled(w.page);
    expect(await tiles(w.page)).toEqual(kpis(ALL));
  });

  test('in English, departments carry their English names', async () => {
    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(w.page);
    const departments = expectedTable(
      ALL,
      'department',
      (t) => t.department,
      (k) => departmentName(k, 'en'),
    );
    expect([...departments.keys()].some((name) => /^School of /.test(name))).toBe(true);
    expect(await table(w.page, 'department')).toEqual(departments);
  });
});
