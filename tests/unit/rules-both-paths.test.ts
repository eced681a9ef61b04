/**
 * One rule set for one file: the same exchanges.csv (good rows, a headcount of 50,000, a trip
 * starting in 2099, an unknown activity type, a missing participant category, a partner that is
 * not in partners.csv) read at start-up from `data/` and imported on the data page gives the same
 * report (rows, problems by line, column, value and reason, unmatched values, notices) and the
 * same rows in the table, on the real engine. Before the rules were declared once, the start-up
 * load kept the 50,000 and the 2099 rows and said nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import { HEADCOUNT_MAX } from '../../src/domain/tables';
import type { FileReport } from '../../src/import/report';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const FIXTURE = new URL('../fixtures/rules/exchanges.csv', import.meta.url);
const THIS_YEAR = 2026;

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
});
afterAll(() => engine?.close());

/** What both paths must say, read off the fixture by hand (lines of the file, header on line 1). */
const EXPECTED_PROBLEMS = [
  { line: 4, column: 'headcount', value: '50000', code: 'headcount-max', level: 'error' },
  { line: 5, column: 'end_date', value: '2099-03-10', code: 'future-year', level: 'error' },
  { line: 5, column: 'start_date', value: '2099-03-01', code: 'future-year', level: 'error' },
  { line: 6, column: 'activity_type', value: 'space_tourism', code: 'unknown-value', level: 'error' },
  { line: 7, column: 'participant_category', value: '', code: 'required', level: 'error' },
];

/** The parts of a file's report the two paths share. */
function comparable(report: FileReport) {
  return {
    rowsIn: report.rowsIn,
    loaded: report.loaded,
    rejected: report.rejected,
    warnings: report.warnings,
    problemCount: report.problemCount,
    problems: (report.problems ?? []).map(({ line, column, value, code, level }) => ({
      line,
      column,
      value,
      code,
      level,
    })),
    unmatched: report.unmatched,
    mapped: report.mapped,
    notices: report.notices,
  };
}

const tableRows = async () =>
  (await engine.query('SELECT * FROM exchanges ORDER BY record_id')).map((r) => JSON.stringify(r));

test('the start-up load and the importer give the same report and keep the same rows', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  expect(Number(text.split('\n')[3]!.split(',')[3])).toBeGreaterThan(HEADCOUNT_MAX);

  // Start-up: the fixture served as data/exchanges.csv beside the bundled reference files.
  const texts = bundledTexts();
  texts.set('exchanges.csv', text);
  const loaded = await ingest(engine, texts, { thisYear: THIS_YEAR });
  const atStartup = loaded.find((f) => f.file === 'exchanges.csv')!;
  const startupRows = await tableRows();
  // Headcount 50,000 and a start in 2099 are left out at start-up as on import (they loaded silently).
  expect(startupRows.map((r) => JSON.parse(r).record_id)).toEqual(['R-1', 'R-2', 'R-7', 'R-8']);

  // Import: the bundled data loaded, then the same bytes imported in place of the exchanges.
  await ingest(engine, bundledTexts(), { thisYear: THIS_YEAR });
  const outcome = await importFiles(engine, [{ name: 'exchanges.csv', bytes: new Uint8Array(readFileSync(FIXTURE)) }], {
    mode: 'replace',
    replacesSample: false,
    thisYear: THIS_YEAR,
  });
  const imported = outcome.files[0]!;
  const importedRows = await tableRows();

  expect(comparable(atStartup)).toEqual(comparable(imported));
  expect(startupRows).toEqual(importedRows);

  // And what they say is what the file holds.
  for (const report of [atStartup, imported]) {
    expect(report).toMatchObject({ rowsIn: 8, loaded: 4, rejected: 4, error: null });
    expect(comparable(report).problems).toEqual(EXPECTED_PROBLEMS);
    expect(report.unmatched).toEqual([{ column: 'partner', value: 'no-such-college', rows: 1 }]);
  }
  expect(importedRows.map((r) => JSON.parse(r).record_id)).toEqual(['R-1', 'R-2', 'R-7', 'R-8']);
  // A partner that matches nothing is kept as written, not refused.
  expect(importedRows.find((r) => r.includes('R-7'))).toContain('no-such-college');
});

test('every bundled row loads at start-up: the sample keeps the rules', async () => {
  const reports = await ingest(engine, bundledTexts());
  for (const report of reports) {
    expect({ file: report.file, rejected: report.rejected, problems: report.problems }).toEqual({
      file: report.file,
      rejected: 0,
      problems: [],
    });
    expect(report.loaded).toBe(report.rowsIn);
  }
  // The row count of each file, counted over the CSV text (every non-empty line below the header).
  const texts = bundledTexts();
  for (const report of reports) {
    const lines = texts.get(report.file)!.split('\n').slice(1);
    expect(report.rowsIn).toBe(lines.filter((l) => l.trim() !== '').length);
  }
});

test('the checks name no column: every rule comes from the declaration in src/domain', () => {
  const domain = ['record_id', 'headcount', 'start_date', 'end_date', 'signed_date', 'partner', 'program', 'latitude'];
  for (const file of ['validate-sql.ts', 'check-file.ts', 'ingest.ts']) {
    const source = readFileSync(new URL(`../../src/data/${file}`, import.meta.url), 'utf8')
      // The derived columns of `facts` are built from the exchanges' columns by name, after the checks.
      .replace(/const FACTS_SQL = `[\s\S]*?`;/, '');
    for (const name of domain) expect(source, `${file} names ${name}`).not.toMatch(new RegExp(`['"\`]${name}['"\`]`));
  }
});
