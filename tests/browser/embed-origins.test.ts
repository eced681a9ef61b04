/**
 * Embeds on the college's own site, set at deploy time: the built site is served with its own
 * embed-origins.json (as web staff would edit it on the server, no rebuild), and parent pages
 * holding the Embed dialog's code are served from other loopback origins. An allowed parent
 * shows the chart at its full height; one not allowed is warned about in the dialog, with the
 * file's fix, and refused by the browser (frame-ancestors) until that fix is made.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EMBED_ORIGINS_FILE, embedOriginsText } from '../../src/config/embed';
import { expectedViolations, watchedPage } from './browser';
import { browser, useHarness } from './harness';
import { serveStatic } from './static-server';

useHarness();

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
const PREFIX = '/college/intl-dashboard/';

let site: string;
let app: { url: string; server: Server };
/** Parent pages on two other loopback origins: the first allowed by the setting, the second not. */
const parents: { origin: string; server: Server; html: string }[] = [];

async function serveParent(host: string): Promise<(typeof parents)[number]> {
  const entry = { origin: '', server: createServer(), html: '' };
  entry.server.on('request', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(entry.html);
  });
  await new Promise<void>((resolve) => entry.server.listen(0, host, resolve));
  entry.origin = `http://${host}:${(entry.server.address() as { port: number }).port}`;
  return entry;
}

/** The deploy-time setting, written into the served folder as web staff would on the server. */
function setOrigins(origins: string[]): void {
  writeFileSync(join(site, EMBED_ORIGINS_FILE), embedOriginsText(origins));
}

beforeAll(async () => {
  // The built site as deployed: every file of the build, but a setting of its own.
  site = mkdtempSync(join(tmpdir(), 'embed-origins-site-'));
  for (const name of readdirSync(dist)) {
    if (name !== EMBED_ORIGINS_FILE) symlinkSync(join(dist, name), join(site, name));
  }
  app = await serveStatic(site, PREFIX);
  parents.push(await serveParent('127.0.0.2'), await serveParent('127.0.0.3'));
  setOrigins([parents[0]!.origin]);
});

afterAll(async () => {
  for (const { server } of [app, ...parents]) await new Promise((resolve) => server?.close(resolve));
  if (site) rmSync(site, { recursive: true, force: true });
});

/** The Embed dialog's code for the countries chart on `origin`, and its warning if it shows one. */
async function dialogFor(page: Page, origin: string): Promise<{ snippet: string; fix: string | null }> {
  await page.fill('[data-testid="embed-origin"]', origin);
  await page.waitForSelector('[data-testid="embed-dialog"][data-setting="read"]');
  const warning = page.locator('[data-testid="embed-origin-warning"]');
  const fix = (await warning.count()) > 0 ? await page.textContent('[data-testid="embed-origin-fix"]') : null;
  await page.click('[data-testid="embed-copy"]');
  await page.waitForSelector('[data-testid="embed-copied"]:has-text("嵌入代码已复制")');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(await page.inputValue('[data-testid="embed-snippet"]'));
  return { snippet, fix };
}

async function openDialog(): Promise<Page> {
  const { page } = await watchedPage(browser, new URL(app.url).origin);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="embed-open"]');
  await page.selectOption('[data-testid="embed-chart"]', 'countries');
  return page;
}

/** The embed frame of a parent page, once its document has loaded (or been refused). */
async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  await handle.scrollIntoViewIfNeeded();
  for (let i = 0; i < 200; i++) {
    const frame = await handle.contentFrame();
    if (frame && frame.url() !== 'about:blank') return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the embed frame never loaded');
}

/** The parent page holding `snippet`; resolves when the chart shows at its full height. */
async function showsChartAtFullHeight(parent: (typeof parents)[number], snippet: string): Promise<void> {
  parent.html = `<!doctype html><meta charset="utf-8"><title>学院新闻</title><h1>国际交流</h1>${snippet}<p>页脚</p>`;
  const { page, errors, csp } = await watchedPage(browser, parent.origin);
  await page.goto(`${parent.origin}/news.html`);
  const frame = await embedFrame(page);
  await frame.waitForSelector('[data-testid="embed"] svg', { timeout: 30_000 });
  // The height message resized the iframe from the code's 420 px to the whole embed.
  await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '420px', null, {
    timeout: 15_000,
  });
  // The chart settles (fonts, width) in a few resizes: measured once both sides agree.
  const measure = async () => ({
    inner: await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: innerHeight,
      sourceBottom: document.querySelector('.source')!.getBoundingClientRect().bottom,
    })),
    outer: await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height),
  });
  let { inner, outer } = await measure();
  for (let i = 0; i < 50 && outer !== Math.ceil(inner.scroll); i++) {
    await page.waitForTimeout(200);
    ({ inner, outer } = await measure());
  }
  expect(outer).toBe(Math.ceil(inner.scroll));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
  expect(inner.sourceBottom).toBeLessThanOrEqual(outer);
  expect(outer).not.toBe(420);
  expect(errors).toEqual([]);
  expect(csp).toEqual([]);
  await page.context().close();
}

test('a parent on an allowed origin: no warning in the dialog, the chart at its full height', async () => {
  const page = await openDialog();
  const { snippet, fix } = await dialogFor(page, parents[0]!.origin);
  expect(fix).toBeNull();
  expect(snippet).toContain(`origin=${encodeURIComponent(parents[0]!.origin)}`);
  await page.context().close();
  await showsChartAtFullHeight(parents[0]!, snippet);
});

test('a parent not allowed: the dialog warns with the fix; the browser refuses the frame until the file is fixed', async () => {
  const page = await openDialog();
  const other = parents[1]!;
  const { snippet, fix } = await dialogFor(page, other.origin);
  // The warning names the file on the server and what it must read: the current list plus this origin.
  const warning = await page.textContent('[data-testid="embed-origin-warning"]');
  expect(warning).toContain(new URL(EMBED_ORIGINS_FILE, app.url).href);
  expect(warning).toContain('frame-ancestors');
  expect(JSON.parse(fix!)).toEqual({ parentOrigins: [parents[0]!.origin, other.origin] });

  other.html = `<!doctype html><meta charset="utf-8"><title>学院新闻</title>${snippet}`;
  const parent = await watchedPage(browser, other.origin);
  await parent.page.goto(`${other.origin}/news.html`);
  const frame = await embedFrame(parent.page);
  // Refused: wait for the browser's frame-ancestors report instead of a fixed second.
  await expect.poll(() => parent.csp.some((v) => /frame-ancestors/.test(v)), { timeout: 15_000 }).toBe(true);
  expect(await frame.locator('[data-testid="embed"]').count()).toBe(0);
  expect(frame.url()).not.toContain('embed.html');
  const refused = expectedViolations();
  expect(refused.some((v) => /frame-ancestors/.test(v))).toBe(true);
  expect(parent.page.url()).toBe(`${other.origin}/news.html`);
  await parent.page.context().close();

  // Web staff write what the dialog showed, on the server, with no rebuild: the dialog stops
  // warning and the same code now shows the chart in full.
  writeFileSync(join(site, EMBED_ORIGINS_FILE), fix!);
  await page.click('[data-testid="embed-origin-check"]');
  await page.waitForSelector('[data-testid="embed-origin-warning"]', { state: 'detached' });
  await page.context().close();
  await showsChartAtFullHeight(other, snippet);
  setOrigins([parents[0]!.origin]);
});
