import { whereFacts, type Filters } from '../filters';
import type { Direction } from '../schema';
import { declare, RECORD_COUNT, type BuiltQuery } from '../sql';

export interface DurationRow {
  /** A duration band of `facts`, or 'unknown' when the end date is missing. */
  band: string;
  direction: Direction;
  headcount: number;
  records: number;
}

/** Person-trips and records per duration band and direction. */
export function durationBandsQuery(filters: Filters): BuiltQuery<DurationRow> {
  const w = whereFacts(filters);
  return declare(
    {
    sql: `SELECT coalesce(duration_band, 'unknown') AS band, direction,
  sum(headcount)::INTEGER AS headcount, ${RECORD_COUNT}::INTEGER AS records
FROM facts ${w.sql}
GROUP BY band, direction
ORDER BY band, direction`,
    params: w.params,
    },
    [...w.columns, 'duration_band', 'direction', 'headcount'],
    ['sum(headcount)', 'count(*)'],
  );
}
