import type * as Plot from '@observablehq/plot';
import type { RankedRow } from '../data/queries';
import { localName } from './common';
import type { ChartContext, FixedScale } from './context';
import { directionBars, directionExtent, directionTable, type SplitRow } from './direction-bars';
import type { TableData } from './table';

/** Programs or partner institutions ranked by person-trips, split by direction. */
export type RankedKind = 'program' | 'partner';

const split = (rows: readonly RankedRow[], ctx: ChartContext): SplitRow[] =>
  rows.map((d) => ({
    key: d.id,
    // A partner is named with its country or region: 弘光科技大学（中国台湾）.
    name:
      d.country === null
        ? localName(ctx, d)
        : ctx.locale === 'en'
          ? `${d.name_en} (${ctx.country(d.country)})`
          : `${d.name_zh}（${ctx.country(d.country)}）`,
    direction: d.direction,
    headcount: d.headcount,
    ...('total' in d ? { total: d.total as number } : {}),
  }));

const column = (kind: RankedKind, ctx: ChartContext) => ctx.t(kind === 'program' ? 'col.program' : 'col.partner');

export function ranked(rows: readonly RankedRow[], kind: RankedKind, ctx: ChartContext): Plot.PlotOptions {
  return directionBars(split(rows, ctx), ctx, { column: column(kind, ctx) });
}

export function rankedTable(rows: readonly RankedRow[], kind: RankedKind, ctx: ChartContext): TableData {
  return directionTable(split(rows, ctx), ctx, { column: column(kind, ctx), selectable: true });
}

export function rankedExtent(rows: readonly RankedRow[], ctx: ChartContext): FixedScale {
  return directionExtent(split(rows, ctx));
}
