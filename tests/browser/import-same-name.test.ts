/**
 * Issue 16, section 1: a file that failed, and two files of the same name. Both sequences of the
 * issue, step by step in Chromium: the waiting list, the Import button, the report, what the Data
 * page says the data is, the dashboard's figures, and the same after a reload. The expected figures
 * are computed here in plain TypeScript from the rows of the files imported, not by the app's SQL.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, shownKpis, useHarness } from './harness';

useHarness();

const XLSX = readFileSync(fileURLToPath(new URL('../fixtures/import/07-xlsx-renamed.csv', import.meta.url)));
const HEADER = 'record_id,direction,participant_category,headcount,activity_type,country,partner,start_date,end_date';

/** An exchanges export: `rows` as [id, direction, headcount, country, partner, start]. */
function exchanges(rows: [string, string, string, string, string, string][]): string {
  return (
    [
      HEADER,
      ...rows.map(
        ([id, dir, n, country, partner, start]) => `${id},${dir},teacher,${n},training,${country},${partner},${start},`,
      ),
    ].join('\r\n') + '\r\n'
  );
}

/** A first file: 6 data rows, the one with headcount 0 not importable. */
const FIRST = exchanges([
  ['A-1', 'outbound', '3', 'KR', 'Hanyang Tech', '2017-09-01'],
  ['A-2', 'inbound', '12', 'TW', 'Kaohsiung Poly', '2018-03-05'],
  ['A-3', 'outbound', '2', 'VN', '', '2018-05-10'],
  ['A-4', 'inbound', '5', 'DE', 'Hanyang Tech', '2018-10-08'],
  ['A-5', 'outbound', '0', 'JP', '', '2017-09-01'],
  ['A-6', 'outbound', '4', 'KR', '', '2019-04-02'],
]);
/** Another file of the same name: other ids, other countries, one row rejected. */
const SECOND = exchanges([
  ['B-1', 'outbound', '7', 'TH', 'Chiang Mai College', '2016-06-01'],
  ['B-2', 'inbound', '9', 'MY', '', '2016-11-20'],
  ['B-3', 'inbound', '1', 'SG', 'Chiang Mai College', '2017-01-15'],
  ['B-4', 'outbound', '-2', 'NP', '', '2017-02-01'],
]);

/** A third file, imported with replace after the two above. */
const THIRD = exchanges([
  ['C-1', 'inbound', '6', 'GB', 'Leeds College', '2019-09-09'],
  ['C-2', 'outbound', '2', 'US', '', '2019-10-01'],
]);

/** The files IndexedDB keeps (src/data/import-store.ts): per file, its name, table and rows. */
function stored(page: Page) {
  return page.evaluate(
    () =>
      new Promise<[string, string, number][]>((resolve, reject) => {
        const open = indexedDB.open('exchange-dashboard-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('state').objectStore('state').get('files');
          get.onsuccess = () => {
            type File = { name: string; table: string; rows: number };
            resolve(((get.result ?? []) as File[]).map((f) => [f.name, f.table, f.rows]));
            db.close();
          };
        };
      }),
  );
}

interface Row {
  record_id: string;
  direction: string;
  headcount: number;
  country: string;
  partner: string;
}

/** The rows of a file a careful reader would import: a whole headcount of at least 1. */
function importable(text: string): { rows: Row[]; dataRows: number } {
  const parsed = csvParse(text);
  const rows = parsed
    .filter((r) => /^\d+$/.test(r.headcount!) && Number(r.headcount) >= 1)
    .map((r) => ({
      record_id: r.record_id!,
      direction: r.direction!,
      headcount: Number(r.headcount),
      country: r.country!,
      partner: r.partner!.trim(),
    }));
  return { rows, dataRows: parsed.length };
}

/** The five KPI tiles over all years, from rows: person-trips out and in, countries, partners, agreements. */
function kpis(rows: Row[]): Record<string, number> {
  const sum = (dir: string) => rows.filter((r) => r.direction === dir).reduce((s, r) => s + r.headcount, 0);
  return {
    outbound: sum('outbound'),
    inbound: sum('inbound'),
    countries: new Set(rows.map((r) => r.country)).size,
    partners: new Set(rows.map((r) => r.partner).filter((p) => p !== '')).size,
    // The first import replaces the whole sample: no agreements are left.
    agreements: 0,
  };
}

