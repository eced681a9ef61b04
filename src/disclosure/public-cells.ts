/**
 * The published cells: the one place counts are rounded (docs/disclosure.md). The exchanges are
 * grouped by every attribute a public view can split or filter by — year, direction, country (and
 * with it scope, continent and country group), partner (and with it the map's place), program,
 * category, activity, duration band, funding and department — and each such base cell's person-trips are rounded once
 * by `publish`; a cell rounded to 0 is left out. Every public figure is then the app's own query
 * run over these cells instead of the records, so it is a sum of rounded base cells: parts add up
 * to their totals, a range of years to its years, and no two public views can be set against each
 * other to narrow a base cell below the rounding's own interval (0–2, or 5 ± 2 …).
 */
import type { BuiltQuery } from '../data/sql';
import { ROUNDING_BASE } from '../config/disclosure';
import { FILTER_DEFS } from '../domain/filters';

/**
 * The columns of `facts` a public view reads, each a base cell's attribute (record_status aside):
 * those the charts split by, and the column of every filter (src/domain/filters.ts), so that a
 * public view filtered by any of them is still a sum of whole base cells.
 */
const CELL_COLUMNS = [
  ...new Set([
    'year',
    'direction',
    'country',
    'region_type',
    'continent',
    'partner',
    'program',
    'participant_category',
    'activity_type',
    'duration_band',
    ...Object.values(FILTER_DEFS).map((d) => d.column),
  ]),
];

/** The base cells as a table shaped like `facts`: a cell is provisional when any of its records is. */
export function publicCellsSql(base = ROUNDING_BASE): string {
  if (!Number.isInteger(base) || base < 1) throw new Error(`invalid rounding base: ${String(base)}`);
  const sum = 'sum(headcount)';
  // publish() in SQL: x <= 2 → 0, else base × round(x / base) (no ties: x / 5 never ends in .5).
  const rounded =
    base === 1
      ? sum
      : `CASE WHEN ${sum} <= ${Math.floor(base / 2)} THEN 0 ELSE ${base} * round(${sum} / ${base}.0) END`;
  return `SELECT * FROM (
  SELECT ${CELL_COLUMNS.join(', ')},
    CASE WHEN bool_or(record_status = 'provisional') THEN 'provisional' ELSE 'final' END AS record_status,
    (${rounded})::INTEGER AS headcount
  FROM facts GROUP BY ALL
) WHERE headcount > 0`;
}

/** A chart's query over the published cells instead of the records: its public figures. */
export function publicQueryOf<Row>(query: BuiltQuery<Row>, base = ROUNDING_BASE): BuiltQuery<Row> {
  const cells = publicCellsSql(base);
  // Its declaration stays: the same columns and measures, read from the cells (src/data/cube.ts).
  return { ...query, sql: query.sql.replace(/\bFROM facts\b/g, `FROM (${cells}) AS facts`), facts: cells };
}
