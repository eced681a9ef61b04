/**
 * The bad inputs of BAD-INPUTS.md (cases 1–24, 30, 32, 34 and a scaled-down 29), each through the
 * real importer and the real DuckDB engine: what the report says, what the table holds, and
 * always loaded + rejected (+ skipped when appending) = the data rows of the file.
 */
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { ingest } from '../../src/data/ingest';
import { importFiles, type ImportSettings } from '../../src/data/import-run';
import type { FileReport, NoticeCode, ProblemCode } from '../../src/import/report';
import type { FileOptions } from '../../src/import/structure';
import { planFile } from '../../src/import/structure';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';
// @ts-expect-error the fixture builder is plain JavaScript, shared with its command line
import { buildFixtures } from '../fixtures/import/make-fixtures.mjs';

/** Rows of the bundled exchanges.csv, counted from the file itself. */
const SAMPLE_ROWS = csvParse(readDataFile('exchanges.csv')).length;

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
const fixtures = buildFixtures() as Map<string, Uint8Array>;
const THIS_YEAR = 2026;

beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine?.close());

async function run(
  name: string,
  options: FileOptions = {},
  settings: Partial<ImportSettings> = {},
  bytes?: Uint8Array,
) {
  const file = { name, bytes: bytes ?? new Uint8Array(fixtures.get(name)!), options };
  const outcome = await importFiles(engine, [file], {
    mode: 'replace',
    replacesSample: false,
    thisYear: THIS_YEAR,
    ...settings,
  });
  const report = outcome.files[0]!;
  if (!report.error) expect(report.loaded + report.rejected + report.skipped).toBe(report.rowsIn);
  return { report, outcome };
}

const rows = (sql: string, params: (string | number)[] = []) => engine.query(sql, params);
const exchangeCount = async () => Number((await rows('SELECT count(*)::INTEGER AS n FROM exchanges'))[0]!.n);
const value = async (column: string, id: string) =>
  (await rows(`SELECT "${column}"::VARCHAR AS v FROM exchanges WHERE record_id = ?`, [id]))[0]?.v ?? null;
const problems = (r: FileReport) => r.problems.map((p) => [p.line, p.code] as [number, ProblemCode]);
const notice = (r: FileReport, code: NoticeCode) => r.notices.find((n) => n.code === code);

interface Case {
  id: string;
  file: string;
  options?: FileOptions;
  expect: Partial<
    Pick<FileReport, 'rowsIn' | 'loaded' | 'rejected' | 'warnings' | 'error' | 'encoding' | 'delimiter' | 'headerLine'>
  >;
  problems?: [number, ProblemCode][];
  check?: (report: FileReport) => Promise<void> | void;
}

