/**
 * Bytes to text. Staff files arrive as UTF-8 (with or without a BOM), GB18030/GBK from Excel or
 * WPS on Chinese Windows, or UTF-16 from Excel's "Unicode text". Every candidate is tried with a
 * fatal decoder, so a wrong guess fails instead of producing mojibake; when the bytes fit more than
 * one legacy encoding equally well, the choice is the user's.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export type Sniffed =
  | {
      kind: 'text';
      encoding: EncodingName;
      /** False when the user should confirm the encoding (Big5 / Shift_JIS look-alikes). */
      confident: boolean;
      /** Encodings that decode the whole file without an error, best first. */
      candidates: EncodingName[];
      /** UTF-8 files with a few lines in another encoding: those lines are reported, not guessed. */
      mixed: boolean;
    }
  | { kind: 'xlsx' | 'xls' | 'binary' | 'empty' | 'undecodable' };

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** Physical line numbers (1-based) whose bytes are invalid in the encoding. */
  badLines: Set<number>;
}

const BOMS: [EncodingName, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): { encoding: EncodingName; length: number } | null {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  }
  return null;
}

/** The text when the bytes are all valid in the encoding, else null. */
function decoded(bytes: Uint8Array, encoding: EncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodes(bytes: Uint8Array, encoding: EncodingName): boolean {
  return decoded(bytes, encoding) !== null;
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16ByZeros(bytes: Uint8Array): EncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control bytes other than tab, CR, LF, form feed and the DOS end-of-file mark. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control > Math.max(2, n * 0.01);
}

/**
 * Share of double-byte pairs, read as GB18030, that fall in GB2312 (the common simplified
 * characters and punctuation). Chinese text from Excel or WPS is nearly all GB2312; Big5 and
 * Shift_JIS bytes read as GBK land in its rarer extension areas.
 */
export function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte GB18030 sequence: rare characters such as 𠮷
      pairs++;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return pairs === 0 ? 1 : common / pairs;
}

/** Physical lines (ended by CRLF, LF or CR) that are not valid UTF-8, and how many non-ASCII ones are. */
function utf8Lines(bytes: Uint8Array): { bad: number[]; goodNonAscii: number } {
  const bad: number[] = [];
  let goodNonAscii = 0;
  let start = 0;
  let line = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== 0x0a && b !== 0x0d) continue;
    const slice = bytes.subarray(start, i);
    if (slice.some((x) => x >= 0x80)) {
      try {
        decoder.decode(slice);
        goodNonAscii++;
      } catch {
        bad.push(line);
      }
    }
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
    line++;
  }
  return { bad, goodNonAscii };
}

export function sniffEncoding(bytes: Uint8Array): Sniffed {
  return sniffText(bytes).sniffed;
}

/**
 * sniffEncoding, with the text when telling the encoding decoded the whole file in it without an
 * error: the text `decode(bytes, sniffed.encoding)` gives, so a large file is decoded once, not twice.
 */
export function sniffText(bytes: Uint8Array): { sniffed: Sniffed; text?: string } {
  const sniffed = (s: Sniffed, text?: string) => (text === undefined ? { sniffed: s } : { sniffed: s, text });
  if (bytes.length === 0) return sniffed({ kind: 'empty' });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return sniffed({ kind: 'xlsx' });
  if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b)) return sniffed({ kind: 'xls' });
  const bom = bomOf(bytes);
  if (bom) {
    if (bom.length === bytes.length) return sniffed({ kind: 'empty' });
    // decode() reads the bytes after a BOM of the encoding chosen: the same text.
    const text = decoded(bytes.subarray(bom.length), bom.encoding);
    return text !== null
      ? sniffed(
          { kind: 'text', encoding: bom.encoding, confident: true, candidates: [bom.encoding], mixed: false },
          text,
        )
      : bom.encoding === 'utf-8'
        ? sniffed({ kind: 'text', encoding: 'utf-8', confident: true, candidates: [], mixed: true })
        : sniffed({ kind: 'undecodable' });
  }
  const wide = utf16ByZeros(bytes);
  if (wide) {
    const text = decoded(bytes, wide);
    return text !== null
      ? sniffed({ kind: 'text', encoding: wide, confident: true, candidates: [wide], mixed: false }, text)
      : sniffed({ kind: 'undecodable' });
  }
  if (looksBinary(bytes)) return sniffed({ kind: 'binary' });
  const utf8 = decoded(bytes, 'utf-8');
  if (utf8 !== null) {
    return sniffed({ kind: 'text', encoding: 'utf-8', confident: true, candidates: ['utf-8'], mixed: false }, utf8);
  }

  // The usual case first, without trying the rest: a GB18030 export of simplified Chinese.
  const gb = decoded(bytes, 'gb18030');
  if (gb !== null && gb2312Share(bytes) >= 0.9) {
    return sniffed({ kind: 'text', encoding: 'gb18030', confident: true, candidates: ['gb18030'], mixed: false }, gb);
  }
  const legacy = (['gb18030', 'big5', 'shift_jis'] as const).filter((e) =>
    e === 'gb18030' ? gb !== null : decodes(bytes, e),
  );
  const lines = utf8Lines(bytes);
  // Mostly UTF-8 with some lines pasted from a GBK file: keep UTF-8 and report those lines.
  if (lines.goodNonAscii > 0 && lines.bad.length <= lines.goodNonAscii) {
    return sniffed({ kind: 'text', encoding: 'utf-8', confident: true, candidates: legacy, mixed: true });
  }
  if (legacy.length === 0) return sniffed({ kind: 'undecodable' });
  // Only GB18030 reads it (a four-byte character such as 𠮷, which Big5 and Shift_JIS cannot hold): no question to ask.
  if (legacy.length === 1 && legacy[0] === 'gb18030') {
    return sniffed(
      { kind: 'text', encoding: 'gb18030', confident: true, candidates: legacy, mixed: false },
      gb ?? undefined,
    );
  }
  // Big5 and Shift_JIS bytes are nearly always valid GB18030 too: offer the others first.
  const ordered = [...legacy.filter((e) => e !== 'gb18030'), ...legacy.filter((e) => e === 'gb18030')];
  return sniffed({ kind: 'text', encoding: ordered[0]!, confident: false, candidates: ordered, mixed: false });
}

