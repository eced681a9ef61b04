/**
 * Fuzzing the importer: random bytes, random CSV-like text and mutations of real staff exports
 * (every fixture of BAD-INPUTS.md, the bundled data) go through the pure reader by the thousand
 * and through the whole path (validation SQL on the real engine) by the hundred. Each ends in rows
 * or a structured error, and loaded + rejected + skipped = data rows, with the table holding
 * exactly the rows said to be loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { importFiles } from '../../src/data/import-run';
import { ident } from '../../src/data/sql';
import { CsvReader } from '../../src/import/csv';
import { FILE_ERRORS, PROBLEM_CODES } from '../../src/import/report';
import { stageRows } from '../../src/import/stage';
import { planFile } from '../../src/import/structure';
import { DATA_DIR } from '../helpers/node-engine';
import { useBundledEngine } from '../helpers/bundled-engine';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const SEEDS: { name: string; bytes: Uint8Array }[] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(FIXTURES + f)) })),
  ...readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.csv'))
    // The first lines are enough to mutate, and keep each case fast.
    .map((f) => ({
      name: f,
      bytes: new Uint8Array(Buffer.from(readFileSync(`${DATA_DIR}/${f}`, 'utf8').split('\n').slice(0, 40).join('\n'))),
    })),
];

/** Bytes that matter to a CSV reader and a decoder: structure, quotes, BOMs, GBK and UTF-8 lead bytes. */
const SPECIAL = [
  0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x0d, 0x0a, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x81, 0x30, 0xe4, 0xb8, 0x2d, 0x3d,
];
const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL));

type Mutation =
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'text'; at: number; text: string };

/** Text staff files hold that trips readers: totals, empty tokens, full-width and quoted cells. */
const SNIPPETS = [
  '合计',
  '总计',
  'Total',
  '""',
  '"a,b"',
  '"x\n y"',
  '，',
  '\r\n',
  '\r',
  ',,,,',
  '无',
  '#N/A',
  '1,234',
  '１２３',
  '=1+1',
  '𠮷',
  '"',
  '\uFEFF',
  'PK\x03\x04',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(byte, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    bytes: fc.array(byte, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    switch (m.kind) {
      case 'insert':
        out.splice(at, 0, ...m.bytes);
        break;
      case 'delete':
        out.splice(at, m.length);
        break;
      case 'replace':
        out.splice(at, m.bytes.length, ...m.bytes);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'duplicate':
        out.splice(at, 0, ...out.slice(at, at + m.length));
        break;
      case 'text':
        out.splice(at, 0, ...Buffer.from(m.text, 'utf8'));
        break;
    }
  }
  return new Uint8Array(out);
}

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, ms]) => ({ name: seed.name, bytes: mutate(seed.bytes, ms) }));

/** CSV-like text from structure characters and words the importer knows, in any supported encoding. */
const TOKENS = [
  ',',
  ';',
  '\t',
  '|',
  '"',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '编号',
  '方向',
  '人数',
  'record_id',
  'direction',
  'headcount',
  'country',
  'start_date',
  '出访',
  'inbound',
  'teacher',
  '韩国',
  'TW',
  '2017-09-01',
  '2017年9月1日',
  '42979',
  '3',
  '-5',
  '1e9',
  '合计',
  'NULL',
  '—',
  '<img src=x onerror=alert(1)>',
  '姓名',
  '身份证号',
  '110101199003071234',
];
const csvLike = fc
  .tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), fc.constantFrom('utf8', 'gb18030', 'utf16le'))
  .map(([tokens, encoding]) => ({
    name: 'random.csv',
    bytes: new Uint8Array(iconv.encode(tokens.join(''), encoding, { addBOM: encoding === 'utf16le' })),
  }));

const randomBytes = fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ name: 'bytes.csv', bytes }));

const anyFile = fc.oneof(
  { arbitrary: mutated, weight: 6 },
  { arbitrary: csvLike, weight: 1 },
  { arbitrary: randomBytes, weight: 1 },
);

