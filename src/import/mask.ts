/**
 * Values shown in the report are masked where they may identify a person: ID card, passport and
 * phone numbers, e-mail addresses, and (in a raw line) short runs of Chinese characters that read
 * like a name. Long values are cut.
 */
const ID_CARD = /\b\d{17}[\dXx]\b|\b\d{15}\b/g;
const PASSPORT = /\b[A-Za-z]{1,2}\d{7,8}\b/g;
const PHONE = /\b1[3-9]\d{9}\b/g;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

function star(match: string): string {
  return match.length <= 2 ? '*'.repeat(match.length) : match[0] + '*'.repeat(match.length - 2) + match.at(-1);
}

export function maskIdentifiers(value: string): string {
  return value.replace(ID_CARD, star).replace(PASSPORT, star).replace(PHONE, star).replace(EMAIL, star);
}

export function cut(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A single cell of a known, non-personal column. */
export function maskCell(value: string): string {
  return cut(maskIdentifiers(value));
}

/** A whole raw line, whose cells are not known: a 2–4 character Chinese cell may be a name. */
export function maskLine(line: string): string {
  const masked = maskIdentifiers(line.slice(0, 400)).replace(
    /(^|[,;\t|"])([\u4e00-\u9fff]{2,4})(?=$|[,;\t|"])/g,
    (_, before: string, name: string) => before + name[0] + '*'.repeat(name.length - 1),
  );
  return cut(masked);
}
