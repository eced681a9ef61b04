/**
 * Two tabs of the app in one browser (issue 13): a tab learns of the other's import or forget at
 * once and says so, its own figures unchanged until it shows the current data; two tabs importing
 * with replace at the same moment both end, after a reload, on the import saved last, and each is
 * told (the one saved first that another tab imported, the one saved last what it replaced). The
 * expected figures are counted here from the files' rows and data/*.csv, not by the app's SQL.
 */
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { defaultFilters } from '../../src/data/filters';
import { yearBounds } from '../helpers/expected';
import { expectedTiles } from '../helpers/expected-tiles';
import { baseUrl, browser, settled, shownKpis, useHarness } from './harness';

useHarness();

const HEADER = 'record_id,direction,participant_category,headcount,activity_type,country,partner,start_date';
const FILE_A = [
  HEADER,
  'A-1,outbound,teacher,3,training,KR,Hanyang Tech,2017-09-01',
  'A-2,inbound,student,12,training,TW,Kaohsiung Poly,2018-03-05',
  'A-3,outbound,student,2,training,VN,,2018-05-10',
].join('\r\n');
const FILE_B = [
  HEADER,
  'B-1,inbound,expert,7,training,DE,Leeds College,2019-01-01',
  'B-2,inbound,student,1,training,GB,Leeds College,2019-02-01',
  'B-3,outbound,teacher,4,training,TH,,2019-03-01',
  'B-4,outbound,teacher,6,training,US,Ohio State,2019-04-01',
].join('\r\n');

/** The KPI tiles over all years of an exchanges file, counted from its rows (all valid here). */
function kpis(text: string): Record<string, number> {
  const rows = csvParse(text);
  const sum = (dir: string) => rows.filter((r) => r.direction === dir).reduce((s, r) => s + Number(r.headcount), 0);
  return {
    outbound: sum('outbound'),
    inbound: sum('inbound'),
    countries: new Set(rows.map((r) => r.country)).size,
    partners: new Set(rows.map((r) => r.partner).filter((p) => p !== '')).size,
    agreements: 0,
  };
}

const sample = () => {
  const { min, max } = yearBounds();
  return { ...expectedTiles(defaultFilters(min, max)) };
};

let context: BrowserContext;
let a: Page;
let b: Page;
const errors: string[] = [];

function watch(page: Page, name: string): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  return page;
}

beforeAll(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  a = watch(await context.newPage(), 'A');
  b = watch(await context.newPage(), 'B');
});
afterAll(() => context?.close());

async function open(page: Page): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
  await settled(page);
}

async function toDashboard(page: Page): Promise<Record<string, number>> {
  if (await page.locator('[data-testid="data-page"]').count()) {
    await page.click('[data-testid="nav-dashboard"]');
    await page.locator('[data-testid="data-page"]').waitFor({ state: 'detached', timeout: 10_000 });
  }
  await settled(page);
  return shownKpis(page);
}

/** Chooses a file on the Data page and waits for its preview. */
async function choose(page: Page, name: string, text: string): Promise<void> {
  await page.click('[data-testid="nav-data"]');
  await page.setInputFiles('[data-testid="import-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
  await page.check('[data-testid="import-mode-replace"]');
}

async function notice(page: Page, kind: string): Promise<string> {
  const el = page.locator(`[data-testid="tab-notice"][data-kind="${kind}"]`);
  await el.waitFor({ timeout: 15_000 });
  return (await el.textContent()) ?? '';
}

/** The files IndexedDB keeps now, read in `page`. */
function keptNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('exchange-dashboard-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('state').objectStore('state').get('meta');
          get.onsuccess = () => {
            resolve(((get.result?.files ?? []) as { name: string }[]).map((f) => f.name));
            open.result.close();
          };
        };
      }),
  );
}

describe('two tabs', () => {
  test('one imports: the other says so and keeps its figures until it shows the current data; the same for a forget', async () => {
    await Promise.all([open(a), open(b)]);
    expect(await shownKpis(b)).toEqual(sample());

    await choose(a, 'a.csv', FILE_A);
    await a.click('[data-testid="import-run"]');
    await a.locator('[data-testid="import-report-file"]').waitFor({ timeout: 30_000 });

    const told = await notice(b, 'elsewhere');
    expect(told).toContain('另一个标签页');
    expect(told).toContain('a.csv（3 行）');
    expect(await toDashboard(b)).toEqual(sample());
    expect(await a.locator('[data-testid="tab-notice"]').count()).toBe(0);

    await b.click('[data-testid="tab-apply"]');
    await b.locator('[data-testid="tab-notice"]').waitFor({ state: 'detached', timeout: 30_000 });
    await b.waitForFunction(() => document.querySelector('[data-testid="sample-notice"]') === null);
    expect(await toDashboard(b)).toEqual(kpis(FILE_A));
    expect(await toDashboard(a)).toEqual(kpis(FILE_A));

    await a.click('[data-testid="nav-data"]');
    await a.click('[data-testid="data-restore"]');
    await a.waitForSelector('[data-testid="data-source"][data-source="sample"]');
    expect(await notice(b, 'elsewhere')).toContain('清除了本浏览器保存的导入数据');
    await b.click('[data-testid="tab-apply"]');
    await b.locator('[data-testid="tab-notice"]').waitFor({ state: 'detached', timeout: 30_000 });
    await b.locator('[data-testid="sample-notice"]').waitFor();
    expect(await toDashboard(b)).toEqual(sample());
  });

  test('both import with replace at once: each is told, and after a reload both show the import saved last', async () => {
    await Promise.all([open(a), open(b)]);
    await choose(a, 'a.csv', FILE_A);
    await choose(b, 'b.csv', FILE_B);
    await Promise.all([a.click('[data-testid="import-run"]'), b.click('[data-testid="import-run"]')]);
    await Promise.all([a, b].map((p) => p.locator('[data-testid="import-report-file"]').waitFor({ timeout: 60_000 })));

    const [kept] = [await keptNames(a)];
    expect(kept.length).toBe(1);
    const [winner, loser, won, lost] =
      kept[0] === 'a.csv' ? [a, b, FILE_A, FILE_B] : kept[0] === 'b.csv' ? [b, a, FILE_B, FILE_A] : [];
    expect(winner, `kept: ${kept.join()}`).toBeDefined();
    const [wonName, lostName] = kept[0] === 'a.csv' ? ['a.csv', 'b.csv'] : ['b.csv', 'a.csv'];

    // The tab saved first shows its own import, and is told the other's was saved after it.
    expect(await notice(loser!, 'elsewhere')).toContain(wonName);
    expect(await toDashboard(loser!)).toEqual(kpis(lost!));
    // The tab saved last is told what it replaced.
    expect(await notice(winner!, 'overwrote')).toContain(lostName);
    expect(await toDashboard(winner!)).toEqual(kpis(won!));

    for (const page of [a, b]) {
      await open(page);
      expect(await shownKpis(page)).toEqual(kpis(won!));
      expect(await page.locator('[data-testid="tab-notice"]').count()).toBe(0);
    }
  });

  test('logged no error', () => {
    expect(errors).toEqual([]);
  });
});
