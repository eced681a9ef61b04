/**
 * Light or dark page colours, or the system's choice ('auto'). Charts draw their
 * text and axes in the page's text colour, so they follow; exports are always
 * drawn light, for slides and print.
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | null): Theme | null {
  return value !== null && (THEMES as readonly string[]).includes(value) ? (value as Theme) : null;
}

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** The colours a theme shows now: 'auto' is the system's choice. */
export function resolveTheme(value: Theme): 'light' | 'dark' {
  return value === 'auto' ? (matchMedia(SYSTEM_DARK).matches ? 'dark' : 'light') : value;
}

/** Sets the page's colours: `data-theme` on <html>, light or dark, which app.css reads. */
export function showTheme(value: Theme): void {
  document.documentElement.dataset.theme = resolveTheme(value);
}

/** Calls back when the system's choice changes (it matters under 'auto'); returns the cleanup. */
export function onSystemTheme(callback: () => void): () => void {
  const query = matchMedia(SYSTEM_DARK);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}
