/**
 * Imports staff files into the loaded tables: plan each file (encoding, header, mapping), stage
 * its rows as text, convert and check them in DuckDB, then replace or append the table and
 * rebuild `facts`. Every data row ends loaded, rejected (with a problem saying why) or, when
 * appending, skipped as already loaded.
 */
import {
  adoptStage,
  checkedInFileOrder,
  checkStaged,
  dropStage,
  keptRowsSql,
  reportChecked,
  STAGE_FILE,
  type Checked,
} from './check-file';
import type { Engine } from './engine';
import { ownRowsText } from './import-kept';
import { buildFacts } from './ingest';
import { TABLES } from './schema';
import type { TableSpec } from '../domain/columns';
import { setUserMappings } from './user-mappings';
import { ident } from './sql';
import { clearTables, rowsCsv } from './stored-rows';
import { prepareValidation } from './validate-macros';
import { keyColumn } from './validate-sql';
import { emptyReport, type FileReport } from '../import/report';
import { stageDirect, stageRows, type RejectedRow, type Staged } from '../import/stage';
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
  /** By the file's index, the rows it loaded as the table holds them (stored-rows.ts), for this browser to keep. */
  kept: Map<number, string>;
  /** Milliseconds spent in each step, over every file (the bench reads them: docs/performance.md). */
  steps: ImportSteps;
}

/** Where an import's time goes: planning (decode, sniff), staging as text, checking, writing the table, the stored copy, the report, `facts`. */
export interface ImportSteps {
  plan: number;
  stage: number;
  check: number;
  write: number;
  store: number;
  report: number;
  facts: number;
}

/** Runs `work`, adding its time to `steps[step]`. */
async function timed<T>(steps: ImportSteps, step: keyof ImportSteps, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    steps[step] += performance.now() - started;
  }
}

const ORDER = ['programs', 'partners', 'agreements', 'events', 'exchanges'];

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

/**
 * Writes the checked rows without an error into the table (replacing it, or adding those whose key
 * it lacks) and returns them as stored-rows CSV, for this browser to keep.
 */
