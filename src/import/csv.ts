/**
 * A CSV reader that keeps the file's physical line numbers (a record with a quoted line break spans
 * several) and recovers from an unbalanced quote by reporting that one line and reading on from the
 * next, so the rows after it are not swallowed into one cell.
 */
export interface CsvRecord {
  fields: string[];
  /** Physical lines of the file (1-based) where the record starts and ends. */
  line: number;
  endLine: number;
  /** Offsets of the record in the text, for showing the raw line. */
  start: number;
  end: number;
  /** Offset where the next record starts. */
  next: number;
  problem?: 'unbalanced-quote' | 'too-long';
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Longer records are reported rather than handed on: DuckDB's own line limit is 2 MB. */
export const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

interface Parsed {
  fields: string[];
  next: number;
  /** Offset just before the line terminator. */
  end: number;
  endLine: number;
  closed: boolean;
}

/** Fields after the last non-empty one do not count: Excel pads rows with delimiters. */
export function usedFields(fields: readonly string[]): number {
  let n = fields.length;
  while (n > 0 && fields[n - 1]!.trim() === '') n--;
  return n;
}

export class CsvReader {
  readonly #text: string;
  readonly #delimiter: number;
  /** Fields a record should have, once the header is known; a multi-line record that disagrees was an unbalanced quote. */
  expectedFields: number | null = null;

  constructor(text: string, delimiter: Delimiter) {
    this.#text = text;
    this.#delimiter = delimiter.charCodeAt(0);
  }

  *records(from = 0, fromLine = 1): Generator<CsvRecord> {
    const text = this.#text;
    let pos = from;
    let line = fromLine;
    while (pos < text.length) {
      const r = this.#parseAt(pos, line);
      const multiline = r.endLine > line;
      const expected = this.expectedFields;
      const misfit = multiline && expected !== null && (usedFields(r.fields) > expected || r.fields.length < expected);
      if (!r.closed || misfit) {
        const { end, next } = this.#lineEnd(pos);
        yield {
          fields: [text.slice(pos, end)],
          line,
          endLine: line,
          start: pos,
          end,
          next,
          problem: 'unbalanced-quote',
        };
        pos = next;
        line++;
        continue;
      }
      const record: CsvRecord = { fields: r.fields, line, endLine: r.endLine, start: pos, end: r.end, next: r.next };
      if (r.end - pos > MAX_RECORD_CHARS) {
        record.fields = [];
        record.problem = 'too-long';
      }
      yield record;
      pos = r.next;
      line = r.endLine + 1;
    }
  }

  #lineEnd(pos: number): { end: number; next: number } {
    const text = this.#text;
    let i = pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF) return { end: i, next: i + 1 };
      if (c === CR) return { end: i, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
      i++;
    }
    return { end: i, next: i };
  }

  #parseAt(pos: number, line: number): Parsed {
    const text = this.#text;
    const delimiter = this.#delimiter;
    const n = text.length;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      // One field starts at i.
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let segment = i + 1;
        i++;
        for (;;) {
          if (i >= n) return { fields, next: n, end: n, endLine: line, closed: false };
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(segment, i + 1);
              i += 2;
              segment = i;
              continue;
            }
            value += text.slice(segment, i);
            i++;
            break;
          }
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        fields.push(rest === i ? value : value + text.slice(rest, i));
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        fields.push(text.slice(start, i));
      }
      if (i >= n) return { fields, next: n, end: n, endLine: line, closed: true };
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        continue;
      }
      const end = i;
      const next = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return { fields, next, end, endLine: line, closed: true };
    }
  }
}

/**
 * The delimiter that splits the first lines into the most consistent, widest rows. Only ASCII
 * delimiters count: a full-width `，` inside Chinese text never splits a cell.
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const reader = new CsvReader(sample, delimiter);
    const widths: number[] = [];
    for (const record of reader.records()) {
      if (record.problem) continue;
      if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue;
      widths.push(record.fields.length);
      if (widths.length >= 30) break;
    }
    if (widths.length === 0) continue;
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [mode, freq] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (mode < 2) continue;
    const score = (freq / widths.length) * Math.log2(mode + 1);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
