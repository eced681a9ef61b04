/**
 * Issue 16 §2 in Chromium: a file with words the app does not know (海外研学, 国际志愿服务, 辅导员,
 * 团建) previews with each listed and its rows; the user maps three by their labelled form controls
 * and leaves one; the import loads every row but the one left, the report says which values were
 * read by the user's mapping, and the KPI tiles equal a computation in plain TypeScript over the
 * file's rows with the same mappings. After a reload the mappings are remembered and the same file
 * imports alike without a choice; they export as CSV, a bad mapping file is refused with its line,
 * and they can be forgotten and read back from the exported file.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, shownKpis, useHarness } from './harness';

useHarness();

const CSV = [
  '编号,方向,人员类别,人数,活动类型,国家和地区,合作院校,开始日期,经费来源',
  'V-1,出访,学生,12,海外研学,JP,Osaka Tech,2018-07-10,自费',
  'V-2,出访,学生,9,海外研学,KR,Hanyang Tech,2018-08-01,学院经费',
  'V-3,出访,学生,6,海外研学,SG,,2019-01-15,自费',
  'V-4,来访,学生,15,国际志愿服务,TH,Chiang Mai College,2019-03-02,合作方',
  'V-5,出访,教师,2,国际志愿服务,NP,,2019-04-20,学院经费',
  'V-6,来访,辅导员,3,文化体验,TW,Kaohsiung Poly,2019-05-05,合作方',
  'V-7,出访,教师,4,团建,KR,Hanyang Tech,2019-06-06,学院经费',
  'V-8,出访,教师,5,培训,DE,,2019-09-01,学院经费',
].join('\r\n');

/** What the file's words mean, written here by hand: the built-in words it uses, and the user's choices. */
const BUILT_IN: Record<string, Record<string, string>> = {
  方向: { 出访: 'outbound', 来访: 'inbound' },
  人员类别: { 学生: 'student', 教师: 'teacher' },
  活动类型: { 文化体验: 'short_program', 培训: 'training' },
};
const USER: Record<string, Record<string, string>> = {
  人员类别: { 辅导员: 'staff' },
  活动类型: { 海外研学: 'short_program', 国际志愿服务: 'other' },
};
const COLUMN_OF: Record<string, string> = { 人员类别: 'participant_category', 活动类型: 'activity_type' };

const rows = csvParse(CSV);
const read = (column: string, value: string) => BUILT_IN[column]?.[value] ?? USER[column]?.[value];
/** The rows an import with these mappings keeps: every coded value read. */
const kept = rows.filter((r) => ['方向', '人员类别', '活动类型'].every((c) => read(c, r[c]!) !== undefined));

function expectedKpis(): Record<string, number> {
  const sum = (direction: string) =>
    kept.filter((r) => read('方向', r['方向']!) === direction).reduce((s, r) => s + Number(r['人数']), 0);
  return {
    outbound: sum('outbound'),
    inbound: sum('inbound'),
    countries: new Set(kept.map((r) => r['国家和地区'])).size,
    partners: new Set(kept.map((r) => r['合作院校']).filter((p) => p !== '')).size,
    // The import replaces the whole sample: no agreements are left.
    agreements: 0,
  };
}

/** Per column, each value neither a code nor a built-in word, with its rows. */
function unknownValues(): Record<string, Record<string, number>> {
  const found: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    for (const column of ['人员类别', '活动类型']) {
      const value = r[column]!;
      if (BUILT_IN[column]![value]) continue;
      const list = (found[COLUMN_OF[column]!] ??= {});
      list[value] = (list[value] ?? 0) + 1;
    }
  }
  return found;
}

const file = { name: 'exchanges.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') };

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

/** What the preview lists: per column, value → [rows, the code chosen or '']. */
async function listed(page: Page): Promise<Record<string, Record<string, [number, string]>>> {
  await page.locator('[data-testid="value-mapping"]').waitFor({ timeout: 30_000 });
  return page
    .locator('[data-testid="value-mapping-column"]')
    .evaluateAll((columns) =>
      Object.fromEntries(
        columns.map((column) => [
          column.getAttribute('data-column'),
          Object.fromEntries(
            [...column.querySelectorAll('[data-testid="value-mapping-value"]')].map((row) => [
              row.getAttribute('data-value'),
              [Number(row.getAttribute('data-rows')), row.getAttribute('data-code')],
            ]),
          ),
        ]),
      ),
    );
}

async function report(page: Page) {
  const file = page.locator('[data-testid="import-report-file"]');
  await file.waitFor({ timeout: 30_000 });
  const mapped = await page
    .locator('[data-testid="import-mapped"] li')
    .evaluateAll((items) =>
      items.map((li) =>
        [
          li.getAttribute('data-value'),
          li.getAttribute('data-code'),
          li.getAttribute('data-via'),
          li.getAttribute('data-rows'),
        ].join(' '),
      ),
    );
  return {
    loaded: Number(await file.getAttribute('data-loaded')),
    rejected: Number(await file.getAttribute('data-rejected')),
    mapped,
  };
}

