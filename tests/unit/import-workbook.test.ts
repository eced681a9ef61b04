/**
 * Excel and WPS workbooks (issue 16 §3): the committed fixtures (scripts/make-workbook-fixtures.mjs)
 * read by the parser the app ships, cell by cell and type by type, then through the same importer
 * and the real DuckDB engine as a CSV export: the report's lines are the sheet's rows. The bad
 * workbooks each end in their own refusal, and the 1,048,576-row sheet in the row limit.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import type { FileReport, Notice, NoticeCode } from '../../src/import/report';
import { MAX_SHEET_ROWS, readWorkbook, serialToIso, zipEntrySizes, type WorkbookRead } from '../../src/import/workbook';
import { workbookKind } from '../../src/import/workbook-kind';
import { MESSAGES } from '../../src/i18n/messages';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
// @ts-expect-error the fixture builder is plain JavaScript, shared with its command line
import { bigSheet } from '../../scripts/make-workbook-fixtures.mjs';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));

type Ok = Extract<WorkbookRead, { ok: true }>;
function read(name: string, sheet?: string): Ok {
  const result = readWorkbook(fixture(name), { sheet });
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result;
}

/** The CSV line of sheet row `row` (1-based), split into cells. */
const row = (r: Ok, n: number) => r.csv.split('\n')[n - 1]!.split(',');
const noticeOf = (notices: readonly Notice[], code: NoticeCode) => notices.find((n) => n.code === code);

