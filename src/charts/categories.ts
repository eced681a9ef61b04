import type * as Plot from '@observablehq/plot';
import type { CategoryRow, RollupRow, DurationRow } from '../data/queries';
import { DURATION_BANDS } from '../data/schema';
import { COUNTRY_GROUPS } from '../data/queries';
import { enumLabel } from './common';
import type { ChartContext, FixedScale } from './context';
import { directionBars, directionExtent, directionTable, type SplitRow } from './direction-bars';
import type { MessageKey } from '../i18n/messages';
import type { TableData } from './table';

/**
 * The charts whose keys are an enum: participant categories, duration bands,
 * continents and country groups; bars split by direction, keys translated.
 */
export type EnumChart = 'categories' | 'duration' | 'continents' | 'groups';
export type EnumRow = CategoryRow | RollupRow | DurationRow;

const CONTINENTS = ['asia', 'europe', 'north_america', 'oceania', 'south_america', 'africa', 'antarctica'];

const SPECS: Record<EnumChart, { prefix: string; column: MessageKey; order?: readonly string[]; selectable: boolean }> =
  {
    categories: { prefix: 'category', column: 'col.category', selectable: true },
    duration: { prefix: 'band', column: 'col.band', order: [...DURATION_BANDS, 'unknown'], selectable: false },
    continents: { prefix: 'continent', column: 'col.continent', order: CONTINENTS, selectable: false },
    groups: { prefix: 'group', column: 'col.group', order: COUNTRY_GROUPS, selectable: false },
  };

/** The key of an enum row: its category, band, continent or group. */
export const enumKey = (d: EnumRow): string => ('category' in d ? d.category : 'band' in d ? d.band : d.key);

const split = (rows: readonly EnumRow[], chart: EnumChart, ctx: ChartContext): SplitRow[] =>
  rows.map((d) => ({
    key: enumKey(d),
    name: enumLabel(ctx, SPECS[chart].prefix, enumKey(d)),
    direction: d.direction,
    headcount: d.headcount,
    ...('total' in d ? { total: d.total as number } : {}),
  }));

/** Categories rank by person-trips; bands, continents and groups keep their natural order. */
const options = (chart: EnumChart, ctx: ChartContext) => {
  const { column, order } = SPECS[chart];
  return order ? { column: ctx.t(column), order } : { column: ctx.t(column) };
};

export function enumBars(rows: readonly EnumRow[], chart: EnumChart, ctx: ChartContext): Plot.PlotOptions {
  return directionBars(split(rows, chart, ctx), ctx, options(chart, ctx));
}

export function enumTable(rows: readonly EnumRow[], chart: EnumChart, ctx: ChartContext): TableData {
  return directionTable(split(rows, chart, ctx), ctx, { ...options(chart, ctx), selectable: SPECS[chart].selectable });
}

export function enumExtent(rows: readonly EnumRow[], chart: EnumChart, ctx: ChartContext): FixedScale {
  const { max } = directionExtent(split(rows, chart, ctx));
  // Enum keys keep their order; only categories rank, and keep the keys seen while playing.
  return chart === 'categories' ? directionExtent(split(rows, chart, ctx)) : { max };
}
