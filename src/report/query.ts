/**
 * The rows the annual report reads, as bound-parameter queries for the one door to the database
 * (src/data): the records whose stay touches a year, the hand-kept counts of a year, and the years
 * the data reaches. The rules are applied in TypeScript (compute.ts), not here.
 */
import type { BuiltQuery } from '../data/sql';

/** Records whose stay (start to end, or the start day without an end) overlaps the year. */
export function reportRecordsQuery(year: number): BuiltQuery {
  return {
    sql: `SELECT f.record_id, f.direction, f.participant_category, f.activity_type,
        f.headcount::INTEGER AS headcount, coalesce(f.partner, '') AS partner,
        coalesce(p.partner_type, '') AS partner_type, f.country,
        strftime(f.start_date, '%Y-%m-%d') AS start_date, strftime(f.end_date, '%Y-%m-%d') AS end_date,
        coalesce(f.outcomes, '') AS outcomes, f.record_status AS status
      FROM facts AS f LEFT JOIN partners AS p ON p.id = f.partner
      WHERE f.start_date <= ?::DATE AND coalesce(f.end_date, f.start_date) >= ?::DATE
      ORDER BY f.start_date, f.record_id`,
    params: [`${year}-12-31`, `${year}-01-01`],
  };
}

export function handCountsQuery(year: number): BuiltQuery {
  return {
    sql: `SELECT id, year::INTEGER AS year, indicator, value::INTEGER AS value, coalesce(note, '') AS note
      FROM annual_counts WHERE year = ? ORDER BY indicator, id`,
    params: [year],
  };
}

export interface ReportYears {
  min: number | null;
  max: number | null;
  /** The last year a record starts in: the year the view opens on. */
  latest: number | null;
}

/** The first and last year any record's stay or any hand-kept count reaches. */
export function reportYearsQuery(): BuiltQuery {
  return {
    sql: `SELECT min(y)::INTEGER AS min, max(y)::INTEGER AS max,
        (SELECT max(year(start_date)) FROM facts)::INTEGER AS latest FROM (
        SELECT year(start_date) AS y FROM facts
        UNION ALL SELECT year(coalesce(end_date, start_date)) FROM facts
        UNION ALL SELECT year FROM annual_counts)`,
    params: [],
  };
}
