import { loadOrder, TABLES, EXCHANGES } from '../domain/tables';
import type { TableSpec } from '../domain/columns';
import { emptyReport } from '../import/report';
import { stageRows } from '../import/stage';
import { planFile } from '../import/structure';
import { countriesCsv } from '../reference/countries';
import { checkStaged, keptRowsSql, reportChecked, STAGE_FILE } from './check-file';
import type { Engine } from './engine';
import type { LoadedFile } from './protocol';
import { buildNameTables } from './queries/names';
import { ident } from './sql';
import { setUserMappings } from './user-mappings';
import { prepareValidation } from './validate-macros';
import { sqlType } from './validate-sql';

export class MissingColumnError extends Error {
  constructor(
    readonly file: string,
    readonly column: string,
  ) {
    super(`${file}: required column "${column}" is missing`);
  }
}

export interface IngestOptions {
  /** Dates in later years are refused (the rules' `latestYear`); default: the current year. */
  thisYear?: number;
}

/**
 * Loads the CSV texts of `data/` (null for an absent file) into typed tables and builds `facts`,
 * the exchanges with their derived columns. Each file is read and checked as an import reads and
 * checks it (src/import, then the SQL generated from the declared rules): a row that breaks a rule
 * is left out and reported, by line, column, value and reason, in the file's report.
 */
export async function ingest(
  engine: Engine,
  texts: ReadonlyMap<string, string | null>,
  options: IngestOptions = {},
): Promise<LoadedFile[]> {
  const thisYear = options.thisYear ?? new Date().getFullYear();
  await engine.registerText('countries.csv', countriesCsv());
  await engine.exec(
    `CREATE OR REPLACE TABLE countries AS SELECT iso2, iso3, name_zh, name_en, region_type, continent, groups,
       TRY_CAST(lon AS DOUBLE) AS lon, TRY_CAST(lat AS DOUBLE) AS lat
     FROM read_csv('countries.csv', header = true, all_varchar = true)`,
  );
  await prepareValidation(engine);
  // data/ is read with the built-in words only, whatever an interrupted import left (user-mappings.ts).
  await setUserMappings(engine, []);
  const reports = new Map<TableSpec, LoadedFile>();
  try {
    for (const spec of loadOrder(TABLES)) {
      const text = texts.get(spec.file) ?? null;
      if (text === null && spec === EXCHANGES) throw new MissingColumnError(spec.file, '*');
      reports.set(spec, await loadTable(engine, spec, text, thisYear));
    }
  } finally {
    await engine.registerText(STAGE_FILE, '');
  }
  await buildFacts(engine);
  return TABLES.map((spec) => reports.get(spec)!);
}

/** The table without rows, for a file that is absent or gives none. */
async function emptyTable(engine: Engine, spec: TableSpec, report: LoadedFile): Promise<LoadedFile> {
  const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlType(c)}`).join(', ');
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(spec.table)} (${columns})`);
  return report;
}

async function loadTable(engine: Engine, spec: TableSpec, text: string | null, thisYear: number): Promise<LoadedFile> {
  const report: LoadedFile = { ...emptyReport(spec.file, spec.table), present: text !== null };
  if (text === null) return emptyTable(engine, spec, report);
  const plan = planFile(new TextEncoder().encode(text), spec.file, { table: spec.table, encoding: 'utf-8' });
  if (!plan.ok) return emptyTable(engine, spec, { ...report, error: plan.error, errorItems: plan.items });
  const { structure } = plan;
  const missing = structure.missingRequired[0];
  if (missing) throw new MissingColumnError(spec.file, missing);
  Object.assign(report, {
    encoding: structure.encoding,
    delimiter: structure.delimiter,
    headerLine: structure.headerLine,
  });
  const staged = stageRows(plan);
  report.rowsIn = staged.rowsIn;
  report.notices = staged.notices;
  if (staged.rowsIn === 0) return emptyTable(engine, spec, report);
  const checked = await checkStaged(engine, spec, staged, thisYear);
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(spec.table)} AS ${keptRowsSql(spec)}`);
  report.loaded = checked.ok;
  report.rejected = checked.bad + staged.rejected.length;
  report.warnings = checked.warned + staged.problems.filter((p) => p.level === 'warning').length;
  await reportChecked(engine, spec, staged, checked, report);
  return report;
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

/** Rebuilds `facts` and the name tables after the tables changed (an import, a restore). */
export async function buildFacts(engine: Engine): Promise<void> {
  await engine.exec(FACTS_SQL);
  await buildNameTables(engine);
}
