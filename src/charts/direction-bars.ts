import * as Plot from '@observablehq/plot';
import { DIRECTIONS, type Direction } from '../data/schema';
import { CHART_FONT_SIZE, domainOf, emphasis, labelMargin, nameAxisY, totals } from './common';
import { DIRECTION_COLORS, type ChartContext, type FixedScale } from './context';
import type { TableData } from './table';

/** One bar segment: a key (country, program, …) in one direction. */
export interface SplitRow {
  key: string;
  /** The key's name in the page's language. */
  name: string;
  direction: Direction;
  headcount: number;
  /** The key's total as the query gave it (the sum of its parts). */
  total?: number;
}

export interface DirectionBarsOptions {
  /** The keys top to bottom; by total person-trips when absent. */
  order?: readonly string[];
  /** The table's heading for the keys. */
  column: string;
}

/** Each key's total: the one its rows carry, or the sum of its parts. */
function keyTotals(rows: readonly SplitRow[]): Map<string, number> {
  const sum = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  for (const d of rows) if (d.total !== undefined) sum.set(d.key, d.total);
  return sum;
}

/** The keys in their order: given, or by total descending, ties by key; the fixed keys first while playing. */
export function keyOrder(rows: readonly SplitRow[], ctx: ChartContext, order?: readonly string[]): string[] {
  const sum = keyTotals(rows);
  const keys = order
    ? order.filter((k) => sum.has(k))
    : [...sum.keys()].sort((a, b) => sum.get(b)! - sum.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return ctx.fixed?.keys ? [...new Set([...ctx.fixed.keys, ...keys])] : keys;
}

/**
 * Horizontal bars, one per key, split into outbound and inbound, the total at
 * the end; the selected key stands out. Long names are cut; the tip and the
 * table carry them whole.
 */
export function directionBars(
  rows: readonly SplitRow[],
  ctx: ChartContext,
  options: DirectionBarsOptions,
): Plot.PlotOptions {
  const order = keyOrder(rows, ctx, options.order);
  const names = new Map([...(ctx.fixed?.names ?? []), ...rows.map((d) => [d.key, d.name] as const)]);
  const drawn = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  const total = keyTotals(rows);
  const marginLeft = labelMargin(
    order.map((k) => names.get(k) ?? k),
    ctx.width,
  );
  const [, max] = domainOf([...drawn.values(), ...total.values()], ctx.fixed);
  return {
    width: ctx.width,
    height: Math.max(110, order.length * 26 + 56),
    marginLeft,
    marginRight: 44,
    marginTop: 46,
    style: { fontSize: '12px' },
    x: { label: ctx.t('unit.trips'), grid: true, axis: 'top', domain: [0, max], tickFormat: (v: number) => ctx.n(v) },
    y: { label: null, domain: order },
    color: {
      label: ctx.t('filter.direction'),
      domain: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
      range: DIRECTIONS.map((d) => DIRECTION_COLORS[d]),
      legend: true,
    },
    marks: [
      nameAxisY((k) => names.get(k) ?? k, marginLeft),
      Plot.barX(rows, {
        y: 'key',
        x: 'headcount',
        fill: (d: SplitRow) => ctx.t(`direction.${d.direction}`),
        fillOpacity: (d: SplitRow) => emphasis(ctx, d.key),
        order: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
        channels: { name: { value: 'name', label: options.column } },
        // Long English names are cut at Plot's 20 ems; the tip is where they are read whole.
        tip: {
          lineWidth: 40,
          format: { name: true, y: false, x: (v: number) => ctx.n(v), fill: true, fillOpacity: false },
        },
      }),
      Plot.text([...total], {
        y: ([k]: [string, number]) => k,
        x: ([k]: [string, number]) => drawn.get(k) ?? 0,
        text: ([, v]: [string, number]) => ctx.n(v),
        dx: 4,
        textAnchor: 'start',
        fontSize: CHART_FONT_SIZE,
      }),
      Plot.ruleX([0]),
    ],
  };
}

/** The bars as a table: a row per key with outbound, inbound and total. */
export function directionTable(
  rows: readonly SplitRow[],
  ctx: ChartContext,
  options: DirectionBarsOptions & { selectable?: boolean },
): TableData {
  const order = keyOrder(rows, { ...ctx, fixed: undefined }, options.order);
  const names = new Map(rows.map((d) => [d.key, d.name]));
  const total = keyTotals(rows);
  const part = (k: string, dir: Direction): number =>
    rows.filter((d) => d.key === k && d.direction === dir).reduce((s, d) => s + d.headcount, 0);
  return {
    columns: [
      { label: options.column },
      { label: ctx.t('col.outbound'), numeric: true },
      { label: ctx.t('col.inbound'), numeric: true },
      { label: ctx.t('col.total'), numeric: true },
    ],
    rows: order.map((k) => {
      const name = names.get(k) ?? k;
      const cells = [name, ctx.n(part(k, 'outbound')), ctx.n(part(k, 'inbound')), ctx.n(total.get(k) ?? 0)];
      return options.selectable ? { cells, select: k, name } : { cells };
    }),
  };
}

/** The extent and keys a playback frame needs to keep the scales fixed. */
export function directionExtent(rows: readonly SplitRow[]): Required<Omit<FixedScale, 'min'>> {
  const sum = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  return { max: Math.max(0, ...sum.values()), keys: [...sum.keys()], names: new Map(rows.map((d) => [d.key, d.name])) };
}
