/**
 * Workbooks on the Data page in Chromium (issue 16 §3): the office's .xlsx (a chart sheet first, a
 * notes sheet, title rows, a two-row merged header, a 合计 row) set on the file input is read in its
 * own worker, previewed with its sheet, imported, and the KPI tiles then equal the figures computed
 * here from the workbook's cells (read with SheetJS and the rules written out in plain TypeScript,
 * not by the app's conversion or SQL). A password-protected workbook and a 1,048,576-row sheet are
 * refused with their messages while the page stays responsive, and the data stays as it was.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, shownKpis, useHarness } from './harness';
// @ts-expect-error the fixture builder is plain JavaScript, shared with its command line
import { bigSheet } from '../../scripts/make-workbook-fixtures.mjs';

useHarness();

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const WORKBOOK = fixture('wb-exchanges.xlsx');

interface Row {
  direction: string;
  headcount: number;
  country: string;
  partner: string;
}

/**
 * The rows of the sheet 交流记录 a careful reader would import, from its cells: merged cells take
 * their range's first value, data starts below the two header rows, blank and 合计 rows are not
 * data, and a row counts when its 人数 is a whole number of at least 1 (full-width digits read as digits).
 */
function importable(bytes: Buffer): { rows: Row[]; dataRows: number } {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const sheet = wb.Sheets['交流记录']!;
  const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  for (const m of sheet['!merges'] ?? []) {
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) cells[r]![c] ??= cells[m.s.r]![m.s.c];
  }
  const header = cells[3]!.map(String);
  const at = (name: string) => header.indexOf(name);
  const data = cells.slice(4).filter((r) => r.some((v) => v !== null && v !== '') && r[0] !== '合计');
  const rows = data
    .map((r) => ({
      direction: ({ 出访: 'outbound', 来访: 'inbound' } as Record<string, string>)[String(r[at('方向')])]!,
      headcount: Number(String(r[at('人数')]).normalize('NFKC')),
      country: String(r[at('国家和地区')]),
      partner: String(r[at('合作院校')] ?? '').trim(),
    }))
    .filter((r) => Number.isInteger(r.headcount) && r.headcount >= 1);
  return { rows, dataRows: data.length };
}

/** The five KPI tiles over all years; the first import replaces the sample, agreements with it. */
function kpis(rows: Row[]): Record<string, number> {
  const sum = (dir: string) => rows.filter((r) => r.direction === dir).reduce((s, r) => s + r.headcount, 0);
  return {
    outbound: sum('outbound'),
    inbound: sum('inbound'),
    countries: new Set(rows.map((r) => r.country)).size,
    partners: new Set(rows.map((r) => r.partner).filter((p) => p !== '')).size,
    agreements: 0,
  };
}

const file = (name: string, buffer: Buffer | Uint8Array) => ({
  name,
  mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: Buffer.from(buffer),
});

async function toData(page: Page): Promise<void> {
  await page.click('[data-testid="nav-data"]');
  await page.locator('[data-testid="data-page"]').waitFor({ timeout: 10_000 });
}

async function toDashboard(page: Page): Promise<Record<string, number>> {
  await page.click('[data-testid="nav-dashboard"]');
  await page.locator('[data-testid="data-page"]').waitFor({ state: 'detached', timeout: 10_000 });
  await settled(page);
  return shownKpis(page);
}

