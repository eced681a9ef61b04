/**
 * A pre-aggregate of `facts` for large data: the person-trips summed per combination of the
 * columns the dashboard filters and groups by (the way Mosaic materialises its indexes), built
 * once after a load or an import. A dashboard query that reads only those columns and sums
 * headcount gives the same rows over `facts_cube` as over `facts`, from far fewer rows; any
 * other query (a count of records, a column left out of the cube) keeps reading `facts`.
 */
import type { Engine } from './engine';

/** The columns of `facts` the cube keeps; `headcount` is their sum in it. */
const DIMENSIONS = [
  'year',
  'direction',
  'region_type',
  'country',
  'continent',
  'program',
  'participant_category',
  'partner',
  'record_status',
] as const;

/** Columns of `facts` that are not in the cube: a query naming one reads `facts`. */
const FACTS_ONLY = new Set([
  'record_id',
  'activity_type',
  'start_date',
  'end_date',
  'department',
  'funding',
  'outcomes',
  'status',
  'academic_year',
  'duration_days',
  'duration_band',
]);

/** Below this many rows the dashboard's queries are quick over `facts` itself. */
export const CUBE_MIN_ROWS = 50_000;

/**
 * Builds `facts_cube` when `facts` is large enough and the cube is much smaller than it; drops
 * it otherwise. Returns whether queries may use it.
 */
export async function buildCube(engine: Engine, minRows = CUBE_MIN_ROWS): Promise<boolean> {
  await engine.exec('DROP TABLE IF EXISTS facts_cube');
  const [facts] = await engine.query('SELECT count(*)::INTEGER AS n FROM facts');
  const rows = Number(facts?.n ?? 0);
  if (rows < minRows) return false;
  const dims = DIMENSIONS.join(', ');
  await engine.exec(
    `CREATE TABLE facts_cube AS SELECT ${dims}, sum(headcount)::BIGINT AS headcount FROM facts GROUP BY ${dims}`,
  );
  const [cube] = await engine.query('SELECT count(*)::INTEGER AS n FROM facts_cube');
  if (Number(cube?.n ?? 0) * 2 > rows) {
    await engine.exec('DROP TABLE facts_cube');
    return false;
  }
  return true;
}

/** The query over the cube when it gives the same rows there, else the query unchanged. */
export function overCube(sql: string): string {
  if (!/\bFROM facts\b/.test(sql) || sql.includes('*')) return sql;
  for (const word of sql.match(/\w+/g) ?? []) if (FACTS_ONLY.has(word)) return sql;
  return sql.replace(/\bFROM facts\b/g, 'FROM facts_cube');
}
