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
import type { DirectRows, RejectedRow, Staged } from '../import/stage';
import type { Engine } from './engine';
import { mappedValues } from './mapped-values';
import { ident, literal } from './sql';
import {
  cleanViewSql,
  errorCodes,
  plainSql,
  sqlType,
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
  /**
   * Set when no row has a problem and imp_checked was not made (CheckOptions.clean): the rows as
   * the table holds them, in the file's order, as a query over imp_clean.
   */
  clean?: string;
  /**
   * With `clean`: imp_stage holds the table's columns in its order, each cell the value's text, so
   * adoptStage can make it the table itself instead of a copy.
   */
  adoptable?: boolean;
}

export interface CheckOptions {
  /** References resolve against nothing (the tables they name are about to be replaced). */
  forgetReferences?: boolean;
  /**
   * The rows will replace the table (not be added to it): a file read directly whose every value
   * reads as its cast and whose rows have no problem at all is then not checked row by row into
   * imp_checked; one query over its cells finds it has none (Checked.clean).
   */
  clean?: boolean;
}

/**
 * Stages the file's rows as `imp_stage` and leaves `imp_checked`: each row typed, with an error
 * and a warning code per cell.
 */
export async function checkStaged(
  engine: Engine,
  spec: TableSpec,
  staged: Pick<Staged, 'csv' | 'direct' | 'targets'>,
  thisYear: number,
  options: CheckOptions = {},
): Promise<Checked> {
  if (staged.direct) await stageDirectRows(engine, staged.direct, staged.targets);
  else {
    await engine.registerText(STAGE_FILE, staged.csv);
    // A file read directly left its rows in a table of the database's own (stageDirectRows).
    await engine.exec(`DROP TABLE IF EXISTS ${MAIN_STAGE}`);
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE imp_stage AS SELECT * REPLACE (_line::INTEGER AS _line, _tok::INTEGER AS _tok)
       FROM read_csv('${STAGE_FILE}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
         max_line_size = 8388608)`,
    );
  }
  const references = referenceColumns(spec);
  if (references.length) {
    for (const sql of referenceSql(spec)) await engine.exec(sql);
    if (options.forgetReferences) {
      for (const column of references) await engine.exec(`DELETE FROM ${ident(`imp_ref_${column}`)}`);
    }
  }
  // The maps and the repeated ids first; then the typed rows, joining only the maps a cast does not stand for.
  const { statements, mapped } = validationSql(spec, staged.targets, thisYear);
  // A file read directly has no empty token (stageDirect): imp_clean reads its cells as they are.
  await engine.exec(cleanViewSql(spec, staged.targets, !staged.direct));
  for (const sql of statements.slice(1, -1)) await engine.exec(sql);
  const plain = mapped.length ? await engine.query(plainSql(spec, mapped)) : [];
  const casts = new Set(plain.filter((r) => Number(r.n) === 0).map((r) => String(r.col)));
  if (options.clean && staged.direct && mapped.every((m) => casts.has(m))) {
    const clean = await cleanRows(engine, spec, staged.targets, thisYear, casts);
    if (clean) {
      const adoptable = adoptableStage(spec, staged.targets, mapped);
      return { ok: clean.rows, bad: 0, warned: 0, rows: [], total: 0, clean: clean.sql, adoptable };
    }
  }
  await engine.exec(validationSql(spec, staged.targets, thisYear, casts).statements.at(-1)!);
  const [counts] = await engine.query(
    `SELECT p.*, c.* FROM (${problemCountSql(spec)}) AS p, (SELECT count(*) FILTER (WHERE NOT _error)::INTEGER AS ok,
       count(*) FILTER (WHERE _error)::INTEGER AS bad FROM imp_checked) AS c`,
  );
  const total = count(counts?.n);
  const rows = total > 0 ? await engine.query(problemsSql(spec, staged.targets, MAX_PROBLEMS_SHOWN)) : [];
  return { ok: count(counts?.ok), bad: count(counts?.bad), warned: count(counts?.warned), rows, total };
}

/**
 * The rows as the table holds them, as a query over imp_clean, when not one cell has an error or a
 * warning (the same expressions imp_checked holds, counted in one pass, not stored), no id repeats
 * and imp_stage holds the rows in the file's order; null otherwise.
 */
async function cleanRows(
  engine: Engine,
  spec: TableSpec,
  targets: readonly string[],
  thisYear: number,
  casts: ReadonlySet<string>,
): Promise<{ rows: number; sql: string } | null> {
  const [order] = await engine.query(
    `SELECT (SELECT count(*) FROM imp_dups)::INTEGER AS dups,
       count(*) FILTER (WHERE _line IS DISTINCT FROM rowid + (SELECT min(_line) FROM imp_stage))::INTEGER AS unordered
     FROM imp_stage`,
  );
  if (Number(order?.dups) !== 0 || Number(order?.unordered) !== 0) return null;
  const { checked, anyProblem } = validationSql(spec, targets, thisYear, casts, true);
  const [found] = await engine.query(
    `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE ${anyProblem})::INTEGER AS problems FROM (${checked})`,
  );
  if (Number(found?.problems ?? 1) !== 0) return null;
  // imp_checked of an earlier file must not be read for this one.
  await engine.exec('DROP TABLE IF EXISTS imp_checked');
  const columns = spec.columns.map((c) => ident(c.name)).join(', ');
  return { rows: Number(found?.n ?? 0), sql: `SELECT ${columns} FROM (${checked})` };
}

/** imp_stage when a file read directly made it: a table of the database, which adoptStage can rename. */
const MAIN_STAGE = 'main.imp_stage';

/**
 * Whether imp_stage, once its cells are cast, is the table's rows as they are (Checked.adoptable):
 * it holds every column of the table in the table's order, and each column that has no per-value
 * map is text (its value the cell as written, as the clean query reads it).
 */
function adoptableStage(spec: TableSpec, targets: readonly string[], mapped: readonly string[]): boolean {
  return (
    targets.length === spec.columns.length &&
    spec.columns.every((c, i) => targets[i] === c.name && (mapped.includes(c.name) || sqlType(c) === 'VARCHAR'))
  );
}

/**
 * Makes imp_stage of a clean file (Checked.adoptable) the table `spec.table`, replacing it: the
 * line columns dropped, each typed column cast as the clean query casts it, then renamed. No copy
 * of a million rows is written; the clean query over imp_clean would give the same rows in the
 * same order (imp_stage holds them in the file's order: cleanRows).
 */
export async function adoptStage(engine: Engine, spec: TableSpec): Promise<void> {
  for (const column of ['_line', '_end_line', '_tok']) await engine.exec(`ALTER TABLE ${MAIN_STAGE} DROP COLUMN ${ident(column)}`);
  for (const column of spec.columns) {
    const type = sqlType(column);
    if (type === 'VARCHAR') continue;
    const name = ident(column.name);
    await engine.exec(`ALTER TABLE ${MAIN_STAGE} ALTER COLUMN ${name} TYPE ${type} USING TRY_CAST(${name} AS ${type})`);
  }
  await engine.exec('BEGIN TRANSACTION');
  try {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(spec.table)}`);
    await engine.exec(`ALTER TABLE ${MAIN_STAGE} RENAME TO ${ident(spec.table)}`);
    await engine.exec('COMMIT');
  } catch (error) {
    await engine.exec('ROLLBACK');
    throw error;
  }
}

