/**
 * Rows of the served `data/` that break the rules are not dropped silently: the built site served
 * with tests/fixtures/rules/exchanges.csv as its data/exchanges.csv shows on the dashboard how many
 * rows were left out, with a link to the data page, and the data page lists each of them by line,
 * column, value and reason: the report the start-up load gives on the real engine in Node.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ingest } from '../../src/data/ingest';
import type { LoadedFile } from '../../src/data/protocol';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
import { launch, watchedPage } from './browser';
import { serveStatic } from './static-server';

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
const FIXTURE = readFileSync(new URL('../fixtures/rules/exchanges.csv', import.meta.url), 'utf8');

let site: string;
let server: Server;
let url: string;
let browser: Browser;
let expected: LoadedFile;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'startup-report-site-'));
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, 'data', 'exchanges.csv'), FIXTURE);
  ({ server, url } = await serveStatic(site, '/college/intl-dashboard/'));
  browser = await launch();
  const engine = await openNodeEngine();
  try {
    const texts = bundledTexts();
    texts.set('exchanges.csv', FIXTURE);
    expected = (await ingest(engine, texts)).find((f) => f.file === 'exchanges.csv')!;
  } finally {
    engine.close();
  }
  expect(expected).toMatchObject({ rowsIn: 8, loaded: 4, rejected: 4 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the dashboard says rows were left out and the data page says which and why', async () => {
  const w = await watchedPage(browser, new URL(url).origin);
  await w.page.goto(url);
  const notice = w.page.locator('[data-testid="startup-notice"]');
  await notice.waitFor({ timeout: 60_000 });
  expect(await notice.getAttribute('data-rejected')).toBe('4');
  expect(await notice.textContent()).toContain('有 4 行违反数据规则');

  await w.page.click('[data-testid="startup-notice-link"]');
  const file = w.page.locator('[data-testid="startup-report-file"]');
  await file.waitFor();
  expect(await file.getAttribute('data-name')).toBe('exchanges.csv');
  expect(await file.getAttribute('data-rejected')).toBe('4');
  expect(await file.getAttribute('data-loaded')).toBe('4');
  expect(new URL(w.page.url()).searchParams.get('view')).toBe('data');

  const shown = await w.page.$$eval('[data-testid="startup-report"] [data-testid="import-problem"]', (rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return { line: Number(cells[0]), column: cells[1], value: cells[2], code: row.getAttribute('data-code') };
    }),
  );
  // What the start-up load reports on the engine in Node, and what the fixture holds, line by line.
  expect(shown).toEqual(
    expected.problems.map((p) => ({ line: p.line, column: p.column, value: p.value, code: p.code })),
  );
  expect(shown.map((p) => [p.line, p.column, p.code])).toEqual([
    [4, 'headcount', 'headcount-max'],
    [5, 'end_date', 'future-year'],
    [5, 'start_date', 'future-year'],
    [6, 'activity_type', 'unknown-value'],
    [7, 'participant_category', 'required'],
  ]);
  expect(shown[0]!.value).toBe('50000');
  const report = (await w.page.textContent('[data-testid="startup-report"]')) ?? '';
  expect(report).toContain('exchanges.csv：数据行 8，已载入 4，未计入 4');
  expect(report).toContain('no-such-college');

  // The same in English.
  await w.page.click('[data-testid="lang-switch"]');
  await w.page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await w.page.textContent('[data-testid="startup-report"]')).toContain(
    'exchanges.csv: 8 data rows, 4 loaded, 4 left out',
  );
  await w.page.click('[data-testid="nav-dashboard"]');
  expect(await notice.textContent()).toContain('4 rows of the data files (data/) break the data rules');
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
  await w.page.context().close();
});

test('the bundled data shows no notice and no start-up report', async () => {
  const w = await watchedPage(browser, new URL(url).origin);
  const bundled = new URL(url);
  // The site as built, its own data/ untouched.
  writeFileSync(join(site, 'data', 'exchanges.csv'), bundledTexts().get('exchanges.csv')!);
  await w.page.goto(bundled.href);
  await w.page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
  expect(await w.page.locator('[data-testid="startup-notice"]').count()).toBe(0);
  await w.page.click('[data-testid="nav-data"]');
  await w.page.waitForSelector('[data-testid="data-page"]');
  expect(await w.page.locator('[data-testid="startup-report"]').count()).toBe(0);
  await w.page.context().close();
});