async function writeRows(
  engine: Engine,
  spec: TableSpec,
  append: boolean,
  steps: ImportSteps,
  own: () => Promise<string | null>,
  checked: Pick<Checked, 'clean' | 'adoptable'>,
): Promise<string> {
  const table = ident(spec.table);
  if (!append) {
    // Straight into the table, which then holds exactly this file's rows: no copy set apart. A
    // clean file's staged cells become the table itself (adoptStage).
    await timed(steps, 'write', async () => {
      if (checked.clean !== undefined && checked.adoptable) return adoptStage(engine, spec);
      await engine.exec(
        `CREATE OR REPLACE TABLE ${table} AS ${checked.clean ?? keptRowsSql(spec, await checkedInFileOrder(engine))}`,
      );
    });
    return timed(steps, 'store', async () => (await own()) ?? rowsCsv(engine, spec, spec.table));
  }
  const columns = spec.columns.map((c) => ident(c.name)).join(', ');
  const key = ident(keyColumn(spec));
  await timed(steps, 'write', async () => {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE imp_loaded AS SELECT ${columns} FROM imp_checked WHERE NOT _error
       AND ${key} NOT IN (SELECT ${key} FROM ${table}) ORDER BY _line`,
    );
    await engine.exec(`INSERT INTO ${table} SELECT ${columns} FROM imp_loaded ORDER BY rowid`);
  });
  const csv = await timed(steps, 'store', async () => (await own()) ?? rowsCsv(engine, spec, 'imp_loaded'));
  await engine.exec('DROP TABLE imp_loaded');
  return csv;
}

type Plan = ReturnType<typeof planFile> | { ok: false; error: 'too-large'; items: string[] };
type PlannedOk = Extract<ReturnType<typeof planFile>, { ok: true }>;

/** The file's report as planning leaves it, with an error when its rows cannot be read as it is. */
function plannedReport(name: string, index: number, plan: Plan): FileReport {
  if (!plan.ok) {
    const partial = 'structure' in plan ? plan.structure : undefined;
    return { ...emptyReport(name, partial?.table ?? '', index), error: plan.error, errorItems: plan.items, encoding: partial?.encoding ?? null };
  }
  const { structure } = plan;
  const report: FileReport = {
    ...emptyReport(name, structure.table, index),
    encoding: structure.encoding,
    delimiter: structure.delimiter,
    headerLine: structure.headerLine,
  };
  // Big5 or Shift_JIS bytes also read as GB18030: the user picks, having seen the preview.
  if (!structure.confident) return { ...report, error: 'needs-encoding', errorItems: structure.candidates };
  if (structure.missingRequired.length) return { ...report, error: 'missing-columns', errorItems: structure.missingRequired };
  return report;
}

/** The file's rows staged as text, with progress; null (and the report saying why) when it is too large. */
function stageFile(file: ImportFile, plan: PlannedOk, report: FileReport, onProgress: ImportProgress): Staged | null {
  const ratio = file.bytes.length / Math.max(1, plan.decoded.text.length);
  const staged = tooLarge(
    () =>
      stageDirect(plan) ??
      stageRows(plan, (rows, offset) =>
      onProgress({ stage: 'parse', file: file.name, bytes: Math.round(offset * ratio), totalBytes: file.bytes.length, rows }),
    ),
  );
  if (!('csv' in staged)) {
    report.error = 'too-large';
    return null;
  }
  report.rowsIn = staged.rowsIn;
  report.notices = [...(file.options?.notices ?? []), ...staged.notices];
  return staged;
}

/** Of the checked rows, how many the table already holds by key (append: skipped, not loaded twice). */
async function alreadyLoaded(engine: Engine, spec: TableSpec): Promise<number> {
  const key = ident(keyColumn(spec));
  const [dup] = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM imp_checked WHERE NOT _error AND ${key} IN (SELECT ${key} FROM ${ident(spec.table)})`,
  );
  return count(dup?.n);
}

export async function importFiles(
  engine: Engine,
  files: readonly ImportFile[],
  settings: ImportSettings,
  onProgress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  const steps: ImportSteps = { plan: 0, stage: 0, check: 0, write: 0, store: 0, report: 0, facts: 0 };
  await timed(steps, 'check', () => prepareValidation(engine));
  const started = performance.now();
  const planned = files.map((f, index) => ({
    file: f,
    index,
    plan: tooLarge(() => planFile(f.bytes, f.name, f.options)),
  }));
  steps.plan = performance.now() - started;
  const rank = (p: (typeof planned)[number]) => (p.plan.ok ? ORDER.indexOf(p.plan.structure.table) : -1);
  planned.sort((a, b) => rank(a) - rank(b));

  const reports: FileReport[] = [];
  const rejected: ImportOutcome['rejected'] = new Map();
  const kept: ImportOutcome['kept'] = new Map();
  let sampleCleared = !settings.replacesSample;
  let changed = false;
  // A second file for the same table in one batch adds to the first rather than replacing it.
  const written = new Map<string, string>();
  try {
    for (const { file, index, plan } of planned) {
      onProgress({ stage: 'decode', file: file.name, bytes: 0, totalBytes: file.bytes.length, rows: 0 });
      const report = plannedReport(file.name, index, plan);
      reports.push(report);
      if (report.error || !plan.ok) continue;
      const spec = TABLES.find((t) => t.table === plan.structure.table)!;
      const staged = await timed(steps, 'stage', () => stageFile(file, plan, report, onProgress));
      if (!staged) continue;
      const headers = plan.structure.columns.filter((c) => !c.personal).map((c) => c.header);
      rejected.set(index, { file: file.name, headers, rows: staged.rejected });
      if (staged.rowsIn === 0) {
        report.error = 'no-data';
        continue;
      }
      onProgress({ stage: 'validate', file: file.name, bytes: file.bytes.length, totalBytes: file.bytes.length, rows: staged.rowsIn });
      // The sample is about to be replaced: its partners and programs must not name the office's records.
      // The user's mappings of values the app does not know (value-mapping.ts), as this file carries them.
      await setUserMappings(engine, file.options?.values ?? []);
      const append = settings.mode === 'append' || written.has(spec.table);
      // Rows that replace the table need no imp_checked when none has a problem (checkStaged's clean).
      const checked = await timed(steps, 'check', () =>
        checkStaged(engine, spec, staged, settings.thisYear, { forgetReferences: !sampleCleared, clean: !append }),
      );
      const structuralWarnings = staged.problems.filter((p) => p.level === 'warning').length;
      report.rejected = checked.bad + staged.rejected.length;
      report.warnings = checked.warned + structuralWarnings;
      let ok = checked.ok;
      if (append && sampleCleared && ok > 0) {
        report.skipped = await alreadyLoaded(engine, spec);
        ok -= report.skipped;
        if (report.skipped) report.notices.push({ code: 'skipped-duplicates', items: [], count: report.skipped });
      }
      const before = written.get(spec.table);
      if (settings.mode === 'replace' && before !== undefined && ok > 0) {
        report.notices.push({ code: 'combined', items: [before], count: 1 });
      }
      report.loaded = ok;
      // Before the write: it reads the staged cells, which a clean file's write makes the table (adoptStage).
      const refused = await timed(steps, 'report', () => reportChecked(engine, spec, staged, checked, report));
      onProgress({ stage: 'write', file: file.name, bytes: file.bytes.length, totalBytes: file.bytes.length, rows: staged.rowsIn });
      if (ok > 0) {
        if (!sampleCleared) {
          await clearTables(engine);
          sampleCleared = true;
        }
        // The file's own text when it is the rows as the table holds them (import-kept.ts).
        const own = () => ownRowsText(engine, spec, staged, plan.decoded.text, ok);
        kept.set(index, await writeRows(engine, spec, append, steps, own, checked));
        changed = true;
        if (!written.has(spec.table)) written.set(spec.table, file.name);
      }
      rejected.get(index)!.rows.push(...refused);
    }
    if (changed) await timed(steps, 'facts', () => buildFacts(engine));
  } finally {
    // A file read directly may have left imp_stage in the database (check-file.ts): never listed by the console.
    await dropStage(engine);
  }
  await engine.registerText(STAGE_FILE, '');
  await setUserMappings(engine, []);
  return { files: reports, rejected, changed, kept, steps };
}
