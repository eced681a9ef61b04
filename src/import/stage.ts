/**
 * One pass over the data rows of a planned file: blank lines and total rows are set aside with a
 * notice, lines that cannot be rows (bad bytes, unbalanced quote, too many fields, too long) are
 * rejected here, and the rest go on as a clean UTF-8 CSV of the mapped columns, every value text,
 * for DuckDB to convert and check.
 */
import { hasBidi, stripBidi } from './bidi';
import { isEmptyToken, LONGEST, mayBeEmptyToken } from './tokens';
import { MAX_RECORD_CHARS, usedFields } from './csv';
import { maskCell, maskLine } from './mask';
import type { Notice, Problem } from './report';
import { asciiMayBeTotal, isBlank, isTotalCell, isTotalRow, type Planned } from './structure';

export interface RejectedRow {
  line: number;
  codes: string[];
  /** By the file's (non-personal) header; `raw` holds the masked line when its cells are unknown. */
  cells: Record<string, string>;
}

export interface Staged {
  /**
   * `_line,_end_line,_tok,` then the model columns, in `targets` order, trimmed. `_tok` has bit `i`
   * set when the `i`-th target holds an empty token (EMPTY_TOKENS), kept as written for the report.
   */
  csv: string;
  /**
   * Set instead of `csv` when the file's data rows can be read as they are (stageDirect): the text
   * of its data rows, one record a line, for DuckDB to read itself.
   */
  direct?: DirectRows;
  /** Per target column, how many cells held an empty token. */
  tokens: Record<string, number>;
  targets: string[];
  /** The file's header for each model column, for the report. */
  headerOf: Record<string, string>;
  rowsIn: number;
  staged: number;
  problems: Problem[];
  rejected: RejectedRow[];
  notices: Notice[];
}

/** A file's data rows as written: `text` holds `rows` lines of `width` fields, the first being line `firstLine`. */
export interface DirectRows {
  text: string;
  /** `text` as the file's own UTF-8 bytes, when it was UTF-8: the engine reads these instead of `text` encoded again. */
  bytes?: Uint8Array;
  firstLine: number;
  rows: number;
  width: number;
  delimiter: string;
  /** The field index (0-based) of each target, in `targets` order. */
  fields: number[];
}

type Ok = Extract<Planned, { ok: true }>;

