/**
 * The Content Security Policy as served: the dashboard's on every file, the embed's (framable by
 * the configured parents) on embed.html; an injected inline script does not run and the violation
 * fails a test; another origin cannot frame the dashboard or an embed it is not configured for.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CSP, EMBED_CSP } from '../../src/config/csp';
import { expectedViolations, watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

test('each file carries its policy; the wasm is application/wasm', async () => {
  const get = (path: string) => fetch(new URL(path, baseUrl));
  const index = await get('./');
  expect(index.headers.get('content-security-policy')).toBe(CSP);
  expect(CSP).toContain("frame-ancestors 'self'");
  expect(CSP).toContain("form-action 'none'");
  expect((await get('embed.html')).headers.get('content-security-policy')).toBe(EMBED_CSP);
  const html = await index.text();
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
  expect((await get(script)).headers.get('content-security-policy')).toBe(CSP);
  const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
  expect(wasm.length).toBeGreaterThanOrEqual(2);
  for (const file of wasm) expect((await get(`assets/${file}`)).headers.get('content-type')).toBe('application/wasm');
});

/** An inserted inline script runs during append() if it may run at all, so it is read at once after. */
function injectInlineScript(): boolean {
  const script = document.createElement('script');
  script.textContent = 'window.__ran = true';
  document.body.append(script);
  return (window as unknown as { __ran?: boolean }).__ran ?? false;
}

test('an injected inline script does not run, and the violation is caught', async () => {
  const w = await watchedPage(browser, origin);
  await w.page.goto(`${baseUrl}embed.html?chart=trend`);
  await w.page.waitForSelector('[data-testid="embed"] svg', { timeout: 30_000 });
  const ran = await w.page.evaluate(injectInlineScript);
  expect(ran).toBe(false);
  // The violation comes after the append, twice: the page's event and Chromium's console line. Wait for both.
  await expect
    .poll(() => [
      w.csp.some((v) => v.startsWith('CSP violation: script-src')),
      w.csp.some((v) => !v.startsWith('CSP violation:') && /inline script/i.test(v)),
    ])
    .toEqual([true, true]);
  expect(expectedViolations().length).toBeGreaterThan(0);
  await w.page.context().close();
});

test('another origin cannot frame the dashboard, nor an embed it is not configured for', async () => {
  const w = await watchedPage(browser, origin);
  const body = `<!doctype html><iframe src="${baseUrl}"></iframe><iframe src="${baseUrl}embed.html?chart=trend"></iframe>`;
  // Same server, another origin: localhost is not 127.0.0.1.
  const foreignParent = baseUrl.replace('127.0.0.1', 'localhost') + 'parent.html';
  const ownParent = `${baseUrl}parent.html`;
  for (const parent of [foreignParent, ownParent]) {
    await w.page.route(parent, (route) => route.fulfill({ contentType: 'text/html', body }));
  }
  await w.page.goto(foreignParent);
  await expect
    .poll(
      () =>
        w.page
          .frames()
          .slice(1)
          .map((f) => f.url()),
      { timeout: 20_000 },
    )
    .toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);

  // The same page on the site's own origin frames both.
  await w.page.goto(ownParent);
  const embed = w.page.frames().find((f) => f.url().includes('embed.html'))!;
  await embed.waitForSelector('[data-testid="embed"] svg', { timeout: 30_000 });
  const app = w.page.frames().find((f) => f !== w.page.mainFrame() && f !== embed)!;
  await app.waitForSelector('[data-testid="kpi-outbound"]', { timeout: 45_000 });
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