/**
 * Decodes with the encoding chosen (sniffed or overridden). Lines with bytes invalid in it are
 * marked, and their invalid bytes written as `\xHH` (never U+FFFD), so the preview and the report
 * show what is there instead of mojibake.
 */
export function decode(bytes: Uint8Array, encoding: EncodingName): Decoded {
  const bom = bomOf(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, badLines: new Set() };
  } catch {
    // Only byte-oriented encodings get here; UTF-16 without a fatal pass is refused by the caller.
    const text = new TextDecoder(encoding, { fatal: false }).decode(body);
    const badLines = new Set<number>();
    if (encoding === 'utf-8') for (const line of utf8Lines(body).bad) badLines.add(line);
    else markReplacementLines(text, badLines);
    return { text: withHexLines(text, body, badLines, encoding), encoding, badLines };
  }
}

/** Where each physical line starts (CRLF, LF or CR end a line), in a byte or a char sequence. */
function lineStarts(length: number, at: (i: number) => number): number[] {
  const starts = [0];
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (c === 0x0d && at(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

/**
 * A line that did not decode, as its bytes: ASCII as itself, every other byte as `\\xHH`. Bytes that
 * form a character are taken together (so a trail byte is never read as a delimiter), but shown as
 * hex too: in a line whose encoding is wrong, a character that happens to decode is mojibake.
 */
export function hexInvalid(bytes: Uint8Array, encoding: EncodingName): string {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const hex = (from: number, to: number) =>
    [...bytes.subarray(from, to)].map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  let out = '';
  for (let i = 0; i < bytes.length;) {
    let step = 1;
    if (bytes[i]! >= 0x80) {
      for (let n = 2; n <= 4 && i + n <= bytes.length; n++) {
        try {
          if (decoder.decode(bytes.subarray(i, i + n)).length > 0) {
            step = n;
            break;
          }
        } catch {
          // not a whole character yet
        }
      }
    }
    out += bytes[i]! < 0x80 ? String.fromCharCode(bytes[i]!) : hex(i, i + step);
    i += step;
  }
  return out;
}

/** The text with each bad line rewritten from its bytes by `hexInvalid`. */
function withHexLines(text: string, body: Uint8Array, badLines: ReadonlySet<number>, encoding: EncodingName): string {
  if (badLines.size === 0) return text;
  // CR and LF are single bytes and never part of a character in these encodings: lines match one to one.
  const byteStarts = lineStarts(body.length, (i) => body[i] ?? -1);
  const charStarts = lineStarts(text.length, (i) => (i < text.length ? text.charCodeAt(i) : -1));
  const parts: string[] = [];
  let from = 0;
  for (const line of [...badLines].sort((a, b) => a - b)) {
    const c0 = charStarts[line - 1];
    const b0 = byteStarts[line - 1];
    if (c0 === undefined || b0 === undefined) continue;
    const c1 = eolStart(text.length, (i) => text.charCodeAt(i), c0, charStarts[line]);
    const b1 = eolStart(body.length, (i) => body[i]!, b0, byteStarts[line]);
    parts.push(text.slice(from, c0), hexInvalid(body.subarray(b0, b1), encoding));
    from = c1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** The end of a line's content, before its CR, LF or CRLF. */
function eolStart(length: number, at: (i: number) => number, start: number, next: number | undefined): number {
  let end = next ?? length;
  while (end > start && (at(end - 1) === 0x0a || at(end - 1) === 0x0d)) end--;
  return end;
}

function markReplacementLines(text: string, badLines: Set<number>): void {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0xfffd) badLines.add(line);
    else if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
}
