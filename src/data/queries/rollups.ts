import { whereFacts, type Filters } from '../filters';
import type { Direction } from '../schema';
import { declare, type BuiltQuery } from '../sql';
import { COUNTRY_GROUP_MEMBERS } from './names';

export interface RollupRow {
  /** A continent, or a group of countries (asean, ceec). */
  key: string;
  direction: Direction;
  headcount: number;
  countries: number;
}

/** Person-trips per continent (Taiwan, Hong Kong and Macao count in Asia) and direction. */
export function continentsQuery(filters: Filters): BuiltQuery<RollupRow> {
  const w = whereFacts(filters);
  return declare(
    {
    sql: `SELECT continent AS key, direction, sum(headcount)::INTEGER AS headcount,
  count(DISTINCT country)::INTEGER AS countries
FROM facts ${w.sql}
GROUP BY key, direction
ORDER BY key, direction`,
    params: w.params,
    },
    [...w.columns, 'continent', 'direction', 'headcount', 'country'],
    ['sum(headcount)'],
  );
}

/** The country groups the dashboard rolls up, as tagged in the countries reference. */
export const COUNTRY_GROUPS = ['asean', 'ceec'] as const;

/** Person-trips with the members of each group (ASEAN, China–CEEC) and direction. */
export function groupsQuery(filters: Filters): BuiltQuery<RollupRow> {
  const w = whereFacts(filters);
  const groups = COUNTRY_GROUPS.map(() => '?').join(', ');
  return declare(
    {
    sql: `SELECT g.key, f.direction, sum(f.headcount)::INTEGER AS headcount,
  count(DISTINCT f.country)::INTEGER AS countries
FROM (SELECT country, direction, headcount FROM facts ${w.sql}) AS f
JOIN ${COUNTRY_GROUP_MEMBERS} AS g ON g.iso2 = f.country AND g.key IN (${groups})
GROUP BY g.key, f.direction
ORDER BY g.key, f.direction`,
    params: [...w.params, ...COUNTRY_GROUPS],
    },
    [...w.columns, 'country', 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}
