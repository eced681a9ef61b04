import { MESSAGES, type Locale, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` replaced by `params.name`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template: string = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** One formatter per locale and kind, made on first use. */
function cached<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) made.set(locale, (value = make(locale)));
    return value;
  };
}

const plain = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
// Chinese counts large numbers in 万 (10⁴) and 亿 (10⁸): Intl's compact notation for zh-CN does exactly that.
// Four decimals keep a count exact up to 1亿 (12,345 is 1.2345万, not 1.23万: tables and tiles must not round).
const wan = cached((locale) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 4 }));
const percent = cached(
  (locale) => new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }),
);
const oneDecimal = cached(
  (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
);
const dates = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
const months = cached((locale) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }));
const moments = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const lists = cached((locale) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
const kilobytes = cached(
  (locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }),
);
const megabytes = cached(
  (locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
);

/**
 * A number as the locale writes it: `12,345` in English; in Chinese `9,999`
 * below ten thousand, then `1.2345万`, `4.5亿` (exact below 1亿).
 */
export function formatNumber(locale: Locale, value: number): string {
  return locale === 'zh-CN' && Math.abs(value) >= 10_000 ? wan(locale).format(value) : plain(locale).format(value);
}

/** A change as a signed whole percentage: `+25%`, `−10%`, `0%`. */
export function formatPercent(locale: Locale, ratio: number): string {
  return percent(locale).format(ratio);
}

const signedPercent = cached(
  (locale) =>
    new Intl.NumberFormat(locale, {
      style: 'percent',
      signDisplay: 'exceptZero',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
);

/** A change as a signed percentage with one decimal: `+8.5%`, `-3.2%` (the KPI tiles). */
export function formatSignedPercent(locale: Locale, ratio: number): string {
  return signedPercent(locale).format(ratio);
}

/** A figure with one decimal, as seconds in a status line: `2.5`. */
export function formatDecimal(locale: Locale, value: number): string {
  return oneDecimal(locale).format(value);
}

/**
 * An ISO date (`2018-05-01`) or month (`2018-05`) in the locale's long form:
 * `2018年5月1日` / `May 1, 2018`; anything else is returned as it came.
 */
export function formatDate(locale: Locale, iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1));
  return (d === undefined ? months : dates)(locale).format(time);
}

/** A moment (ms since 1970) in this browser's time zone: `2026年12月1日 22:05` / `Dec 1, 2026, 10:05 PM`. */
export function formatMoment(locale: Locale, ms: number): string {
  return moments(locale).format(ms);
}

/** Items joined as the locale lists them: `美国、英国和德国` / `US, UK, and Germany`. */
export function formatList(locale: Locale, items: readonly string[]): string {
  return lists(locale).format(items);
}

/** A file size in kB below a megabyte, else in MB. */
export function formatBytes(locale: Locale, bytes: number): string {
  return bytes < 1_048_576 ? kilobytes(locale).format(bytes / 1024) : megabytes(locale).format(bytes / 1_048_576);
}
