import type * as Plot from '@observablehq/plot';
import type { Breakdown, BreakdownRow } from '../data/queries/breakdown';
import { departmentName } from '../reference/departments';
import { enumLabel } from './common';
import type { ChartContext, FixedScale } from './context';
import { directionBars, directionExtent, directionTable, type SplitRow } from './direction-bars';
import type { TableData } from './table';

/**
 * Person-trips by funding source (经费来源) or by department (院系), split by direction; a click
 * selects the bar's value. Funding codes are translated; a department is named in Chinese, and in
 * English from src/reference/departments.ts (its own name when not listed).
 */
export function breakdownName(by: Breakdown, key: string, ctx: ChartContext): string {
  return by === 'funding' ? enumLabel(ctx, 'funding', key) : departmentName(key, ctx.locale ?? 'zh-CN');
}

const split = (rows: readonly BreakdownRow[], by: Breakdown, ctx: ChartContext): SplitRow[] =>
  rows.map((d) => ({
    key: d.key,
    name: breakdownName(by, d.key, ctx),
    direction: d.direction,
    headcount: d.headcount,
    total: d.total,
  }));

const column = (by: Breakdown, ctx: ChartContext) => ctx.t(by === 'funding' ? 'col.funding' : 'col.department');

export function breakdownBars(rows: readonly BreakdownRow[], by: Breakdown, ctx: ChartContext): Plot.PlotOptions {
  return directionBars(split(rows, by, ctx), ctx, { column: column(by, ctx) });
}

export function breakdownTable(rows: readonly BreakdownRow[], by: Breakdown, ctx: ChartContext): TableData {
  return directionTable(split(rows, by, ctx), ctx, { column: column(by, ctx), selectable: true });
}

export function breakdownExtent(rows: readonly BreakdownRow[], by: Breakdown, ctx: ChartContext): FixedScale {
  return directionExtent(split(rows, by, ctx));
}