describe('reading the office workbook (.xlsx with a chart sheet, and the same as .xls)', () => {
  test('the sheets, what each is, and the one read unasked', () => {
    const xlsx = read('wb-exchanges.xlsx');
    expect(xlsx.kind).toBe('xlsx');
    expect(xlsx.sheets.map((s) => [s.name, s.kind, s.rows])).toEqual([
      ['图表', 'chart', 0],
      ['说明', 'data', 2],
      ['交流记录', 'data', 12],
      ['合作院校', 'data', 2],
      ['空白', 'empty', 0],
    ]);
    // Not the chart, not the notes: the first sheet whose rows name known columns.
    expect(xlsx.sheet).toBe('交流记录');
    const xls = read('wb-exchanges.xls');
    expect(xls.kind).toBe('xls');
    expect(xls.sheet).toBe('交流记录');
  });

  test('line N of the text is row N of the sheet, each cell as a person reads it', () => {
    const r = read('wb-exchanges.xlsx');
    const lines = r.csv.split('\n');
    expect(lines).toHaveLength(12 + 1);
    // The title merged over A1:J1 stays in its first cell (a merge within a row is not copied); row 2 one cell.
    expect(row(r, 1)).toEqual(['安顺职业技术学院国际交流统计表（2017—2018）', ...Array(9).fill('')]);
    expect(row(r, 2)[0]).toBe('填表单位：国际合作与交流处');
    // The two-row header: 交流时间 over H3:I3 (one row: said once), 编号 … merged over rows 3–4 (filled).
    expect(row(r, 3)).toEqual([
      '编号',
      '方向',
      '人员类别',
      '人数',
      '活动类型',
      '国家和地区',
      '合作院校',
      '交流时间',
      '',
      '备注',
    ]);
    expect(row(r, 4)).toEqual([
      '编号',
      '方向',
      '人员类别',
      '人数',
      '活动类型',
      '国家和地区',
      '合作院校',
      '开始日期',
      '结束日期',
      '备注',
    ]);
    // Date cells as ISO dates, whatever the time zone of the machine.
    expect(row(r, 5)).toEqual([
      'WB-1',
      '出访',
      '教师',
      '3',
      '培训',
      '韩国',
      'Hanyang Tech',
      '2017-09-01',
      '2017-09-20',
      '',
    ]);
    // A General-format serial stays a serial (the checks convert it and warn); numbers stored as text stay text.
    expect(row(r, 6)).toEqual([
      'WB-2',
      '来访',
      '学生',
      '12',
      '交换',
      '中国台湾',
      'Kaohsiung Poly',
      '43101',
      '2018/1/20',
      '学期交换',
    ]);
    // A formula by its cached value; a date written as text, as written.
    expect(row(r, 7)).toEqual(['WB-3', '出访', '教师', '2', '考察访问', '日本', '', '2018年3月5日', '2018-03-09', '']);
    // Full-width digits kept for the checks; a line break in a cell read as a space.
    expect(row(r, 9)).toEqual([
      'WB-5',
      '出访',
      '学生',
      '１０',
      '培训',
      '越南',
      'Hanoi Vocational College',
      '2018-05-10',
      '2018-05-30',
      '',
    ]);
    // 越南 merged over F9:F10 fills WB-6's country.
    expect(row(r, 10)[5]).toBe('越南');
    expect(lines[10]).toBe('');
    expect(row(r, 12).slice(0, 4)).toEqual(['合计', '', '', '9']);
  });

  test('the notices: the sheet, the formulas, the merged cells, the line breaks', () => {
    const { notices } = read('wb-exchanges.xlsx');
    expect(noticeOf(notices, 'workbook-sheet')).toEqual({ code: 'workbook-sheet', items: ['交流记录'], count: 5 });
    expect(noticeOf(notices, 'workbook-formulas')).toEqual({
      code: 'workbook-formulas',
      items: ['D7', 'D12'],
      count: 2,
    });
    // Only the ranges over several rows were filled, and only those are listed.
    expect(noticeOf(notices, 'workbook-merged')?.items).toEqual([
      'A3:A4',
      'B3:B4',
      'C3:C4',
      'D3:D4',
      'E3:E4',
      'F3:F4',
      'G3:G4',
      'J3:J4',
      'F9:F10',
    ]);
    expect(noticeOf(notices, 'workbook-line-breaks')?.items).toEqual(['G9']);
  });

  test('the .xls reads the same cells as the .xlsx', () => {
    expect(read('wb-exchanges.xls').csv).toBe(read('wb-exchanges.xlsx').csv);
  });

  test('another sheet on request; a chart or empty sheet asked for is refused by name', () => {
    const partners = read('wb-exchanges.xlsx', '合作院校');
    expect(partners.csv).toBe('编号,中文名称,英文名称,国家和地区\nP-1,汉阳科技大学,Hanyang Tech,韩国\n');
    expect(readWorkbook(fixture('wb-exchanges.xlsx'), { sheet: '图表' })).toMatchObject({
      ok: false,
      error: 'workbook-chart',
      items: ['图表'],
    });
    expect(readWorkbook(fixture('wb-exchanges.xlsx'), { sheet: '空白' })).toMatchObject({
      ok: false,
      error: 'workbook-empty',
      items: ['空白'],
    });
    // The sheets are still listed, so the preview can offer another.
    const refused = readWorkbook(fixture('wb-exchanges.xlsx'), { sheet: '空白' });
    expect(refused.sheets.map((s) => s.name)).toContain('交流记录');
  });

  test('errors, booleans, long ids, decimals, the 1904 date system, and a hidden sheet passed over', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['编号', '方向', '人数'],
        ['H-1', '出访', 1],
      ]),
      '旧表',
    );
    const sheet = XLSX.utils.aoa_to_sheet([
      ['编号', '方向', '人数', '开始日期', '备注', '经费'],
      [
        1.2345678901234568e17,
        true,
        { t: 'e', v: 0x2a },
        { t: 'n', v: 41639, z: 'yyyy"年"m"月"d"日"' },
        0.1 + 0.2,
        1234.5,
      ],
    ]);
    XLSX.utils.book_append_sheet(wb, sheet, '本年');
    wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }], WBProps: { date1904: true } };
    const r = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['旧表', true],
      ['本年', false],
    ]);
    expect(r.sheet).toBe('本年');
    // A 16+ digit id in exponent form (flagged as damaged by Excel), TRUE, #N/A, a 1904 date, 15 digits.
    expect(r.csv.split('\n')[1]).toBe('1.2345678901234568e+17,TRUE,#N/A,2018-01-01,0.3,1234.5');
  });

  test('a text merged over rows fills them, a count merged over rows stays in its first row', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['编号', '方向', '人数', '国家和地区'],
      ['M-1', '出访', 5, '韩国'],
      ['M-2', '出访', null, null],
    ]);
    sheet['!merges'] = ['C2:C3', 'D2:D3'].map((r) => XLSX.utils.decode_range(r));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'Sheet1');
    const r = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    if (!r.ok) throw new Error(r.error);
    expect(r.csv).toBe('编号,方向,人数,国家和地区\nM-1,出访,5,韩国\nM-2,出访,,韩国\n');
    expect(noticeOf(r.notices, 'workbook-merged')?.items).toEqual(['D2:D3']);
  });

  test('Excel serials to dates, in the 1900 system (with its 29 February 1900) and the 1904 one', () => {
    expect(serialToIso(43101)).toBe('2018-01-01');
    expect(serialToIso(42979.75)).toBe('2017-09-01');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-29');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(41639, true)).toBe('2018-01-01');
    expect(serialToIso(0)).toBeNull();
  });
});

