import type { PlotOptions } from '@observablehq/plot';
import type { ChartContext } from '../charts/context';
import { topCountries } from '../charts/top-countries';
import { trendByYear } from '../charts/trend-by-year';
import type { Row } from '../data/engine';
import type { Filters } from '../data/filters';
import { topCountriesQuery, trendByYearQuery, type CountryRow, type TrendRow } from '../data/queries';
import type { BuiltQuery } from '../data/sql';
import type { MessageKey } from '../i18n/messages';
import type { ProtectSpec } from '../disclosure/protect';

/** A chart the embed page can draw: the app's query and the app's spec. */
export interface EmbeddableChart {
  id: string;
  title: MessageKey;
  query(filters: Filters): BuiltQuery;
  spec(rows: Row[], ctx: ChartContext): PlotOptions;
  /** How its counts are protected in public views (see src/disclosure/protect.ts). */
  protect: ProtectSpec<Row>;
}

export const EMBEDDABLE: readonly EmbeddableChart[] = [
  {
    id: 'trend',
    title: 'chart.trend.title',
    query: trendByYearQuery,
    spec: (rows, ctx) => trendByYear(rows as unknown as TrendRow[], ctx),
    protect: { value: 'headcount' },
  },
  {
    id: 'countries',
    title: 'chart.countries.title',
    query: (filters) => topCountriesQuery(filters),
    spec: (rows, ctx) => topCountries(rows as unknown as CountryRow[], ctx),
    // Each bar shows its total beside the outbound and inbound parts.
    protect: { value: 'headcount', group: (row) => String(row.country), total: 'total' },
  },
];

export function embeddable(id: string | null): EmbeddableChart | undefined {
  return EMBEDDABLE.find((chart) => chart.id === id);
}
