/**
 * An Excel or WPS workbook (.xlsx, .xls) read into the text the CSV path reads: one sheet, one line
 * per sheet row, so that line N of the text is row N of the sheet and the report's lines are the
 * sheet's row numbers. From there the file goes through the same structure detection, staging and
 * checks as a CSV export (structure.ts, stage.ts, check-file.ts).
 *
 * Cells become the text a person sees, made plain: dates (cells with a date format) as ISO
 * `2017-09-01`, numbers as digits (a whole number past Excel's 15 significant digits in exponent
 * form, so an id Excel damaged is flagged as one), text as it is, errors (`#N/A`) as written,
 * formulas by the value Excel or WPS saved with them. A cell merged over several rows fills its
 * range (a header cell beside a two-row header, a country written once for a group of rows), but a
 * number stays in its first row (a count is not multiplied); a merge within one row (a title, a
 * 合计 label) stays in its first cell, as Excel's own CSV export leaves it. A line break inside a
 * cell becomes a space. Each of these is said in the report when it happened.
 *
 * Runs in its own worker (src/data/workbook-worker.ts): the parser is loaded only for a workbook.
 */
import * as XLSX from '@e965/xlsx';
import { TABLES } from '../domain/tables';
import { columnFor } from './headers';
import type { FileError, Notice } from './report';
import { workbookKind, type WorkbookKind } from './workbook-kind';

/** Rows of a sheet read at most; past it the sheet is refused with a message (a CSV export has no such limit). */
export const MAX_SHEET_ROWS = 100_000;
/** Worksheet XML (uncompressed) read at most: past it the tab would run out of memory before the row count is known. */
export const MAX_SHEET_XML_BYTES = 256 * 1024 * 1024;

export type SheetKind = 'data' | 'empty' | 'chart';

export interface SheetInfo {
  name: string;
  kind: SheetKind;
  hidden: boolean;
  /** The last row with a value (1-based; 0 when empty). */
  rows: number;
}

export type WorkbookError = Extract<
  FileError,
  'xlsx' | 'xls' | 'workbook-encrypted' | 'workbook-empty' | 'workbook-chart' | 'workbook-rows' | 'too-large'
>;

export type WorkbookRead =
  | {
      ok: true;
      kind: WorkbookKind;
      sheets: SheetInfo[];
      sheet: string;
      /** The sheet as CSV: line N is row N of the sheet. */
      csv: string;
      /** What the report says about reading the workbook: the sheet, formulas, merged cells, line breaks. */
      notices: Notice[];
    }
  | { ok: false; kind: WorkbookKind | null; error: WorkbookError; items: string[]; sheets: SheetInfo[] };

/** The sizes of a ZIP's entries from its central directory, without inflating anything; null when it has none. */
export function zipEntrySizes(bytes: Uint8Array): Map<string, number> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const sizes = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF: the real size is in a ZIP64 field, and is at least 4 GB.
    sizes.set(name, size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size);
    at += 46 + nameLength + extra + comment;
  }
  return sizes;
}

/** An OLE2 container holding an encrypted Office package (a password-protected .xlsx), or an .xls whose parse said so. */
function isEncryptedContainer(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    return !!(XLSX.CFB.find(cfb, 'EncryptedPackage') || XLSX.CFB.find(cfb, 'EncryptionInfo'));
  } catch {
    return false;
  }
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

/** An Excel date serial as `YYYY-MM-DD` (its time of day dropped), computed without any time zone. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  let whole = Math.floor(serial + 1e-9);
  // The 1900 system counts a 29 February 1900 that never was (serial 60): days before it are one off.
  if (!date1904 && whole < 61) whole += whole === 60 ? 0 : 1;
  const epoch = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900;
  const date = new Date(epoch + whole * DAY);
  if (!date1904 && serial >= 60 && serial < 61) return '1900-02-29';
  return date.toISOString().slice(0, 10);
}

/** A number as the digits a person would type: 15 significant digits, as Excel keeps. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return Math.abs(value) < 1e15 ? String(value) : value.toExponential();
  return String(Number(value.toPrecision(15)));
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v]/g;
const HAS_LINE_BREAK = /[\r\n\u2028\u2029\v]/;

/** Whether a number format shows a date; asked once per format (SSF parses the format each time). */
const dateFormats = new Map<string, boolean>();
function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const known = dateFormats.get(format);
  if (known !== undefined) return known;
  const date = XLSX.SSF.is_date(format);
  dateFormats.set(format, date);
  return date;
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n': {
      const value = cell.v as number;
      if (isDateFormat(cell.z)) return serialToIso(value, date1904) ?? XLSX.SSF.format(cell.z as string, value);
      return numberText(value);
    }
    case 'd': {
      const value = cell.v;
      if (value instanceof Date) {
        const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
        return local.toISOString().slice(0, 10);
      }
      return String(value ?? '').slice(0, 10);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? ERRORS[cell.v as number] ?? '#N/A';
    default:
      return '';
  }
}