const CASES: Case[] = [
  {
    id: '1 UTF-8 with BOM',
    file: '01-utf8-bom.csv',
    expect: { rowsIn: 3, loaded: 3, encoding: 'utf-8' },
    check: () => {
      const plan = planFile(fixtures.get('01-utf8-bom.csv')!, '01-utf8-bom.csv');
      expect(plan.ok && plan.structure.headers[0]).toBe('record_id');
    },
  },
  {
    id: '2 GB18030 from Excel/WPS',
    file: '02-gb18030.csv',
    expect: { rowsIn: 3, loaded: 3, encoding: 'gb18030' },
    check: async () => {
      expect(await value('department', 'B-1')).toBe('旅游学院');
      expect(await value('country', 'B-2')).toBe('KR');
      expect(await value('direction', 'B-3')).toBe('inbound');
      expect(await value('funding', 'B-1')).toBe('college');
    },
  },
  {
    id: '3 GB18030 four-byte characters',
    file: '03-gb18030-4byte.csv',
    expect: { loaded: 2, encoding: 'gb18030' },
    check: async () => expect(await value('outcomes', 'C-1')).toBe('𠮷野家证书'),
  },
  { id: '4 UTF-16LE, tab', file: '04-utf16le-tab.csv', expect: { loaded: 2, encoding: 'utf-16le', delimiter: '\t' } },
  {
    id: '5 UTF-8 with a few GBK lines',
    file: '05-mixed-utf8-gbk.csv',
    expect: { rowsIn: 5, loaded: 3, rejected: 2, encoding: 'utf-8' },
    problems: [
      [4, 'encoding'],
      [5, 'encoding'],
    ],
    check: async () => expect(await value('department', 'E-5')).toBe('旅游学院'),
  },
  {
    id: '6 Big5: a choice, not a guess',
    file: '06-big5.csv',
    expect: { error: 'needs-encoding' },
    check: async (r) => {
      expect(r.errorItems).toContain('big5');
      const chosen = await run('06-big5.csv', { encoding: 'big5' });
      expect(chosen.report.loaded).toBe(3);
      expect(await value('department', 'F-1')).toBe('觀光學院');
    },
  },
  {
    id: '6 Shift_JIS: a choice, not a guess',
    file: '06-shift-jis.csv',
    expect: { error: 'needs-encoding' },
    check: async (r) => {
      expect(r.errorItems).toContain('shift_jis');
      await run('06-shift-jis.csv', { encoding: 'shift_jis' });
      expect(await value('outcomes', 'G-2')).toBe('こんにちは');
    },
  },
  { id: '7 xlsx renamed to .csv', file: '07-xlsx-renamed.csv', expect: { error: 'xlsx' } },
  { id: '8 empty file', file: '08-empty.csv', expect: { error: 'empty' } },
  {
    id: '8 header only',
    file: '08-header-only.csv',
    expect: { error: 'no-data', rowsIn: 0 },
    check: async () => expect(await exchangeCount()).toBeGreaterThan(0),
  },
  {
    id: '9 quoted newline',
    file: '09-quoted-newline.csv',
    expect: { rowsIn: 3, loaded: 2 },
    problems: [[5, 'headcount-min']],
    check: async () => expect(await value('outcomes', 'H-2')).toBe('Line one\nLine two'),
  },
  {
    id: '10 unbalanced quote',
    file: '10-unbalanced-quote.csv',
    expect: { rowsIn: 5, loaded: 4, rejected: 1 },
    problems: [[3, 'unbalanced-quote']],
    check: async (r) => {
      expect(r.problems[0]!.value).toContain('张*');
      expect(r.problems[0]!.value).not.toContain('张三');
      expect(await value('outcomes', 'I-4')).toBe('Prize, Kaohsiung');
    },
  },
  {
    id: '11 too many and too few fields',
    file: '11-field-count.csv',
    expect: { rowsIn: 4, loaded: 2, rejected: 2 },
    check: (r) => {
      expect(problems(r)).toContainEqual([3, 'too-many-fields']);
      expect(problems(r)).toContainEqual([4, 'too-few-fields']);
      expect(problems(r)).toContainEqual([4, 'required']);
    },
  },
  {
    id: '12 semicolons, full-width comma in a cell',
    file: '12-semicolon.csv',
    expect: { loaded: 2, delimiter: ';' },
    check: async () => expect(await value('outcomes', 'K-1')).toBe('证书，奖项'),
  },
  {
    id: '12 tabs',
    file: '12-tab.csv',
    expect: { loaded: 2, delimiter: '\t' },
    check: async () => expect(await value('outcomes', 'K-3')).toBe('a，b'),
  },
  {
    id: '13 title row and blank lines',
    file: '13-title-rows.csv',
    expect: { headerLine: 3, rowsIn: 3, loaded: 3 },
    check: (r) => {
      expect(notice(r, 'title-rows')?.items).toEqual(['1']);
      expect(notice(r, 'blank-lines')?.count).toBe(2);
    },
  },
  {
    id: '14 duplicate and blank headers',
    file: '14-dup-headers.csv',
    expect: { loaded: 2 },
    check: async (r) => {
      expect(notice(r, 'renamed')?.items).toEqual(['∅ → column_15', 'department → department_2']);
      expect(await value('department', 'M-1')).toBe('Tourism');
    },
  },
  {
    id: '15 trailing empty columns',
    file: '15-trailing-empty.csv',
    expect: { loaded: 2, warnings: 0 },
    check: (r) => expect(notice(r, 'trailing-columns')?.count).toBe(4),
  },
  {
    id: '16 mixed CRLF / LF / CR',
    file: '16-mixed-eol.csv',
    expect: { rowsIn: 3, loaded: 3 },
    check: async () => expect(await value('outcomes', 'O-2')).toBe('a\r\nb'),
  },
  {
    id: '17 one line over 2 MB',
    file: '17-long-line.csv',
    expect: { rowsIn: 3, loaded: 2, rejected: 1 },
    problems: [[3, 'too-long']],
  },
  {
    id: '18 ids with leading zeros, and one Excel made scientific',
    file: '18-ids.csv',
    expect: { loaded: 3, warnings: 1 },
    problems: [[3, 'id-scientific']],
    check: async () => {
      const ids = (await rows('SELECT record_id FROM exchanges ORDER BY record_id')).map((r) => r.record_id);
      expect(ids).toEqual(['00123', '00124', '1.23457E+17']);
    },
  },
  {
    id: '19 thousands separators, full-width digits, %, NBSP and U+3000',
    file: '19-numbers.csv',
    expect: { rowsIn: 4, loaded: 3, rejected: 1 },
    problems: [[4, 'percent']],
    check: async () => {
      expect(await value('headcount', 'Q-1')).toBe('1234');
      expect(await value('headcount', 'Q-2')).toBe('123');
      expect(await value('headcount', 'Q-4')).toBe('5');
    },
  },
  {
    id: '20 dates as staff type them',
    file: '20-dates.csv',
    expect: { rowsIn: 7, loaded: 5, rejected: 2 },
    problems: [
      [5, 'excel-serial'],
      [6, 'ambiguous-date'],
      [8, 'bad-date'],
    ],
    check: async () => {
      for (const id of ['R-1', 'R-2', 'R-4']) expect(await value('start_date', id)).toBe('2017-09-01');
      expect(await value('start_date', 'R-3')).toBe('2017-09-01');
      expect(await value('start_date', 'R-6')).toBe('2017-02-13');
    },
  },
  {
    id: '21 empty tokens',
    file: '21-empty-tokens.csv',
    expect: { loaded: 3, rejected: 0 },
    check: async (r) => {
      expect(notice(r, 'empty-tokens')?.items).toEqual(['funding: 3', 'outcomes: 3']);
      const [n] = await rows('SELECT count(funding)::INTEGER AS f, count(outcomes)::INTEGER AS o FROM exchanges');
      expect(n).toEqual({ f: 0, o: 0 });
    },
  },
  {
    id: '22 a 合计 row at the bottom',
    file: '22-totals.csv',
    expect: { rowsIn: 2, loaded: 2 },
    check: async (r) => {
      expect(notice(r, 'totals')?.items).toEqual(['4']);
      const [s] = await rows('SELECT sum(headcount)::INTEGER AS n FROM facts');
      expect(s!.n).toBe(15);
    },
  },
  {
    id: '23 country names and aliases',
    file: '23-countries.csv',
    expect: { rowsIn: 11, loaded: 9, rejected: 2 },
    check: async (r) => {
      const codes = (await rows('SELECT country FROM exchanges ORDER BY record_id')).map((x) => x.country);
      expect(codes).toEqual(['TW', 'TW', 'HK', 'KR', 'KR', 'KR', 'VN', 'VN', 'JP']);
      expect(r.unmatched).toEqual([{ column: 'country', value: 'Atlantis', rows: 2 }]);
    },
  },
  {
    id: '24 numeric for 20,000 rows, then text',
    file: '24-numeric-then-text.csv',
    expect: { rowsIn: 20_002, loaded: 20_001, rejected: 1 },
    problems: [[20_002, 'not-integer']],
  },
  {
    id: '32 headcount 0, negative, 1e9; end before start; a future year; a repeated id',
    file: '32-rules.csv',
    expect: { rowsIn: 7, loaded: 1, rejected: 6 },
    problems: [
      [2, 'headcount-min'],
      [3, 'headcount-min'],
      [4, 'headcount-max'],
      [5, 'end-before-start'],
      [6, 'future-year'],
      [8, 'duplicate-id'],
    ],
  },
  {
    id: 'personal columns dropped',
    file: '35-personal.csv',
    expect: { loaded: 2 },
    check: async (r) => {
      expect(notice(r, 'personal')?.items).toEqual(['姓名', '护照号']);
      const [hit] = await rows(
        `SELECT count(*)::INTEGER AS n FROM exchanges WHERE concat_ws(',', COLUMNS(*)) LIKE '%张三%'`,
      );
      expect(hit!.n).toBe(0);
    },
  },
];

