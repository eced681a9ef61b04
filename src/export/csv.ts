import { csvFormatRow } from 'd3';

/**
 * Excel and WPS run a cell that starts with one of these as a formula: the ASCII signs, their
 * fullwidth forms (＝ ＋ － ＠, which Chinese input methods type and spreadsheets fold to ASCII) and
 * small forms (﹦ ﹢ ﹣ ﹫), a tab or carriage return; also after characters that show nothing in
 * front of them (Unicode's default-ignorable code points: zero-width spaces and joiners, word
 * joiner, byte-order mark, soft hyphen, direction marks and isolates, variation selectors), which
 * a spreadsheet may drop before it reads the sign.
 */
const FORMULA_START = /^\p{Default_Ignorable_Code_Point}*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/u;

/** A number as a table shows it: sign, digits with grouping commas, decimals. */
const NUMBER = /^[+-]?\d[\d,]*(\.\d+)?$/;

/** A text cell made safe to open in a spreadsheet; numbers, negative ones too, stay numbers. */
export function guardCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** UTF-8 CSV with a byte-order mark, so Excel on Chinese Windows reads it right; every record ends in CRLF. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const records = [
    columns.map((c) => guardCell(c.header)),
    ...rows.map((row) => columns.map((c) => guardCell(c.value(row)))),
  ];
  return `\uFEFF${records.map((r) => `${csvFormatRow(r)}\r\n`).join('')}`;
}
