import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { TableData } from '../charts/table';
import { formatDate } from '../i18n/translate';

/**
 * A chart's or table's data as an Excel workbook (.xlsx): a data sheet of typed cells and a sheet
 * saying what it is. This module holds the workbook writer (SheetJS CE, `@e965/xlsx`): the export
 * menu imports it on demand, so it stays out of the first bundle.
 *
 * The cells are the CSV export's (the same TableData, drawn with plain numbers), typed: a number
 * column's cells are numbers, a column of whole numbers (years) too, a date in the page's long form
 * (`2018年5月1日`, `May 1, 2018`) a date (a serial day with a date format); everything else is text.
 * Text is written as a string cell, never as a formula, whatever it starts with.
 */

export type Locale = 'zh-CN' | 'en';

/** A typed cell: a number, a calendar date (ISO yyyy-mm-dd), text, or nothing. */
export type XlsxCell = number | { date: string } | string | null;

export interface XlsxMeta {
  /** Labels of the metadata sheet's rows, in the page's language. */
  labels: { title: string; filters: string; source: string; date: string; rule: string };
  sheetNames: { data: string; about: string };
  title: string;
  filters: string;
  source: string;
  /** The export date, ISO yyyy-mm-dd. */
  date: string;
  /** The public/internal rule this file follows. */
  rule: string;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const WHOLE = /^\d{1,6}$/;
const ZH_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const EN_DATE = /^([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date from a date in the page's long form, checked by writing it back; null when it is not one. */
export function parseDateText(text: string, locale: Locale): string | null {
  let iso: string | null = null;
  const zh = ZH_DATE.exec(text);
  if (zh) iso = `${zh[1]}-${pad(Number(zh[2]))}-${pad(Number(zh[3]))}`;
  const en = EN_DATE.exec(text);
  if (en) {
    for (let m = 1; m <= 12 && !iso; m++) {
      const candidate = `${en[3]}-${pad(m)}-${pad(Number(en[2]))}`;
      if (formatDate(locale, candidate) === text) iso = candidate;
    }
  }
  return iso && formatDate(locale, iso) === text ? iso : null;
}

/**
 * A table's cells typed: numeric columns as numbers, columns of whole numbers (years) as numbers,
 * single dates as dates; other cells (date spans, 'open-ended', names) stay text as the CSV has them.
 */
export function typedRows(data: TableData, locale: Locale): XlsxCell[][] {
  const wholeColumn = data.columns.map(
    (c, i) => !c.numeric && data.rows.length > 0 && data.rows.every((r) => WHOLE.test(r.cells[i] ?? '')),
  );
  return data.rows.map((row) =>
    data.columns.map((column, i) => {
      const cell = row.cells[i] ?? '';
      if (cell === '') return null;
      if ((column.numeric || wholeColumn[i]) && PLAIN_NUMBER.test(cell)) return Number(cell);
      const iso = column.numeric ? null : parseDateText(cell, locale);
      return iso ? { date: iso } : cell;
    }),
  );
}

/** Days since 1899-12-30, Excel's serial for a calendar date (no time zone involved). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const DATE_FORMAT = 'yyyy-mm-dd';

function cellObject(value: XlsxCell): CellObject | null {
  if (value === null) return null;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  return { t: 'n', v: excelSerial(value.date), z: DATE_FORMAT };
}

/** A sheet from rows of typed cells; a string is always a string cell (no formula is ever made). */
function sheetOf(rows: readonly (readonly XlsxCell[])[]): WorkSheet {
  const sheet: WorkSheet = {};
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((value, c) => {
      const cell = cellObject(value);
      if (cell) sheet[utils.encode_cell({ r, c })] = cell;
    });
  });
  sheet['!ref'] = utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(rows.length - 1, 0), c: Math.max(width - 1, 0) },
  });
  return sheet;
}

/** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

/** The workbook's bytes: the data sheet (header row, typed cells) and the metadata sheet. */
export function xlsxBytes(data: TableData | null, meta: XlsxMeta, locale: Locale): ArrayBuffer {
  const table = data ?? { columns: [], rows: [] };
  const rows: XlsxCell[][] = [table.columns.map((c) => c.label), ...typedRows(table, locale)];
  const dataSheet = sheetOf(rows);
  dataSheet['!cols'] = table.columns.map((c, i) => ({
    wch: Math.min(60, Math.max(8, ...rows.map((r) => widthOf(r[i] ?? null, c.label)))),
  }));
  const about = sheetOf([
    [meta.labels.title, meta.title],
    [meta.labels.filters, meta.filters],
    [meta.labels.source, meta.source],
    [meta.labels.date, { date: meta.date }],
    [meta.labels.rule, meta.rule],
  ]);
  about['!cols'] = [{ wch: 14 }, { wch: 80 }];
  const book = utils.book_new();
  utils.book_append_sheet(book, dataSheet, sheetName(meta.sheetNames.data));
  utils.book_append_sheet(book, about, sheetName(meta.sheetNames.about));
  return write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}

/** A column's width in characters: CJK characters count twice. */
function widthOf(value: XlsxCell, header: string): number {
  const text = value === null ? header : typeof value === 'object' ? value.date : String(value);
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width + 2;
}
