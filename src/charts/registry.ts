import type { PlotOptions } from '@observablehq/plot';
import type { Filters, SelectionKey } from '../data/filters';
import {
  agreementsTimelineQuery,
  categoriesQuery,
  continentsQuery,
  durationBandsQuery,
  eventsTimelineQuery,
  groupsQuery,
  netFlowQuery,
  partnersRankedQuery,
  programsRankedQuery,
  topCountriesQuery,
  type AgreementSpanRow,
  type CategoryRow,
  type CountryRow,
  type DurationRow,
  type EventRow,
  type NetFlowRow,
  type RankedRow,
  type RollupRow,
} from '../data/queries';
import type { BuiltQuery } from '../data/sql';
import type { MessageKey } from '../i18n/messages';
import { publicEvents, publicNetFlow, publicSplit } from '../disclosure/public-view';
import { DIRECTIONS } from '../data/schema';
import { agreementsExtent, agreementsTable, agreementsTimeline } from './agreements-timeline';
import { enumBars, enumExtent, enumKey, enumTable, type EnumChart, type EnumRow } from './categories';
import type { ChartContext, FixedScale } from './context';
import { eventsExtent, eventsTable, eventsTimeline } from './events-timeline';
import { netFlow, netFlowExtent, netFlowTable } from './net-flow';
import { ranked, rankedExtent, rankedTable } from './ranked';
import type { TableData } from './table';
import { topCountries, topCountriesExtent, topCountriesTable } from './top-countries';

/** Everything a chart card needs: its query, spec, table, playback extent and what its clicks select. */
export interface ChartDef<R> {
  id: string;
  title: MessageKey;
  note?: MessageKey;
  /** Spans the whole row of the grid. */
  wide?: boolean;
  /** Draws the years selected (a time axis): redrawn when they change, not only when its rows do. */
  years?: boolean;
  query(filters: Filters): BuiltQuery;
  spec(rows: readonly R[], ctx: ChartContext): PlotOptions;
  table(rows: readonly R[], ctx: ChartContext): TableData;
  /** The scales one playback frame needs; merged over every frame, they stay fixed while playing. */
  extent?(rows: readonly R[], ctx: ChartContext): FixedScale;
  /**
   * The selection a click on a bar toggles, and how to read its value off the
   * datum Plot hands back (the spec's own mark datum, not always a row).
   */
  select?: { key: SelectionKey; pick(datum: unknown): string | null };
  /**
   * The rows as a public view (export, embed, slide) shows them: every count
   * rounded (src/disclosure/public-view.ts, `base` 5), ranks from the rounded
   * values. Absent when the chart draws no counts of people.
   */
  publicRows?(rows: readonly R[], base: number): readonly R[];
  /**
   * The query a public view's rows come from, when it differs from `query`: a
   * top-N chart's every row, so that the top N are chosen by their published
   * totals, not by the true ones.
   */
  publicQuery?(filters: Filters): BuiltQuery;
}

/** How many bars the ranked charts show. */
export const TOP_COUNTRIES = 15;
export const TOP_RANKED = 12;
/** No limit: every row, for a public view to rank by published values. */
const EVERY_ROW = 1_000_000;

/** Rows split by direction into bars by `group`: each bar gets both directions, ranked and cut when asked. */
const splitByDirection =
  <R extends { direction: string; headcount: number }>(group: (d: R) => string, rank?: { limit?: number }) =>
  (rows: readonly R[], base: number): R[] =>
    publicSplit(rows, { group, part: 'direction', parts: DIRECTIONS, ...(rank ? { rank: true, ...rank } : {}) }, base);

const define = <R>(def: ChartDef<R>): ChartDef<R> => def;

