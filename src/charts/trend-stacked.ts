import * as Plot from '@observablehq/plot';
import type { TrendStackRow } from '../data/queries';
import { ACTIVITY_TYPES, PARTICIPANT_CATEGORIES } from '../data/schema';
import { CHART_FONT_SIZE, DIMMED, enumLabel, totals } from './common';
import type { ChartContext } from './context';
import { DISTINCT, OTHER_COLOR, ownColours } from './palette';
import type { TableData } from './table';
import { inYears } from './trend-by-year';

export type StackSplit = 'activity_type' | 'participant_category';

const SPLIT = {
  activity_type: { prefix: 'activity', keys: ACTIVITY_TYPES, column: 'col.activity' },
  participant_category: { prefix: 'category', keys: PARTICIPANT_CATEGORIES, column: 'col.category' },
} as const;

/**
 * Person-trips per year stacked by activity type or participant category; a
 * provisional year is outlined dashed; years outside the selection are dimmed.
 */
export function trendStacked(all: readonly TrendStackRow[], split: StackSplit, ctx: ChartContext): Plot.PlotOptions {
  const { prefix, keys, column } = SPLIT[split];
  const label = (key: string) => enumLabel(ctx, prefix, key);
  const rows = grouped(all, keys);
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  const present = keys.filter((k) => rows.some((d) => d.key === k));
  const own = present.filter((k) => k !== 'other');
  const yearTotals = [
    ...totals(
      rows,
      (d) => String(d.year),
      (d) => d.headcount,
    ),
  ].map(([year, sum]) => ({
    year: Number(year),
    total: sum,
    provisional: rows.some((d) => d.year === Number(year) && d.provisional),
  }));
  const opacity = (d: { year: number }) => (inYears(ctx, d.year) ? 1 : DIMMED);
  return {
    width: ctx.width,
    height: 320,
    marginLeft: 48,
    marginBottom: 36,
    style: { fontSize: '13px' },
    x: { label: null, domain: years, tickFormat: (y: number) => String(y), padding: 0.2 },
    y: { label: ctx.t('chart.trend.y'), grid: true, tickFormat: (v: number) => ctx.n(v) },
    color: {
      label: ctx.t(column),
      domain: present.map(label),
      range: present.map((k) => (k === 'other' ? OTHER_COLOR : DISTINCT[own.indexOf(k)]!)),
      legend: true,
    },
    marks: [
      Plot.barY(rows, {
        x: 'year',
        y: 'headcount',
        fill: (d: TrendStackRow) => label(d.key),
        fillOpacity: opacity,
        order: present.map(label),
        channels: { year: { value: 'year', label: ctx.t('col.year') } },
        tip: {
          format: {
            x: false,
            fill: true,
            y: (v: number) => ctx.n(v),
            year: (v: number) => String(v),
            fillOpacity: false,
          },
        },
      }),
      Plot.barY(
        yearTotals.filter((d) => d.provisional),
        {
          x: 'year',
          y: 'total',
          fill: 'none',
          stroke: 'currentColor',
          strokeDasharray: '4,2',
        },
      ),
      Plot.text(yearTotals, {
        x: 'year',
        y: 'total',
        text: (d: { total: number }) => ctx.n(d.total),
        dy: -7,
        fontSize: CHART_FONT_SIZE,
        fillOpacity: opacity,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/**
 * The rows with no more parts than distinct colours: the smallest keys (over all years drawn)
 * join 'other' (其他 / Other), summed per year; the table keeps every key.
 */
function grouped(rows: readonly TrendStackRow[], keys: readonly string[]): TrendStackRow[] {
  const size = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  const own = new Set(
    ownColours(
      keys.filter((k) => size.has(k)),
      (k) => size.get(k) ?? 0,
    ),
  );
  const out = new Map<string, TrendStackRow>();
  for (const d of rows) {
    const key = own.has(d.key) ? d.key : 'other';
    const id = `${d.year}|${key}`;
    const was = out.get(id);
    out.set(id, {
      ...d,
      key,
      headcount: (was?.headcount ?? 0) + d.headcount,
      provisional: !!was?.provisional || d.provisional,
    });
  }
  return [...out.values()];
}

/** The stacked trend as a table: a row per year and key. */
export function trendStackedTable(rows: readonly TrendStackRow[], split: StackSplit, ctx: ChartContext): TableData {
  const { prefix, column } = SPLIT[split];
  return {
    columns: [
      { label: ctx.t('col.year') },
      { label: ctx.t(column) },
      { label: ctx.t('chart.trend.y'), numeric: true },
      { label: ctx.t('col.provisional') },
    ],
    rows: rows.map((d) => ({
      cells: [String(d.year), enumLabel(ctx, prefix, d.key), ctx.n(d.headcount), ctx.t(d.provisional ? 'yes' : 'no')],
      select: String(d.year),
      name: String(d.year),
    })),
  };
}
