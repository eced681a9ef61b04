/**
 * What this browser keeps of an import (issue 13): only what the tables hold. A staff export with
 * 姓名, 护照号, 手机, email and a 备注 column is imported in Chromium; then every record of every
 * IndexedDB database of the page (and localStorage) is read from the page itself, and none of those
 * values is there, nor the rejected row. A reload shows the figures a plain count over the file gives.
 * Records of the first versions (the whole file kept) are replayed once, then kept as rows only.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatBytes } from '../../src/i18n/translate';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, shownKpis, useHarness } from './harness';

useHarness();

const HEADER = '编号,姓名,护照号,手机,email,出访/来访,人员类别,人次,活动类型,国家/地区,合作院校,开始日期,备注';
const ROWS = [
  'S-1,张三丰,E12345678,13800138000,zhang.sf@example.com,出访,教师,3,培训,韩国,Hanyang Tech,2017-09-01,内部备注甲',
  'S-2,李四光,G87654321,13912345678,li.sg@example.com,来访,学生,12,培训,中国台湾,Kaohsiung Poly,2018-03-05,内部备注乙',
  'S-3,欧阳娜娜,E55555555,13655555555,ouyang@example.org,出访,学生,2,培训,越南,,2018-05-10,内部备注丙',
  'S-4,Maria Lopez,X99887766,+34 600 111 222,maria.lopez@example.es,来访,专家,5,培训,德国,Hanyang Tech,2018-10-08,内部备注丁',
  'S-5,王五,E00000001,13700000000,wang5@example.com,出访,教师,0,培训,日本,,2017-09-01,被拒的行',
];
const FILE = [HEADER, ...ROWS].join('\r\n') + '\r\n';
/** Values of the columns the app drops, and of the rejected row: none may be kept. */
const PRIVATE = csvParse(FILE).flatMap((r) => [r['姓名']!, r['护照号']!, r['手机']!, r['email']!, r['备注']!]);

/** The KPI tiles over all years, counted here from the file: a whole headcount of at least 1 is imported. */
function expected(text: string): Record<string, number> {
  const rows = csvParse(text).filter((r) => /^\d+$/.test(r['人次']!) && Number(r['人次']) >= 1);
  const sum = (dir: string) => rows.filter((r) => r['出访/来访'] === dir).reduce((s, r) => s + Number(r['人次']), 0);
  return {
    outbound: sum('出访'),
    inbound: sum('来访'),
    countries: new Set(rows.map((r) => r['国家/地区'])).size,
    partners: new Set(rows.map((r) => r['合作院校']).filter((p) => p !== '')).size,
    agreements: 0,
  };
}

/**
 * Every record of every IndexedDB database the page's origin has, and localStorage, as text: strings
 * as they are, bytes decoded as UTF-8, Blobs read.
 */
export function everythingStored(page: Page): Promise<{ text: string; stores: Record<string, number> }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const stores: Record<string, number> = {};
    const decoder = new TextDecoder('utf-8');
    const walk = async (value: unknown): Promise<void> => {
      if (value === null || value === undefined) return;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        parts.push(String(value));
      } else if (value instanceof ArrayBuffer) parts.push(decoder.decode(value));
      else if (ArrayBuffer.isView(value)) parts.push(decoder.decode(value));
      else if (value instanceof Blob) parts.push(await value.text());
      else if (Array.isArray(value)) for (const v of value) await walk(v);
      else if (typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          parts.push(k);
          await walk(v);
        }
      }
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const tx = db.transaction(name);
          const k = tx.objectStore(name).getAllKeys();
          const v = tx.objectStore(name).getAll();
          tx.oncomplete = () => resolve([k.result, v.result]);
          tx.onerror = () => reject(tx.error);
        });
        stores[`${info.name}/${name}`] = values.length;
        await walk(keys);
        await walk(values);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      parts.push(key, localStorage.getItem(key) ?? '');
    }
    return { text: parts.join('\n'), stores };
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations inside `selector` (WCAG 2.2 AA and best practice), as rule ids. */
async function axeIn(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: { id: string }[] }> } }
    ).axe;
    const result = await axe.run(document.querySelector(sel)!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => v.id);
  }, selector);
}

