/**
 * One oracle for every surface (issue 12): for a matrix of filter states in zh-CN and en, every
 * figure the app shows — KPI tiles, chart value labels, text summaries, data tables, the map's
 * table, CSV exports, presenter slides and embeds — against an independent computation over
 * data/*.csv in plain TypeScript (tests/helpers/expected.ts, expected-views.ts), never the app's SQL.
 * Internal surfaces show exact counts; public ones (embeds, public exports, slides) sums over the
 * published cells (tests/helpers/published.ts: each base cell rounded once, 0–2 → 0, else the nearest
 * multiple of 5), never rounded again, so parts add up to totals; ranks and top-N ties by code.
 * Every difference is reported with its surface, state, language, the figure shown and the one
 * expected, and written to $ORACLE_REPORT (default: the temp dir's oracle-report.txt).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { csvFormatRows, csvParseRows } from 'd3';
import type { Locale } from '../../src/i18n/messages';
import { kpis, matching } from '../helpers/expected';
import { CHART_IDS } from '../helpers/expected-views';
import { readDataFile } from '../helpers/node-engine';
import { launch, watchedPage, type Watched } from './browser';
import { formatMismatches, tally, type Mismatch } from './oracle/compare';
import { keepDownloads, settle } from './oracle/read';
import {
  checkDashboard,
  checkEmbeds,
  checkExports,
  checkPlaying,
  checkPresenter,
  goTo,
  type Slide,
} from './oracle/surfaces';
import { embedFilters, search, shownFilters, STATES, type OracleState } from './oracle/states';
import { serveStatic } from './static-server';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const LANGS: readonly Locale[] = ['zh-CN', 'en'];
const report: Mismatch[] = [];
const REPORT = process.env.ORACLE_REPORT ?? join(tmpdir(), 'oracle-report.txt');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(
    REPORT,
    `${tally.figures} figures compared, ${report.length} mismatches\n${formatMismatches(report)}\n`,
  );
});

/** Records what a check found and fails the test with all of it. */
function verdict(found: readonly Mismatch[]): void {
  report.push(...found);
  expect(found.length, `${found.length} mismatches:\n${formatMismatches(found)}`).toBe(0);
}

test('the build serves the data the oracle reads, and every state selects trips', async () => {
  for (const file of ['exchanges.csv', 'partners.csv', 'programs.csv', 'agreements.csv', 'events.csv']) {
    const served = await (await fetch(`${baseUrl}data/${file}`)).text();
    expect(served, `${file}: the build is older than data/ (rebuild)`).toBe(readDataFile(file));
  }
  expect(STATES.length).toBeGreaterThanOrEqual(12);
  for (const s of STATES) expect(matching(shownFilters(s)).length, s.name).toBeGreaterThan(0);
});

/** Opens the dashboard at a state's link and waits for every chart and the engine. */
async function openAt(base: string, s: OracleState): Promise<Watched> {
  const w = await watchedPage(browser, new URL(base).origin);
  await keepDownloads(w.page);
  await w.page.goto(`${base}${search(s.filters)}&lang=${s.lang}`);
  await w.page.waitForSelector('[data-testid="present"]', { timeout: 60_000 });
  await w.page.waitForSelector('[data-testid="chart-events"]', { timeout: 30_000 });
  await settle(w.page);
  return w;
}