const quote = (value: string) => `"${value.replaceAll('"', '""').replaceAll('\0', '')}"`;
/** A cell DuckDB reads as written, unquoted: no quote, delimiter, line break or NUL. An empty one reads as NULL. */
const PLAIN = /^[^",\r\n\0]*$/;
const cell = (value: string) => (PLAIN.test(value) ? value : quote(value));

export function stageRows(plan: Ok, onProgress?: (rows: number, offset: number) => void): Staged {
  const { structure, decoded, reader } = plan;
  const file = structure.file;
  const kept = structure.columns.filter((c) => c.target !== null);
  const targets = kept.map((c) => c.target!);
  const personal = new Set(structure.columns.filter((c) => c.personal).map((c) => c.index));
  const width = structure.headers.length;
  const lines: string[] = [['_line', '_end_line', '_tok', ...targets].map(quote).join(',')];
  const tokenCounts = targets.map(() => 0);
  // One look for bidi controls over the whole text: most files have none, and then no cell is searched.
  const anyBidi = hasBidi(decoded.text);
  /** One staged line's cells, reused: `_line`, `_end_line`, `_tok`, then the targets. */
  const row: string[] = new Array<string>(kept.length + 3).fill('');
  const problems: Problem[] = [];
  const rejected: RejectedRow[] = [];
  const blank: number[] = [];
  const totals: number[] = [];
  let rowsIn = 0;
  let staged = 0;
  /** Values that held bidi control characters, by column index (bidi.ts). */
  const bidi = new Map<number, number>();
  const clean = (value: string, column: number) => {
    const stripped = stripBidi(value);
    if (stripped !== value) bidi.set(column, (bidi.get(column) ?? 0) + 1);
    return stripped;
  };

  const cellsOf = (fields: readonly string[]) => {
    const cells: Record<string, string> = {};
    structure.headers.forEach((h, i) => {
      if (!personal.has(i)) cells[h] = stripBidi(fields[i] ?? '');
    });
    return cells;
  };
  const reject = (line: number, code: Problem['code'], value: string, cells: Record<string, string>) => {
    problems.push({ file, line, column: null, value, code, level: 'error' });
    rejected.push({ line, codes: [code], cells });
  };

  for (const record of reader.records(plan.dataStart, plan.dataLine)) {
    if (record.problem === 'unbalanced-quote' || record.problem === 'too-long') {
      rowsIn++;
      const raw = stripBidi(decoded.text.slice(record.start, Math.min(record.end, record.start + 400)));
      reject(record.line, record.problem, maskLine(raw), { raw: maskLine(raw) });
      continue;
    }
    const { fields } = record;
    if (isBlank(fields)) {
      blank.push(record.line);
      continue;
    }
    if (isTotalRow(fields)) {
      totals.push(record.line);
      continue;
    }
    rowsIn++;
    if (rowsIn % 20000 === 0) onProgress?.(rowsIn, record.end);
    let badBytes = false;
    for (let l = record.line; l <= record.endLine && !badBytes; l++) badBytes = decoded.badLines.has(l);
    if (badBytes) {
      const raw = stripBidi(decoded.text.slice(record.start, Math.min(record.end, record.start + 400)));
      reject(record.line, 'encoding', maskLine(raw), { raw: maskLine(raw) });
      continue;
    }
    if (usedFields(fields) > width) {
      const extra = fields.slice(width).filter((f) => f.trim() !== '');
      reject(record.line, 'too-many-fields', maskCell(stripBidi(extra.join(' | '))), cellsOf(fields));
      continue;
    }
    if (fields.length < width) {
      problems.push({
        file,
        line: record.line,
        column: null,
        value: `${fields.length}/${width}`,
        code: 'too-few-fields',
        level: 'warning',
      });
    }
    // trim() also takes NBSP, U+3000 and the BOM; DuckDB's trim leaves them, and trimming them there is slow.
    let tok = 0;
    for (let k = 0; k < kept.length; k++) {
      const index = kept[k]!.index;
      const raw = fields[index] ?? '';
      const value = (anyBidi ? clean(raw, index) : raw).trim();
      if (isEmptyToken(value)) {
        tok |= 1 << k;
        tokenCounts[k]!++;
      }
      row[k + 3] = cell(value);
    }
    row[0] = String(record.line);
    row[1] = String(record.endLine);
    row[2] = String(tok);
    lines.push(row.join(','));
    staged++;
  }
  onProgress?.(rowsIn, decoded.text.length);

  const notices = stagingNotices(structure, { blank, totals, bidi });
  return {
    csv: lines.join('\n') + '\n',
    targets,
    tokens: Object.fromEntries(targets.map((t, k) => [t, tokenCounts[k]!])),
    headerOf: Object.fromEntries(kept.map((c) => [c.target!, c.header])),
    rowsIn,
    staged,
    problems,
    rejected,
    notices,
  };
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A character JavaScript's trim() removes (and, to be safe, every other control character). */
function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x7f ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Printable ASCII other than t, s, g (either case) cannot start a total word (structure.ts). */
const cannotStartTotal = (c: number) =>
  c > 0x20 && c < 0x7f && (c | 0x20) !== 0x74 && (c | 0x20) !== 0x73 && (c | 0x20) !== 0x67;

/**
 * How many data rows `text` holds from `from` when staging would pass every one of them on as it
 * is written, or null when it would change or set aside any: a quote, NUL or bad byte anywhere, a
 * bidi control, a line of another width, a blank or total line, a cell with spaces around it or an
 * empty token, a line past MAX_RECORD_CHARS, a lone CR. One look at each character, no strings made
 * but for the few cells that may say 合计 or 无.
 */
export function directRows(text: string, from: number, width: number, delimiter: string): number | null {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let rows = 0;
  let i = from;
  while (i < n) {
    const lineStart = i;
    let fields = 0;
    let fieldStart = i;
    let filled = 0;
    let c: number;
    for (;;) {
      c = i < n ? text.charCodeAt(i) : -1;
      if (c === delim || c === LF || c === CR || c === -1) {
        if (i > fieldStart) {
          const first = text.charCodeAt(fieldStart);
          if (isSpace(first) || isSpace(text.charCodeAt(i - 1))) return null;
          if (mayBeEmptyToken(first, i - fieldStart) && isEmptyToken(text.slice(fieldStart, i))) return null;
          // isTotalRow reads a row's first three non-empty cells.
          if (
            filled < 3 &&
            !cannotStartTotal(first) &&
            asciiMayBeTotal(first, i - fieldStart > 1 ? text.charCodeAt(fieldStart + 1) : -1) &&
            isTotalCell(text.slice(fieldStart, i))
          ) {
            return null;
          }
          filled++;
        }
        fields++;
        if (c !== delim) break;
        i++;
        fieldStart = i;
        continue;
      }
      if (c === QUOTE || c === 0) return null;
      i++;
    }
    if (fields !== width || filled === 0 || i - lineStart > MAX_RECORD_CHARS) return null;
    rows++;
    if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) return null;
      i += 2;
    } else i++;
  }
  return rows;
}

/** What a byte of UTF-8 is to directRowsUtf8's scan: nothing to look at, a field's end, a row refused, maybe a bidi control. */
const PLAIN_BYTE = 0;
const FIELD_END = 1;
const REFUSED = 2;
const MAYBE_BIDI = 3;