/** The kept files as IndexedDB holds them, read in the page: name, table, rows, UTF-8 size of the rows, time. */
function keptFiles(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ name: string; table: string; rows: number; bytes: number; at: number }[]>((resolve, reject) => {
        const open = indexedDB.open('exchange-dashboard-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('state').objectStore('state').get('files');
          get.onsuccess = () => {
            type File = { name: string; table: string; rows: number; csv: string | Blob; at: number };
            const files = (get.result ?? []) as File[];
            resolve(
              files.map((f) => ({
                name: f.name,
                table: f.table,
                rows: f.rows,
                bytes: typeof f.csv === 'string' ? new TextEncoder().encode(f.csv).length : f.csv.size,
                at: f.at,
              })),
            );
            open.result.close();
          };
        };
      }),
  );
}

/** What the Data page's "kept in this browser" table shows, cell by cell. */
async function shownKept(page: Page) {
  await page.locator('[data-testid="stored-data"]').waitFor();
  return page
    .locator('[data-testid="stored-data"] tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())),
    );
}

const moment = (locale: string, ms: number) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(ms);

async function open(w: Watched): Promise<void> {
  await w.page.goto(baseUrl);
  await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
  await settled(w.page);
}

async function toDashboard(page: Page): Promise<Record<string, number>> {
  await page.click('[data-testid="nav-dashboard"]');
  await page.locator('[data-testid="data-page"]').waitFor({ state: 'detached', timeout: 10_000 });
  await settled(page);
  return shownKpis(page);
}

/** Imports `text` as a file named `name`; past 50 MB (playwright's limit for a buffer) through a file of that name. */
async function importFile(page: Page, name: string, text: string, timeout = 30_000): Promise<void> {
  await page.click('[data-testid="nav-data"]');
  if (text.length > 40_000_000) {
    const path = join(mkdtempSync(join(tmpdir(), 'import-storage-')), name);
    writeFileSync(path, text);
    await page.setInputFiles('[data-testid="import-input"]', path);
  } else {
    await page.setInputFiles('[data-testid="import-input"]', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
  }
  await page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
  await page.click('[data-testid="import-run"]');
  await page.locator('[data-testid="import-report-file"]').waitFor({ timeout });
}

describe('IndexedDB keeps what the tables hold, nothing more', () => {
  let w: Watched;
  /** Before the import was started, and after it ended. */
  const importedAt = { from: 0, to: 0 };
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('no value of a dropped column or a rejected row is stored; a reload gives the figures of the file', async () => {
    const figures = expected(FILE);
    expect(figures).toEqual({ outbound: 5, inbound: 17, countries: 4, partners: 2, agreements: 0 });
    await open(w);
    importedAt.from = Date.now();
    await importFile(w.page, '出访名单.csv', FILE);
    importedAt.to = Date.now();
    expect(await w.page.getAttribute('[data-testid="import-report-file"]', 'data-loaded')).toBe('4');
    await w.page.locator('[data-testid="import-notice-personal"]').waitFor();

    const kept = await everythingStored(w.page);
    // The reading works: the kept rows are there, with the table's own values.
    expect(kept.text).toContain('S-4');
    expect(kept.text).toContain('Hanyang Tech');
    expect(kept.text).toContain('出访名单.csv');
    for (const value of PRIVATE) expect(kept.text, value).not.toContain(value);
    expect(kept.text).not.toContain('S-5');

    expect(await toDashboard(w.page)).toEqual(figures);
    await open(w);
    expect(await shownKpis(w.page)).toEqual(figures);
    const again = await everythingStored(w.page);
    for (const value of PRIVATE) expect(again.text, value).not.toContain(value);
  });

  test('the Data page says what is kept: file, table, rows, size and since when, in zh-CN and en; Forget empties it', async () => {
    const [file] = await keptFiles(w.page);
    expect(file).toMatchObject({ name: '出访名单.csv', table: 'exchanges', rows: 4 });
    expect(file!.at).toBeGreaterThanOrEqual(importedAt.from);
    expect(file!.at).toBeLessThanOrEqual(importedAt.to);
    // Far less than the file: only the table's columns of the rows imported.
    expect(file!.bytes).toBeLessThan(Buffer.byteLength(FILE));

    await w.page.click('[data-testid="nav-data"]');
    expect(await shownKept(w.page)).toEqual([
      ['文件', '数据表', '行数', '保存大小', '导入时间'],
      ['出访名单.csv', '交流记录', '4', formatBytes('zh-CN', file!.bytes), moment('zh-CN', file!.at)],
    ]);
    const panel = w.page.locator('[data-testid="stored-data"]');
    expect(await panel.getAttribute('data-bytes')).toBe(String(file!.bytes));
    expect(await w.page.textContent('[data-testid="stored-total"]')).toBe(
      `合计 4 行，${formatBytes('zh-CN', file!.bytes)}，自 ${moment('zh-CN', file!.at)} 起保存在本浏览器中。`,
    );
    expect(await panel.textContent()).toContain('原文件、已删除的个人信息列和未导入的行都不保存');
    expect(await axeIn(w.page, '[data-testid="stored-data"]')).toEqual([]);

    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await shownKept(w.page)).toEqual([
      ['File', 'Table', 'Rows', 'Size kept', 'Imported'],
      ['出访名单.csv', 'Exchanges', '4', formatBytes('en', file!.bytes), moment('en', file!.at)],
    ]);
    expect(await w.page.textContent('[data-testid="stored-total"]')).toBe(
      `In all 4 rows, ${formatBytes('en', file!.bytes)}, kept in this browser since ${moment('en', file!.at)}.`,
    );

    await w.page.click('[data-testid="data-restore"]');
    await w.page.waitForSelector('[data-testid="data-source"][data-source="sample"]');
    expect(await w.page.textContent('[data-testid="stored-none"]')).toBe('No imported data is kept in this browser.');
    expect(await keptFiles(w.page)).toEqual([]);
    const left = await everythingStored(w.page);
    expect(left.text).not.toContain('S-4');
    expect(left.text).not.toContain('出访名单.csv');
    await w.page.click('[data-testid="lang-switch"]');
  });

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});

