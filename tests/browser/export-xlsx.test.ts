import { read, SSF, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { csvParseRows } from 'd3';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { exportChart } from './harness';
import { defaultFilters } from '../../src/data/filters';
import { countryName } from '../../src/reference/countries';
import { trips } from '../helpers/expected';
import { publishedChartBars } from '../helpers/published';

// The .xlsx export from the dashboard (issue 15): the countries chart's workbook, opened with SheetJS,
// public by default (the public CSV's values, sums of rounded cells computed from the CSV files) and,
// unticked, the exact counts (the internal CSV's, and each country's sum over data/exchanges.csv).

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  const watched = await watchedPage(browser, origin);
  ({ page, errors } = watched);
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-countries"] svg', { timeout: 45_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
});
afterAll(() => browser?.close());

const csvRows = (bytes: Buffer) => csvParseRows(bytes.toString('utf8').replace(/^\uFEFF/, ''));
const workbook = (bytes: Buffer): WorkBook => read(bytes, { type: 'buffer', cellNF: true });
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
/** The workbook's data sheet as the CSV would write it, each cell with its type. */
const typed = (sheet: (CellObject | undefined)[][]) => sheet.map((r) => r.map((c) => [c?.t, String(c?.v ?? '')]));
const expectedTypes = (csv: string[][]) => csv.map((r, i) => r.map((v, c) => [i > 0 && c > 0 ? 'n' : 's', v]));

async function setPublic(on: boolean) {
  await page.click('[data-testid="export-countries"] summary');
  await (on ? page.check : page.uncheck).call(page, '[data-testid="export-countries-public"]');
  await page.click('[data-testid="export-countries"] summary');
}

test('countries chart as .xlsx: public by default, the public CSV typed; unticked, the exact counts', async () => {
  const pub = await exportChart(page, 'countries', 'xlsx');
  expect(pub.name).toMatch(/\.xlsx$/);
  expect([...pub.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
  const pubCsv = csvRows((await exportChart(page, 'countries', 'csv')).bytes);
  await setPublic(false);
  const internal = await exportChart(page, 'countries', 'xlsx');
  const internalCsv = csvRows((await exportChart(page, 'countries', 'csv')).bytes);
  await setPublic(true);

  const wb = workbook(pub.bytes);
  expect(wb.SheetNames).toEqual(['数据', '说明']);
  const sheet = cells(wb, '数据');
  // Names as text, counts as numbers, equal to the public CSV cell by cell.
  expect(typed(sheet)).toEqual(expectedTypes(pubCsv));
  // ... and to the published figures computed from the CSV files.
  const years = trips.map((t) => t.year);
  const bars = publishedChartBars('countries', defaultFilters(Math.min(...years), Math.max(...years)))!;
  expect(sheet.slice(1).map((r) => r.map((c) => c!.v))).toEqual(
    bars.map((b) => [countryName(b.key, 'zh-CN'), b.outbound, b.inbound, b.total]),
  );

  const about = cells(wb, '说明');
  expect(about.map((r) => r[0]?.v)).toEqual(['标题', '筛选条件', '数据来源', '导出日期', '公开规则']);
  expect(String(about[0]![1]!.v)).toBe(
    await page.locator('[data-testid="chart-countries"] h2, [data-testid="chart-countries"] h3').first().innerText(),
  );
  expect(SSF.format(String(about[3]![1]!.z), about[3]![1]!.v as number)).toBe(new Date().toISOString().slice(0, 10));
  expect(String(about[4]![1]!.v)).toContain('取整到最接近的 5 的倍数');

  // Internal: the internal CSV's cells; each country's counts as summed from data/exchanges.csv.
  const iwb = workbook(internal.bytes);
  const isheet = cells(iwb, '数据');
  expect(typed(isheet)).toEqual(expectedTypes(internalCsv));
  const nums = isheet.slice(1).flatMap((r) => r.slice(1).map((c) => c!.v as number));
  expect(nums.some((v) => v % 5 !== 0)).toBe(true);
  for (const row of isheet.slice(1)) {
    const code = [...new Set(trips.map((t) => t.country))].find((c) => countryName(c, 'zh-CN') === row[0]!.v)!;
    const sum = (dir: string) =>
      trips.filter((t) => t.country === code && t.direction === dir).reduce((s, t) => s + t.headcount, 0);
    expect(row.slice(1).map((c) => c!.v)).toEqual([sum('outbound'), sum('inbound'), sum('outbound') + sum('inbound')]);
  }
  expect(String(cells(iwb, '说明')[4]![1]!.v)).toContain('内部版');
  expect(errors).toEqual([]);
});

test("the map's table as .xlsx: the public CSV's rows, places as text, counts (net too) as numbers", async () => {
  await page.waitForSelector('[data-testid="chart-map"] svg', { timeout: 45_000 });
  const csv = csvRows((await exportChart(page, 'map', 'csv')).bytes);
  const wb = workbook((await exportChart(page, 'map', 'xlsx')).bytes);
  const sheet = cells(wb, '数据');
  expect(csv.length).toBeGreaterThan(5);
  expect(typed(sheet)).toEqual(expectedTypes(csv));
  expect(sheet.slice(1).some((r) => (r[4]!.v as number) < 0)).toBe(true);
  expect(sheet.slice(1).every((r) => r.slice(1).every((c) => (c!.v as number) % 5 === 0))).toBe(true);
  expect(errors).toEqual([]);
});