/** Reads a string field off a mark's datum, or off the row it wraps (`d`); null when absent. */
function field(name: string): (datum: unknown) => string | null {
  return (datum) => {
    if (typeof datum !== 'object' || datum === null) return null;
    const record = datum as Record<string, unknown>;
    const value = name in record ? record[name] : (record.d as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : null;
  };
}

/** A bar chart of one enum (categories, duration bands, continents, groups): the same spec, table and extent. */
function enumChart<R extends EnumRow>(
  id: EnumChart,
  query: (filters: Filters) => BuiltQuery,
  extra: Pick<ChartDef<R>, 'note' | 'select'>,
): ChartDef<R> {
  return define<R>({
    id,
    title: `chart.${id}.title`,
    query,
    spec: (rows, ctx) => enumBars(rows, id, ctx),
    // Categories rank by person-trips; bands, continents and groups keep their order.
    publicRows: splitByDirection<R>(enumKey, id === 'categories' ? {} : undefined),
    table: (rows, ctx) => enumTable(rows, id, ctx),
    extent: (rows, ctx) => enumExtent(rows, id, ctx),
    ...extra,
  });
}

/** A chart that sets a selection shows the alternatives: its own selection is left out of its query. */
export const CHARTS: readonly ChartDef<unknown>[] = [
  define<CountryRow>({
    id: 'countries',
    title: 'chart.countries.title',
    query: (f) => topCountriesQuery({ ...f, country: null }, TOP_COUNTRIES),
    publicQuery: (f) => topCountriesQuery({ ...f, country: null }, EVERY_ROW),
    spec: topCountries,
    publicRows: splitByDirection((d) => d.country, { limit: TOP_COUNTRIES }),
    table: topCountriesTable,
    extent: topCountriesExtent,
    select: { key: 'country', pick: field('key') },
  }),
  define<NetFlowRow>({
    id: 'netflow',
    title: 'chart.netflow.title',
    note: 'chart.netflow.note',
    query: netFlowQuery,
    spec: netFlow,
    publicRows: publicNetFlow,
    table: netFlowTable,
    extent: netFlowExtent,
    select: { key: 'country', pick: field('country') },
  }),
  define<RankedRow>({
    id: 'programs',
    title: 'chart.programs.title',
    query: (f) => programsRankedQuery(f, TOP_RANKED),
    publicQuery: (f) => programsRankedQuery(f, EVERY_ROW),
    spec: (rows, ctx) => ranked(rows, 'program', ctx),
    publicRows: splitByDirection((d) => d.id, { limit: TOP_RANKED }),
    table: (rows, ctx) => rankedTable(rows, 'program', ctx),
    extent: rankedExtent,
    select: { key: 'program', pick: field('key') },
  }),
  define<RankedRow>({
    id: 'partners',
    title: 'chart.partners.title',
    query: (f) => partnersRankedQuery(f, TOP_RANKED),
    publicQuery: (f) => partnersRankedQuery(f, EVERY_ROW),
    spec: (rows, ctx) => ranked(rows, 'partner', ctx),
    publicRows: splitByDirection((d) => d.id, { limit: TOP_RANKED }),
    table: (rows, ctx) => rankedTable(rows, 'partner', ctx),
    extent: rankedExtent,
    select: { key: 'partner', pick: field('key') },
  }),
  enumChart<CategoryRow>('categories', categoriesQuery, { select: { key: 'category', pick: field('key') } }),
  enumChart<DurationRow>('duration', durationBandsQuery, { note: 'chart.duration.note' }),
  enumChart<RollupRow>('continents', continentsQuery, { note: 'chart.continents.note' }),
  enumChart<RollupRow>('groups', groupsQuery, { note: 'chart.groups.note' }),
  define<AgreementSpanRow>({
    id: 'agreements',
    title: 'chart.agreements.title',
    note: 'chart.agreements.note',
    wide: true,
    years: true,
    query: (f) => agreementsTimelineQuery({ ...f, partner: null }),
    spec: agreementsTimeline,
    table: agreementsTable,
    extent: agreementsExtent,
    select: { key: 'partner', pick: field('partner') },
  }),
  define<EventRow>({
    id: 'events',
    title: 'chart.events.title',
    note: 'chart.events.note',
    wide: true,
    years: true,
    query: eventsTimelineQuery,
    spec: eventsTimeline,
    // Events are the college's; their delegates are people, rounded like every count.
    publicRows: publicEvents,
    table: eventsTable,
    extent: (rows) => eventsExtent(rows),
  }),
];
