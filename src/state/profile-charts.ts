import type { ChartDef } from '../charts/registry';
import { TOP_RANKED } from '../charts/registry';
import { agreementsTable, agreementsTimeline } from '../charts/agreements-timeline';
import { eventsExtent, eventsTable, eventsTimeline } from '../charts/events-timeline';
import { ranked, rankedTable } from '../charts/ranked';
import { trendByYear, trendTable } from '../charts/trend-by-year';
import { publicEvents } from '../disclosure/public-view';
import type { Filters } from '../data/filters';
import {
  agreementsTimelineQuery,
  partnersRankedQuery,
  programsRankedQuery,
  trendByYearQuery,
  type AgreementSpanRow,
  type EventRow,
  type RankedRow,
  type TrendRow,
} from '../data/queries';
import { profileEventsQuery } from '../data/queries/profile';
import type { ProfileView } from './url-state';

/** Every agreement the subject ever had: the profile is its whole history, not the years filtered. */
const ALL_YEARS = { yearFrom: 1, yearTo: 9999 };

/** The subject's filters: the data's whole span, and only the subject selected. */
export function profileFilters(base: Filters, kind: ProfileView, id: string): Filters {
  return { ...base, [kind]: id };
}

const define = <R>(def: ChartDef<R>): ChartDef<R> => def;

/**
 * A profile's cards, drawn by the dashboard's chart panel (so each has its table and its
 * exports, public by default). Nothing here selects: a click on a bar changes no filter.
 */
export function profileCharts(kind: ProfileView, id: string): readonly ChartDef<unknown>[] {
  const agreements = define<AgreementSpanRow>({
    id: 'agreements',
    title: 'profile.agreements.title',
    wide: true,
    query: (f) => agreementsTimelineQuery({ ...f, ...ALL_YEARS }),
    spec: agreementsTimeline,
    table: agreementsTable,
    profile: kind === 'country' ? 'partner' : undefined,
  });
  const flows = define<TrendRow>({
    id: 'trend',
    title: 'profile.flows.title',
    wide: true,
    query: trendByYearQuery,
    spec: trendByYear,
    table: trendTable,
  });
  const programs = define<RankedRow>({
    id: 'programs',
    title: 'profile.programs.title',
    query: (f) => programsRankedQuery(f, TOP_RANKED),
    spec: (rows, ctx) => ranked(rows, 'program', ctx),
    table: (rows, ctx) => rankedTable(rows, 'program', ctx),
  });
  const partners = define<RankedRow>({
    id: 'partners',
    title: 'profile.partners.title',
    query: (f) => partnersRankedQuery(f, TOP_RANKED),
    spec: (rows, ctx) => ranked(rows, 'partner', ctx),
    table: (rows, ctx) => rankedTable(rows, 'partner', ctx),
    profile: 'partner',
  });
  const events = define<EventRow>({
    id: 'events',
    title: 'profile.events.title',
    wide: true,
    query: () => profileEventsQuery(kind, id),
    spec: eventsTimeline,
    publicRows: publicEvents,
    table: eventsTable,
    extent: (rows) => eventsExtent(rows),
  });
  const all =
    kind === 'partner' ? [agreements, flows, programs, events] : [flows, agreements, partners, programs, events];
  return all as readonly ChartDef<unknown>[];
}
