import type { PlotOptions } from '@observablehq/plot';
import type { ChartContext } from '../charts/context';
import { CHARTS } from '../charts/registry';
import { trendByYear } from '../charts/trend-by-year';
import type { Row } from '../data/engine';
import type { Filters } from '../data/filters';
import { trendByYearQuery, type TrendRow } from '../data/queries';
import type { BuiltQuery } from '../data/sql';
import type { MessageKey } from '../i18n/messages';
import { publicQueryOf } from '../disclosure/public-cells';
import { EMBED_MAP } from './map';

/**
 * A chart the embed page and presenter mode can draw, both public: the app's query run over the
 * published cells (src/disclosure/public-cells.ts) and the app's spec.
 */
export interface EmbeddableChart {
  id: string;
  title: MessageKey;
  query(filters: Filters): BuiltQuery;
  spec(rows: Row[], ctx: ChartContext): PlotOptions;
  /** Its public query's rows as the public aggregates file holds them (src/disclosure/public-view.ts). */
  publicRows(rows: Row[], base: number): Row[];
}

/**
 * The trend (outbound beside inbound), then every chart of the dashboard's grid
 * with its own query, spec and rounding: an embed draws what the app draws.
 */
export const EMBEDDABLE: readonly EmbeddableChart[] = [
  {
    id: 'trend',
    title: 'chart.trend.title',
    query: (filters) => publicQueryOf(trendByYearQuery(filters)),
    spec: (rows, ctx) => trendByYear(rows as unknown as TrendRow[], ctx),
    publicRows: (rows) => rows,
  },
  ...CHARTS.map((def): EmbeddableChart => ({
    id: def.id,
    title: def.title,
    query: (filters) => publicQueryOf(def.query(filters)),
    spec: (rows, ctx) => def.spec(rows, ctx),
    // A chart that draws no counts of people (the agreements) has nothing more to do.
    publicRows: (rows, base) => (def.publicRows ? (def.publicRows(rows, base) as Row[]) : rows),
  })),
];

export function embeddable(id: string | null): EmbeddableChart | undefined {
  return EMBEDDABLE.find((chart) => chart.id === id);
}

/** What the embed page can draw, for the Embed dialog and the build's aggregates: the charts, then the map. */
export const EMBED_CHOICES: readonly Pick<EmbeddableChart, 'id' | 'title' | 'query' | 'publicRows'>[] = [
  ...EMBEDDABLE,
  EMBED_MAP,
];
