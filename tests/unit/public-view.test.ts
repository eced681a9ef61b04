import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import type { ChartContext } from '../../src/charts/context';
import { chartSummary } from '../../src/charts/summary';
import { renderPlot } from '../../src/charts/render';
import { enumLabel, localName } from '../../src/charts/common';
import type { Filters } from '../../src/data/filters';
import { EMBEDDABLE } from '../../src/embed/registry';
import { EMBED_MAP } from '../../src/embed/map';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';
import { publicGrid, publishedChartBars, publishedNetFlow, publishedTrend, publishOracle } from '../helpers/published';

// Public views (embeds, public exports, slides) publish sums of rounded base cells (docs/disclosure.md):
// each figure is checked against the same sums computed from the CSV files (tests/helpers/published.ts),
// and every label, summary and rank against the published value it describes.
const BASE = 5;
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const ctx: ChartContext = {
  t: (key, params) => translate('en', key, params),
  n: (v) => formatNumber('en', v),
  country: (code) => countryName(code, 'en'),
  width: 640,
  locale: 'en',
  published: true,
};

const db = useBundledEngine();
const GRID = publicGrid();
const label = (f: Filters) => `${f.yearFrom}-${f.yearTo} ${f.direction} ${f.region}`;
type Row = Record<string, unknown>;

const memo = new Map<string, Row[]>();
/** A chart's public rows for these filters, as its embed file holds them (queried once per file). */
async function publicRowsOf(chart: (typeof EMBEDDABLE)[number] | typeof EMBED_MAP, f: Filters): Promise<Row[]> {
  const key = `${chart.id} ${label(f)}`;
  if (!memo.has(key)) {
    const q = chart.query(f);
    memo.set(key, chart.publicRows(await db().query(q.sql, q.params), BASE) as Row[]);
  }
  return memo.get(key)!;
}

const COUNT_FIELDS = ['headcount', 'total', 'inbound', 'outbound', 'net', 'delegates'];

/** The key a bar chart's rows are grouped by. */
function keyOf(id: string, row: Row): string {
  if (id === 'countries') return row.country as string;
  if (id === 'programs' || id === 'partners') return row.id as string;
  if (id === 'categories') return row.category as string;
  if (id === 'duration') return row.band as string;
  return row.key as string;
}

/** What a summary calls a bar chart's key. */
function nameOf(id: string, row: Row): string {
  if (id === 'countries') return ctx.country(row.country as string);
  if (id === 'programs' || id === 'partners') return localName(ctx, row as { name_zh: string; name_en: string });
  if (id === 'categories') return enumLabel(ctx, 'category', row.category as string);
  if (id === 'duration') return enumLabel(ctx, 'band', row.band as string);
  return enumLabel(ctx, 'continent', row.key as string);
}

/** A split chart's public rows as bars: parts by direction (0 when absent), the total the rows carry or their sum. */
function bars(id: string, rows: readonly Row[]) {
  const out = new Map<string, { key: string; outbound: number; inbound: number; total: number; row: Row }>();
  for (const row of rows) {
    const key = keyOf(id, row);
    const bar = out.get(key) ?? { key, outbound: 0, inbound: 0, total: 0, row };
    bar[row.direction as 'outbound' | 'inbound'] += row.headcount as number;
    out.set(key, bar);
  }
  for (const bar of out.values()) {
    const given = bar.row.total;
    bar.total = typeof given === 'number' ? given : bar.outbound + bar.inbound;
    // A bar's total is the sum of its published parts.
    expect(bar.total, `${id} ${bar.key}`).toBe(bar.outbound + bar.inbound);
  }
  return [...out.values()];
}

const svgLabels = (spec: Parameters<typeof renderPlot>[0]) =>
  [...renderPlot(spec, window.document).querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent ?? '');

describe('public rows: sums of base cells each rounded to a multiple of 5 (0–2 as 0), as computed from the CSV files', () => {
  test('no chart or flow of any embed or public view publishes a count that is not a multiple of 5', async () => {
    let counts = 0;
    for (const chart of [...EMBEDDABLE, EMBED_MAP]) {
      for (const f of GRID) {
        const rows = await publicRowsOf(chart, f);
        for (const row of rows) {
          expect(Object.keys(row), chart.id).not.toContain('records');
          expect(Object.keys(row), chart.id).not.toContain('countries');
          const present = COUNT_FIELDS.filter((k) => typeof row[k] === 'number');
          for (const k of present) {
            counts++;
            expect(Math.abs(row[k] as number) % BASE, `${chart.id} ${label(f)} ${k}=${String(row[k])}`).toBe(0);
          }
          // A row is published for a count above 0 only: a missing row and a 0 both mean 0–2.
          if (present.length && chart.id !== 'events') {
            expect(
              present.some((k) => (row[k] as number) !== 0),
              `${chart.id} ${label(f)} ${JSON.stringify(row)}`,
            ).toBe(true);
          }
        }
      }
    }
    expect(counts).toBeGreaterThan(1000);
  }, 120_000);

  test('bar charts: each part and each total is the sum of the rounded base cells; ranks by the published total, ties by key', async () => {
    for (const chart of EMBEDDABLE) {
      for (const f of GRID) {
        const expected = publishedChartBars(chart.id, f);
        if (!expected) continue;
        const rows = await publicRowsOf(chart, f);
        const shown = bars(chart.id, rows).map(({ key, outbound, inbound, total }) => ({
          key,
          outbound,
          inbound,
          total,
        }));
        const order = (chart.spec(rows as never, ctx).y as { domain: string[] }).domain;
        if (['countries', 'programs', 'partners', 'categories'].includes(chart.id)) {
          expect(order, `${chart.id} ${label(f)} order`).toEqual(expected.map((b) => b.key));
        }
        const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
        expect(shown.sort(byKey), `${chart.id} ${label(f)}`).toEqual([...expected].sort(byKey));
      }
    }
  });

  test('net flow: inbound and outbound published, the net their difference, ranked by it', async () => {
    const chart = EMBEDDABLE.find((c) => c.id === 'netflow')!;
    for (const f of GRID) {
      const rows = await publicRowsOf(chart, f);
      const shown = rows.map((r) => ({ key: r.country, inbound: r.inbound, outbound: r.outbound, net: r.net }));
      expect(shown, label(f)).toEqual(publishedNetFlow(f));
    }
  });

  test('trend: each year and direction published; a year published as 0 is not drawn', async () => {
    const chart = EMBEDDABLE.find((c) => c.id === 'trend')!;
    for (const f of GRID) {
      const rows = await publicRowsOf(chart, f);
      const shown = new Map(rows.map((r) => [`${String(r.year)}:${String(r.direction)}`, r.headcount]));
      expect(shown, label(f)).toEqual(publishedTrend(f));
    }
  });

  test('the agreed rounding', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 19, 24].map(publishOracle)).toEqual([
      0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 15, 20, 25,
    ]);
  });
});

