import type { Direction } from '../schema';
import { whereFacts, type Filters } from '../filters';
import { declare, type BuiltQuery } from '../sql';

export interface TrendRow {
  year: number;
  direction: Direction;
  headcount: number;
  provisional: boolean;
}

export function trendByYearQuery(filters: Filters): BuiltQuery<TrendRow> {
  const w = whereFacts(filters);
  return declare(
    {
    sql: `SELECT year, direction, sum(headcount)::INTEGER AS headcount,
  bool_or(record_status = 'provisional') AS provisional
FROM facts ${w.sql}
GROUP BY year, direction
ORDER BY year, direction`,
    params: w.params,
    },
    [...w.columns, 'year', 'direction', 'headcount', 'record_status'],
    ['sum(headcount)'],
  );
}