const file = (text: string | Buffer) => ({
  name: 'exchanges.csv',
  mimeType: 'text/csv',
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

async function open(w: Watched): Promise<void> {
  await w.page.goto(baseUrl);
  await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
  await settled(w.page);
}

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

/** What the Data page says the data is: source, and each file with its rows. */
async function described(page: Page) {
  const source = page.locator('[data-testid="data-source"]');
  await source.waitFor();
  const files = await page
    .locator('[data-testid="data-source-file"]')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-name'), Number(el.getAttribute('data-rows'))]));
  // The statement of what the data is (the restore button below it names the sample it brings back).
  const text = (await source.locator('strong').first().textContent()) ?? '';
  return { source: await source.getAttribute('data-source'), text, files };
}

async function reportFiles(page: Page) {
  await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
  return page.locator('[data-testid="import-report-file"]').evaluateAll((els) =>
    els.map((el) => ({
      name: el.getAttribute('data-name'),
      error: el.getAttribute('data-error'),
      rows: Number(el.getAttribute('data-rows')),
      loaded: Number(el.getAttribute('data-loaded')),
      rejected: Number(el.getAttribute('data-rejected')),
    })),
  );
}

async function tableRows(page: Page, table: string): Promise<number> {
  const el = page.locator(`[data-testid="data-table-${table}"]`);
  await el.waitFor();
  return Number(await el.getAttribute('data-rows'));
}

describe('a failed file, then a corrected file of the same name (issue 16, first sequence)', () => {
  let w: Watched;
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('the workbook is marked and skipped, the report and the Data page say what was stored', async () => {
    const expected = importable(FIRST);
    await open(w);
    await toData(w.page);

    // An .xlsx renamed exchanges.csv: the preview says what it is, and there is nothing to import.
    await w.page.setInputFiles('[data-testid="import-input"]', file(XLSX));
    await w.page.locator('[data-testid="import-file-error"]').waitFor();
    expect(await w.page.textContent('[data-testid="import-file-error"]')).toContain('Excel');
    expect(await w.page.isDisabled('[data-testid="import-run"]')).toBe(true);

    // The corrected file of the same name: both wait, each its own.
    await w.page.setInputFiles('[data-testid="import-input"]', file(FIRST));
    await w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
    expect(await w.page.locator('[data-testid="import-preview"]').count()).toBe(2);
    expect(await w.page.isDisabled('[data-testid="import-run"]')).toBe(false);
    await w.page.click('[data-testid="import-run"]');

    const report = await reportFiles(w.page);
    const loaded = report.filter((r) => !r.error);
    expect(loaded).toEqual([
      {
        name: 'exchanges.csv',
        error: null,
        rows: expected.dataRows,
        loaded: expected.rows.length,
        rejected: expected.dataRows - expected.rows.length,
      },
    ]);
    expect(loaded[0]!.loaded + loaded[0]!.rejected).toBe(loaded[0]!.rows);
    // The workbook is in the report as not imported, not run again.
    expect(report.filter((r) => r.error)).toEqual([
      { name: 'exchanges.csv', error: 'xlsx', rows: 0, loaded: 0, rejected: 0 },
    ]);
    // The rejected rows download with one line ending, CRLF, header and rows alike.
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="import-download-rejects"]'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toHaveLength(2 + (expected.dataRows - expected.rows.length));
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain('A-5');
    // The waiting list is empty: nothing is imported twice.
    expect(await w.page.locator('[data-testid="import-preview"]').count()).toBe(0);

    const data = await described(w.page);
    expect(data.source).toBe('imported');
    expect(data.text).not.toContain('示例数据');
    expect(data.files).toEqual([['exchanges.csv', expected.rows.length]]);
    await w.page.waitForFunction(
      (n) => document.querySelector('[data-testid="data-table-exchanges"]')?.getAttribute('data-rows') === String(n),
      expected.rows.length,
    );

    expect(await toDashboard(w.page)).toEqual(kpis(expected.rows));
    // The 数据 button still opens the Data page.
    await toData(w.page);
    expect((await described(w.page)).files).toEqual([['exchanges.csv', expected.rows.length]]);

    await open(w);
    expect(await shownKpis(w.page)).toEqual(kpis(expected.rows));
    await toData(w.page);
    expect(await described(w.page)).toMatchObject({
      source: 'imported',
      files: [['exchanges.csv', expected.rows.length]],
    });
    expect(await tableRows(w.page, 'exchanges')).toBe(expected.rows.length);
  });

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});

describe('two different files both named exchanges.csv, replace (issue 16, second sequence)', () => {
  let w: Watched;
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('both are imported, each reported on its own; the data is what the report says, before and after a reload', async () => {
    const first = importable(FIRST);
    const second = importable(SECOND);
    // The second file of a table in one import adds to the first (docs/importing.md).
    const all = [...first.rows, ...second.rows];
    await open(w);
    await toData(w.page);

    await w.page.setInputFiles('[data-testid="import-input"]', file(FIRST));
    await w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
    await w.page.setInputFiles('[data-testid="import-input"]', file(SECOND));
    await w.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-preview"] [data-testid="import-encoding"]').length === 2,
    );
    await w.page.check('[data-testid="import-mode-replace"]');
    await w.page.click('[data-testid="import-run"]');

    const report = await reportFiles(w.page);
    expect(report).toEqual([
      {
        name: 'exchanges.csv',
        error: null,
        rows: first.dataRows,
        loaded: first.rows.length,
        rejected: first.dataRows - first.rows.length,
      },
      {
        name: 'exchanges.csv',
        error: null,
        rows: second.dataRows,
        loaded: second.rows.length,
        rejected: second.dataRows - second.rows.length,
      },
    ]);
    for (const r of report) expect(r.loaded + r.rejected).toBe(r.rows);
    await w.page.locator('[data-testid="import-notice-combined"]').waitFor();

    const data = await described(w.page);
    expect(data.source).toBe('imported');
    expect(data.text).not.toContain('示例数据');
    expect(data.files).toEqual([
      ['exchanges.csv', first.rows.length],
      ['exchanges.csv', second.rows.length],
    ]);
    await w.page.waitForFunction(
      (n) => document.querySelector('[data-testid="data-table-exchanges"]')?.getAttribute('data-rows') === String(n),
      all.length,
    );
    expect(await toDashboard(w.page)).toEqual(kpis(all));
    await toData(w.page);

    await open(w);
    expect(await shownKpis(w.page)).toEqual(kpis(all));
    await toData(w.page);
    expect((await described(w.page)).files).toEqual([
      ['exchanges.csv', first.rows.length],
      ['exchanges.csv', second.rows.length],
    ]);
    expect(await tableRows(w.page, 'exchanges')).toBe(all.length);
  });

  test('a replace drops what it superseded from this browser; a reload replays only the last import', async () => {
    const third = importable(THIRD);
    await w.page.setInputFiles('[data-testid="import-input"]', file(THIRD));
    await w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
    await w.page.check('[data-testid="import-mode-replace"]');
    await w.page.click('[data-testid="import-run"]');
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="import-report-file"]').length === 1);
    expect(await reportFiles(w.page)).toEqual([
      { name: 'exchanges.csv', error: null, rows: third.dataRows, loaded: third.rows.length, rejected: 0 },
    ]);
    expect((await described(w.page)).files).toEqual([['exchanges.csv', third.rows.length]]);
    // IndexedDB holds this import only: the two files it replaced are gone.
    expect(await stored(w.page)).toEqual([['exchanges.csv', 'exchanges', third.rows.length]]);
    expect(await toDashboard(w.page)).toEqual(kpis(third.rows));

    await open(w);
    expect(await shownKpis(w.page)).toEqual(kpis(third.rows));
    await toData(w.page);
    expect((await described(w.page)).files).toEqual([['exchanges.csv', third.rows.length]]);
    expect(await tableRows(w.page, 'exchanges')).toBe(third.rows.length);
  });

  test('a replace whose every row is rejected says the existing data was kept, and keeps it', async () => {
    const third = importable(THIRD);
    const bad = exchanges([
      ['Z-1', 'outbound', '0', 'KR', '', '2018-01-01'],
      ['Z-2', 'sideways', '3', 'KR', '', '2018-01-01'],
    ]);
    await w.page.setInputFiles('[data-testid="import-input"]', file(bad));
    await w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
    await w.page.check('[data-testid="import-mode-replace"]');
    await w.page.click('[data-testid="import-run"]');
    await w.page.locator('[data-testid="import-kept"]').waitFor({ timeout: 30_000 });
    expect(await w.page.textContent('[data-testid="import-kept"]')).toContain('现有数据保持不变');
    expect(await reportFiles(w.page)).toEqual([
      { name: 'exchanges.csv', error: null, rows: 2, loaded: 0, rejected: 2 },
    ]);
    expect((await described(w.page)).files).toEqual([['exchanges.csv', third.rows.length]]);
    expect(await stored(w.page)).toHaveLength(1);
    expect(await toDashboard(w.page)).toEqual(kpis(third.rows));
  });

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