describe('labels, summaries and ranks never disagree with the published values they describe', () => {
  // Drawing every state is slow: every year range and direction for all scopes, every scope for the full span.
  const first = Math.min(...GRID.map((f) => f.yearFrom));
  const last = Math.max(...GRID.map((f) => f.yearTo));
  const full = (f: Filters) => f.yearFrom === first && f.yearTo === last;
  const drawn = GRID.filter((f) => f.region === 'all' || full(f));

  test('bar charts: the value labels are the published totals; the summary names the top three with them', async () => {
    for (const chart of EMBEDDABLE.filter((c) => publishedChartBars(c.id, GRID[0]!) !== null)) {
      for (const f of drawn) {
        const rows = await publicRowsOf(chart, f);
        const shown = bars(chart.id, rows);
        const where = `${chart.id} ${label(f)}`;
        expect(svgLabels(chart.spec(rows as never, ctx)).sort(), where).toEqual(
          shown.map((b) => ctx.n(b.total)).sort(),
        );
        const summary = chartSummary(chart.id, rows, ctx);
        expect(summary, where).not.toContain('<');
        const top = [...shown]
          .filter((b) => b.total > 0)
          .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1))
          .slice(0, 3)
          .map((b) => ctx.t('summary.item', { name: nameOf(chart.id, b.row), value: ctx.n(b.total) }));
        let at = -1;
        for (const item of top) {
          const next = summary.indexOf(item, at + 1);
          expect(next, `${where}: "${item}" after ${at} in "${summary}"`).toBeGreaterThan(at);
          at = next;
        }
      }
    }
  }, 60_000);

  test('net flow: the labels are the published nets; the summary names the largest of each side with it', async () => {
    const chart = EMBEDDABLE.find((c) => c.id === 'netflow')!;
    for (const f of drawn) {
      const rows = await publicRowsOf(chart, f);
      const where = label(f);
      const nets = rows.map((r) => r.net as number);
      expect(svgLabels(chart.spec(rows as never, ctx)).sort(), where).toEqual(
        nets.map((v) => (v > 0 ? `+${ctx.n(v)}` : ctx.n(v))).sort(),
      );
      const summary = chartSummary('netflow', rows, ctx);
      expect(summary, where).not.toContain('<');
      const out = rows.filter((r) => (r.net as number) < 0).sort((a, b) => (a.net as number) - (b.net as number))[0];
      const inn = rows.filter((r) => (r.net as number) > 0)[0];
      if (out) {
        expect(summary, where).toContain(
          ctx.t('summary.netflow.out', {
            name: ctx.country(out.country as string),
            value: ctx.n(-(out.net as number)),
          }),
        );
      }
      if (inn) {
        expect(summary, where).toContain(
          ctx.t('summary.netflow.in', { name: ctx.country(inn.country as string), value: ctx.n(inn.net as number) }),
        );
      }
    }
  });

  test('trend: labels are the published counts; the summary gives them, and a change only on a base of 25 or more', async () => {
    const chart = EMBEDDABLE.find((c) => c.id === 'trend')!;
    for (const f of drawn) {
      const rows = await publicRowsOf(chart, f);
      const where = label(f);
      expect(svgLabels(chart.spec(rows as never, ctx)).sort(), where).toEqual(
        rows.map((r) => ctx.n(r.headcount as number)).sort(),
      );
      const summary = chartSummary('trend', rows, ctx);
      expect(summary, where).not.toContain('<');
      for (const dir of ['outbound', 'inbound'] as const) {
        const series = rows.filter((r) => r.direction === dir).sort((a, b) => (a.year as number) - (b.year as number));
        if (series.length < 2) continue;
        const first = series[0]!;
        const last = series.at(-1)!;
        const text = `${ctx.t(`direction.${dir}`)}: ${ctx.n(first.headcount as number)} person-trips in ${String(first.year)}, ${ctx.n(last.headcount as number)} in ${String(last.year)}`;
        expect(summary, where).toContain(text);
        const after = summary.slice(summary.indexOf(text) + text.length);
        if ((first.headcount as number) < 25) expect(after.startsWith('.'), `${where}: ${summary}`).toBe(true);
        else expect(after.startsWith(' ('), `${where}: ${summary}`).toBe(true);
      }
    }
  });
});
