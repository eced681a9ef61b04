/**
 * The query coordinator in the page (src/state/coordinator.ts): what the page posts to the engine
 * worker and what it hears back, recorded by wrapping the Worker's postMessage and listeners.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import type { Page } from 'playwright-core';
import { watchedPage, type Watched } from './browser';
import { baseUrl, expectedKpis, exportChart, origin, settled, shownKpis, useHarness, browser } from './harness';

useHarness();

interface Posted {
  type: string;
  id: number;
  queries?: number;
  public?: number;
  target?: number;
}
interface Heard {
  type: string;
  id: number;
  stopped?: number;
}

const RECORD = () => {
  const log = { posted: [] as Posted[], heard: [] as Heard[] };
  (window as unknown as { coordinatorLog: typeof log }).coordinatorLog = log;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: unknown) {
    const m = message as { type: string; id: number; target?: number; queries?: { facts?: string }[] | number[] };
    const batch = m.type === 'batch' ? (m.queries as { facts?: string }[]) : null;
    log.posted.push({
      type: m.type,
      id: m.id,
      ...(batch ? { queries: batch.length, public: batch.filter((q) => q.facts !== undefined).length } : {}),
      ...(m.target !== undefined ? { target: m.target } : {}),
    });
    (post as (this: Worker, message: unknown, transfer?: Transferable[]) => void).call(
      this,
      message,
      transfer as Transferable[] | undefined,
    );
    // A test may act the moment a batch is on its way (a second click while the worker runs it).
    const after = (window as unknown as { afterBatch?: () => void }).afterBatch;
    if (batch && after) {
      (window as unknown as { afterBatch?: () => void }).afterBatch = undefined;
      after();
    }
  } as typeof Worker.prototype.postMessage;
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (this: Worker, type: string, listener: unknown, options?: unknown) {
    if (type !== 'message') return listen.call(this, type, listener as EventListener, options as boolean);
    const wrapped = (event: MessageEvent) => {
      const d = event.data as { type: string; id: number; results?: { error?: { code: string } }[] };
      log.heard.push({
        type: d.type,
        id: d.id,
        ...(d.results ? { stopped: d.results.filter((r) => r.error?.code === 'stopped').length } : {}),
      });
      (listener as (e: MessageEvent) => void)(event);
    };
    return listen.call(this, type, wrapped as EventListener, options as boolean);
  } as typeof Worker.prototype.addEventListener;
};

const logOf = (w: Watched) =>
  w.page.evaluate(() => {
    const log = (window as unknown as { coordinatorLog: { posted: Posted[]; heard: Heard[] } }).coordinatorLog;
    const copy = { posted: [...log.posted], heard: [...log.heard] };
    log.posted.length = 0;
    log.heard.length = 0;
    return copy;
  });

/** Until the views on screen have answered (those off screen wait to be scrolled to: tests/browser/stale.ts). */
const onScreenDrawn = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0);

describe('one round trip per click', () => {
  let w: Watched;
  beforeAll(async () => {
    // Tall enough for the trend, the map and the first row of cards to be on screen together.
    w = await watchedPage(browser, origin, { width: 1440, height: 2700 });
    await w.page.addInitScript(RECORD);
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="chart-countries"] svg', { timeout: 45_000 });
    await w.page.waitForSelector('main[data-engine="ready"]', { timeout: 60_000 });
    await settled(w.page);
  });
  afterAll(() => w?.page.context().close());

  test('a click on a country asks every view on screen in one batch message, answered by one, public versions not asked', async () => {
    await logOf(w);
    const bar = w.page.locator('[data-testid="chart-countries"] svg g[aria-label="bar"] rect').first();
    await bar.scrollIntoViewIfNeeded();
    await bar.click();
    await w.page.waitForSelector('[data-testid="chip-country"]');
    await onScreenDrawn(w.page);
    const { posted, heard } = await logOf(w);
    expect(posted.map((p) => p.type)).toEqual(['batch']);
    // The views on screen whose query the country changes (the views off screen ask when scrolled to).
    expect(posted[0]!.queries).toBeGreaterThanOrEqual(2);
    expect(posted[0]!.public).toBe(0);
    expect(heard.filter((h) => h.id !== 0).map((h) => h.type)).toEqual(['batch-rows']);
    await settled(w.page);
    const country = new URL(w.page.url()).searchParams.get('country');
    expect(country).toMatch(/^[A-Z]{2}$/);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...defaultFilters(2014, 2019), country }));
  });

  test('a public export asks its public version then, and only then', async () => {
    await logOf(w);
    const { bytes } = await exportChart(w.page, 'countries', 'csv');
    expect(bytes.length).toBeGreaterThan(20);
    const { posted } = await logOf(w);
    expect(posted.filter((p) => p.type === 'batch').map((p) => p.public)).toEqual([1]);
  });

  test('a filter changed again before the answer: the first batch is cancelled in the worker', async () => {
    await w.page.click('[data-testid="chips-clear"]');
    await settled(w.page);
    await logOf(w);
    await w.page.evaluate(() => {
      (window as unknown as { afterBatch?: () => void }).afterBatch = () =>
        document.querySelector<HTMLInputElement>('[data-testid="direction-outbound"]')!.click();
      document.querySelector<HTMLInputElement>('[data-testid="direction-inbound"]')!.click();
    });
    await w.page.waitForSelector('[data-testid="chip-direction"]');
    await onScreenDrawn(w.page);
    const { posted, heard } = await logOf(w);
    await settled(w.page);
    const batches = posted.filter((p) => p.type === 'batch');
    expect(batches).toHaveLength(2);
    const cancel = posted.find((p) => p.type === 'cancel');
    expect(cancel?.target).toBe(batches[0]!.id);
    // The worker skipped queries of the first batch it had not started when the cancel came.
    const first = heard.find((h) => h.id === batches[0]!.id);
    expect(first?.stopped).toBeGreaterThan(0);
    expect(await shownKpis(w.page)).toEqual(
      await expectedKpis({ ...defaultFilters(2014, 2019), direction: 'outbound' }),
    );
  });

  test('logged no error', () => {
    expect(w.errors).toEqual([]);
  });
});
