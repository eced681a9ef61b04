import type { Direction, RegionType } from '../schema';
import { whereFacts, type Filters } from '../filters';
import { declare, type BuiltQuery } from '../sql';

export interface CountryRow {
  country: string;
  region_type: RegionType;
  direction: Direction;
  headcount: number;
  total: number;
}

/** The top `limit` countries and regions by person-trips, split by direction. */
export function topCountriesQuery(filters: Filters, limit = 15): BuiltQuery<CountryRow> {
  const w = whereFacts(filters);
  return declare(
    {
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
    },
    [...w.columns, 'country', 'region_type', 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}
