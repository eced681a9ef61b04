/**
 * Imports staff files into the loaded tables: plan each file (encoding, header, mapping), stage
 * its rows as text, convert and check them in DuckDB, then replace or append the table and
 * rebuild `facts`. Every data row ends loaded, rejected (with a problem saying why) or, when
 * appending, skipped as already loaded.
 */
import type { Engine } from './engine';
import { buildFacts } from './ingest';
import { TABLES, type TableSpec } from './schema';
import { ident } from './sql';
import { prepareValidation } from './validate-macros';
import {
  errorCodes,
  keyColumn,
  problemCountSql,
  problemsSql,
  tokenCountSql,
  referenceColumns,
  referenceSql,
  sqlType,
  validationSql,
} from './validate-sql';
import { maskCell } from '../import/mask';
import { emptyReport, MAX_PROBLEMS_SHOWN, type FileReport, type Problem, type ProblemCode } from '../import/report';
import { stageRows, type RejectedRow } from '../import/stage';
import { planFile, type FileOptions } from '../import/structure';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  options?: FileOptions;
}

export interface ImportSettings {
  mode: 'replace' | 'append';
  /** The dataset is the bundled sample: the first table written clears it all. */
  replacesSample: boolean;
  /** Dates in later years are refused. */
  thisYear: number;
}

export type ImportStage = 'decode' | 'parse' | 'validate' | 'write';
export type ImportProgress = (p: { stage: ImportStage; file: string; bytes: number; totalBytes: number; rows: number }) => void;

export interface ImportOutcome {
  files: FileReport[];
  /** Rejected rows by the file's index (names may repeat), for the download. */
  rejected: Map<number, { file: string; headers: string[]; rows: RejectedRow[] }>;
  /** True when any table changed. */
  changed: boolean;
}

const ORDER = ['programs', 'partners', 'agreements', 'events', 'exchanges'];
const STAGE_FILE = 'import/stage.csv';

async function clearAll(engine: Engine): Promise<void> {
  for (const spec of TABLES) {
    const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlType(c)}`).join(', ');
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(spec.table)} (${columns})`);
  }
}

const count = (value: unknown) => Number(value ?? 0);

/** A file too large for this tab's memory ends as a file error, not a dead worker. */
function tooLarge<T>(work: () => T): T | { ok: false; error: 'too-large'; items: string[] } {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'too-large', items: [] };
    throw error;
  }
}

