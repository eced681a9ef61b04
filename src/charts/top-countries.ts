import type * as Plot from '@observablehq/plot';
import type { CountryRow } from '../data/queries';
import type { ChartContext, FixedScale } from './context';
import { directionBars, directionExtent, directionTable, type SplitRow } from './direction-bars';
import type { TableData } from './table';

const split = (rows: readonly CountryRow[], ctx: ChartContext): SplitRow[] =>
  rows.map((d) => ({
    key: d.country,
    name: ctx.country(d.country),
    direction: d.direction,
    headcount: d.headcount,
    total: d.total,
  }));

/** Countries and regions ranked by person-trips, each bar split into outbound and inbound. */
export function topCountries(rows: readonly CountryRow[], ctx: ChartContext): Plot.PlotOptions {
  return directionBars(split(rows, ctx), ctx, { column: ctx.t('col.country') });
}

export function topCountriesTable(rows: readonly CountryRow[], ctx: ChartContext): TableData {
  return directionTable(split(rows, ctx), ctx, { column: ctx.t('col.country'), selectable: true });
}

export function topCountriesExtent(rows: readonly CountryRow[], ctx: ChartContext): FixedScale {
  return directionExtent(split(rows, ctx));
}
