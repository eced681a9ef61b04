import { selectionDef } from '../../domain/filters';
import { whereFacts, type Filters } from '../filters';
import type { Direction } from '../schema';
import { declare, type BuiltQuery } from '../sql';

/** One bar segment of a breakdown: a funding source or department in one direction. */
export interface BreakdownRow {
  /** The funding code or the department's name, as the records hold it. */
  key: string;
  direction: Direction;
  headcount: number;
  /** The key's person-trips in both directions. */
  total: number;
}

/** The selections shown as a breakdown chart, each by its filter's column (src/domain/filters.ts). */
export type Breakdown = 'funding' | 'department';

/**
 * Person-trips by funding source or department, split by direction, the largest first (at most
 * `limit`); records that do not say are left out. The chart's own selection is left out of its
 * filters, so the alternatives stay visible.
 */
export function breakdownQuery(filters: Filters, by: Breakdown, limit: number): BuiltQuery<BreakdownRow> {
  const column = selectionDef(by).column;
  const w = whereFacts(filters, by);
  return declare(
    {
      sql: `WITH by_dir AS (
  SELECT ${column} AS key, direction, sum(headcount)::INTEGER AS headcount
  FROM facts ${w.sql} AND ${column} IS NOT NULL AND ${column} <> ''
  GROUP BY key, direction
), ranked AS (
  SELECT key, sum(headcount)::INTEGER AS total FROM by_dir GROUP BY key
  ORDER BY total DESC, key LIMIT ?
)
SELECT b.key, b.direction, b.headcount, r.total
FROM by_dir AS b JOIN ranked AS r USING (key)
ORDER BY r.total DESC, b.key, b.direction`,
      params: [...w.params, limit],
    },
    [...w.columns, column, 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}

export const fundingQuery = (filters: Filters, limit = 12): BuiltQuery<BreakdownRow> =>
  breakdownQuery(filters, 'funding', limit);
export const departmentQuery = (filters: Filters, limit = 12): BuiltQuery<BreakdownRow> =>
  breakdownQuery(filters, 'department', limit);
