import type { Filters } from '../data/filters';
import { activeAgreementsQuery, type KpiRow } from '../data/queries';
import type { MessageKey } from '../i18n/messages';

export interface Kpi {
  id: 'outbound' | 'inbound' | 'countries' | 'partners' | 'agreements';
  label: MessageKey;
  value: number | null;
}

/** Rows of a query with the filters they answer (LiveQuery's `rows` and `rowsFor`). */
export interface Answered<R> {
  rows: readonly R[] | null;
  rowsFor: Filters | undefined;
}

/** The tiles and the years their figures are for: each figure is of those years, or null. */
export interface KpiFrame {
  /** The filters the figures answer; null before the first figures arrive. */
  filters: Filters | null;
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

const sameQuery = (a: Filters, b: Filters) =>
  JSON.stringify(activeAgreementsQuery(a)) === JSON.stringify(activeAgreementsQuery(b));

/**
 * One frame of tiles: the figures of the KPI query with the filters they answer, labelled for
 * those filters (not for the filters set now, whose figures may still be on their way). The
 * agreements figure joins only when it answers the same years and scope; until then it is null.
 */
export function kpiFrame(kpis: Answered<KpiRow>, agreements: Answered<{ agreements: number }>): KpiFrame {
  const k = kpis.rows?.[0];
  const filters = k && kpis.rowsFor ? kpis.rowsFor : null;
  const a = agreements.rows?.[0];
  const agreed = filters && a && agreements.rowsFor && sameQuery(filters, agreements.rowsFor) ? a.agreements : null;
  return {
    filters,
    tiles: [
      { id: 'outbound', label: 'kpi.outbound', value: filters ? k!.outbound : null },
      { id: 'inbound', label: 'kpi.inbound', value: filters ? k!.inbound : null },
      { id: 'countries', label: countriesLabel(filters?.region ?? 'all'), value: filters ? k!.countries : null },
      { id: 'partners', label: 'kpi.partners', value: filters ? k!.partners : null },
      { id: 'agreements', label: 'kpi.agreements', value: agreed },
    ],
  };
}
