import { onSystemTheme, parseTheme, resolveTheme, showTheme, type Theme } from './theme';

const STORAGE_KEY = 'exchange-dashboard.theme';

function initialTheme(): Theme {
  return (
    parseTheme(new URLSearchParams(location.search).get('theme')) ??
    parseTheme(localStorage.getItem(STORAGE_KEY)) ??
    'auto'
  );
}

/** The page's theme: from the link, else the last choice made here, else the system's ('auto'). */
export class ThemeState {
  #value = $state<Theme>(initialTheme());

  constructor() {
    showTheme(this.#value);
    onSystemTheme(() => showTheme(this.#value));
  }

  get value(): Theme {
    return this.#value;
  }

  set value(value: Theme) {
    this.#value = value;
    if (value === 'auto') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, value);
    showTheme(value);
  }

  /** Whether the page is dark now: chosen, or the system's choice under 'auto'. */
  get dark(): boolean {
    return resolveTheme(this.#value) === 'dark';
  }
}

export const theme = new ThemeState();