describe('workbooks that are refused, each with its reason', () => {
  const refused = (name: string) => readWorkbook(fixture(name));
  test.each([
    ['wb-password.xlsx', 'workbook-encrypted'],
    ['wb-password.xls', 'workbook-encrypted'],
    ['wb-truncated.xlsx', 'xlsx'],
    ['wb-not-a-workbook.xlsx', 'xlsx'],
    ['wb-empty.xlsx', 'workbook-empty'],
    ['wb-chart-only.xlsx', 'workbook-chart'],
  ])('%s: %s', (name, error) => {
    expect(refused(name)).toMatchObject({ ok: false, error });
  });

  test('the empty and chart-only workbooks name their sheets', () => {
    expect(refused('wb-empty.xlsx')).toMatchObject({ items: ['Sheet1'] });
    expect(refused('wb-chart-only.xlsx')).toMatchObject({ items: ['图表'] });
  });

  test('every refusal has a message and a hint in both languages', () => {
    for (const error of [
      'xlsx',
      'xls',
      'workbook-encrypted',
      'workbook-empty',
      'workbook-chart',
      'workbook-rows',
      'too-large',
    ]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const messages: Record<string, string> = MESSAGES[locale];
        expect(messages[`import.fileError.${error}`], `${locale} ${error}`).toBeTruthy();
        expect(messages[`import.fileHint.${error}`], `${locale} ${error}`).toBeTruthy();
      }
    }
    expect(MESSAGES.en['import.fileError.workbook-rows']).toContain(MAX_SHEET_ROWS.toLocaleString('en-US'));
    expect(MESSAGES['zh-CN']['import.fileError.workbook-rows']).toContain(String(MAX_SHEET_ROWS));
  });

  test('a sheet of 1,048,576 rows is refused with its row count, within the memory of a tab', () => {
    const bytes = bigSheet(1_048_576) as Uint8Array;
    // Its parts are sized before anything is inflated: the sheet is under the XML limit, so it is read up to the row limit.
    const sizes = zipEntrySizes(bytes)!;
    expect(sizes.get('xl/worksheets/sheet1.xml')).toBeGreaterThan(50_000_000);
    const started = performance.now();
    const result = readWorkbook(bytes);
    expect(result).toMatchObject({ ok: false, error: 'workbook-rows', items: ['交流记录', '1048576'] });
    console.log(`1,048,576-row sheet refused in ${Math.round(performance.now() - started)} ms`);
  }, 180_000);

  test('a sheet of exactly the limit is read, one more row is not', () => {
    const atLimit = readWorkbook(bigSheet(MAX_SHEET_ROWS) as Uint8Array);
    expect(atLimit.ok).toBe(true);
    if (atLimit.ok) expect(atLimit.csv.split('\n')[MAX_SHEET_ROWS - 1]).toBe(`${MAX_SHEET_ROWS},1`);
    expect(readWorkbook(bigSheet(MAX_SHEET_ROWS + 1) as Uint8Array)).toMatchObject({
      error: 'workbook-rows',
      // The sheet's dimension says no more than the rows read: only that it is over.
      items: ['交流记录', `> ${MAX_SHEET_ROWS}`],
    });
  }, 180_000);

  test('what the page takes for a workbook: the first bytes, whatever the name (BAD-INPUTS 7)', () => {
    expect(workbookKind(fixture('wb-exchanges.xlsx'))).toBe('xlsx');
    expect(workbookKind(fixture('wb-exchanges.xls'))).toBe('xls');
    // The encrypted .xlsx is an OLE container, read as one, and refused as encrypted above.
    expect(workbookKind(fixture('wb-password.xlsx'))).toBe('xls');
    expect(workbookKind(fixture('01-utf8-bom.csv'))).toBeNull();
  });
});

