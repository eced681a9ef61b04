import * as Plot from '@observablehq/plot';
import { DIRECTIONS, type Direction } from '../data/schema';
import { domainOf, emphasis, labelMargin, totals, truncate } from './common';
import { DIRECTION_COLORS, HIDDEN_COLOR, type ChartContext, type FixedScale } from './context';
import type { TableData } from './table';

/** One bar segment: a key (country, program, …) in one direction. */
export interface SplitRow {
  key: string;
  /** The key's name in the page's language. */
  name: string;
  direction: Direction;
  headcount: number;
  /**
   * The key's total as the query gave it, when it may differ from the sum of
   * the parts shown: in a public view a hidden part is null, and the total
   * stays (or is null itself when small).
   */
  total?: number | null;
}

export interface DirectionBarsOptions {
  /** The keys top to bottom; by total person-trips when absent. */
  order?: readonly string[];
  /** The table's heading for the keys. */
  column: string;
}

/** The keys in their order: given, or by total descending; the fixed keys first while playing. */
export function keyOrder(rows: readonly SplitRow[], ctx: ChartContext, order?: readonly string[]): string[] {
  const sum = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  // A total given on the rows (a public view, parts hidden) ranks the key; a hidden total ranks as its parts.
  for (const d of rows) if (d.total != null) sum.set(d.key, d.total);
  const keys = order ? order.filter((k) => sum.has(k)) : [...sum.keys()].sort((a, b) => sum.get(b)! - sum.get(a)!);
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
  const sum = totals(
    rows,
    (d) => d.key,
    (d) => d.headcount,
  );
  const marginLeft = labelMargin(
    order.map((k) => names.get(k) ?? k),
    ctx.width,
  );
  // In a public view, what hidden parts add up to (the given total less the parts shown) is drawn grey, so
  // each bar is as long as its total; it tells no more than the total does.
  const hiddenLabel = ctx.t('chart.hiddenParts', { n: ctx.n(null as unknown as number) });
  const hidden = order.flatMap((key) => {
    const given = rows.find((d) => d.key === key && d.total !== undefined)?.total;
    if (given == null || !rows.some((d) => d.key === key && d.headcount === null)) return [];
    return [{ key, name: names.get(key) ?? key, from: sum.get(key) ?? 0, to: given }];
  });
  const [, max] = domainOf([...sum.values(), ...hidden.map((d) => d.to)], ctx.fixed);
  const label = (k: string) => truncate(names.get(k) ?? k, marginLeft - 12);
  const colorDomain = [...DIRECTIONS.map((d) => ctx.t(`direction.${d}`)), ...(hidden.length ? [hiddenLabel] : [])];
  return {
    width: ctx.width,
    height: Math.max(110, order.length * 26 + 56),
    marginLeft,
    marginRight: 44,
    marginTop: 46,
    style: { fontSize: '12px' },
    x: { label: ctx.t('unit.trips'), grid: true, axis: 'top', domain: [0, max], tickFormat: (v: number) => ctx.n(v) },
    y: { label: null, domain: order, tickFormat: label },
    color: {
      domain: colorDomain,
      range: [...DIRECTIONS.map((d) => DIRECTION_COLORS[d]), HIDDEN_COLOR],
      legend: true,
    },
    marks: [
      Plot.barX(rows, {
        y: 'key',
        x: 'headcount',
        fill: (d: SplitRow) => ctx.t(`direction.${d.direction}`),
        fillOpacity: (d: SplitRow) => emphasis(ctx, d.key),
        order: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
        channels: { name: { value: 'name', label: options.column } },
        tip: { format: { name: true, y: false, x: (v: number) => ctx.n(v), fill: true } },
      }),
      Plot.barX(hidden, { y: 'key', x1: 'from', x2: 'to', fill: () => hiddenLabel }),
      Plot.text([...sum], {
        y: ([k]: [string, number]) => k,
        x: ([k, v]: [string, number]) => hidden.find((d) => d.key === k)?.to ?? v,
        text: ([k, v]: [string, number]) => {
          const given = rows.find((d) => d.key === k && d.total !== undefined);
          return (ctx.n as (v: number | null) => string)(given ? (given.total ?? null) : v);
        },
        dx: 4,
        textAnchor: 'start',
        fontSize: 11,
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
  // In a public view a hidden part is null (it reads "<5") and the key's total is given.
  const part = (k: string, dir: Direction): number | null => {
    const found = rows.filter((d) => d.key === k && d.direction === dir);
    return found.some((d) => d.headcount === null) ? null : found.reduce((s, d) => s + d.headcount, 0);
  };
  const total = (k: string): number | null => {
    const given = rows.find((d) => d.key === k && d.total !== undefined);
    return given ? (given.total ?? null) : (part(k, 'outbound') ?? 0) + (part(k, 'inbound') ?? 0);
  };
  const n = ctx.n as (v: number | null) => string;
  return {
    columns: [
      { label: options.column },
      { label: ctx.t('col.outbound'), numeric: true },
      { label: ctx.t('col.inbound'), numeric: true },
      { label: ctx.t('col.total'), numeric: true },
    ],
    rows: order.map((k) => {
      const name = names.get(k) ?? k;
      const cells = [name, n(part(k, 'outbound')), n(part(k, 'inbound')), n(total(k))];
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