function byteClasses(delim: number): Uint8Array {
  const classes = new Uint8Array(256);
  classes[delim] = FIELD_END;
  classes[LF] = FIELD_END;
  classes[CR] = FIELD_END;
  classes[QUOTE] = REFUSED;
  classes[0] = REFUSED;
  // U+061C is D8 9C; U+200E, U+200F, U+202A–U+202E and U+2066–U+2069 start with E2.
  classes[0xd8] = MAYBE_BIDI;
  classes[0xe2] = MAYBE_BIDI;
  return classes;
}

/** Whether the UTF-8 character at `i` is one of the bidi controls hasBidi finds. */
function bidiAt(bytes: Uint8Array, i: number): boolean {
  const a = bytes[i + 1];
  const b = bytes[i + 2] ?? 0;
  if (bytes[i] === 0xd8) return a === 0x9c;
  if (a === 0x80) return b === 0x8e || b === 0x8f || (b >= 0xaa && b <= 0xae);
  return a === 0x81 && b >= 0xa6 && b <= 0xa9;
}

/**
 * The UTF-16 code unit charCodeAt gives for the character whose UTF-8 starts at `i` (valid UTF-8):
 * the character, or its high surrogate past U+FFFF.
 */
function unitAt(bytes: Uint8Array, i: number): number {
  const c = bytes[i]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  const point =
    ((c & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
  return 0xd800 + ((point - 0x10000) >> 10);
}

/** The last character of bytes[from, to) as charCodeAt(to - 1) of its text gives it (a low surrogate past U+FFFF). */
function lastUnit(bytes: Uint8Array, from: number, to: number): number {
  let k = to - 1;
  while (k > from && (bytes[k]! & 0xc0) === 0x80) k--;
  return bytes[k]! >= 0xf0 ? 0xdc00 : unitAt(bytes, k);
}

/** UTF-16 code units of the UTF-8 bytes[from, to). */
function unitsOf(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let k = from; k < to; k++) {
    const c = bytes[k]!;
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return units;
}

const utf8 = new TextDecoder();

/**
 * By a cell's first byte, whether cellRefused must look at it: a space or control character, a
 * character outside ASCII, the first letter of an empty token or of a total word. 0 for the rest.
 */
const FIRST_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    if (b <= 0x20 || b >= 0x7f || mayBeEmptyToken(b, 1) || !cannotStartTotal(b)) table[b] = 1;
  }
  return table;
})();

/**
 * Whether directRows would refuse a cell of bytes[from, to) for its first character: a space, an
 * empty token, or (among a row's first three cells, `filled` before it) a total word.
 */
function cellRefused(bytes: Uint8Array, from: number, to: number, filled: number): boolean {
  const first = unitAt(bytes, from);
  if (isSpace(first)) return true;
  // A token of LONGEST code units is at most 3 bytes each.
  if (to - from <= 3 * LONGEST && mayBeEmptyToken(first, 1) && isEmptyToken(cellText(bytes, from, to))) return true;
  return (
    filled < 3 &&
    !cannotStartTotal(first) &&
    asciiMayBeTotal(first, to - from > 1 ? bytes[from + 1]! : -1) &&
    isTotalCell(cellText(bytes, from, to))
  );
}

/** A short cell's text. */
function cellText(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k++) {
    if (bytes[k]! >= 0x80) return utf8.decode(bytes.subarray(from, to));
    text += String.fromCharCode(bytes[k]!);
  }
  return text;
}

/**
 * directRows over a file's UTF-8 bytes from its first data row (`bytes` decoded without an error):
 * the same answer as directRows over their text, and as stageDirect's look for bidi controls over
 * those rows, without the text. Bytes of delimiters, line ends, quotes and NUL are never part of a
 * longer character in UTF-8, so each byte is looked at once and only cells that may be an empty
 * token or a total word are read as text.
 */
export function directRowsUtf8(bytes: Uint8Array, width: number, delimiter: string): number | null {
  const delim = delimiter.charCodeAt(0);
  const classes = byteClasses(delim);
  const n = bytes.length;
  let rows = 0;
  let i = 0;
  while (i < n) {
    const lineStart = i;
    let fields = 0;
    let fieldStart = i;
    let filled = 0;
    let c: number;
    for (;;) {
      while (i < n && classes[bytes[i]!] === PLAIN_BYTE) i++;
      c = i < n ? bytes[i]! : -1;
      const kind = c < 0 ? FIELD_END : classes[c]!;
      if (kind === REFUSED) return null;
      if (kind === MAYBE_BIDI) {
        if (bidiAt(bytes, i)) return null;
        i++;
        continue;
      }
      if (i > fieldStart) {
        // Most cells start with a byte that needs no look (FIRST_BYTE) and end in plain ASCII.
        if (FIRST_BYTE[bytes[fieldStart]!] !== 0 && cellRefused(bytes, fieldStart, i, filled)) return null;
        const last = bytes[i - 1]!;
        if (last <= 0x20 || last === 0x7f || (last >= 0x80 && isSpace(lastUnit(bytes, fieldStart, i)))) return null;
        filled++;
      }
      fields++;
      if (c !== delim) break;
      i++;
      fieldStart = i;
    }
    if (fields !== width || filled === 0) return null;
    if (i - lineStart > MAX_RECORD_CHARS && unitsOf(bytes, lineStart, i) > MAX_RECORD_CHARS) return null;
    rows++;
    if (c === CR) {
      if (bytes[i + 1] !== LF) return null;
      i += 2;
    } else i++;
  }
  return rows;
}

