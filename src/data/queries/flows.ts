import type { Direction, RegionType } from '../schema';
import { whereFacts, type Filters } from '../filters';
import { declare, type BuiltQuery } from '../sql';

/** Person-trips between the college and one place, one way. */
export interface FlowRow {
  country: string;
  region_type: RegionType;
  direction: Direction;
  /** The partner's city when the arc ends there; null when it ends at the country's point. */
  city_zh: string | null;
  city_en: string | null;
  lon: number;
  lat: number;
  headcount: number;
}

/**
 * The flow map's arcs: person-trips by country, direction and place, where a
 * place is the city of a partner that has coordinates in that country, or
 * else the country's own point. The country selection is left out, so the map
 * keeps every country to click and highlights the selected one.
 */
export function flowsQuery(filters: Filters): BuiltQuery<FlowRow> {
  const w = whereFacts(filters, 'country');
  return declare(
    {
    sql: `WITH f AS (
  SELECT country, region_type, direction, partner, headcount
  FROM facts ${w.sql}
), placed AS (
  SELECT f.country, f.region_type, f.direction, f.headcount,
    p.city_zh, p.city_en, p.longitude AS lon, p.latitude AS lat
  FROM f LEFT JOIN partners AS p
    ON p.id = f.partner AND p.country = f.country
    AND p.latitude BETWEEN -90 AND 90 AND p.longitude BETWEEN -180 AND 180
)
SELECT pl.country, pl.region_type, pl.direction,
  CASE WHEN pl.lon IS NULL THEN NULL ELSE pl.city_zh END AS city_zh,
  CASE WHEN pl.lon IS NULL THEN NULL ELSE pl.city_en END AS city_en,
  coalesce(pl.lon, c.lon) AS lon,
  coalesce(pl.lat, c.lat) AS lat,
  sum(pl.headcount)::INTEGER AS headcount
FROM placed AS pl JOIN countries AS c ON c.iso2 = pl.country
GROUP BY ALL
ORDER BY headcount DESC, pl.country, pl.direction, city_en NULLS FIRST, lon, lat`,
    params: w.params,
    },
    [...w.columns, 'country', 'region_type', 'direction', 'partner', 'headcount'],
    ['sum(headcount)'],
  );
}
