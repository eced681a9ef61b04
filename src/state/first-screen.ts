/**
 * The first screen, shown before the app's code has arrived. At build time the page's first
 * screen, as the app first paints it on the bundled data (zh-CN and en, light, 1440 px wide and a
 * phone's 390 px), is kept in index.html as a `<template>` each (scripts/first-screen.ts). The page's first script
 * (src/first-requests.ts) shows it, inert, once the snapshot it was drawn from has been checked
 * against the data files served now, when the page would open on the same view: no link state, the
 * same language and theme, no import stored, a window of about that width. The app replaces it in
 * the task it mounts in (src/main.ts). Otherwise the page waits for the app as before.
 *
 * Light: this runs before the app's chunks have arrived, and must not import them.
 */
import { DEFAULT_LOCALE, LOCALE_KEY, readStored, THEME_KEY } from './stored';
import { parseTheme, resolveTheme } from './theme';

/** Marks the template's copy in the page, and the templates' ids (`first-screen-<locale>-<width>`). */
export const FIRST_SCREEN = 'first-screen';

/** What a template was drawn for, from its `data-*` attributes. */
export interface FirstScreenOf {
  locale: string;
  theme: string;
  width: number;
  /** The snapshot's fingerprint (`fingerprint` in first-requests.ts: bytes and hash). */
  snapshot: string;
}

/** How the page is opened now. */
export interface Opening {
  search: string;
  hash: string;
  /** The language chosen in this browser before (null: none, the page's default). */
  storedLocale: string | null;
  theme: 'light' | 'dark';
  width: number;
}

/** How far the window's width may be from the template's: its charts scale to fit, a little. */
const WIDTH_SLACK = 0.2;

/** Whether a template drawn for `of` shows what the app will first paint when opened as `now`. */
export function fits(of: FirstScreenOf, now: Opening): boolean {
  return (
    now.search === '' &&
    now.hash === '' &&
    (now.storedLocale ?? DEFAULT_LOCALE) === of.locale &&
    now.theme === of.theme &&
    Math.abs(now.width - of.width) <= of.width * WIDTH_SLACK
  );
}

function opening(): Opening {
  return {
    search: location.search,
    hash: location.hash,
    storedLocale: readStored(LOCALE_KEY),
    theme: resolveTheme(parseTheme(readStored(THEME_KEY)) ?? 'auto'),
    width: innerWidth,
  };
}

let ended = false;

/**
 * Shows the template that fits the page's opening, if the snapshot checked (`snapshotPrint`, null
 * when it was not used) is the one it was drawn from and the app has not mounted yet.
 */
export function showFirstScreen(snapshotPrint: string | null): void {
  const shown = show(snapshotPrint);
  // For the tests and the bench: whether, and in which language, it was shown.
  performance.mark(FIRST_SCREEN, { detail: shown });
}

function show(snapshotPrint: string | null): string | null {
  const target = document.getElementById('app');
  if (ended || snapshotPrint === null || !target) return null;
  const now = opening();
  for (const template of document.querySelectorAll<HTMLTemplateElement>(`template[id^="${FIRST_SCREEN}-"]`)) {
    const data = template.dataset;
    const of: FirstScreenOf = {
      locale: data.locale ?? '',
      theme: data.theme ?? '',
      width: Number(data.width),
      snapshot: data.snapshot ?? '',
    };
    if (of.snapshot !== snapshotPrint || !fits(of, now)) continue;
    const copy = document.createElement('div');
    copy.dataset.firstScreen = of.locale;
    // Not yet the app: nothing in it can be used, focused or read out until the app replaces it.
    copy.inert = true;
    copy.append(template.content.cloneNode(true));
    document.documentElement.lang = of.locale;
    document.documentElement.dataset.theme = of.theme;
    target.append(copy);
    return of.locale;
  }
  return null;
}

/** The app has mounted: its own first screen replaces the template's (and none is shown later). */
export function endFirstScreen(): void {
  ended = true;
  document.querySelector(`[data-first-screen]`)?.remove();
}
