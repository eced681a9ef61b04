/**
 * A file's structure before any value is read: encoding, delimiter, the header row (below any
 * title rows), the table it is for and the mapping of its columns. The preview shows exactly this
 * and lets the user change the encoding, the header row, the table and the mapping.
 */
import type { TableSpec } from '../domain/columns';
import { TABLES } from '../domain/tables';
import { CsvReader, sniffDelimiter, usedFields, type CsvRecord, type Delimiter } from './csv';
import { decode, sniffText, type Decoded, type EncodingName } from './decode';
import { cleanHeaders, columnFor, guessTable, mapHeaders, type MappedColumn } from './headers';
import type { FileError, Notice } from './report';
import type { ValueMapping } from './value-mapping';

export interface FileOptions {
  encoding?: EncodingName;
  /** Physical line of the header row. */
  headerLine?: number;
  table?: string;
  /** By header name: the model column it fills, or null to ignore it. */
  mapping?: Record<string, string | null>;
  /** The user's mappings of coded values the app does not know (value-mapping.ts), applied at import. */
  values?: ValueMapping[];
  /** What reading the file before it was text said (a workbook's sheet, formulas, merged cells): joins the report. */
  notices?: Notice[];
}

export interface PreviewRow {
  line: number;
  fields: string[];
}

export interface Structure {
  file: string;
  size: number;
  encoding: EncodingName;
  confident: boolean;
  candidates: EncodingName[];
  delimiter: Delimiter;
  /** The first records of the file, title rows included, for choosing the header row. */
  rows: PreviewRow[];
  headerLine: number;
  headers: string[];
  renamed: { from: string; to: string }[];
  /** Blank-header columns at the end that hold nothing: dropped. */
  trailingEmpty: number;
  table: string;
  columns: MappedColumn[];
  missingRequired: string[];
}

export type Planned =
  | {
      ok: true;
      structure: Structure;
      decoded: Decoded;
      reader: CsvReader;
      dataStart: number;
      dataLine: number;
      /** The file's bytes when they are UTF-8 without a bad byte: the text is exactly them, after any BOM. */
      utf8?: Uint8Array;
    }
  | { ok: false; error: FileError; items: string[]; structure?: Partial<Structure> };

const PREVIEW_ROWS = 30;
const HEADER_SEARCH = 20;
const SAMPLE_CHARS = 256 * 1024;

export function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

const TOTAL = /^(合\s*计|总\s*计|小\s*计|共\s*计|汇\s*总|总数|total|totals|grand total|sub ?total|sum)[:：]?$/i;

/**
 * Whether a cell cannot be a total word, by its first character alone: printable ASCII other than
 * the words' first letters (t, s, g) stays the first character after NFKC and trim, so most cells
 * (ids, codes, numbers) are ruled out without normalising them. Anything else is tested whole.
 */
function cannotBeTotal(cell: string): boolean {
  const c = cell.charCodeAt(0) | 0x20; // lower-cased for letters
  return cell.charCodeAt(0) > 0x20 && cell.charCodeAt(0) < 0x7f && c !== 0x74 && c !== 0x73 && c !== 0x67;
}

/** The second letter of the total words that start with t, s or g (total, sub total / sum, grand total). */
const TOTAL_SECOND: Readonly<Record<number, number>> = { 0x74: 0x6f, 0x73: 0x75, 0x67: 0x72 };

/**
 * Whether a cell whose first two characters are the ASCII `first` and `second` may say Total: NFKC
 * leaves ASCII followed by ASCII as it is, so staff, student, teacher… are ruled out without
 * reading them. True when it cannot tell (`second` < 0: no second character, or not ASCII).
 */
export function asciiMayBeTotal(first: number, second: number): boolean {
  if (second < 0 || second >= 0x80 || first >= 0x80) return true;
  const want = TOTAL_SECOND[first | 0x20];
  return want === undefined || (second | 0x20) === want;
}

/** Whether a non-empty cell, without spaces around it, says 合计 / 总计 / Total: isTotalRow's test of one cell. */
export function isTotalCell(cell: string): boolean {
  return !cannotBeTotal(cell) && TOTAL.test(cell.normalize('NFKC').trim());
}