describe('a workbook through the importer, on the real engine', () => {
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  let report: FileReport;
  beforeAll(async () => {
    engine = await openNodeEngine();
    await ingest(engine, bundledTexts());
    const r = read('wb-exchanges.xlsx');
    const outcome = await importFiles(
      engine,
      [{ name: 'wb-exchanges.xlsx', bytes: new TextEncoder().encode(r.csv), options: { notices: r.notices } }],
      { mode: 'replace', replacesSample: true, thisYear: 2026 },
    );
    report = outcome.files[0]!;
  });
  afterAll(() => engine?.close());

  const value = async (column: string, id: string) =>
    (await engine.query(`SELECT "${column}"::VARCHAR AS v FROM exchanges WHERE record_id = ?`, [id]))[0]?.v ?? null;

  test("rows in, loaded and rejected, by the sheet's row numbers", () => {
    expect(report.error).toBeNull();
    expect(report.headerLine).toBe(4);
    expect(report.rowsIn).toBe(6);
    expect(report.loaded).toBe(5);
    expect(report.rejected).toBe(1);
    expect(report.loaded + report.rejected).toBe(report.rowsIn);
    // WB-4's headcount 0 on sheet row 8; WB-2's General-format serial on row 6, converted with a warning.
    expect(report.problems.map((p) => [p.line, p.column, p.code, p.level])).toEqual([
      [6, '开始日期', 'excel-serial', 'warning'],
      [8, '人数', 'headcount-min', 'error'],
    ]);
  });

  test("the notices: the workbook's, then the title rows, the 合计 row and the note column", () => {
    const codes = report.notices.map((n) => n.code);
    expect(codes.slice(0, 4)).toEqual([
      'workbook-sheet',
      'workbook-formulas',
      'workbook-merged',
      'workbook-line-breaks',
    ]);
    expect(noticeOf(report.notices, 'title-rows')?.items).toEqual(['1', '2', '3']);
    expect(noticeOf(report.notices, 'totals')?.items).toEqual(['12']);
    expect(noticeOf(report.notices, 'blank-lines')?.items).toEqual(['11']);
    expect(noticeOf(report.notices, 'ignored-columns')?.items).toEqual(['备注']);
  });

  test('the values as the table holds them', async () => {
    expect(await value('start_date', 'WB-1')).toBe('2017-09-01');
    expect(await value('start_date', 'WB-2')).toBe('2018-01-01');
    expect(await value('end_date', 'WB-2')).toBe('2018-01-20');
    expect(await value('headcount', 'WB-2')).toBe('12');
    expect(await value('country', 'WB-2')).toBe('TW');
    expect(await value('start_date', 'WB-3')).toBe('2018-03-05');
    expect(await value('headcount', 'WB-3')).toBe('2');
    expect(await value('activity_type', 'WB-3')).not.toBeNull();
    expect(await value('headcount', 'WB-5')).toBe('10');
    expect(await value('partner', 'WB-5')).toBe('Hanoi Vocational College');
    expect(await value('country', 'WB-6')).toBe('VN');
    expect(await value('record_id', 'WB-4')).toBeNull();
    const [total] = await engine.query('SELECT sum(headcount)::INTEGER AS n, count(*)::INTEGER AS rows FROM exchanges');
    // 3 + 12 + 2 + 10 + 4: the 合计 row's 9 not added, WB-4 not loaded.
    expect(total).toEqual({ n: 31, rows: 5 });
  });
});