export async function importFiles(
  engine: Engine,
  files: readonly ImportFile[],
  settings: ImportSettings,
  onProgress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  await prepareValidation(engine);
  const planned = files.map((f, index) => ({
    file: f,
    index,
    plan: tooLarge(() => planFile(f.bytes, f.name, f.options)),
  }));
  const rank = (p: (typeof planned)[number]) => (p.plan.ok ? ORDER.indexOf(p.plan.structure.table) : -1);
  planned.sort((a, b) => rank(a) - rank(b));

  const reports: FileReport[] = [];
  const rejected: ImportOutcome['rejected'] = new Map();
  let sampleCleared = !settings.replacesSample;
  let changed = false;
  // A second file for the same table in one batch adds to the first rather than replacing it.
  const written = new Map<string, string>();
  for (const { file, index, plan } of planned) {
    onProgress({ stage: 'decode', file: file.name, bytes: 0, totalBytes: file.bytes.length, rows: 0 });
    if (!plan.ok) {
      const partial = 'structure' in plan ? plan.structure : undefined;
      reports.push({
        ...emptyReport(file.name, partial?.table ?? '', index),
        error: plan.error,
        errorItems: plan.items,
        encoding: partial?.encoding ?? null,
      });
      continue;
    }
    const { structure } = plan;
    const spec = TABLES.find((t) => t.table === structure.table)!;
    const report: FileReport = {
      ...emptyReport(file.name, spec.table, index),
      encoding: structure.encoding,
      delimiter: structure.delimiter,
      headerLine: structure.headerLine,
    };
    reports.push(report);
    // Big5 or Shift_JIS bytes also read as GB18030: the user picks, having seen the preview.
    if (!structure.confident) {
      report.error = 'needs-encoding';
      report.errorItems = structure.candidates;
      continue;
    }
    if (structure.missingRequired.length) {
      report.error = 'missing-columns';
      report.errorItems = structure.missingRequired;
      continue;
    }
    const ratio = file.bytes.length / Math.max(1, plan.decoded.text.length);
    const staged = tooLarge(() => stageRows(plan, (rows, offset) =>
      onProgress({ stage: 'parse', file: file.name, bytes: Math.round(offset * ratio), totalBytes: file.bytes.length, rows }),
    ));
    if (!('csv' in staged)) {
      report.error = 'too-large';
      continue;
    }
    report.rowsIn = staged.rowsIn;
    report.notices = staged.notices;
    const headers = structure.columns.filter((c) => !c.personal).map((c) => c.header);
    rejected.set(index, { file: file.name, headers, rows: staged.rejected });
    if (staged.rowsIn === 0) {
      report.error = 'no-data';
      continue;
    }
    onProgress({ stage: 'validate', file: file.name, bytes: file.bytes.length, totalBytes: file.bytes.length, rows: staged.rowsIn });
    const sqlProblems = await validate(engine, spec, staged.csv, staged.targets, settings.thisYear, sampleCleared);
    const [counts] = await engine.query(
      `SELECT count(*) FILTER (WHERE NOT _error)::INTEGER AS ok, count(*) FILTER (WHERE _error)::INTEGER AS bad,
         ${sqlProblems.warned}::INTEGER AS warned FROM imp_checked`,
    );
    const structuralWarnings = staged.problems.filter((p) => p.level === 'warning').length;
    report.rejected = count(counts?.bad) + staged.rejected.length;
    report.warnings = count(counts?.warned) + structuralWarnings;
    let ok = count(counts?.ok);
    const key = ident(keyColumn(spec));
    const append = settings.mode === 'append' || written.has(spec.table);
    if (append && sampleCleared && ok > 0) {
      const [dup] = await engine.query(
        `SELECT count(*)::INTEGER AS n FROM imp_checked WHERE NOT _error AND ${key} IN (SELECT ${key} FROM ${ident(spec.table)})`,
      );
      report.skipped = count(dup?.n);
      ok -= report.skipped;
      if (report.skipped) report.notices.push({ code: 'skipped-duplicates', items: [], count: report.skipped });
    }
    const before = written.get(spec.table);
    if (settings.mode === 'replace' && before !== undefined && ok > 0) {
      report.notices.push({ code: 'combined', items: [before], count: 1 });
    }
    report.loaded = ok;
    onProgress({ stage: 'write', file: file.name, bytes: file.bytes.length, totalBytes: file.bytes.length, rows: staged.rowsIn });
    if (ok > 0) {
      if (!sampleCleared) {
        await clearAll(engine);
        sampleCleared = true;
      }
      const columns = spec.columns.map((c) => ident(c.name)).join(', ');
      await engine.exec(
        append
          ? `INSERT INTO ${ident(spec.table)} SELECT ${columns} FROM imp_checked WHERE NOT _error
             AND ${key} NOT IN (SELECT ${key} FROM ${ident(spec.table)}) ORDER BY _line`
          : `CREATE OR REPLACE TABLE ${ident(spec.table)} AS SELECT ${columns} FROM imp_checked WHERE NOT _error ORDER BY _line`,
      );
      changed = true;
      if (!written.has(spec.table)) written.set(spec.table, file.name);
    }
    const headerOf = (column: string) => staged.headerOf[column] ?? column;
    const problems: Problem[] = [
      ...staged.problems,
      ...sqlProblems.rows.map((r) => ({
        file: file.name,
        line: count(r.line),
        column: headerOf(String(r.col)),
        value: maskCell(r.val === null ? '' : String(r.val)),
        code: r.code as ProblemCode,
        level: r.lvl as Problem['level'],
      })),
    ].sort((a, b) => a.line - b.line);
    report.problemCount = staged.problems.length + sqlProblems.total;
    report.problems = problems.slice(0, MAX_PROBLEMS_SHOWN);
    report.unmatched = await unmatched(engine, spec, headerOf);
    const empties = await emptyTokens(engine, spec, staged.targets, headerOf);
    if (empties.length) report.notices.push({ code: 'empty-tokens', items: empties.map((e) => `${e.header}: ${e.n}`), count: empties.reduce((s, e) => s + e.n, 0) });
    rejected.get(index)!.rows.push(...(await sqlRejects(engine, spec, staged.targets, headerOf)));
  }
  if (changed) await buildFacts(engine);
  await engine.registerText(STAGE_FILE, '');
  return { files: reports, rejected, changed };
}

