import { afterEach, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** Chromium as every test drives it; `extraArgs` adds flags (a proxy, say). */
export function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...extraArgs, ...CHROMIUM_ARGS] });
}

export interface Watched {
  page: Page;
  /** Requests to any origin but the page's own. */
  foreign: string[];
  /** Console errors, page errors and CSP violations. */
  errors: string[];
  /** Content Security Policy violations in the page, its frames and its workers: every test fails on one. */
  csp: string[];
}

/** Each watched page's last console lines, of any kind: what a failing wait reports (harness.ts `settled`). */
const consoles = new WeakMap<Page, string[]>();

/** The last console lines of a watched page (warnings and infos included), oldest first. */
export function lastConsole(page: Page): string[] {
  return consoles.get(page) ?? [];
}

/** Every watched page's CSP violations since the last test ended. */
const violations: string[] = [];

/** Takes the violations a test provoked on purpose, so they do not fail it. */
export function expectedViolations(): string[] {
  return violations.splice(0);
}

// Registered in each test file that watches a page: a CSP violation fails the test it happened in.
afterEach(() => {
  const seen = violations.splice(0);
  expect(seen, 'Content Security Policy violations').toEqual([]);
});

/** A page that records every request to another origin and every error it shows. */
export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1440, height: 900 },
  // The site's service worker precaches 40 MB on every new context: only the offline tests let it run.
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  const csp: string[] = [];
  const violation = (text: string) => {
    csp.push(text);
    violations.push(text);
    errors.push(text);
  };
  await page.exposeFunction('__reportCspViolation', violation);
  page.on('worker', (worker) => {
    // A worker's violations reach only its own console ("Refused to connect … Content Security Policy").
    worker.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violation(`worker: ${message.text()}`);
    });
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(request.url());
  });
  const lines: string[] = [];
  consoles.set(page, lines);
  page.on('console', (message) => {
    lines.push(`${message.type()}: ${message.text().slice(0, 300)}`);
    if (lines.length > 20) lines.shift();
    if (message.type() !== 'error') return;
    if (/Content Security Policy/i.test(message.text())) violation(message.text());
    else errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      void report?.(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${location.pathname}`);
    });
  });
  return { page, foreign, errors, csp };
}