/**
 * The bytes of a UTF-8 file's text from `dataStart` on: the file's bytes after its BOM and its
 * header, found by the header's own bytes. Null when the text starts with a BOM of its own (the
 * BOMs stripped could not be told from the text) or the header's bytes are not there.
 */
function dataBytes(bytes: Uint8Array, text: string, dataStart: number): Uint8Array | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const head = new TextEncoder().encode(text.slice(0, dataStart));
  // The decoder (one, and one more as it reads) and planFile strip up to three BOMs (EF BB BF).
  for (let skip = 0; skip <= 9; skip += 3) {
    if (skip > 0 && (bytes[skip - 3] !== 0xef || bytes[skip - 2] !== 0xbb || bytes[skip - 1] !== 0xbf)) break;
    if (head.every((b, k) => bytes[skip + k] === b)) return bytes.subarray(skip + head.length);
  }
  return null;
}

/**
 * The file's rows for DuckDB to read as they are written, when staging would change none of them
 * (directRows): the same report as stageRows gives such a file, without making a staged copy.
 * Null when the file needs staging.
 */
export function stageDirect(plan: Ok): Staged | null {
  const { structure, decoded, dataStart, dataLine } = plan;
  if (decoded.badLines.size > 0) return null;
  const width = structure.headers.length;
  // A UTF-8 file is looked at in its bytes, which DuckDB then reads as they are (no copy encoded).
  const bytes = plan.utf8 && dataBytes(plan.utf8, decoded.text, dataStart);
  let rows: number | null;
  if (bytes) {
    if (hasBidi(decoded.text.slice(0, dataStart))) return null;
    rows = directRowsUtf8(bytes, width, structure.delimiter);
  } else {
    if (hasBidi(decoded.text)) return null;
    rows = directRows(decoded.text, dataStart, width, structure.delimiter);
  }
  if (rows === null) return null;
  const kept = structure.columns.filter((c) => c.target !== null);
  const targets = kept.map((c) => c.target!);
  return {
    csv: '',
    direct: {
      text: decoded.text.slice(dataStart),
      ...(bytes ? { bytes } : {}),
      firstLine: dataLine,
      rows,
      width,
      delimiter: structure.delimiter,
      fields: kept.map((c) => c.index),
    },
    targets,
    tokens: Object.fromEntries(targets.map((t) => [t, 0])),
    headerOf: Object.fromEntries(kept.map((c) => [c.target!, c.header])),
    rowsIn: rows,
    staged: rows,
    problems: [],
    rejected: [],
    notices: stagingNotices(structure, { blank: [], totals: [], bidi: new Map() }),
  };
}

/** What staging set aside or changed without refusing a row, as the report's notices (20 items each at most). */
function stagingNotices(
  structure: Ok['structure'],
  seen: { blank: number[]; totals: number[]; bidi: ReadonlyMap<number, number> },
): Notice[] {
  const { blank, totals, bidi } = seen;
  const kept = structure.columns.filter((c) => c.target !== null);
  const notices: Notice[] = [];
  const note = (code: Notice['code'], items: string[], count = items.length) => {
    if (count > 0) notices.push({ code, items: items.slice(0, 20), count });
  };
  note(
    'title-rows',
    structure.rows.filter((r) => r.line < structure.headerLine).map((r) => String(r.line)),
  );
  note('blank-lines', blank.map(String));
  note('totals', totals.map(String));
  note(
    'personal',
    structure.columns.filter((c) => c.personal).map((c) => c.header),
  );
  note(
    'renamed',
    structure.renamed.map((r) => `${r.from || '∅'} → ${r.to}`),
  );
  note('trailing-columns', [], structure.trailingEmpty);
  note(
    'bidi-controls',
    kept.filter((c) => bidi.has(c.index)).map((c) => `${c.header}: ${bidi.get(c.index)}`),
    [...bidi.values()].reduce((sum, n) => sum + n, 0),
  );
  note(
    'ignored-columns',
    structure.columns.filter((c) => !c.personal && c.target === null).map((c) => c.header),
  );
  return notices;
}
