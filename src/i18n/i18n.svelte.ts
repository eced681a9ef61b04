import { countryName } from '../reference/countries';
import { DEFAULT_LOCALE, LOCALE_KEY, readStored, writeStored } from '../state/stored';
import { LOCALES, type Locale, type MessageKey } from './messages';
import {
  formatBytes,
  formatDate,
  formatDecimal,
  formatList,
  formatMoment,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  translate,
  type Params,
} from './translate';

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl && (LOCALES as string[]).includes(fromUrl)) return fromUrl as Locale;
  const stored = readStored(LOCALE_KEY);
  if (stored && (LOCALES as string[]).includes(stored)) return stored as Locale;
  return DEFAULT_LOCALE;
}

/** The page's language: the one place strings, numbers, dates and country names are made. */
export class I18n {
  #locale = $state<Locale>(initialLocale());

  get locale(): Locale {
    return this.#locale;
  }

  set locale(value: Locale) {
    this.#locale = value;
    writeStored(LOCALE_KEY, value);
    document.documentElement.lang = value;
  }

  /** Shows the page in `value` without remembering it (embeds must not change the app's choice). */
  show(value: Locale): void {
    this.#locale = value;
    document.documentElement.lang = value;
  }

  t = (key: MessageKey, params?: Params): string => translate(this.#locale, key, params);
  n = (value: number): string => formatNumber(this.#locale, value);
  /** A figure with one decimal (seconds). */
  decimal = (value: number): string => formatDecimal(this.#locale, value);
  percent = (ratio: number): string => formatPercent(this.#locale, ratio);
  /** A change with one decimal (`+8.5%`). */
  signedPercent = (ratio: number): string => formatSignedPercent(this.#locale, ratio);
  /** An ISO date or month in the page's language. */
  date = (iso: string): string => formatDate(this.#locale, iso);
  /** A moment (ms since 1970), date and time, in this browser's time zone. */
  moment = (ms: number): string => formatMoment(this.#locale, ms);
  list = (items: readonly string[]): string => formatList(this.#locale, items);
  bytes = (count: number): string => formatBytes(this.#locale, count);
  country = (code: string): string => countryName(code, this.#locale);
}

export const i18n = new I18n();
