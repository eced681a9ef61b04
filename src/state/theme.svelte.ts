import { onSystemTheme, parseTheme, resolveTheme, showTheme, type Theme } from './theme';
import { readStored, THEME_KEY, writeStored } from './stored';

function initialTheme(): Theme {
  return parseTheme(new URLSearchParams(location.search).get('theme')) ?? parseTheme(readStored(THEME_KEY)) ?? 'auto';
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
    writeStored(THEME_KEY, value === 'auto' ? null : value);
    showTheme(value);
  }

  /** Whether the page is dark now: chosen, or the system's choice under 'auto'. */
  get dark(): boolean {
    return resolveTheme(this.#value) === 'dark';
  }
}

export const theme = new ThemeState();
