import { read, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { ANNUAL_REPORT } from '../../src/config/annual-report';
import { expectedReport, expectedYears } from '../helpers/expected-report';

// The annual report view (issue 15): opened from the link (view=report) in Chinese and English, every
// figure equal to the independent computation over data/*.csv (tests/helpers/expected-report.ts), the
// records behind a figure listed, and the .xlsx read back: title, header, indicator rows, units, note;
// numbers as number cells; the Chinese and English sheets.

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await watchedPage(browser, origin));
});
afterAll(() => browser?.close());

async function open(query: string) {
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForSelector('[data-testid="report-table"]', { timeout: 45_000 });
}

async function shown(): Promise<{ year: number; values: Record<string, number>; names: string[] }> {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="report-table"]')!;
    const values: Record<string, number> = {};
    for (const cell of table.querySelectorAll<HTMLElement>('[data-testid^="report-value-"]')) {
      values[cell.dataset.testid!.replace('report-value-', '')] = Number(cell.textContent!.replace(/[,\s]/g, ''));
    }
    const names = [...table.querySelectorAll('tbody > tr > th')].map((th) => th.textContent!.trim());
    return { year: Number(table.getAttribute('data-year')), values, names };
  });
}

async function pick(year: number) {
  await page.selectOption('[data-testid="report-year"]', String(year));
  await page.waitForSelector(`[data-testid="report-table"][data-year="${year}"]`);
}

test('zh-CN: reached from the header, every year equals the independent computation', async () => {
  await page.goto(`${baseUrl}?lang=zh-CN`);
  await page.click('[data-testid="nav-report"]', { timeout: 45_000 });
  await page.waitForSelector('[data-testid="report-table"]', { timeout: 45_000 });
  expect(new URL(page.url()).searchParams.get('view')).toBe('report');
  // Opens on the last year a record starts in.
  expect((await shown()).year).toBe(2019);
  const options = await page.$$eval('[data-testid="report-year"] option', (os) => os.map((o) => Number(o.textContent)));
  expect(options).toEqual(expectedYears());
  for (const year of expectedYears()) {
    await pick(year);
    const { values, names } = await shown();
    const expected = expectedReport(year);
    expect(values, String(year)).toEqual(Object.fromEntries(expected.map((e) => [e.id, e.value])));
    expect(names).toEqual(ANNUAL_REPORT.indicators.map((i) => i.zh));
  }
  expect(errors).toEqual([]);
});

test('the records behind a figure: ids, headcount × days, summing to the figure', async () => {
  await open('view=report&lang=en');
  await pick(2019);
  const expected = expectedReport(2019).find((e) => e.id === 'going_global_internships')!;
  await page.click('[data-testid="report-records-going_global_internships"] summary');
  const rows = await page.$$eval('[data-testid="report-records-going_global_internships"] tbody tr', (trs) =>
    trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.record!,
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    })),
  );
  expect(rows.map((r) => r.id).sort()).toEqual(expected.ids);
  for (const r of rows) expect(Number(r.cells[1]) * Number(r.cells[2])).toBe(Number(r.cells[3]!.replace(/,/g, '')));
  expect(rows.reduce((s, r) => s + Number(r.cells[3]!.replace(/,/g, '')), 0)).toBe(expected.value);
});

const workbook = (bytes: Buffer): WorkBook => read(bytes, { type: 'buffer' });
function cells(wb: WorkBook, name: string): (CellObject | undefined)[][] {
  const sheet = wb.Sheets[name]!;
  const range = utils.decode_range(sheet['!ref']!);
  const out: (CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[utils.encode_cell({ r, c })]);
    out.push(row);
  }
  return out;
}

test('en: the values shown and the .xlsx (Chinese table, English table, records) read back', async () => {
  await open('view=report&lang=en');
  await pick(2018);
  const expected = expectedReport(2018);
  const { values, names } = await shown();
  expect(values).toEqual(Object.fromEntries(expected.map((e) => [e.id, e.value])));
  expect(names).toEqual(ANNUAL_REPORT.indicators.map((i) => i.en));

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-export"]')]);
  expect(download.suggestedFilename()).toMatch(/^International-influence-2018-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = workbook(await readFile((await download.path())!));
  expect(wb.SheetNames).toEqual(['国际影响表', 'International influence', 'Records']);

  const indicators = ANNUAL_REPORT.indicators;
  for (const [name, lang, header] of [
    ['国际影响表', 'zh', ['序号', '指标', '单位', '数值']],
    ['International influence', 'en', ['No.', 'Indicator', 'Unit', 'Value']],
  ] as const) {
    const sheet = cells(wb, name);
    expect(sheet.length).toBe(3 + indicators.length + 1);
    expect(sheet[0]![0]).toMatchObject({
      t: 's',
      v: lang === 'zh' ? '国际影响表（2018年）' : 'International influence (2018)',
    });
    expect(sheet[1]![0]?.t).toBe('s');
    expect(sheet[2]!.map((c) => c?.v)).toEqual(header);
    indicators.forEach((indicator, i) => {
      const row = sheet[3 + i]!;
      expect(row.map((c) => c?.t)).toEqual(['n', 's', 's', 'n']);
      expect(row.map((c) => c?.v)).toEqual([i + 1, indicator[lang], indicator.unit[lang], expected[i]!.value]);
    });
    const note = sheet.at(-1)![0]!;
    expect(note.t).toBe('s');
    expect(String(note.v)).toMatch(
      lang === 'zh' ? /人日.*导出日期：\d{4}-\d{2}-\d{2}/ : /person-days.*Exported \d{4}-\d{2}-\d{2}/,
    );
    // Title, college and note span the table's four columns.
    const merges = wb.Sheets[name]!['!merges']!.map((m) => utils.encode_range(m));
    expect(merges).toEqual(['A1:D1', 'A2:D2', `A${sheet.length}:D${sheet.length}`]);
  }

  const records = cells(wb, 'Records');
  expect(records[0]!.map((c) => c?.v)).toEqual(['Indicator', 'ID', 'Headcount', 'Days in the year', 'Counted', 'Note']);
  const ids = records.slice(1).map((r) => String(r[1]!.v));
  expect(ids.sort()).toEqual(expected.flatMap((e) => e.ids).sort());
  for (const r of records.slice(1)) expect(r[4]?.t).toBe('n');
  expect(errors).toEqual([]);
});
