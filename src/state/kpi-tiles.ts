import type { Filters } from '../data/filters';
import { activeAgreementsQuery, kpiQuery, type KpiRow } from '../data/queries';
import type { MessageKey } from '../i18n/messages';
import { previousFilters, type KpiChange } from './kpi-change';

export interface Kpi {
  id: 'outbound' | 'inbound' | 'countries' | 'partners' | 'agreements';
  label: MessageKey;
  value: number | null;
  /** Against the previous period of equal length; absent when not asked for. */
  change?: KpiChange;
}

/** Rows of a query with the filters they answer (LiveQuery's `rows` and `rowsFor`). */
export interface Answered<R> {
  rows: readonly R[] | null;
  rowsFor: Filters | undefined;
}

/** The previous period's answers, and the first year of the data (which it must not reach before). */
export interface PreviousAnswers {
  firstYear: number;
  kpis: Answered<KpiRow>;
  agreements: Answered<{ agreements: number }>;
}

/** The tiles of the filters set now: each figure is theirs, or null while it is on its way. */
export interface KpiFrame {
  filters: Filters;
  tiles: Kpi[];
}

/**
 * What the third tile counts, by the scope it counts in: Hong Kong, Macao and Taiwan are regions
 * of China (地区 / regions), a foreign-only count holds countries alone (国家 / countries), and a
 * count that may hold both says both (国家和地区; DESIGN.md, "Naming and maps").
 */
export function countriesLabel(region: Filters['region']): MessageKey {
  return region === 'hk_macao_tw' ? 'kpi.regions' : region === 'foreign' ? 'kpi.countriesOnly' : 'kpi.countries';
}

const same = (query: (f: Filters) => unknown, a: Filters | undefined, b: Filters) =>
  a !== undefined && JSON.stringify(query(a)) === JSON.stringify(query(b));

/**
 * The tiles for the filters set now. A figure shows only when it answers them (the query it
 * came from is the query of these filters): while a new one is on its way the tile shows none,
 * never the figure of other years under these years' label (year playback, a click on a year).
 */
export function kpiFrame(
  filters: Filters,
  kpis: Answered<KpiRow>,
  agreements: Answered<{ agreements: number }>,
  previous?: PreviousAnswers,
): KpiFrame {
  const k = same(kpiQuery, kpis.rowsFor, filters) ? kpis.rows?.[0] : undefined;
  const a = same(activeAgreementsQuery, agreements.rowsFor, filters) ? agreements.rows?.[0] : undefined;
  const tiles: Kpi[] = [
    { id: 'outbound', label: 'kpi.outbound', value: k?.outbound ?? null },
    { id: 'inbound', label: 'kpi.inbound', value: k?.inbound ?? null },
    { id: 'countries', label: countriesLabel(filters.region), value: k?.countries ?? null },
    { id: 'partners', label: 'kpi.partners', value: k?.partners ?? null },
    { id: 'agreements', label: 'kpi.agreements', value: a?.agreements ?? null },
  ];
  if (!previous) return { filters, tiles };
  const before = previousFilters(filters, previous.firstYear);
  if (!before) return { filters, tiles: tiles.map((t) => ({ ...t, change: { kind: 'none' } })) };
  // As for the figures: an earlier figure shows only when it answers the period before these filters.
  const pk = same(kpiQuery, previous.kpis.rowsFor, before) ? previous.kpis.rows?.[0] : undefined;
  const pa = same(activeAgreementsQuery, previous.agreements.rowsFor, before)
    ? previous.agreements.rows?.[0]
    : undefined;
  const earlier: Record<Kpi['id'], number | null> = {
    outbound: pk?.outbound ?? null,
    inbound: pk?.inbound ?? null,
    countries: pk?.countries ?? null,
    partners: pk?.partners ?? null,
    agreements: pa?.agreements ?? null,
  };
  const period = { yearFrom: before.yearFrom, yearTo: before.yearTo };
  return {
    filters,
    tiles: tiles.map((t) => ({ ...t, change: { kind: 'compared', period, previous: earlier[t.id] } })),
  };
}
