/**
 * A crashed engine is restarted and the page keeps its state: the worker is crashed from the
 * outside, as a bug or the browser would (an uncaught error in it; the worker closing), and the
 * filters, the link and the KPI figures are the same afterwards, on the bundled data and on
 * imported data, and the work asked of the dead worker is done by the new one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { defaultFilters } from '../../src/data/filters';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import { bundledTexts } from '../helpers/node-engine';
import type { Watched } from './browser';
import { baseUrl, engine, expectedKpis, shownKpis, settled, useHarness, browser, origin } from './harness';
import { watchedPage } from './browser';

useHarness();

const FIXTURE = fileURLToPath(new URL('../fixtures/import/browser-gb18030.csv', import.meta.url));
const CRASH = 'hardening test: engine crash';

/** The DuckDB worker the page runs now (the one whose script is the worker bundle). */
/** The engine's worker (other than `not`): one already running, or the next one the page starts. */
async function engineWorker(page: Page, not?: Worker): Promise<Worker> {
  const isEngine = (w: Worker) => /worker/.test(w.url()) && w !== not;
  const next = page.waitForEvent('worker', { predicate: isEngine, timeout: 20_000 });
  const running = page.workers().find(isEngine);
  if (running) {
    next.catch(() => {});
    return running;
  }
  return next;
}

async function restarted(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="engine-notice"][data-state="restarted"]', { timeout: 45_000 });
  expect(await page.textContent('[data-testid="engine-notice"]')).toContain('数据引擎已重新启动');
  await settled(page);
}

/** Errors the crash itself logs in the page, which are expected; anything else fails. */
const unexpected = (errors: string[]) => errors.filter((e) => !e.includes(CRASH));

describe('the engine restarts after a crash', () => {
  let w: Watched | undefined;
  afterEach(() => w?.page.context().close());

  test('an uncaught error in the worker: same filters, same link, same figures', async () => {
    w = await watchedPage(browser, origin);
    const { page } = w;
    await page.goto(`${baseUrl}?from=2016&to=2018&dir=outbound`);
    await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
    await settled(page);
    const filters = { ...defaultFilters(2016, 2018), direction: 'outbound' as const };
    const before = await shownKpis(page);
    expect(before).toEqual(await expectedKpis(filters));
    const url = page.url();

    const dead = await engineWorker(page);
    await dead.evaluate((message) => {
      setTimeout(() => {
        throw new Error(message);
      });
    }, CRASH);
    await restarted(page);
    const fresh = await engineWorker(page, dead);
    expect(fresh).not.toBe(dead);
    expect(page.url()).toBe(url);
    expect(await page.inputValue('[data-testid="year-from"]')).toBe('2016');
    expect(await page.inputValue('[data-testid="year-to"]')).toBe('2018');
    expect(await page.isChecked('[data-testid="direction-outbound"]')).toBe(true);
    expect(await shownKpis(page)).toEqual(before);

    // The new engine answers new questions.
    await page.check('[data-testid="direction-inbound"]', { force: true });
    await page.waitForURL(/dir=inbound/);
    await settled(page);
    expect(await shownKpis(page)).toEqual(await expectedKpis({ ...filters, direction: 'inbound' }));
    expect(unexpected(w.errors)).toEqual([]);
    expect(w.foreign).toEqual([]);
  }, 120_000);

  test('the worker ends with imported data and a query in flight: the import and the query come back', async () => {
    w = await watchedPage(browser, origin);
    const { page } = w;
    await page.goto(baseUrl);
    await page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
    await settled(page);
    await page.click('[data-testid="nav-data"]');
    await page.setInputFiles('[data-testid="import-input"]', FIXTURE);
    await page.locator('[data-testid="import-preview"]').waitFor();
    await page.click('[data-testid="import-run"]');
    await page.locator('[data-testid="import-report-file"]').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="nav-dashboard"]');
    await settled(page);

    const outcome = await importFiles(
      engine,
      [{ name: 'browser-gb18030.csv', bytes: new Uint8Array(readFileSync(FIXTURE)) }],
      { mode: 'replace', replacesSample: true, thisYear: new Date().getFullYear() },
    );
    expect(outcome.files[0]).toMatchObject({ loaded: 4, rejected: 1 });
    try {
      const all = defaultFilters(2017, 2018);
      expect(await shownKpis(page)).toEqual(await expectedKpis(all));

      // The worker closes itself: no error event, only its life lock is let go.
      const dead = await engineWorker(page);
      await dead.evaluate(() => setTimeout(() => self.close())).catch(() => {});
      await page.check('[data-testid="direction-inbound"]', { force: true });
      await restarted(page);
      await page.waitForURL(/dir=inbound/);
      expect(await page.isChecked('[data-testid="direction-inbound"]')).toBe(true);
      expect(await shownKpis(page)).toEqual(await expectedKpis({ ...all, direction: 'inbound' }));
      expect(await page.locator('[data-testid="sample-notice"]').count()).toBe(0);
      expect(unexpected(w!.errors)).toEqual([]);
      expect(w!.foreign).toEqual([]);

      // What was imported is still stored for a reload, and forgotten on request.
      await page.click('[data-testid="nav-data"]');
      await page.click('[data-testid="data-restore"]');
      await page.locator('[data-testid="sample-notice"]').waitFor({ timeout: 30_000 });
    } finally {
      await ingest(engine, bundledTexts());
    }
  }, 120_000);
});