describe('rows past what Chromium takes in one record (≈ 133 MB serialised) are kept and restored', () => {
  let w: Watched;
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  // 1,800 rows with a 40,000-character 成果 cell, one of them in Chinese: the kept rows are 72M
  // characters, 144 MB as a string of two-byte characters (a 1M-row file's rows are 254 MB).
  const LONG = [
    '编号,出访/来访,人员类别,人次,活动类型,国家/地区,开始日期,成果',
    ...Array.from(
      { length: 1800 },
      (_, i) =>
        `L-${i + 1},${i % 3 ? '出访' : '来访'},教师,${(i % 7) + 1},培训,${i % 2 ? '韩国' : '日本'},2018-0${(i % 9) + 1}-01,${i ? '' : '成果'}${'o'.repeat(40_000)}`,
    ),
  ].join('\n');

  test('a 72 MB import is in IndexedDB once saved, and a reload gives the figures of the file', async () => {
    // No 合作院校 column: no partner.
    const figures: Record<string, number> = { ...expected(LONG), partners: 0 };
    expect(figures.outbound! + figures.inbound!).toBeGreaterThan(7000);
    await open(w);
    await importFile(w.page, '长成果.csv', LONG, 120_000);
    expect(await w.page.getAttribute('[data-testid="import-report-file"]', 'data-loaded')).toBe('1800');
    // Saved once IndexedDB holds it (Chromium refused the record before: 'value too large').
    await expect
      .poll(() => keptFiles(w.page), { timeout: 60_000, interval: 500 })
      .toMatchObject([{ name: '长成果.csv', table: 'exchanges', rows: 1800 }]);
    const [file] = await keptFiles(w.page);
    expect(file!.bytes).toBeGreaterThan(72_000_000);
    await open(w);
    expect(await shownKpis(w.page)).toEqual(figures);
  }, 240_000);

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});

describe('a record of the first versions (the whole file) is replayed once, then kept as rows', () => {
  let w: Watched;
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('the figures of the file, and none of its dropped values left in IndexedDB', async () => {
    // A page of the origin that is not the app, to write what the first versions wrote.
    const blank = new URL('blank.html', baseUrl).href;
    await w.page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await w.page.goto(blank);
    await w.page.evaluate(
      (text) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('exchange-dashboard-imports', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('batches', { autoIncrement: true });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('batches', 'readwrite');
            const bytes = new TextEncoder().encode(text).buffer;
            tx.objectStore('batches').add({
              files: [{ name: '旧的导入.csv', bytes, options: {} }],
              mode: 'replace',
              at: 1,
            });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      FILE,
    );
    expect((await everythingStored(w.page)).text).toContain(PRIVATE[0]);

    await open(w);
    expect(await shownKpis(w.page)).toEqual(expected(FILE));
    const kept = await everythingStored(w.page);
    expect(kept.stores['exchange-dashboard-imports/batches']).toBe(0);
    expect(kept.text).toContain('旧的导入.csv');
    expect(kept.text).toContain('S-4');
    for (const value of PRIVATE) expect(kept.text, value).not.toContain(value);

    // And from then on restored from the rows.
    await open(w);
    expect(await shownKpis(w.page)).toEqual(expected(FILE));
  });

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