/** A 合计 / 总计 / Total row: one of its first non-empty cells says so. Called for every row. */
export function isTotalRow(fields: readonly string[]): boolean {
  let seen = 0;
  for (let i = 0; i < fields.length && seen < 3; i++) {
    const f = fields[i]!;
    if (f === '' || (!cannotBeTotal(f) && f.trim() === '')) continue;
    seen++;
    if (!cannotBeTotal(f) && TOTAL.test(f.normalize('NFKC').trim())) return true;
  }
  return false;
}

/** How many of a row's cells name a column of the table they fit best. */
function headerScore(fields: readonly string[]): number {
  let best = 0;
  for (const spec of TABLES) {
    const found = new Set(fields.map((f) => columnFor(spec, f)).filter((c) => c !== null));
    best = Math.max(best, found.size);
  }
  return best;
}

function chooseHeader(records: readonly CsvRecord[]): CsvRecord | undefined {
  const candidates = records.slice(0, HEADER_SEARCH);
  let best: CsvRecord | undefined;
  let bestScore = 1;
  for (const record of candidates) {
    const score = headerScore(record.fields);
    if (score > bestScore) {
      best = record;
      bestScore = score;
    }
  }
  if (best) return best;
  // No row names known columns: the first of the widest rows.
  const widest = Math.max(0, ...candidates.map((r) => usedFields(r.fields)));
  return candidates.find((r) => usedFields(r.fields) === widest);
}

export function planFile(bytes: Uint8Array, file: string, options: FileOptions = {}): Planned {
  const { sniffed, text: sniffedText } = sniffText(bytes);
  if (sniffed.kind !== 'text') return { ok: false, error: sniffed.kind, items: [] };
  const encoding = options.encoding ?? sniffed.encoding;
  const candidates = sniffed.candidates.length ? sniffed.candidates : [encoding];
  // Telling the encoding decoded the file already when it read without an error: not decoded twice.
  const decoded: Decoded =
    sniffedText !== undefined && encoding === sniffed.encoding
      ? { text: sniffedText, encoding, badLines: new Set() }
      : decode(bytes, encoding);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: 'empty', items: [] };

  const delimiter = sniffDelimiter(text.slice(0, SAMPLE_CHARS));
  const reader = new CsvReader(text, delimiter);
  const head: CsvRecord[] = [];
  for (const record of reader.records()) {
    if (record.problem || isBlank(record.fields)) continue;
    head.push(record);
    if (head.length >= PREVIEW_ROWS) break;
  }
  const rows = head.map((r) => ({ line: r.line, fields: r.fields }));
  const header =
    options.headerLine !== undefined ? head.find((r) => r.line === options.headerLine) : chooseHeader(head);
  const base = {
    file,
    size: bytes.length,
    encoding,
    confident: sniffed.confident || !!options.encoding,
    candidates,
    delimiter,
    rows,
  };
  if (!header) return { ok: false, error: 'no-header', items: [], structure: base };

  const below = head.filter((r) => r.line > header.endLine);
  let width = header.fields.length;
  while (
    width > 1 &&
    header.fields[width - 1]!.trim() === '' &&
    below.every((r) => (r.fields[width - 1] ?? '').trim() === '')
  ) {
    width--;
  }
  const { names, renamed } = cleanHeaders(header.fields.slice(0, width));
  const spec: TableSpec = TABLES.find((t) => t.table === options.table) ?? guessTable(file, names);
  const columns = mapHeaders(spec, names, options.mapping);
  const mapped = new Set(columns.map((c) => c.target));
  const missingRequired = spec.columns.filter((c) => c.required && !mapped.has(c.name)).map((c) => c.name);
  reader.expectedFields = width;
  const structure: Structure = {
    ...base,
    headerLine: header.line,
    headers: names,
    renamed,
    trailingEmpty: header.fields.length - width,
    table: spec.table,
    columns,
    missingRequired,
  };
  return {
    ok: true,
    structure,
    decoded: { ...decoded, text },
    reader,
    dataStart: header.next,
    dataLine: header.endLine + 1,
    ...(encoding === 'utf-8' && decoded.badLines.size === 0 ? { utf8: bytes } : {}),
  };
}
