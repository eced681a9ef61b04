import { MESSAGES, type Locale, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` replaced by `params.name`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template: string = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return format.format(value);
}
