/**
 * The importer in Chromium: a GB18030 export with Chinese headers, a title row and a 合计 row,
 * set on the file input, changes the KPI tiles to the figures the same import gives on the real
 * engine in Node, shows the report, survives a reload (IndexedDB) and is forgotten on request.
 */
import { read, utils } from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFiles } from '../../src/data/import-run';
import { defaultFilters } from '../../src/data/filters';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, engine, expectedKpis, origin, settled, shownKpis, useHarness } from './harness';

const FIXTURE = fileURLToPath(new URL('../fixtures/import/browser-gb18030.csv', import.meta.url));

// Chromium, and the engine in Node with the bundled data in (the harness), which the import then replaces.
useHarness();

async function openDashboard(w: Watched): Promise<void> {
  await w.page.goto(baseUrl);
  await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
  await settled(w.page);
}

describe('importing a staff export', () => {
  let w: Watched;
  let imported: Record<string, number>;
  let sample: Record<string, number>;

  beforeAll(async () => {
    sample = await expectedKpis(defaultFilters(2014, 2019));
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const outcome = await importFiles(engine, [{ name: 'browser-gb18030.csv', bytes }], {
      mode: 'replace',
      replacesSample: true,
      thisYear: new Date().getFullYear(),
    });
    expect(outcome.files[0]).toMatchObject({ loaded: 4, rejected: 1, rowsIn: 5 });
    imported = await expectedKpis(defaultFilters(2017, 2018));
    expect(imported).toMatchObject({ outbound: 5, inbound: 17, countries: 4 });
    w = await watchedPage(browser, origin);
  });
  afterAll(() => w?.page.context().close());

  test('the file input, the preview, the report and the KPI tiles', async () => {
    await openDashboard(w);
    expect(await shownKpis(w.page)).toEqual(sample);
    await w.page.click('[data-testid="nav-data"]');
    await w.page.setInputFiles('[data-testid="import-input"]', FIXTURE);
    const encoding = w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]');
    await encoding.waitFor();
    expect(await encoding.inputValue()).toBe('gb18030');
    expect(await w.page.textContent('[data-testid="import-preview"]')).toContain('编号');

    await w.page.click('[data-testid="import-run"]');
    const report = w.page.locator('[data-testid="import-report-file"]');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getAttribute('data-rows')).toBe('5');
    expect(await report.getAttribute('data-loaded')).toBe('4');
    expect(await report.getAttribute('data-rejected')).toBe('1');
    expect(await report.textContent()).toContain('gb18030');
    await w.page.locator('[data-testid="import-notice-totals"]').waitFor();
    await w.page.locator('[data-testid="import-notice-title-rows"]').waitFor();
    // The office's words, and the code each was read as (培训 ×5 in the file; the 0-headcount row too).
    expect(await w.page.textContent('[data-testid="import-mapped"]')).toContain('活动类型：“培训” → training（5 行）');
    const problem = w.page.locator('[data-testid="import-problem"]');
    expect(await problem.getAttribute('data-code')).toBe('headcount-min');
    expect(await problem.getAttribute('data-line')).toBe('7');
    expect(await problem.textContent()).toContain('人数必须至少为 1');
    await w.page.waitForFunction(
      () => document.querySelector('[data-testid="data-table-exchanges"]')?.getAttribute('data-rows') === '4',
    );

    await w.page.click('[data-testid="nav-dashboard"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(imported);
    expect(await w.page.locator('[data-testid="sample-notice"]').count()).toBe(0);
    const source = await w.page.locator('[data-testid="chart-trend"] .source').textContent();
    expect(source).toContain('导入数据');
    expect(source).not.toContain('示例数据');
  });

  test('the rejected rows download as CSV with a BOM', async () => {
    await w.page.click('[data-testid="nav-data"]');
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="import-download-rejects"]'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Z-5');
    expect(text).toContain('人数必须至少为 1');
  });

  test('the rejected rows download as a workbook too: the cells as the file had them, the line a number', async () => {
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="import-download-rejects-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toBe('rejected-rows.xlsx');
    const book = read(readFileSync((await download.path())!), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(rows[0]!.slice(0, 3)).toEqual(['文件', '行号', '问题']);
    const line = sheet['B2'];
    expect(line?.t).toBe('n');
    expect(line?.v).toBe(7);
    expect(String(rows[1]![2])).toContain('人数必须至少为 1');
    expect(rows.flat().map(String)).toContain('Z-5');
    expect(book.SheetNames).toHaveLength(2);
  });

  test('the console reads and refuses to write', async () => {
    await w.page.fill('[data-testid="console-sql"]', 'SELECT sum(headcount) AS trips FROM facts');
    await w.page.click('[data-testid="console-run"]');
    await w.page.locator('[data-testid="console-result"]').waitFor();
    expect(await w.page.textContent('[data-testid="console-result"] td')).toBe('22');
    for (const sql of ['DROP TABLE facts', "SELECT * FROM read_csv('/etc/passwd')", "ATTACH 'x.db'"]) {
      await w.page.fill('[data-testid="console-sql"]', sql);
      await w.page.click('[data-testid="console-run"]');
      await w.page.locator('[data-testid="console-error"]').waitFor();
    }
  });

  test('a reload keeps the imported data until it is forgotten', async () => {
    await openDashboard(w);
    expect(await shownKpis(w.page)).toEqual(imported);
    await w.page.click('[data-testid="nav-data"]');
    await w.page.click('[data-testid="data-restore"]');
    await w.page.waitForSelector('[data-testid="data-source"][data-source="sample"]');
    await w.page.click('[data-testid="nav-dashboard"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(sample);
    await openDashboard(w);
    expect(await shownKpis(w.page)).toEqual(sample);
  });

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