describe('mapping the words the app does not know', () => {
  let w: Watched;
  let exported = '';
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('listed with their rows, mapped by labelled controls, imported; the tiles equal the file with those mappings', async () => {
    const unknown = unknownValues();
    expect(unknown).toEqual({
      participant_category: { 辅导员: 1 },
      activity_type: { 海外研学: 3, 国际志愿服务: 2, 团建: 1 },
    });
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
    await settled(w.page);
    await toData(w.page);
    expect(await w.page.getAttribute('[data-testid="value-mappings"]', 'data-count')).toBe('0');
    await w.page.setInputFiles('[data-testid="import-input"]', file);

    const before = await listed(w.page);
    const asListed = (codes: (column: string, value: string) => string) =>
      Object.fromEntries(
        Object.entries(unknown).map(([column, values]) => [
          column,
          Object.fromEntries(Object.entries(values).map(([v, n]) => [v, [n, codes(column, v)]])),
        ]),
      );
    expect(before).toEqual(asListed(() => ''));
    const status = w.page.locator('[data-testid="value-mapping-status"]');
    expect(await status.textContent()).toContain(`${rows.length - kept.length + 6} 行`);

    // Each select is named by its label: the column and the value.
    await w.page.getByLabel('活动类型: 海外研学', { exact: true }).selectOption('short_program');
    await w.page.getByLabel('人员类别: 辅导员', { exact: true }).selectOption('staff');
    // By keyboard: the last code of activity types is `other`.
    const volunteer = w.page.getByLabel('活动类型: 国际志愿服务', { exact: true });
    await volunteer.focus();
    await w.page.keyboard.press('End');
    expect(await volunteer.inputValue()).toBe('other');
    await w.page.waitForFunction(
      () => document.querySelector('[data-testid="value-mapping"]')?.getAttribute('data-pending') === '1',
    );
    expect(await status.textContent()).toContain('1 行');
    expect(await listed(w.page)).toEqual(
      asListed((c, v) => USER[c === 'activity_type' ? '活动类型' : '人员类别']?.[v] ?? ''),
    );

    await w.page.click('[data-testid="import-run"]');
    const shown = await report(w.page);
    expect(shown.loaded).toBe(kept.length);
    expect(shown.rejected).toBe(rows.length - kept.length);
    expect(shown.mapped).toEqual(
      expect.arrayContaining([
        '辅导员 staff user 1',
        '海外研学 short_program user 3',
        '国际志愿服务 other user 2',
        '文化体验 short_program builtin 1',
        '培训 training builtin 1',
      ]),
    );
    const problem = w.page.locator('[data-testid="import-problem"]');
    expect(await problem.getAttribute('data-code')).toBe('unknown-value');
    expect(await problem.textContent()).toContain('团建');
    expect(await toDashboard(w.page)).toEqual(expectedKpis());
  });

  test('after a reload: the data and the mappings are remembered, and the same file imports alike', async () => {
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(expectedKpis());
    await toData(w.page);
    expect(await w.page.getAttribute('[data-testid="value-mappings"]', 'data-count')).toBe('3');
    await w.page.setInputFiles('[data-testid="import-input"]', file);
    const again = await listed(w.page);
    expect(again.activity_type).toEqual({ 海外研学: [3, 'short_program'], 国际志愿服务: [2, 'other'], 团建: [1, ''] });
    expect(again.participant_category).toEqual({ 辅导员: [1, 'staff'] });
    await w.page.click('[data-testid="import-run"]');
    const shown = await report(w.page);
    expect([shown.loaded, shown.rejected]).toEqual([kept.length, rows.length - kept.length]);
    expect(await toDashboard(w.page)).toEqual(expectedKpis());
  });

  test('the mappings export as CSV: column, value, code', async () => {
    await toData(w.page);
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="value-mappings-export"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^value-mappings-\d{4}-\d{2}-\d{2}\.csv$/);
    exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toBe(
      '\uFEFFcolumn,value,code\r\n' +
        'participant_category,辅导员,staff\r\n' +
        'activity_type,国际志愿服务,other\r\n' +
        'activity_type,海外研学,short_program\r\n',
    );
  });

  test('a bad mapping file is refused by line and changes nothing; forgotten, then read back from the export', async () => {
    const mappings = w.page.locator('[data-testid="value-mappings"]');
    const input = '[data-testid="value-mappings-input"]';
    await w.page.setInputFiles(input, {
      name: 'mappings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'column,value,code\nactivity_type,夏季学校,short_program\nactivity_type,团建,team_building\n',
      ),
    });
    const error = w.page.locator('[data-testid="value-mappings-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('第 3 行');
    expect(await error.textContent()).toContain('team_building');
    expect(await mappings.getAttribute('data-count')).toBe('3');

    await w.page.click('[data-testid="value-mappings-forget"]');
    await w.page.waitForSelector('[data-testid="value-mappings"][data-count="0"]');
    expect(await w.page.evaluate(() => localStorage.getItem('exchange-dashboard-value-mappings'))).toBeNull();

    await w.page.setInputFiles(input, {
      name: 'back.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(exported, 'utf8'),
    });
    await w.page.waitForSelector('[data-testid="value-mappings"][data-count="3"]');
    expect(await w.page.textContent('[data-testid="value-mappings-said"]')).toContain('已导入 3 条映射');
    expect(await w.page.locator('[data-testid="value-mappings-error"]').count()).toBe(0);
  });

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