/** Excel's error values by code, for cells read without their formatted text. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const A1 = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });

/** How many cells of a row name a column of the table they fit best (as structure.ts picks a header). */
function headerScore(row: readonly string[]): number {
  let best = 0;
  for (const spec of TABLES) {
    const found = new Set(row.map((f) => columnFor(spec, f)).filter((c) => c !== null));
    best = Math.max(best, found.size);
  }
  return best;
}

type Grid = XLSX.CellObject[][];

function lastRowWithData(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    if (grid[r]?.some((cell) => cell && cell.t !== 'z' && cellText(cell, false).trim() !== '')) return r + 1;
  }
  return 0;
}

function sheetInfo(wb: XLSX.WorkBook, name: string, index: number): SheetInfo {
  const sheet = wb.Sheets[name];
  const hidden = (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
  if (!sheet || sheet['!type'] === 'chart') return { name, kind: 'chart', hidden, rows: 0 };
  const grid = (sheet['!data'] ?? []) as Grid;
  const rows = lastRowWithData(grid);
  return { name, kind: rows > 0 ? 'data' : 'empty', hidden, rows };
}

/** The sheet to read unasked: the first visible one whose first rows hold a header the importer knows, else the first with data. */
function defaultSheet(wb: XLSX.WorkBook, sheets: readonly SheetInfo[]): SheetInfo | undefined {
  const data = sheets.filter((s) => s.kind === 'data');
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const table = (s: SheetInfo) => {
    const grid = (wb.Sheets[s.name]?.['!data'] ?? []) as Grid;
    return grid.slice(0, 20).some((row) => headerScore((row ?? []).map((c) => cellText(c, date1904).trim())) >= 2);
  };
  return (
    data.find((s) => !s.hidden && table(s)) ?? data.find((s) => !s.hidden) ?? data.find((s) => table(s)) ?? data[0]
  );
}

interface Converted {
  csv: string;
  formulas: string[];
  merged: string[];
  lineBreaks: string[];
}

const needsQuotes = /[",;|\t]/;
const csvField = (value: string) => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The sheet's cells as CSV, row N of the sheet on line N; ranges merged over rows filled; what was done, by cell. */
function sheetToCsv(sheet: XLSX.WorkSheet, date1904: boolean): Converted {
  const grid = ((sheet['!data'] ?? []) as Grid).map((row) => (row ? [...row] : []));
  const merged: string[] = [];
  for (const range of sheet['!merges'] ?? []) {
    const origin = grid[range.s.r]?.[range.s.c];
    // Within one row (a title over the table, 合计 over three columns) the value is said once.
    if (!origin || range.e.r === range.s.r || cellText(origin, date1904) === '') continue;
    // A number over several rows is a count shared by them: copying it would multiply it.
    if (origin.t === 'n' && !isDateFormat(origin.z)) continue;
    merged.push(XLSX.utils.encode_range(range));
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row = (grid[r] ??= []);
      for (let c = range.s.c; c <= range.e.c; c++) if (r !== range.s.r || c !== range.s.c) row[c] = origin;
    }
  }
  const rows = lastRowWithData(grid);
  let first = Infinity;
  let last = -1;
  const text: string[][] = [];
  const formulas: string[] = [];
  const counted = new Set<XLSX.CellObject>();
  const lineBreaks: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      let value = cellText(cell, date1904);
      // A merged range's cells share its first cell: its formula counts once.
      if (cell?.f !== undefined && !counted.has(cell)) {
        counted.add(cell);
        formulas.push(A1(r, c));
      }
      if (HAS_LINE_BREAK.test(value)) {
        lineBreaks.push(A1(r, c));
        value = value.replace(LINE_BREAKS, ' ');
      }
      cells[c] = value;
      if (value.trim() !== '') {
        first = Math.min(first, c);
        last = Math.max(last, c);
      }
    }
    text.push(cells);
  }
  const width = last - first + 1;
  const lines = text.map((cells) => {
    if (!cells.some((v) => v !== undefined && v.trim() !== '')) return '';
    const out: string[] = [];
    for (let c = first; c <= last; c++) out.push(csvField(cells[c] ?? ''));
    return out.join(',');
  });
  return { csv: width > 0 ? lines.join('\n') + '\n' : '', formulas, merged, lineBreaks };
}