async function validate(
  engine: Engine,
  spec: TableSpec,
  csv: string,
  targets: readonly string[],
  thisYear: number,
  sampleCleared: boolean,
): Promise<{ rows: Record<string, unknown>[]; total: number; warned: number }> {
  await engine.registerText(STAGE_FILE, csv);
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE imp_stage AS SELECT * REPLACE (_line::INTEGER AS _line)
     FROM read_csv('${STAGE_FILE}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
       max_line_size = 8388608)`,
  );
  const references = referenceColumns(spec);
  if (references.length) {
    for (const sql of referenceSql()) await engine.exec(sql);
    // The sample is about to be replaced: its partners and programs must not name the office's records.
    if (!sampleCleared) for (const column of references) await engine.exec(`DELETE FROM ${ident(`imp_ref_${column}`)}`);
  }
  for (const sql of validationSql(spec, targets, thisYear).statements) await engine.exec(sql);
  const rows = await engine.query(problemsSql(spec, targets, MAX_PROBLEMS_SHOWN));
  const [total] = await engine.query(problemCountSql(spec));
  return { rows, total: count(total?.n), warned: count(total?.warned) };
}

async function unmatched(engine: Engine, spec: TableSpec, headerOf: (c: string) => string): Promise<FileReport['unmatched']> {
  const parts: string[] = [];
  if (spec.columns.some((c) => c.name === 'country')) {
    parts.push(`SELECT 'country' AS col, c.c_country AS value, count(*)::INTEGER AS n
      FROM imp_checked AS k JOIN imp_clean AS c ON c._line = k._line WHERE k.e_country = 'unknown-country' GROUP BY ALL`);
  }
  for (const column of referenceColumns(spec)) {
    const c = ident(`c_${column}`);
    parts.push(`SELECT '${column}' AS col, s.${c} AS value, count(*)::INTEGER AS n
      FROM imp_clean AS s JOIN ${ident(`imp_map_${column}`)} AS m ON m.v = s.${c} WHERE NOT m.matched GROUP BY ALL`);
  }
  if (!parts.length) return [];
  const rows = await engine.query(`${parts.join(' UNION ALL ')} ORDER BY n DESC, value LIMIT 200`);
  return rows.map((r) => ({ column: headerOf(String(r.col)), value: maskCell(String(r.value)), rows: count(r.n) }));
}

async function emptyTokens(engine: Engine, spec: TableSpec, targets: readonly string[], headerOf: (c: string) => string) {
  const present = spec.columns.filter((c) => targets.includes(c.name)).map((c) => c.name);
  if (!present.length) return [];
  const [row] = await engine.query(tokenCountSql(present));
  return present.map((name) => ({ header: headerOf(name), n: count(row?.[name]) })).filter((e) => e.n > 0);
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
    for (const c of spec.columns) if (r[c.name] !== null && r[c.name] !== undefined) cells[headerOf(c.name)] = String(r[c.name]);
    return { line: count(r._line), codes: [...new Set(String(r.codes).split(';'))], cells };
  });
}