/** Drops imp_stage when a file read directly left it in the database (not adopted): the console lists the database's tables. */
export async function dropStage(engine: Engine): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${MAIN_STAGE}`);
}

/**
 * `imp_stage` read by DuckDB from the file's own data rows (stageDirect found that staging would
 * change none of them): one record a line, so a row's line is its place plus the first line.
 */
async function stageDirectRows(engine: Engine, direct: DirectRows, targets: readonly string[]): Promise<void> {
  const bound = (n: number) => {
    if (!Number.isSafeInteger(n)) throw new Error(`not a whole number: ${n}`);
    return String(n);
  };
  const fields = Array.from({ length: direct.width }, (_, i) => `${literal(`f${i}`)}: 'VARCHAR'`).join(', ');
  const cells = targets.map((t, k) => `${ident(`f${direct.fields[k]!}`)} AS ${ident(t)}`);
  // The file's own bytes when it was UTF-8: no copy of its text encoded again.
  if (direct.bytes && engine.registerBytes) await engine.registerBytes(STAGE_FILE, direct.bytes);
  else await engine.registerText(STAGE_FILE, direct.text);
  // The reader gives the records in the file's order (one thread); row_number() counts them in it.
  // A table of the database, not a temporary one, so that a clean file's can become the table (adoptStage).
  await engine.exec('DROP TABLE IF EXISTS temp.imp_stage');
  await engine.exec(
    `CREATE OR REPLACE TABLE ${MAIN_STAGE} AS SELECT _line, _line AS _end_line, 0 AS _tok${cells.map((c) => `, ${c}`).join('')}
     FROM (SELECT (row_number() OVER () + ${bound(direct.firstLine - 1)})::INTEGER AS _line, *
       FROM read_csv('${STAGE_FILE}', header = false, auto_detect = false, columns = {${fields}},
         delim = ${literal(direct.delimiter)}, quote = '"', escape = '"', max_line_size = 8388608))`,
  );
}

/** The checked rows without an error, in file order, as the table's columns. */
export function keptRowsSql(spec: TableSpec, inFileOrder = false): string {
  const order = inFileOrder ? '' : ' ORDER BY _line';
  return `SELECT ${spec.columns.map((c) => ident(c.name)).join(', ')} FROM imp_checked WHERE NOT _error${order}`;
}

/**
 * Whether imp_checked holds its rows in the file's order with no line between them left out (as a
 * file read directly gives them): each row's line is the first's plus its place. Then the rows are
 * taken in the order they are held (insertion order is kept), without sorting a million of them.
 */
export async function checkedInFileOrder(engine: Engine): Promise<boolean> {
  const [row] = await engine.query(
    `SELECT count(*) FILTER (WHERE _line IS DISTINCT FROM rowid + (SELECT min(_line) FROM imp_checked))::INTEGER AS n FROM imp_checked`,
  );
  return Number(row?.n ?? 1) === 0;
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
  // A cell is an unknown country when it is not empty (required comes first) and its value's map
  // says so; a reference, when its map found no match. Only columns whose map holds such a value
  // are counted over the rows: joining the few such values, not a million rows to a million rows.
  const lookups = [
    ...spec.columns
      .filter((c) => c.country)
      .map((c) => ({ column: c.name, unmatched: `m.err = ${literal('unknown-country')}` })),
    ...referenceColumns(spec).map((column) => ({ column, unmatched: 'NOT m.matched' })),
  ];
  if (!lookups.length) return [];
  const found = await engine.query(
    lookups
      .map(
        (l) =>
          `SELECT ${literal(l.column)} AS col, count(*)::INTEGER AS n FROM ${ident(`imp_map_${l.column}`)} AS m WHERE ${l.unmatched}`,
      )
      .join(' UNION ALL '),
  );
  const any = new Set(found.filter((r) => count(r.n) > 0).map((r) => String(r.col)));
  const parts = lookups
    .filter((l) => any.has(l.column))
    .map((l) => {
      const c = ident(`c_${l.column}`);
      return `SELECT ${literal(l.column)} AS col, s.${c} AS value, count(*)::INTEGER AS n
        FROM imp_clean AS s JOIN ${ident(`imp_map_${l.column}`)} AS m ON m.v = s.${c} WHERE ${l.unmatched} GROUP BY ALL`;
    });
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
