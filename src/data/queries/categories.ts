import { whereFacts, type Filters } from '../filters';
import type { Direction } from '../schema';
import { declare, type BuiltQuery } from '../sql';

export interface CategoryRow {
  category: string;
  direction: Direction;
  headcount: number;
}

/** Person-trips per participant category and direction; the category selection is left out. */
export function categoriesQuery(filters: Filters): BuiltQuery<CategoryRow> {
  const w = whereFacts(filters, 'category');
  return declare(
    {
    sql: `SELECT participant_category AS category, direction, sum(headcount)::INTEGER AS headcount
FROM facts ${w.sql}
GROUP BY category, direction
ORDER BY category, direction`,
    params: w.params,
    },
    [...w.columns, 'participant_category', 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}
