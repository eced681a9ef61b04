import type { ChartContext } from '../charts/context';
import { DIRECTION_COLORS } from '../charts/context';
import { CHARTS } from '../charts/registry';
import type { TableData } from '../charts/table';
import { trendTable } from '../charts/trend-by-year';
import type { Row } from '../data/engine';
import type { TrendRow } from '../data/queries';

/** One series of a native chart: its name, a value per category, its colour (hex, no #). */
export interface NativeSeries {
  name: string;
  values: number[];
  color: string;
}

/**
 * A chart PowerPoint and WPS draw and edit themselves (its data sheet inside the file):
 * bars up (`col`) or across (`bar`), side by side or stacked.
 */
export interface NativeChart {
  direction: 'col' | 'bar';
  grouping: 'clustered' | 'stacked';
  categories: string[];
  series: NativeSeries[];
  /** The value axis' title. */
  valueTitle: string;
}

/** Charts drawn as horizontal bars split by direction (the table: name, outbound, inbound, total). */
const SPLIT = new Set(['countries', 'programs', 'partners', 'categories', 'duration', 'continents', 'groups']);

const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** A table's cell read back as a number (the table is drawn with plain numerals); 0 when empty. */
const numberOf = (cell: string | undefined): number => {
  const value = Number(cell);
  return Number.isFinite(value) ? value : 0;
};

function columns(data: TableData, value: readonly number[]) {
  return {
    categories: data.rows.map((row) => row.cells[0] ?? ''),
    values: value.map((column) => data.rows.map((row) => numberOf(row.cells[column]))),
  };
}

/**
 * A slide's chart as a native chart, from the public rows the slide shows and the chart's own
 * table (the same names, order and figures as the CSV export); null for a chart PowerPoint has no
 * kind for (the timelines), which goes in as a picture.
 */
export function nativeChart(id: string, rows: readonly Row[], ctx: ChartContext): NativeChart | null {
  // The table drawn with plain numerals, so each figure reads back exactly.
  const plain: ChartContext = { ...ctx, n: (v: number) => String(v) };
  const directions = [
    { name: ctx.t('direction.outbound'), color: hex(DIRECTION_COLORS.outbound) },
    { name: ctx.t('direction.inbound'), color: hex(DIRECTION_COLORS.inbound) },
  ];
  if (id === 'trend') {
    const { categories, values } = columns(trendTable(rows as unknown as TrendRow[], plain), [1, 2]);
    return {
      direction: 'col',
      grouping: 'clustered',
      categories,
      series: directions.map((d, i) => ({ ...d, values: values[i] ?? [] })),
      valueTitle: ctx.t('chart.trend.y'),
    };
  }
  const def = CHARTS.find((chart) => chart.id === id);
  if (!def) return null;
  if (SPLIT.has(id)) {
    const { categories, values } = columns(def.table(rows, plain), [1, 2]);
    return {
      direction: 'bar',
      grouping: 'stacked',
      categories,
      series: directions.map((d, i) => ({ ...d, values: values[i] ?? [] })),
      valueTitle: ctx.t('unit.trips'),
    };
  }
  if (id === 'netflow') {
    // The table: country, inbound, outbound, net; the chart draws the net.
    const { categories, values } = columns(def.table(rows, plain), [3]);
    return {
      direction: 'bar',
      grouping: 'clustered',
      categories,
      series: [{ name: ctx.t('col.net'), values: values[0] ?? [], color: hex(DIRECTION_COLORS.inbound) }],
      valueTitle: ctx.t('chart.netflow.x'),
    };
  }
  return null;
}
