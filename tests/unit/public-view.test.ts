import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { CHARTS } from '../../src/charts/registry';
import type { ChartContext } from '../../src/charts/context';
import { renderPlot } from '../../src/charts/render';
import { trendByYear, trendTable } from '../../src/charts/trend-by-year';
import { trendStacked, trendStackedTable } from '../../src/charts/trend-stacked';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { trendStackQuery, type TrendStackRow } from '../../src/data/queries';
import { publicCounts, publicCountrySums, publicParts } from '../../src/disclosure/public-view';
import { protectedNumber } from '../../src/disclosure/protect';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';

// Public exports: the app's rows for every single year of the bundled data, with small counts hidden.
const T = 5;
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const ctx: ChartContext = {
  t: (key, params) => translate('zh-CN', key, params),
  n: protectedNumber((v) => formatNumber('zh-CN', v), T) as (v: number) => string,
  country: (code) => countryName(code, 'zh-CN'),
  width: 640,
  locale: 'zh-CN',
};

const db = useBundledEngine();

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019];
const filtersOf = (year: number): Filters => ({ ...defaultFilters(year, year) });
const run = async (q: { sql: string; params: (string | number | boolean | null)[] }) =>
  (await db().query(q.sql, q.params)) as Record<string, unknown>[];
const small = (v: unknown) => typeof v === 'number' && v >= 1 && v < T;

/** Every count left in public rows is 0 or at least the threshold. */
function expectNoSmallCounts(rows: readonly Record<string, unknown>[], fields: string[]) {
  for (const row of rows) for (const f of fields) expect(small(row[f]), `${f} = ${String(row[f])}`).toBe(false);
}

const svgText = (spec: Parameters<typeof renderPlot>[0]) => renderPlot(spec, window.document).textContent ?? '';

describe('public exports hide small counts without a total giving them away', () => {
  for (const def of CHARTS.filter((d) => d.publicRows)) {
    test(`${def.id}: no count 1–4 shown; totals as in the internal view; hidden cells read <5`, async () => {
      let hiddenSeen = 0;
      for (const year of YEARS) {
        const raw = await run(def.query(filtersOf(year)));
        const shown = def.publicRows!(raw, T) as Record<string, unknown>[];
        expect(shown).toHaveLength(raw.length);
        const counts = def.id === 'netflow' ? ['inbound', 'outbound'] : ['headcount'];
        expectNoSmallCounts(shown, counts);
        const hidden = shown.filter((r) => counts.some((f) => r[f] === null)).length;
        hiddenSeen += hidden;
        // A small count in the internal rows is null in the public ones, never 0 or another number.
        raw.forEach((r, i) => {
          for (const f of counts) if (small(r[f])) expect(shown[i]![f]).toBeNull();
        });
        const table = def.table(shown, ctx);
        const cells = table.rows.flatMap((r) => r.cells);
        if (hidden) {
          expect(cells).toContain(`<${T}`);
          expect(svgText(def.spec(shown, ctx))).toContain(`<${T}`);
        }
        // Split bars: a group with one hidden part hides another too, and its total stays the true one.
        if ('headcount' in (raw[0] ?? {}) && def.id !== 'netflow') {
          const internal = def.table(raw, { ...ctx, n: (v) => formatNumber('zh-CN', v) });
          internal.rows.forEach((row, i) => {
            const total = row.cells.at(-1)!;
            const publicTotal = table.rows.find((r) => r.cells[0] === row.cells[0])!.cells.at(-1);
            const parts = table.rows.find((r) => r.cells[0] === row.cells[0])!.cells.slice(1, -1);
            expect(publicTotal === `<${T}` || publicTotal === total, `${def.id} ${year} row ${i}`).toBe(true);
            if (publicTotal !== `<${T}`) expect(parts.filter((c) => c === `<${T}`).length).not.toBe(1);
          });
        }
      }
      // The bundled sample has small counts in every counted chart for some year.
      expect(hiddenSeen).toBeGreaterThan(0);
    });
  }

  test('trend by direction and stacked: each small count hidden; stacked year totals unchanged', async () => {
    for (const split of ['direction', 'participant_category'] as const) {
      // Hong Kong, Macao and Taiwan alone: few enough trips for small counts in some years.
      const filters: Filters = { ...defaultFilters(2014, 2019), region: 'hk_macao_tw' };
      const raw = (await run(trendStackQuery(filters, split))) as unknown as TrendStackRow[];
      const shown = split === 'direction' ? publicCounts(raw, T) : publicParts(raw, (d) => String(d.year), T);
      expectNoSmallCounts(shown as unknown as Record<string, unknown>[], ['headcount']);
      expect(shown.some((r) => r.headcount === null)).toBe(true);
      if (split === 'direction') {
        const asTrend = shown.map((d) => ({ ...d, direction: d.key as 'outbound' | 'inbound' }));
        expect(trendTable(asTrend, ctx).rows.flatMap((r) => r.cells)).toContain(`<${T}`);
        expect(svgText(trendByYear(asTrend, ctx))).toContain(`<${T}`);
      } else {
        const text = svgText(trendStacked(shown, split, ctx));
        // The labels above the stacks are the true year totals.
        for (const year of new Set(raw.map((r) => r.year))) {
          const total = raw.filter((r) => r.year === year).reduce((s, r) => s + r.headcount, 0);
          expect(text).toContain(formatNumber('zh-CN', total));
        }
        expect(trendStackedTable(shown, split, ctx).rows.flatMap((r) => r.cells)).toContain(`<${T}`);
      }
    }
  });

  test('map table: a small part hides both parts and the net; a small total hides itself', () => {
    const rows = publicCountrySums(
      [
        { country: 'TW', outbound: 3, inbound: 40, total: 43, net: 37 },
        { country: 'FR', outbound: 2, inbound: 1, total: 3, net: -1 },
        { country: 'DE', outbound: 20, inbound: 0, total: 20, net: -20 },
      ],
      T,
    );
    expect(rows).toEqual([
      { country: 'TW', outbound: null, inbound: null, total: 43, net: null },
      { country: 'FR', outbound: null, inbound: null, total: null, net: null },
      { country: 'DE', outbound: 20, inbound: 0, total: 20, net: -20 },
    ]);
  });
});
