import { whereFacts, type Filters } from '../filters';
import { declare, type BuiltQuery } from '../sql';

export interface KpiRow {
  outbound: number;
  inbound: number;
  countries: number;
  partners: number;
}

/** Person-trips out and in, countries and regions, partner institutions. */
export function kpiQuery(filters: Filters): BuiltQuery<KpiRow> {
  const w = whereFacts(filters);
  return declare(
    {
    sql: `SELECT
  coalesce(sum(headcount) FILTER (WHERE direction = 'outbound'), 0)::INTEGER AS outbound,
  coalesce(sum(headcount) FILTER (WHERE direction = 'inbound'), 0)::INTEGER AS inbound,
  count(DISTINCT country)::INTEGER AS countries,
  count(DISTINCT partner)::INTEGER AS partners
FROM facts ${w.sql}`,
    params: w.params,
    },
    [...w.columns, 'direction', 'headcount', 'country', 'partner'],
    ['sum(headcount)'],
  );
}
