import type { Engine } from './engine';
import type { FileReport } from './protocol';
import { EXCHANGES, TABLES, type Column, type TableSpec } from './schema';
import { ident, literal, literalList } from './sql';
import { countriesCsv } from '../reference/countries';

export class MissingColumnError extends Error {
  constructor(
    readonly file: string,
    readonly column: string,
  ) {
    super(`${file}: required column "${column}" is missing`);
  }
}

/**
 * Loads the CSV texts (null for an absent file) into typed tables and builds
 * `facts`, the exchanges with their derived columns. Every file is read as text
 * first and converted in SQL, so a bad value rejects its row instead of the file.
 */
export async function ingest(engine: Engine, texts: ReadonlyMap<string, string | null>): Promise<FileReport[]> {
  await engine.registerText('countries.csv', countriesCsv());
  await engine.exec(
    `CREATE OR REPLACE TABLE countries AS SELECT iso2, iso3, name_zh, name_en, region_type, continent, groups,
       TRY_CAST(lon AS DOUBLE) AS lon, TRY_CAST(lat AS DOUBLE) AS lat
     FROM read_csv('countries.csv', header = true, all_varchar = true)`,
  );
  const reports: FileReport[] = [];
  for (const spec of TABLES) {
    const text = texts.get(spec.file) ?? null;
    if (text === null && spec === EXCHANGES) throw new MissingColumnError(spec.file, '*');
    reports.push(await loadTable(engine, spec, text));
  }
  await engine.exec(FACTS_SQL);
  return reports;
}

async function loadTable(engine: Engine, spec: TableSpec, text: string | null): Promise<FileReport> {
  const raw = ident(`raw_${spec.table}`);
  if (text === null) {
    await engine.exec(`CREATE OR REPLACE TABLE ${raw} (${spec.columns.map((c) => `${ident(c.name)} VARCHAR`).join(', ')})`);
  } else {
    await engine.registerText(spec.file, text);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${raw} AS SELECT * FROM read_csv(${literal(spec.file)},
         header = true, all_varchar = true, normalize_names = false)`,
    );
  }
  const present = new Map(
    (await engine.query(`SELECT column_name FROM (DESCRIBE ${raw})`)).map((r) => {
      const name = String(r.column_name);
      return [name.replace(/^\uFEFF/, '').trim().toLowerCase(), name] as const;
    }),
  );
  const selects = spec.columns.map((column) => {
    const source = present.get(column.name);
    if (!source && column.required) throw new MissingColumnError(spec.file, column.name);
    return `${source ? typed(column, ident(source)) : `NULL::${sqlType(column)}`} AS ${ident(column.name)}`;
  });
  const checks = spec.columns.flatMap((column) => validity(spec, column));
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(spec.table)} AS
     SELECT * FROM (SELECT ${selects.join(',\n')} FROM ${raw}) AS t
     ${checks.length ? `WHERE ${checks.join(' AND ')}` : ''}`,
  );
  const [counts] = await engine.query(
    `SELECT (SELECT count(*) FROM ${raw})::INTEGER AS rows_in, (SELECT count(*) FROM ${ident(spec.table)})::INTEGER AS rows`,
  );
  const rows = Number(counts?.rows ?? 0);
  return { file: spec.file, rows, rejected: Number(counts?.rows_in ?? 0) - rows, present: text !== null };
}

function sqlType(column: Column): string {
  return { text: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', date: 'DATE' }[column.type];
}

/** Text to the column's type; a value that does not convert becomes NULL. */
function typed(column: Column, source: string): string {
  const v = `nullif(trim(${source}), '')`;
  if (column.values) return `lower(${v})`;
  if (column.name === 'country') return `upper(${v})`;
  switch (column.type) {
    case 'integer':
      return `TRY_CAST(replace(${v}, ',', '') AS INTEGER)`;
    case 'double':
      return `TRY_CAST(${v} AS DOUBLE)`;
    case 'date':
      // Staff write whole dates or just the month; a month stands for its first day.
      return `CASE WHEN regexp_full_match(${v}, '\\d{4}-\\d{1,2}') THEN TRY_CAST(strptime(${v}, '%Y-%m') AS DATE)
        ELSE TRY_CAST(${v} AS DATE) END`;
    case 'text':
      return v;
  }
}

function validity(spec: TableSpec, column: Column): string[] {
  const name = ident(column.name);
  const checks: string[] = [];
  if (column.required) checks.push(`${name} IS NOT NULL`);
  if (column.values) checks.push(`(${name} IS NULL OR ${name} IN ${literalList(column.values)})`);
  if (spec === EXCHANGES) {
    if (column.name === 'headcount') checks.push(`${name} >= 1`);
    if (column.name === 'country') checks.push(`${name} IN (SELECT iso2 FROM countries WHERE region_type <> 'mainland')`);
    if (column.name === 'end_date') checks.push(`(${name} IS NULL OR ${name} >= start_date)`);
  }
  return checks;
}

/** The exchanges with what is derived, never typed: year, academic year, duration, region. */
const FACTS_SQL = `
CREATE OR REPLACE TABLE facts AS
SELECT e.*,
  coalesce(e.status, 'final') AS record_status,
  year(e.start_date)::INTEGER AS year,
  (CASE WHEN month(e.start_date) >= 9 THEN year(e.start_date) ELSE year(e.start_date) - 1 END)::INTEGER AS academic_year,
  (e.end_date - e.start_date + 1)::INTEGER AS duration_days,
  CASE
    WHEN e.end_date IS NULL THEN NULL
    WHEN e.end_date - e.start_date + 1 <= 7 THEN 'd1_7'
    WHEN e.end_date - e.start_date + 1 <= 30 THEN 'd8_30'
    WHEN e.end_date - e.start_date + 1 <= 90 THEN 'd31_90'
    WHEN e.end_date - e.start_date + 1 <= 180 THEN 'd91_180'
    ELSE 'd181_plus'
  END AS duration_band,
  c.region_type,
  c.continent
FROM exchanges AS e JOIN countries AS c ON c.iso2 = e.country`;

/** Rebuilds `facts` after the exchanges changed (an import). */
export async function buildFacts(engine: Engine): Promise<void> {
  await engine.exec(FACTS_SQL);
}
