/**
 * The page's remembered choices in localStorage, which a browser may refuse: in an embed framed by
 * another site with third-party storage blocked, merely reading `localStorage` throws. A refused
 * store reads as empty and forgets, so the page still draws.
 */

/** The page's language (src/i18n/i18n.svelte.ts) and theme (theme.svelte.ts), as last chosen here. */
export const LOCALE_KEY = 'exchange-dashboard.locale';
export const THEME_KEY = 'exchange-dashboard.theme';
/** The language of a page opened with none chosen. */
export const DEFAULT_LOCALE = 'zh-CN';

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers `value` under `key`, or forgets it when `value` is null; silently not, if refused. */
export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (blocked third-party storage, private mode quota): the choice lasts this visit.
  }
}
