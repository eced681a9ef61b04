import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';

export interface EventRow {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  city: string | null;
  country: string | null;
  /** ISO dates; `end` equals `start` for a one-day event or an undated end. */
  start: string;
  end: string;
  role: string | null;
  delegates: number | null;
}

/**
 * Forums, memberships, awards and hosted visits that start in the year range.
 * Events are the college's, not trips: the other filters do not apply.
 */
export function eventsTimelineQuery(filters: Filters): BuiltQuery {
  return {
    sql: `SELECT id, kind, name_zh, name_en, city, country,
  strftime(start_date, '%Y-%m-%d') AS start, strftime(coalesce(end_date, start_date), '%Y-%m-%d') AS "end",
  role, delegates
FROM events
WHERE year(start_date) BETWEEN ? AND ?
ORDER BY start_date, id`,
    params: [filters.yearFrom, filters.yearTo],
  };
}