/** The longest the page took to answer while `until` was not yet true (the main thread stays free). */
async function longestPause(page: Page, until: () => Promise<boolean>, limitMs: number): Promise<number> {
  let longest = 0;
  const end = Date.now() + limitMs;
  while (!(await until())) {
    if (Date.now() > end) throw new Error('timed out');
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    longest = Math.max(longest, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return longest;
}

describe('an Excel workbook on the Data page', () => {
  let w: Watched;
  const requested: string[] = [];
  const expected = importable(WORKBOOK);
  beforeAll(async () => {
    // The figures a reader gets from the sheet: WB-4 (人数 0) left out, 合计 not counted.
    expect(expected.dataRows).toBe(6);
    expect(kpis(expected.rows)).toEqual({ outbound: 19, inbound: 12, countries: 4, partners: 3, agreements: 0 });
    w = await watchedPage(browser, origin);
    w.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
    await settled(w.page);
  });
  afterAll(() => w?.page.context().close());

  test("previewed with its sheet, imported, and the tiles equal the sheet's figures", async () => {
    await toData(w.page);
    expect(await w.page.getAttribute('[data-testid="import-input"]', 'accept')).toContain('.xlsx');
    // The parser is not fetched with the page, nor with the Data page: only once a workbook is chosen.
    const parser = () => requested.filter((path) => /workbook-worker[^/]*\.js$/.test(path));
    expect(requested.length).toBeGreaterThan(5);
    expect(parser()).toEqual([]);
    await w.page.setInputFiles('[data-testid="import-input"]', file('国际交流统计.xlsx', WORKBOOK));
    const sheet = w.page.locator('[data-testid="import-preview"] [data-testid="import-sheet"]');
    await sheet.waitFor({ timeout: 30_000 });
    expect(parser()).toHaveLength(1);
    // The chart and the notes are passed over; the chart and the empty sheet cannot be chosen.
    expect(await sheet.inputValue()).toBe('交流记录');
    const options = await sheet
      .locator('option')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('value'), (el as HTMLOptionElement).disabled]));
    expect(options).toEqual([
      ['图表', true],
      ['说明', false],
      ['交流记录', false],
      ['合作院校', false],
      ['空白', true],
    ]);
    const preview = w.page.locator('[data-testid="import-preview"]');
    await preview.locator('tr.header').waitFor();
    // The header is the sheet's row 4 (the row of 开始日期 / 结束日期 under the merged 交流时间).
    expect(await preview.locator('tr.header th').textContent()).toBe('4');
    expect(await preview.locator('tr.header').textContent()).toContain('开始日期');
    expect(await preview.locator('[data-testid="import-encoding"]').count()).toBe(0);

    await w.page.click('[data-testid="import-run"]');
    const report = w.page.locator('[data-testid="import-report-file"]');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getAttribute('data-rows')).toBe(String(expected.dataRows));
    expect(await report.getAttribute('data-loaded')).toBe(String(expected.rows.length));
    expect(await report.getAttribute('data-rejected')).toBe(String(expected.dataRows - expected.rows.length));
    expect(await w.page.textContent('[data-testid="import-notice-workbook-sheet"]')).toContain('交流记录');
    // The sheet and its header row, not the encoding of the text it was read as.
    expect(await report.textContent()).toContain('工作表：交流记录；表头在第 4 行');
    expect(await report.textContent()).not.toContain('utf-8');
    expect(await w.page.textContent('[data-testid="import-notice-workbook-formulas"]')).toContain('D7');
    expect(await w.page.textContent('[data-testid="import-notice-totals"]')).toContain('12');
    // WB-4's 人数 0 is reported on the sheet's row 8.
    const problems = await w.page
      .locator('[data-testid="import-problem"]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-line'), el.getAttribute('data-code')]));
    expect(problems).toContainEqual(['8', 'headcount-min']);

    expect(await toDashboard(w.page)).toEqual(kpis(expected.rows));
  });

  test('a password-protected workbook is refused with its message, and the data stays', async () => {
    await toData(w.page);
    await w.page.setInputFiles('[data-testid="import-input"]', file('加密.xlsx', fixture('wb-password.xlsx')));
    const error = w.page.locator('[data-testid="import-file-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('密码');
    expect(await w.page.isDisabled('[data-testid="import-run"]')).toBe(true);
    await w.page.click('[data-testid="import-preview"] button.link');
    expect(await toDashboard(w.page)).toEqual(kpis(expected.rows));
  });

  test('a workbook named .csv is read as a workbook (BAD-INPUTS 7); another sheet can be chosen', async () => {
    await toData(w.page);
    await w.page.setInputFiles('[data-testid="import-input"]', file('exchanges.csv', WORKBOOK));
    const sheet = w.page.locator('[data-testid="import-preview"] [data-testid="import-sheet"]');
    await sheet.waitFor({ timeout: 30_000 });
    expect(await sheet.inputValue()).toBe('交流记录');
    await sheet.selectOption('合作院校');
    const preview = w.page.locator('[data-testid="import-preview"]');
    await w.page.waitForFunction(() =>
      document.querySelector('[data-testid="import-preview"] tr.header')?.textContent?.includes('英文名称'),
    );
    expect(await preview.locator('tr.header th').textContent()).toBe('1');
    await w.page.click('[data-testid="import-preview"] button.link');
    expect(await w.page.locator('[data-testid="import-preview"]').count()).toBe(0);
  });

  test("a 1,048,576-row sheet: the limit's message, the page answering all along, the data unchanged", async () => {
    const big = bigSheet(1_048_576) as Uint8Array;
    await w.page.setInputFiles('[data-testid="import-input"]', file('一百万行.xlsx', big));
    const error = w.page.locator('[data-testid="import-file-error"]');
    const pause = await longestPause(w.page, () => error.isVisible(), 150_000);
    console.log(`longest pause of the page while the workbook was read: ${pause} ms`);
    expect(pause).toBeLessThan(1000);
    expect(await error.textContent()).toContain('1048576');
    expect(await error.textContent()).toContain('100000');
    expect(await w.page.isDisabled('[data-testid="import-run"]')).toBe(true);
    await w.page.click('[data-testid="import-preview"] button.link');
    expect(await toDashboard(w.page)).toEqual(kpis(expected.rows));
  }, 240_000);

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
