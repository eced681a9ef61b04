import * as Plot from '@observablehq/plot';
import type { TrendRow } from '../data/queries';
import { DIRECTIONS } from '../data/schema';
import { CHART_FONT_SIZE, DIMMED } from './common';
import { DIRECTION_COLORS, type ChartContext } from './context';
import type { TableData } from './table';

/** Whether a year is inside the years selected (every year when none are given). */
export function inYears(ctx: ChartContext, year: number): boolean {
  return !ctx.years || (year >= ctx.years[0] && year <= ctx.years[1]);
}

/**
 * Person-trips per year, outbound beside inbound; a provisional year's bars get
 * a dashed outline; the years outside the selection are dimmed.
 */
export function trendByYear(rows: readonly TrendRow[], ctx: ChartContext): Plot.PlotOptions {
  const label = (d: TrendRow) => ctx.t(`direction.${d.direction}`);
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  const opacity = (d: TrendRow) => (inYears(ctx, d.year) ? 1 : DIMMED);
  return {
    width: ctx.width,
    height: 320,
    marginLeft: 48,
    marginBottom: 36,
    style: { fontSize: '13px' },
    fx: { label: null, domain: years, tickFormat: (y: number) => String(y), padding: ctx.width < 480 ? 0.05 : 0.1 },
    x: { axis: null, domain: DIRECTIONS, paddingInner: 0.08 },
    y: { label: ctx.t('chart.trend.y'), grid: true, tickFormat: (v: number) => ctx.n(v) },
    color: {
      label: ctx.t('filter.direction'),
      domain: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
      range: DIRECTIONS.map((d) => DIRECTION_COLORS[d]),
      legend: true,
    },
    marks: [
      Plot.barY(rows, {
        fx: 'year',
        x: 'direction',
        y: 'headcount',
        fill: label,
        fillOpacity: opacity,
        stroke: (d: TrendRow) => (d.provisional ? 'currentColor' : 'none'),
        strokeDasharray: '4,2',
        channels: { year: { value: 'year', label: ctx.t('col.year') } },
        tip: {
          format: {
            fx: false,
            x: false,
            fill: true,
            y: (v: number) => ctx.n(v),
            year: (v: number) => String(v),
            fillOpacity: false,
          },
        },
      }),
      Plot.text(rows, {
        fx: 'year',
        x: 'direction',
        y: 'headcount',
        text: (d: TrendRow) => (ctx.width < 480 ? '' : ctx.n(d.headcount)),
        dy: -7,
        fontSize: CHART_FONT_SIZE,
        fill: 'currentColor',
        fillOpacity: opacity,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/** The trend as a table: a row per year, outbound and inbound side by side. */
export function trendTable(rows: readonly TrendRow[], ctx: ChartContext): TableData {
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  // A year without trips that way is 0 (in a public view also one whose count rounds to 0).
  const value = (year: number, direction: string) => {
    const found = rows.find((d) => d.year === year && d.direction === direction);
    return found ? found.headcount : 0;
  };
  return {
    columns: [
      { label: ctx.t('col.year') },
      { label: ctx.t('col.outbound'), numeric: true },
      { label: ctx.t('col.inbound'), numeric: true },
      { label: ctx.t('col.provisional') },
    ],
    rows: years.map((year) => ({
      cells: [
        String(year),
        ctx.n(value(year, 'outbound')),
        ctx.n(value(year, 'inbound')),
        ctx.t(rows.some((d) => d.year === year && d.provisional) ? 'yes' : 'no'),
      ],
      select: String(year),
      name: String(year),
    })),
  };
}