let pureCases = 0;

/** The pure reader's answer for one file, checked: a structured error, or rows that all add up. */
function readChecked(file: { name: string; bytes: Uint8Array }): void {
  pureCases++;
  const plan = planFile(file.bytes, file.name);
  if (!plan.ok) {
    expect(FILE_ERRORS).toContain(plan.error);
    return;
  }
  const staged = stageRows(plan);
  // Every data row is either staged for the engine or rejected here, with a line.
  expect(staged.staged + staged.rejected.length).toBe(staged.rowsIn);
  // The staged CSV holds its header and exactly the staged rows.
  const records = [...new CsvReader(staged.csv, ',').records()];
  expect(records.length).toBe(staged.staged + 1);
  expect(records.every((r) => !r.problem && r.fields.length === staged.targets.length + 3)).toBe(true);
  const lines = plan.decoded.text.split(/\r\n|\r|\n/).length;
  for (const problem of staged.problems) {
    expect(PROBLEM_CODES).toContain(problem.code);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines);
  }
}

describe('the pure reader', () => {
  test('random bytes: 1500 files', () => {
    fc.assert(fc.property(randomBytes, readChecked), { numRuns: 1500, seed: 7 });
  });
  test('random CSV-like text in three encodings: 1500 files', () => {
    fc.assert(fc.property(csvLike, readChecked), { numRuns: 1500, seed: 11 });
  });
  test('mutated staff exports and bundled files: 2500 files', () => {
    fc.assert(fc.property(mutated, readChecked), { numRuns: 2500, seed: 13 });
  });
  test('every seed itself', () => {
    for (const seed of SEEDS) readChecked(seed);
    expect(pureCases).toBeGreaterThanOrEqual(5500 + SEEDS.length);
  });
});

describe('the whole import on the real engine', () => {
  const db = useBundledEngine();

  // Found by this fuzzer: a required reference column (agreements.partner) mixed a text error code with
  // an untyped NULL, so every agreements.csv import failed with a Binder Error.
  test('an agreements file imports', async () => {
    const bytes = new TextEncoder().encode(
      'id,partner,agreement_type,signed_date,end_date,status\nA-1,cut,mou,2017-01-02,,active\nA-2,,mou,2017-01-02,,active\n',
    );
    const outcome = await importFiles(db(), [{ name: 'agreements.csv', bytes }], {
      mode: 'replace',
      replacesSample: false,
      thisYear: 2026,
    });
    expect(outcome.files[0]).toMatchObject({ error: null, rowsIn: 2, loaded: 1, rejected: 1 });
    expect(outcome.files[0]!.problems.map((p) => p.code)).toEqual(['required']);
  });

  test('300 random and mutated files: rows or a structured error; the counts add up', async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, fc.constantFrom('replace' as const, 'append' as const), async (file, mode) => {
        const outcome = await importFiles(db(), [file], { mode, replacesSample: false, thisYear: 2026 });
        const [report] = outcome.files;
        expect(report).toBeDefined();
        if (report!.error !== null) {
          expect(FILE_ERRORS).toContain(report!.error);
          expect(report!.loaded).toBe(0);
          return;
        }
        expect(report!.loaded + report!.rejected + report!.skipped).toBe(report!.rowsIn);
        for (const problem of report!.problems) expect(PROBLEM_CODES).toContain(problem.code);
        if (mode === 'replace' && outcome.changed) {
          imported++;
          const [row] = await db().query(`SELECT count(*)::INTEGER AS n FROM ${ident(report!.table)}`);
          expect(row!.n).toBe(report!.loaded);
        }
        // The engine still answers after every file.
        const [facts] = await db().query('SELECT count(*)::INTEGER AS n FROM facts');
        expect(Number(facts!.n)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 17 },
    );
    // Not only refusals: a good share of the mutated exports load rows
    // 28 of 300 with seed 17 since data/annual-counts.csv joined the seeds (its mutations rarely import).
    expect(imported).toBeGreaterThanOrEqual(25);
  }, 300_000);
});
