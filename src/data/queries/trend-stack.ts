import { whereFacts, type Filters } from '../filters';
import { declare, type BuiltQuery } from '../sql';

/** What the trend's bars are split by; each a column of `facts`. */
export const TREND_SPLITS = ['direction', 'activity_type', 'participant_category'] as const;
export type TrendSplit = (typeof TREND_SPLITS)[number];

export interface TrendStackRow {
  year: number;
  /** The value of the split column: a direction, an activity type or a category. */
  key: string;
  headcount: number;
  provisional: boolean;
}

/**
 * Person-trips per year and per value of `split`. The trend shows every year
 * the data covers: the caller passes the full span, and the chart highlights
 * the selected years.
 */
export function trendStackQuery(filters: Filters, split: TrendSplit): BuiltQuery<TrendStackRow> {
  if (!TREND_SPLITS.includes(split)) throw new Error(`invalid trend split: ${String(split)}`);
  const w = whereFacts(filters);
  return declare(
    {
    sql: `SELECT year, ${split} AS key, sum(headcount)::INTEGER AS headcount,
  bool_or(record_status = 'provisional') AS provisional
FROM facts ${w.sql}
GROUP BY year, key
ORDER BY year, key`,
    params: w.params,
    },
    [...w.columns, 'year', split, 'headcount', 'record_status'],
    ['sum(headcount)'],
  );
}
