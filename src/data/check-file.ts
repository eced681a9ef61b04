/**
 * One staged file checked against its table's declared rules (src/domain/tables.ts) in DuckDB, and
 * what the check found written into the file's report: rows kept and refused, a problem per bad
 * cell with its line, column and value, values that matched no country or reference, empty tokens.
 * The importer and the start-up load of `data/` both report a file through here, so the same rows
 * give the same report whichever way they came in.
 */
import type { TableSpec } from '../domain/columns';
import { maskCell } from '../import/mask';
import { MAX_PROBLEMS_SHOWN, type FileReport, type Problem, type ProblemCode } from '../import/report';
import type { RejectedRow, Staged } from '../import/stage';
import type { Engine } from './engine';
import { mappedValues } from './mapped-values';
import { ident, literal } from './sql';
import {
  errorCodes,
  problemCountSql,
  problemsSql,
  referenceColumns,
  referenceSql,
  validationSql,
} from './validate-sql';

export const STAGE_FILE = 'import/stage.csv';

const count = (value: unknown) => Number(value ?? 0);

export interface Checked {
  /** Rows without an error, and with one. */
  ok: number;
  bad: number;
  /** Rows kept with a warning. */
  warned: number;
  /** The first problems by line, as the SQL found them. */
  rows: Record<string, unknown>[];
  total: number;
}

export interface CheckOptions {
  /** References resolve against nothing (the tables they name are about to be replaced). */
  forgetReferences?: boolean;
}

/**
 * Stages the file's rows as `imp_stage` and leaves `imp_checked`: each row typed, with an error
 * and a warning code per cell.
 */
export async function checkStaged(
  engine: Engine,
  spec: TableSpec,
  staged: Pick<Staged, 'csv' | 'targets'>,
  thisYear: number,
  options: CheckOptions = {},
): Promise<Checked> {
  await engine.registerText(STAGE_FILE, staged.csv);
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE imp_stage AS SELECT * REPLACE (_line::INTEGER AS _line, _tok::INTEGER AS _tok)
     FROM read_csv('${STAGE_FILE}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
       max_line_size = 8388608)`,
  );
  const references = referenceColumns(spec);
  if (references.length) {
    for (const sql of referenceSql(spec)) await engine.exec(sql);
    if (options.forgetReferences) {
      for (const column of references) await engine.exec(`DELETE FROM ${ident(`imp_ref_${column}`)}`);
    }
  }
  for (const sql of validationSql(spec, staged.targets, thisYear).statements) await engine.exec(sql);
  const [counts] = await engine.query(
    `SELECT p.*, c.* FROM (${problemCountSql(spec)}) AS p, (SELECT count(*) FILTER (WHERE NOT _error)::INTEGER AS ok,
       count(*) FILTER (WHERE _error)::INTEGER AS bad FROM imp_checked) AS c`,
  );
  const total = count(counts?.n);
  const rows = total > 0 ? await engine.query(problemsSql(spec, staged.targets, MAX_PROBLEMS_SHOWN)) : [];
  return { ok: count(counts?.ok), bad: count(counts?.bad), warned: count(counts?.warned), rows, total };
}

/** The checked rows without an error, in file order, as the table's columns. */
export function keptRowsSql(spec: TableSpec): string {
  return `SELECT ${spec.columns.map((c) => ident(c.name)).join(', ')} FROM imp_checked WHERE NOT _error ORDER BY _line`;
}

/**
 * Writes what the check found into `report` (problems, their count, unmatched values, the values
 * read from the office's words, the empty-token notice) and returns the refused rows of the SQL checks, for the download.
 */
export async function reportChecked(
  engine: Engine,
  spec: TableSpec,
  staged: Staged,
  checked: Checked,
  report: FileReport,
): Promise<RejectedRow[]> {
  const headerOf = (column: string) => staged.headerOf[column] ?? column;
  const problems: Problem[] = [
    ...staged.problems,
    ...checked.rows.map((r) => ({
      file: report.file,
      line: count(r.line),
      column: headerOf(String(r.col)),
      value: maskCell(r.val === null ? '' : String(r.val)),
      code: r.code as ProblemCode,
      level: r.lvl as Problem['level'],
    })),
  ].sort((a, b) => a.line - b.line);
  report.problemCount = staged.problems.length + checked.total;
  report.problems = problems.slice(0, MAX_PROBLEMS_SHOWN);
  report.unmatched = await unmatched(engine, spec, headerOf);
  report.mapped = await mappedValues(engine, spec, staged.targets, headerOf);
  const empties = emptyTokens(spec, staged, headerOf);
  if (empties.length) {
    report.notices.push({
      code: 'empty-tokens',
      items: empties.map((e) => `${e.header}: ${e.n}`),
      count: empties.reduce((s, e) => s + e.n, 0),
    });
  }
  return checked.bad > 0 ? sqlRejects(engine, spec, staged.targets, headerOf) : [];
}

async function unmatched(
  engine: Engine,
  spec: TableSpec,
  headerOf: (c: string) => string,
): Promise<FileReport['unmatched']> {
  const parts: string[] = [];
  for (const column of spec.columns.filter((c) => c.country)) {
    const c = ident(`c_${column.name}`);
    const e = ident(`e_${column.name}`);
    parts.push(`SELECT ${literal(column.name)} AS col, c.${c} AS value, count(*)::INTEGER AS n
      FROM imp_checked AS k JOIN imp_clean AS c ON c._line = k._line WHERE k.${e} = ${literal('unknown-country')} GROUP BY ALL`);
  }
  for (const column of referenceColumns(spec)) {
    const c = ident(`c_${column}`);
    parts.push(`SELECT ${literal(column)} AS col, s.${c} AS value, count(*)::INTEGER AS n
      FROM imp_clean AS s JOIN ${ident(`imp_map_${column}`)} AS m ON m.v = s.${c} WHERE NOT m.matched GROUP BY ALL`);
  }
  if (!parts.length) return [];
  const rows = await engine.query(`${parts.join(' UNION ALL ')} ORDER BY n DESC, value LIMIT 200`);
  return rows.map((r) => ({ column: headerOf(String(r.col)), value: maskCell(String(r.value)), rows: count(r.n) }));
}

function emptyTokens(spec: TableSpec, staged: Staged, headerOf: (c: string) => string) {
  return spec.columns
    .filter((c) => staged.targets.includes(c.name))
    .map((c) => ({ header: headerOf(c.name), n: staged.tokens[c.name] ?? 0 }))
    .filter((e) => e.n > 0);
}

async function sqlRejects(
  engine: Engine,
  spec: TableSpec,
  targets: readonly string[],
  headerOf: (c: string) => string,
): Promise<RejectedRow[]> {
  const raw = spec.columns.filter((c) => targets.includes(c.name)).map((c) => `, st.${ident(c.name)}`);
  const rows = await engine.query(
    `SELECT k._line, ${errorCodes(spec)} AS codes${raw.join('')}
     FROM imp_checked AS k JOIN imp_stage AS st ON st._line = k._line WHERE k._error ORDER BY k._line`,
  );
  return rows.map((r) => {
    const cells: Record<string, string> = {};
    for (const c of spec.columns) {
      if (r[c.name] !== null && r[c.name] !== undefined) cells[headerOf(c.name)] = String(r[c.name]);
    }
    return { line: count(r._line), codes: [...new Set(String(r.codes).split(';'))], cells };
  });
}
