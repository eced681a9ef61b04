/**
 * One pass over the data rows of a planned file: blank lines and total rows are set aside with a
 * notice, lines that cannot be rows (bad bytes, unbalanced quote, too many fields, too long) are
 * rejected here, and the rest go on as a clean UTF-8 CSV of the mapped columns, every value text,
 * for DuckDB to convert and check.
 */
import { hasBidi, stripBidi } from './bidi';
import { isEmptyToken, mayBeEmptyToken } from './tokens';
import { MAX_RECORD_CHARS, usedFields } from './csv';
import { maskCell, maskLine } from './mask';
import type { Notice, Problem } from './report';
import { isBlank, isTotalCell, isTotalRow, type Planned } from './structure';

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
          if (filled < 3 && !cannotStartTotal(first) && isTotalCell(text.slice(fieldStart, i))) return null;
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

/**
 * The file's rows for DuckDB to read as they are written, when staging would change none of them
 * (directRows): the same report as stageRows gives such a file, without making a staged copy.
 * Null when the file needs staging.
 */
export function stageDirect(plan: Ok): Staged | null {
  const { structure, decoded, dataStart, dataLine } = plan;
  if (decoded.badLines.size > 0 || hasBidi(decoded.text)) return null;
  const width = structure.headers.length;
  const rows = directRows(decoded.text, dataStart, width, structure.delimiter);
  if (rows === null) return null;
  const kept = structure.columns.filter((c) => c.target !== null);
  const targets = kept.map((c) => c.target!);
  return {
    csv: '',
    direct: {
      text: decoded.text.slice(dataStart),
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
