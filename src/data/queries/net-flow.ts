import { whereFacts, type Filters } from '../filters';
import type { RegionType } from '../schema';
import { declare, type BuiltQuery } from '../sql';

export interface NetFlowRow {
  country: string;
  region_type: RegionType;
  inbound: number;
  outbound: number;
  /** inbound − outbound */
  net: number;
}

/**
 * Per country and region: person-trips in, out, and the net flow. A net flow
 * needs both directions, so the direction filter does not apply; the country
 * selection is left out so the other countries stay visible.
 */
export function netFlowQuery(filters: Filters): BuiltQuery<NetFlowRow> {
  const w = whereFacts({ ...filters, direction: 'all' }, 'country');
  return declare(
    {
    sql: `SELECT country, any_value(region_type) AS region_type,
  coalesce(sum(headcount) FILTER (WHERE direction = 'inbound'), 0)::INTEGER AS inbound,
  coalesce(sum(headcount) FILTER (WHERE direction = 'outbound'), 0)::INTEGER AS outbound,
  (inbound - outbound)::INTEGER AS net
FROM facts ${w.sql}
GROUP BY country
ORDER BY net DESC, country`,
    params: w.params,
    },
    [...w.columns, 'country', 'region_type', 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}