describe.each(LANGS)('the dashboard in %s', (lang) => {
  const states = STATES.filter((s) => s.lang === lang);
  let w: Watched;
  beforeAll(async () => {
    w = await openAt(baseUrl, states[0]!);
  }, 90_000);
  afterAll(() => w?.page.context().close());

  for (const state of states) {
    test(`${state.name}: tiles, value labels, summaries, tables, the map's table, internal CSV`, async () => {
      verdict(await checkDashboard(w.page, state));
    }, 120_000);

    test(`${state.name}: public CSV exports`, async () => {
      const f = shownFilters(state);
      verdict(await checkExports(w.page, f, lang, 'public', (surface) => ({ surface, state: state.name, lang })));
    }, 120_000);
  }

  test(`playing through every year (${lang === 'en' ? 'cumulative' : 'per year'}): each frame's tiles, the axis held still`, async () => {
    verdict(await checkPlaying(w.page, states[0]!.filters, lang === 'en' ? 'cumulative' : 'year', lang));
  }, 120_000);

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe.each(LANGS)('presenter slides and embeds in %s', (lang) => {
  const states = STATES.filter((s) => s.lang === lang);

  test('presenter: a slide per chart for each state, public figures', async () => {
    const slides: Slide[] = states
      .filter((s) => s.presenter)
      .flatMap((s) => CHART_IDS.map((chart) => ({ chart, filters: s.filters, state: s.name })));
    const deck = JSON.stringify({
      version: 1,
      slides: slides.map((s) => ({ chart: s.chart, view: search(s.filters) })),
    });
    const w = await watchedPage(browser, origin);
    await w.page.addInitScript((deck) => localStorage.setItem('exchange-dashboard.deck', deck), deck);
    await w.page.goto(`${baseUrl}?lang=${lang}`);
    await w.page.waitForSelector('[data-testid="present"]', { timeout: 60_000 });
    try {
      verdict(await checkPresenter(w.page, slides, lang));
      expect(w.errors).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 240_000);

  test('embeds: every chart and the map, public figures', async () => {
    const w = await watchedPage(browser, origin);
    const found: Mismatch[] = [];
    try {
      const seen = new Set<string>();
      for (const s of states.filter((s) => s.embed)) {
        const key = search(embedFilters(s.filters));
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(...(await checkEmbeds(w.page, baseUrl, s.filters, s.name, lang)));
      }
      verdict(found);
      expect(w.errors).toEqual([]);
      expect(w.foreign).toEqual([]);
    } finally {
      await w.page.context().close();
    }
  }, 240_000);
});

describe('the oracle catches a changed number', () => {
  const DELTA = 7;
  let site: string;
  let server: Server;
  let url: string;
  /** The changed row: its record, direction and country. */
  let changed: { id: string; direction: 'outbound' | 'inbound'; country: string };

  beforeAll(async () => {
    const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
    site = mkdtempSync(join(tmpdir(), 'oracle-site-'));
    cpSync(dist, site, { recursive: true });
    // One headcount of the served copy changed; the oracle still reads the original data/.
    const rows = csvParseRows(readFileSync(join(site, 'data', 'exchanges.csv'), 'utf8'));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const row = rows.find((r, i) => i > 0 && r[col('direction')] === 'outbound')!;
    row[col('headcount')] = String(Number(row[col('headcount')]) + DELTA);
    changed = { id: row[col('record_id')]!, direction: 'outbound', country: row[col('country')]! };
    writeFileSync(join(site, 'data', 'exchanges.csv'), `${csvFormatRows(rows)}\n`);
    ({ server, url } = await serveStatic(site, '/college/intl-dashboard/'));
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test('a served headcount changed by 7 is reported on the tiles, the labels, the tables, the summaries and the exports, internal and public', async () => {
    const state = STATES[0]!;
    const w = await openAt(url, state);
    try {
      await goTo(w.page, state.filters, state.lang);
      const found = await checkDashboard(w.page, state);
      // Public exports too: the changed record's base cell publishes at least 5 more (x + 7 rounds
      // to another multiple of 5 than x), and so does every sum it is part of.
      found.push(
        ...(await checkExports(w.page, state.filters, state.lang, 'public', (surface) => ({
          surface,
          state: state.name,
          lang: state.lang,
        }))),
      );
      const surfaces = [...new Set(found.map((m) => m.surface))];
      // The tile of the changed direction shows 7 more than the CSV says, and is named as such.
      const tile = found.find((m) => m.surface === 'kpi tiles' && m.item === changed.direction);
      expect(tile, formatMismatches(found)).toBeDefined();
      expect(Number(tile!.shown.replace(/,/g, '')) - Number(tile!.expected)).toBe(DELTA);
      expect(Number(tile!.expected)).toBe(kpis(state.filters)[changed.direction]);
      for (const surface of [
        'countries labels',
        'countries table',
        'map table',
        'trend table',
        'countries CSV export (internal)',
        'map CSV export (internal)',
        'countries CSV export (public)',
        'map CSV export (public)',
        'trend CSV export (public)',
      ])
        expect(surfaces, `${surface} in ${surfaces.join('; ')}`).toContain(surface);
    } finally {
      await w.page.context().close();
    }
  }, 180_000);
});