const notice = (code: Notice['code'], items: string[], count = items.length): Notice[] =>
  count > 0 ? [{ code, items: items.slice(0, 20), count }] : [];

/**
 * Reads a workbook's bytes: which sheets it has and what they are, and the sheet asked for (by
 * name; unasked, the first that looks like data) as CSV text, or why it cannot be read.
 */
export function readWorkbook(bytes: Uint8Array, options: { sheet?: string } = {}): WorkbookRead {
  const kind = workbookKind(bytes);
  const fail = (error: WorkbookError, items: string[] = [], sheets: SheetInfo[] = []): WorkbookRead => ({
    ok: false,
    kind,
    error,
    items,
    sheets,
  });
  if (!kind) return fail('xlsx');
  if (kind === 'xls' && isEncryptedContainer(bytes)) return fail('workbook-encrypted');
  if (kind === 'xlsx') {
    const sizes = zipEntrySizes(bytes);
    if (!sizes) return fail('xlsx');
    let sheetXml = 0;
    for (const [name, size] of sizes) if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) sheetXml += size;
    if (sheetXml > MAX_SHEET_XML_BYTES) return fail('too-large');
  }

  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellFormula: true,
      cellHTML: false,
      cellDates: false,
      // Each cell's formatted text is not needed (dates and numbers are read from their values): 25% faster.
      cellText: false,
      // One row past the limit: enough to know the sheet is over it without holding all of it.
      sheetRows: MAX_SHEET_ROWS + 1,
      WTF: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) return fail('workbook-encrypted');
    if (error instanceof RangeError) return fail('too-large');
    return fail(kind);
  }
  if (!wb.SheetNames?.length) return fail(kind);

  const sheets = wb.SheetNames.map((name, i) => sheetInfo(wb, name, i));
  const chosen = options.sheet !== undefined ? sheets.find((s) => s.name === options.sheet) : defaultSheet(wb, sheets);
  if (!chosen) {
    if (sheets.some((s) => s.kind === 'chart') && sheets.every((s) => s.kind !== 'data'))
      return fail(
        'workbook-chart',
        sheets.filter((s) => s.kind === 'chart').map((s) => s.name),
        sheets,
      );
    return fail(
      'workbook-empty',
      options.sheet !== undefined ? [options.sheet] : sheets.filter((s) => s.kind === 'empty').map((s) => s.name),
      sheets,
    );
  }
  if (chosen.kind === 'chart') return fail('workbook-chart', [chosen.name], sheets);
  if (chosen.kind === 'empty') return fail('workbook-empty', [chosen.name], sheets);
  const sheet = wb.Sheets[chosen.name]!;
  if (chosen.rows > MAX_SHEET_ROWS) {
    const full = sheet['!fullref'] ? XLSX.utils.decode_range(sheet['!fullref']).e.r + 1 : 0;
    // The rows the sheet says it has, when it says; else only that it is over the limit.
    const rows = full > MAX_SHEET_ROWS ? String(full) : `> ${MAX_SHEET_ROWS}`;
    return fail('workbook-rows', [chosen.name, rows], sheets);
  }

  const converted = sheetToCsv(sheet, !!wb.Workbook?.WBProps?.date1904);
  return {
    ok: true,
    kind,
    sheets,
    sheet: chosen.name,
    csv: converted.csv,
    notices: [
      ...notice('workbook-sheet', [chosen.name], sheets.length),
      ...notice('workbook-formulas', converted.formulas),
      ...notice('workbook-merged', converted.merged),
      ...notice('workbook-line-breaks', converted.lineBreaks),
    ],
  };
}
