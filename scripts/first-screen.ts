/**
 * The first screen's templates (src/state/first-screen.ts), made at build time: the built site is
 * opened in Chromium as a visitor opens it (zh-CN, then en; light; 1440 × 900, then a phone's
 * 390 × 844), the app's first screen is taken as it is painted with its first chart (from the bundled snapshot), and written
 * into index.html as a `<template>` each, named by the snapshot it was drawn from. The page shows
 * one while its code is still on its way, when it would open on the same view.
 *
 * Chromium serializes the markup the app itself made, so the template holds the app's figures
 * for the bundled data, escaped as any HTML the browser writes. Only the test ids are left out (a
 * test reads the app, not its template).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch } from './bench/chromium';
import { serveSites } from './bench/server';
import { CHROMIUM_PATH } from '../tests/browser/chromium';
import { FIRST_SCREEN } from '../src/state/first-screen';
import { printOf } from '../src/state/first-requests';
import { LOCALE_KEY } from '../src/state/stored';

export const FIRST_SCREEN_LOCALES = ['zh-CN', 'en'] as const;
/** A laptop's window, and a phone's: each template is shown within a fifth of its width. */
export const FIRST_SCREEN_VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

export interface FirstScreen {
  locale: string;
  width: number;
  /** Plot's style elements, then the app's markup. */
  html: string;
}

/**
 * Runs in the page before its scripts: once a Plot chart is in the app's markup, in the frame it
 * is painted in, copies the app (and the style elements Plot put in the head).
 */
const TAKE = `(() => {
  new MutationObserver((records, observer) => {
    const app = document.getElementById('app');
    if (!app || !app.querySelector('[class^="plot-"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const copy = app.cloneNode(true);
      // What a form control shows is its state, not its markup: written into the copy's attributes.
      const fields = 'input, select, textarea';
      const copies = copy.querySelectorAll(fields);
      app.querySelectorAll(fields).forEach((field, i) => {
        const to = copies[i];
        if (field instanceof HTMLSelectElement)
          [...field.options].forEach((o, j) => to.options[j].toggleAttribute('selected', o.selected));
        else if (field instanceof HTMLTextAreaElement) to.textContent = field.value;
        else if (field.type === 'checkbox' || field.type === 'radio') to.toggleAttribute('checked', field.checked);
        else if (field.type !== 'file') to.setAttribute('value', field.value);
      });
      // A closed dialog is not on screen: its content is left out (the embed dialog's names the build server).
      for (const dialog of copy.querySelectorAll('dialog:not([open])')) dialog.replaceChildren();
      for (const el of copy.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
      const styles = [...document.head.querySelectorAll('style')].map((s) => s.outerHTML).join('');
      window.__firstScreen = { html: styles + copy.innerHTML, theme: document.documentElement.dataset.theme };
    });
  }).observe(document, { subtree: true, childList: true });
})();`;

async function take(
  browser: Browser,
  url: string,
  locale: string,
  viewport: (typeof FIRST_SCREEN_VIEWPORTS)[number],
): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport, locale, colorScheme: 'light' });
  try {
    await context.addInitScript({
      content: `localStorage.setItem(${JSON.stringify(LOCALE_KEY)}, ${JSON.stringify(locale)});`,
    });
    await context.addInitScript({ content: TAKE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    const taken = await page
      .waitForFunction(() => (window as unknown as { __firstScreen?: unknown }).__firstScreen, undefined, {
        timeout: 30_000,
      })
      .then((handle) => handle.jsonValue() as Promise<{ html: string; theme: string }>);
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    if (taken.theme !== 'light') throw new Error(`drawn ${taken.theme}, not light`);
    if (/<template\b/i.test(taken.html)) throw new Error('the first screen holds a template element');
    if (taken.html.includes(new URL(url).origin)) throw new Error('the first screen names the build server');
    return { locale, width: viewport.width, html: taken.html };
  } finally {
    await context.close();
  }
}

/** The built site's first screens, one per language and width; or why not (no Chromium here). */
export async function takeFirstScreens(outDir: string): Promise<FirstScreen[] | string> {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH}`;
  const { origin, server } = await serveSites([{ prefix: '/', root: outDir }]);
  const browser = await launch();
  try {
    const screens: FirstScreen[] = [];
    for (const locale of FIRST_SCREEN_LOCALES)
      for (const viewport of FIRST_SCREEN_VIEWPORTS) screens.push(await take(browser, `${origin}/`, locale, viewport));
    return screens;
  } finally {
    await browser.close();
    server.close();
  }
}

/** index.html with the templates before the app's element. */
export function withFirstScreens(indexHtml: string, screens: readonly FirstScreen[], snapshotFile: string): string {
  const snapshot = printOf(readFileSync(snapshotFile));
  const templates = screens
    .map(
      (s) =>
        `<template id="${FIRST_SCREEN}-${s.locale}-${s.width}" data-locale="${s.locale}" data-theme="light" ` +
        `data-width="${s.width}" data-snapshot="${snapshot}">${s.html}</template>`,
    )
    .join('\n    ');
  const app = '<div id="app"></div>';
  if (!indexHtml.includes(app)) throw new Error(`index.html lacks ${app}`);
  return indexHtml.replace(app, () => `${templates}\n    ${app}`);
}