describe('bad inputs through the importer and DuckDB', () => {
  test.each(CASES)('$id', async (c) => {
    const { report } = await run(c.file, c.options);
    expect(report).toMatchObject(c.expect);
    if (c.problems) expect(problems(report)).toEqual(c.problems);
    if (!report.error && report.loaded > 0) {
      expect(await exchangeCount()).toBe(report.loaded);
      const [f] = await rows('SELECT count(*)::INTEGER AS n FROM facts');
      expect(f!.n).toBe(report.loaded);
    }
    await c.check?.(report);
  });

  test('34 random bytes: a structured error, never a throw', async () => {
    const { report } = await run('34-random.csv');
    expect(['binary', 'undecodable']).toContain(report.error);
    for (let seed = 1; seed <= 20; seed++) {
      let x = seed;
      const bytes = Uint8Array.from({ length: 2000 }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) % 256);
      const r = (await run(`random-${seed}.csv`, {}, {}, bytes)).report;
      expect(r.error === null || typeof r.error === 'string').toBe(true);
    }
  });

  test('30 the same file twice, then a file with other columns: append skips ids already loaded', async () => {
    const first = await run('01-utf8-bom.csv');
    expect(first.report.loaded).toBe(3);
    const again = await run('01-utf8-bom.csv', {}, { mode: 'append' });
    expect(again.report).toMatchObject({ rowsIn: 3, loaded: 0, skipped: 3 });
    expect(notice(again.report, 'skipped-duplicates')?.count).toBe(3);
    const other = await run('30-other-columns.csv', {}, { mode: 'append' });
    expect(other.report).toMatchObject({ rowsIn: 2, loaded: 1, skipped: 1 });
    expect(await exchangeCount()).toBe(4);
    expect(await value('country', 'W-1')).toBe('JP');
    expect(await value('participant_category', 'W-1')).toBe('expert');
  });

  test('two files for one table in one batch: the second adds to the first', async () => {
    const files = ['13-title-rows.csv', '32-rules.csv'].map((name) => ({
      name,
      bytes: new Uint8Array(fixtures.get(name)!),
    }));
    const outcome = await importFiles(engine, files, { mode: 'replace', replacesSample: false, thisYear: THIS_YEAR });
    expect(outcome.files.map((f) => f.loaded)).toEqual([3, 1]);
    expect(await exchangeCount()).toBe(4);
  });

  test('replacing the sample clears every table, and a file with no rows leaves the data alone', async () => {
    await ingest(engine, bundledTexts());
    const empty = await run('08-header-only.csv', {}, { replacesSample: true });
    expect(empty.outcome.changed).toBe(false);
    expect(await exchangeCount()).toBe(SAMPLE_ROWS);
    await run('02-gb18030.csv', {}, { replacesSample: true });
    expect(await exchangeCount()).toBe(3);
    const [a] = await rows('SELECT count(*)::INTEGER AS n FROM agreements');
    expect(a!.n).toBe(0);
    await ingest(engine, bundledTexts());
  });

  test('29 scaled down: 50,000 GB18030 rows with a title and a total row', async () => {
    const header = '编号,方向,人员类别,人数,活动类型,国家和地区,开始日期,结束日期';
    const countries = ['韩国', '日本', '中国台湾', '越南', '德国', 'United States', 'SG'];
    const lines = ['2019年统计表', header];
    for (let i = 0; i < 50_000; i++) {
      const month = (i % 12) + 1;
      lines.push(
        `R${i},${i % 2 ? '出访' : '来访'},教师,${(i % 7) + 1},培训,${countries[i % 7]},2018/${month}/3,2018/${month}/9`,
      );
    }
    lines.push('合计,,,200000,,,,');
    const bytes = new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
    const started = performance.now();
    const { report } = await run('big.csv', {}, {}, bytes);
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ rowsIn: 50_000, loaded: 50_000, rejected: 0, encoding: 'gb18030', headerLine: 2 });
    console.info(`50,000 rows in ${seconds.toFixed(1)} s (${Math.round(50_000 / seconds)} rows/s in Node)`);
  }, 120_000);
});
