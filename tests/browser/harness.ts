import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Row } from '../../src/data/engine';
import { ingest } from '../../src/data/ingest';
import type { Filters } from '../../src/data/filters';
import { activeAgreementsQuery, kpiQuery } from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
import { lastConsole, launch, watchedPage, type Watched } from './browser';
import { drawStale } from './stale';

/** The built app, served under a sub-path by the global setup. */
export const baseUrl = inject('baseUrl');
export const origin = new URL(baseUrl).origin;

/** Set by `useHarness()` for the file that calls it (ES modules hand out live bindings). */
export let browser: Browser;
export let engine: Awaited<ReturnType<typeof openNodeEngine>>;

/** Chromium, and the app's engine in Node over the bundled data, for the tests of one file. */
export function useHarness(): void {
  beforeAll(async () => {
    [browser, engine] = await Promise.all([launch(), openNodeEngine()]);
    await ingest(engine, bundledTexts());
  });
  afterAll(async () => {
    await browser?.close();
    engine?.close();
  });
}

export async function sql<T = Row>(query: BuiltQuery): Promise<T[]> {
  return (await engine.query(query.sql, query.params)) as T[];
}

/** The five KPI figures as the app's SQL gives them on the real engine in Node. */
export async function expectedKpis(filters: Filters): Promise<Record<string, number>> {
  const [[kpis], [agreements]] = await Promise.all([
    sql<Record<string, number>>(kpiQuery(filters)),
    sql<{ agreements: number }>(activeAgreementsQuery(filters)),
  ]);
  return { ...kpis, agreements: agreements!.agreements };
}

export async function shownKpis(page: Page): Promise<Record<string, number>> {
  const tiles = await page
    .locator('[data-testid^="kpi-"]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-testid')!.slice(4), el.getAttribute('data-value') ?? '']),
    );
  return Object.fromEntries(tiles.map(([id, value]) => [id, Number(value)]));
}

/**
 * Waits until the tiles show figures and no query is pending; then scrolls to every view left out
 * of date off screen (tests/browser/stale.ts) and waits for it.
 */
export async function settled(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  // Each wait gets what is left of the one budget, so a page that does not settle fails saying why, within the test's time.
  const left = () => Math.max(1, deadline - Date.now());
  try {
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0,
      undefined,
      { timeout: left(), polling: POLL_MS },
    );
    await drawStale(page, left());
    await page.waitForFunction(
      () => {
        const tiles = [...document.querySelectorAll('[data-testid^="kpi-"]')];
        return (
          tiles.length === 5 &&
          tiles.every((t) => t.getAttribute('data-value') !== '') &&
          document.querySelectorAll('[aria-busy="true"], [data-stale]').length === 0
        );
      },
      undefined,
      { timeout: left(), polling: POLL_MS },
    );
  } catch (error) {
    const why = String(error instanceof Error ? error.message : error).split('\n')[0];
    throw new Error(`the page did not settle (${why}): ${await unsettled(page)}`, { cause: error });
  }
}

/**
 * Waits read the page every 50 ms, not in animation frames (Playwright's default): headless
 * Chromium now and then paints no frame for a while, and a wait polled in frames then sees nothing.
 */
export const POLL_MS = 50;

/** How long a page may take to settle, in all, before the wait fails with what is still busy (within a test's 60 s). */
const SETTLE_MS = 45_000;

/** What keeps a page from settling: the views still busy or out of date, and the tiles' values. */
export async function unsettled(page: Page): Promise<string> {
  const state = page.evaluate(async () => {
    const name = (el: Element) => el.getAttribute('data-testid') ?? (el.id || el.outerHTML.slice(0, 60));
    return JSON.stringify({
      busy: [...document.querySelectorAll('[aria-busy="true"]')].map(name),
      stale: [...document.querySelectorAll('[data-stale]')].map(name),
      tiles: [...document.querySelectorAll('[data-testid^="kpi-"]')].map(
        (t) => `${t.getAttribute('data-testid')}=${t.getAttribute('data-value')}`,
      ),
      visibility: document.visibilityState,
      frame: await new Promise<string>((resolve) => {
        requestAnimationFrame(() => resolve('painted'));
        setTimeout(() => resolve('none painted in 1 s'), 1000);
      }),
      queries: performance.getEntriesByName('db.query').length,
    });
  });
  // A page whose script is stuck answers nothing: say so rather than wait with it.
  const stuck = new Promise<string>((resolve) => setTimeout(() => resolve('(the page did not answer in 5 s)'), 5_000));
  const read = await Promise.race([
    state.catch((error: unknown) => `(could not read the page: ${String(error)})`),
    stuck,
  ]);
  return `${read}; console: ${JSON.stringify(lastConsole(page))}`;
}

/** Opens the dashboard and waits for every selector, then for the figures to settle. */
export async function openDashboard(
  selectors: readonly string[],
  viewport?: { width: number; height: number },
): Promise<Watched> {
  const watched = await watchedPage(browser, origin, viewport);
  await watched.page.goto(baseUrl);
  for (const selector of selectors) await watched.page.waitForSelector(selector, { timeout: 45_000 });
  await settled(watched.page);
  return watched;
}

/** Downloads a chart's export (`png2`, `png3`, `svg`, `csv`) through its menu, which is left closed. */
export async function exportChart(page: Page, chart: string, kind: string): Promise<{ name: string; bytes: Buffer }> {
  await page.click(`[data-testid="export-${chart}"] summary`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-testid="export-${chart}-${kind}"]`),
  ]);
  const bytes = await readFile((await download.path())!);
  await page.click(`[data-testid="export-${chart}"] summary`);
  return { name: download.suggestedFilename(), bytes };
}
