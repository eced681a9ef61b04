import { onSystemTheme, parseTheme, resolveTheme, showTheme, type Theme } from './theme';
import { readStored, writeStored } from './stored';

const STORAGE_KEY = 'exchange-dashboard.theme';

function initialTheme(): Theme {
  return parseTheme(new URLSearchParams(location.search).get('theme')) ?? parseTheme(readStored(STORAGE_KEY)) ?? 'auto';
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
    writeStored(STORAGE_KEY, value === 'auto' ? null : value);
    showTheme(value);
  }

  /** Whether the page is dark now: chosen, or the system's choice under 'auto'. */
  get dark(): boolean {
    return resolveTheme(this.#value) === 'dark';
  }
}

export const theme = new ThemeState();
