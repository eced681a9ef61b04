import type { PlotOptions } from '@observablehq/plot';
import type { Filters, SelectionKey } from '../data/filters';
import {
  agreementsTimelineQuery,
  departmentQuery,
  fundingQuery,
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
  type BreakdownRow,
  type CategoryRow,
  type CountryRow,
  type DurationRow,
  type EventRow,
  type NetFlowRow,
  type RankedRow,
  type RollupRow,
} from '../data/queries';
import type { BuiltQuery } from '../data/sql';
import type { ProfileKind } from '../data/queries/profile';
import type { MessageKey } from '../i18n/messages';
import { publicEvents, publishedFields } from '../disclosure/public-view';
import { agreementsExtent, agreementsTable, agreementsTimeline } from './agreements-timeline';
import { breakdownBars, breakdownExtent, breakdownTable } from './breakdown';
import { enumBars, enumExtent, enumTable, type EnumChart, type EnumRow } from './categories';
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
   * A public view's rows (export, embed, slide), from the chart's query run over the published
   * cells (src/disclosure/public-cells.ts): what else a public view needs done to them (fields
   * that count records left out, delegates rounded). Absent when there is nothing to do.
   */
  publicRows?(rows: readonly R[], base: number): readonly R[];
  /** Whose profile a table row's value opens (its select value: a partner id, a country code). */
  profile?: ProfileKind;
}

/** How many bars the ranked charts show. */
export const TOP_COUNTRIES = 15;
export const TOP_RANKED = 12;

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
    // Duration bands count records, continents and groups countries: not published.
    publicRows: (rows) => publishedFields(rows),
    table: (rows, ctx) => enumTable(rows, id, ctx),
    extent: (rows, ctx) => enumExtent(rows, id, ctx),
    ...extra,
  });
}

/**
 * Person-trips by funding source or by department: bars split by direction, a click selects the
 * bar's value. Their rows are sums of person-trips, so a public view is the same query over the
 * published cells (funding and department are base-cell attributes, src/disclosure/public-cells.ts).
 */
function breakdownChart(id: 'funding' | 'department', query: (filters: Filters) => BuiltQuery): ChartDef<BreakdownRow> {
  return define<BreakdownRow>({
    id,
    title: `chart.${id}.title`,
    note: `chart.${id}.note`,
    query: (f) => query(f),
    spec: (rows, ctx) => breakdownBars(rows, id, ctx),
    table: (rows, ctx) => breakdownTable(rows, id, ctx),
    extent: (rows, ctx) => breakdownExtent(rows, id, ctx),
    select: { key: id, pick: field('key') },
  });
}

/** A chart that sets a selection shows the alternatives: its own selection is left out of its query. */
export const CHARTS: readonly ChartDef<unknown>[] = [
  define<CountryRow>({
    id: 'countries',
    title: 'chart.countries.title',
    query: (f) => topCountriesQuery({ ...f, country: null }, TOP_COUNTRIES),
    spec: topCountries,
    table: topCountriesTable,
    extent: topCountriesExtent,
    select: { key: 'country', pick: field('key') },
    profile: 'country',
  }),
  define<NetFlowRow>({
    id: 'netflow',
    title: 'chart.netflow.title',
    note: 'chart.netflow.note',
    query: netFlowQuery,
    spec: netFlow,
    table: netFlowTable,
    extent: netFlowExtent,
    select: { key: 'country', pick: field('country') },
    profile: 'country',
  }),
  define<RankedRow>({
    id: 'programs',
    title: 'chart.programs.title',
    query: (f) => programsRankedQuery(f, TOP_RANKED),
    spec: (rows, ctx) => ranked(rows, 'program', ctx),
    table: (rows, ctx) => rankedTable(rows, 'program', ctx),
    extent: rankedExtent,
    select: { key: 'program', pick: field('key') },
  }),
  define<RankedRow>({
    id: 'partners',
    title: 'chart.partners.title',
    query: (f) => partnersRankedQuery(f, TOP_RANKED),
    spec: (rows, ctx) => ranked(rows, 'partner', ctx),
    table: (rows, ctx) => rankedTable(rows, 'partner', ctx),
    extent: rankedExtent,
    select: { key: 'partner', pick: field('key') },
    profile: 'partner',
  }),
  enumChart<CategoryRow>('categories', categoriesQuery, { select: { key: 'category', pick: field('key') } }),
  breakdownChart('funding', fundingQuery),
  breakdownChart('department', departmentQuery),
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
    profile: 'partner',
  }),
  define<EventRow>({
    id: 'events',
    title: 'chart.events.title',
    note: 'chart.events.note',
    wide: true,
    years: true,
    query: eventsTimelineQuery,
    spec: eventsTimeline,
    // Events are the college's; their delegates are people, each event's rounded on its own.
    publicRows: publicEvents,
    table: eventsTable,
    extent: (rows) => eventsExtent(rows),
  }),
];
