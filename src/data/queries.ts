import type { Direction, RegionType } from './schema';
import type { BuiltQuery } from './sql';

/** The filter bar's state: every query takes it and binds its values. */
export interface Filters {
  yearFrom: number;
  yearTo: number;
  direction: Direction | 'all';
  /** 国外, 港澳台, or 国（境）外 (both). */
  region: RegionType | 'all';
}

function where(filters: Filters): BuiltQuery {
  const parts = ['year BETWEEN ? AND ?'];
  const params: BuiltQuery['params'] = [filters.yearFrom, filters.yearTo];
  if (filters.direction !== 'all') {
    parts.push('direction = ?');
    params.push(filters.direction);
  }
  if (filters.region !== 'all') {
    parts.push('region_type = ?');
    params.push(filters.region);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export interface YearSpan {
  min: number | null;
  max: number | null;
}

export function yearSpanQuery(): BuiltQuery {
  return { sql: 'SELECT min(year)::INTEGER AS min, max(year)::INTEGER AS max FROM facts', params: [] };
}

export interface KpiRow {
  outbound: number;
  inbound: number;
  countries: number;
  partners: number;
}

/** Person-trips out and in, countries and regions, partner institutions. */
export function kpiQuery(filters: Filters): BuiltQuery {
  const w = where(filters);
  return {
    sql: `SELECT
  coalesce(sum(headcount) FILTER (WHERE direction = 'outbound'), 0)::INTEGER AS outbound,
  coalesce(sum(headcount) FILTER (WHERE direction = 'inbound'), 0)::INTEGER AS inbound,
  count(DISTINCT country)::INTEGER AS countries,
  count(DISTINCT partner)::INTEGER AS partners
FROM facts ${w.sql}`,
    params: w.params,
  };
}

/**
 * Agreements in force at some time in the year range: marked active, signed by
 * its end, not expired before its start. The direction filter does not apply.
 */
export function activeAgreementsQuery(filters: Filters): BuiltQuery {
  const params: BuiltQuery['params'] = [filters.yearTo, filters.yearFrom];
  let region = '';
  if (filters.region !== 'all') {
    region = 'AND c.region_type = ?';
    params.push(filters.region);
  }
  return {
    sql: `SELECT count(*)::INTEGER AS agreements
FROM agreements AS a
JOIN partners AS p ON p.id = a.partner
JOIN countries AS c ON c.iso2 = p.country
WHERE coalesce(a.status, 'active') = 'active'
  AND year(a.signed_date) <= ?
  AND (a.end_date IS NULL OR year(a.end_date) >= ?)
  ${region}`,
    params,
  };
}

export interface TrendRow {
  year: number;
  direction: Direction;
  headcount: number;
  provisional: boolean;
}

export function trendByYearQuery(filters: Filters): BuiltQuery {
  const w = where(filters);
  return {
    sql: `SELECT year, direction, sum(headcount)::INTEGER AS headcount,
  bool_or(record_status = 'provisional') AS provisional
FROM facts ${w.sql}
GROUP BY year, direction
ORDER BY year, direction`,
    params: w.params,
  };
}

export interface CountryRow {
  country: string;
  region_type: RegionType;
  direction: Direction;
  headcount: number;
  total: number;
}

/** The top `limit` countries and regions by person-trips, split by direction. */
export function topCountriesQuery(filters: Filters, limit = 15): BuiltQuery {
  const w = where(filters);
  return {
    sql: `WITH by_dir AS (
  SELECT country, region_type, direction, sum(headcount)::INTEGER AS headcount
  FROM facts ${w.sql}
  GROUP BY country, region_type, direction
), ranked AS (
  SELECT country, sum(headcount)::INTEGER AS total
  FROM by_dir GROUP BY country
  ORDER BY total DESC, country
  LIMIT ?
)
SELECT b.country, b.region_type, b.direction, b.headcount, r.total
FROM by_dir AS b JOIN ranked AS r USING (country)
ORDER BY r.total DESC, b.country, b.direction`,
    params: [...w.params, limit],
  };
}
