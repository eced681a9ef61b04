import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';

export interface EventRow {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  /** The city as recorded (in Chinese, as staff write it). */
  city: string | null;
  /** Its English name where a partner in that city gives one (partners.csv city_zh → city_en). */
  city_en?: string | null;
  country: string | null;
  /** ISO dates; `end` equals `start` for a one-day event or an undated end. */
  start: string;
  end: string;
  role: string | null;
  delegates: number | null;
}

/** EventRow of every event `e` meeting `where` (SQL with bound `?` only), by date: the city's English name from the partners held there. */
export function eventsSql(where: string): string {
  return `SELECT e.id, e.kind, e.name_zh, e.name_en, e.city, c.city_en, e.country,
  strftime(e.start_date, '%Y-%m-%d') AS start, strftime(coalesce(e.end_date, e.start_date), '%Y-%m-%d') AS "end",
  e.role, e.delegates
FROM events AS e
LEFT JOIN (SELECT city_zh, min(city_en) AS city_en FROM partners
    WHERE city_zh IS NOT NULL AND city_en IS NOT NULL GROUP BY city_zh) AS c ON c.city_zh = e.city
WHERE ${where}
ORDER BY e.start_date, e.id`;
}

/**
 * Forums, memberships, awards and hosted visits that start in the year range.
 * Events are the college's, not trips: the other filters do not apply.
 */
export function eventsTimelineQuery(filters: Filters): BuiltQuery<EventRow> {
  return {
    sql: eventsSql('year(e.start_date) BETWEEN ? AND ?'),
    params: [filters.yearFrom, filters.yearTo],
    columns: [],
  };
}
