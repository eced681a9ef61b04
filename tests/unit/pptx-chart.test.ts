import { describe, expect, test } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { CHARTS } from '../../src/charts/registry';
import { ROUNDING_BASE } from '../../src/config/disclosure';
import { defaultFilters } from '../../src/data/filters';
import type { Row } from '../../src/data/engine';
import { publicContext } from '../../src/disclosure/public-view';
import { EMBEDDABLE } from '../../src/embed/registry';
import { nativeChart } from '../../src/export/pptx-chart';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';

// A slide's native chart from the public rows the presenter shows (the bundled data in the real
// engine): its categories and series are the chart's own table, read back exactly however the page
// writes numbers; the timelines have no native kind.

const db = useBundledEngine();
const FILTERS = defaultFilters(2000, 2100);
const ctx: ChartContext = publicContext({
  t: (key, params) => translate('en', key, params),
  // Numbers as a page might write them (separators, a sign): the native chart must not read these back.
  n: (v) => `≈${formatNumber('en', v)}`,
  country: (code) => countryName(code, 'en'),
  width: 960,
  locale: 'en',
});

async function publicRows(id: string): Promise<Row[]> {
  const chart = EMBEDDABLE.find((c) => c.id === id)!;
  const q = chart.query(FILTERS);
  return chart.publicRows((await db().query(q.sql, q.params)) as Row[], ROUNDING_BASE);
}

const sum = (rows: readonly Row[], pick: (r: Row) => boolean) =>
  rows.filter(pick).reduce((s, r) => s + Number(r.headcount), 0);

describe('native charts for the deck', () => {
  test('the trend: clustered columns, a category per year, outbound and inbound as the rows give them', async () => {
    const rows = await publicRows('trend');
    const chart = nativeChart('trend', rows, ctx)!;
    expect(chart).toMatchObject({ direction: 'col', grouping: 'clustered' });
    const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
    expect(chart.categories).toEqual(years.map(String));
    expect(chart.series.map((s) => s.name)).toEqual(['Outbound', 'Inbound'].map((w) => expect.stringContaining(w)));
    for (const [i, direction] of (['outbound', 'inbound'] as const).entries()) {
      expect(chart.series[i]!.values).toEqual(
        years.map((y) => sum(rows, (r) => Number(r.year) === y && r.direction === direction)),
      );
    }
    // Public: every figure a multiple of the rounding base.
    expect(chart.series.flatMap((s) => s.values).every((v) => v % ROUNDING_BASE === 0)).toBe(true);
  });

  test.each(['countries', 'programs', 'partners', 'categories', 'duration', 'continents', 'groups'])(
    '%s: stacked bars across, the table’s names in its order, the parts adding up to its totals',
    async (id) => {
      const rows = await publicRows(id);
      const chart = nativeChart(id, rows, ctx)!;
      expect(chart).toMatchObject({ direction: 'bar', grouping: 'stacked' });
      const plain = { ...ctx, n: (v: number) => String(v) };
      const table = CHARTS.find((c) => c.id === id)!.table(rows, plain);
      expect(chart.categories).toEqual(table.rows.map((r) => r.cells[0]));
      const [out, inn] = chart.series;
      expect(out!.values.map((v, i) => v + inn!.values[i]!)).toEqual(table.rows.map((r) => Number(r.cells[3])));
      expect(chart.categories.length).toBeGreaterThan(0);
    },
  );

  test('net flow: one series, inbound − outbound per country', async () => {
    const rows = await publicRows('netflow');
    const chart = nativeChart('netflow', rows, ctx)!;
    expect(chart.series).toHaveLength(1);
    const plain = { ...ctx, n: (v: number) => String(v) };
    const table = CHARTS.find((c) => c.id === 'netflow')!.table(rows, plain);
    expect(chart.series[0]!.values).toEqual(table.rows.map((r) => Number(r.cells[1]) - Number(r.cells[2])));
  });

  test('the timelines go in as pictures', async () => {
    expect(nativeChart('agreements', await publicRows('agreements'), ctx)).toBeNull();
    expect(nativeChart('events', await publicRows('events'), ctx)).toBeNull();
  });
});
