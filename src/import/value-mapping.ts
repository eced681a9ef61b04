/**
 * The user's own mappings of coded values (issue 16 §2): a word the app does not read as a code
 * (neither the code nor a built-in word, src/import/aliases.ts), which the user maps in the
 * preview to one of the column's codes, e.g. 海外研学 → short_program. Pure: what a mapping is, how
 * mappings merge with the built-in words and with each other, and the small CSV they are saved to
 * and read from (`column,value,code`). The page keeps them (src/state/value-mappings.svelte.ts);
 * the importer binds them as parameters (src/data/user-mappings.ts).
 */
import { valueSetOf } from '../domain/columns';
import { TABLES } from '../domain/tables';
import { guardCell, toCsv } from '../export/csv';
import { OFFICE_WORDS } from './aliases';
import { CsvReader, sniffDelimiter } from './csv';
import { decode, sniffEncoding } from './decode';

/** One mapping: in `column` (the name of a column's value list), `value` is read as `code`. */
export interface ValueMapping {
  column: string;
  value: string;
  code: string;
}

/** How a value was read: as the code itself, by a built-in word, by the user's mapping, or not. */
export type ReadVia = 'code' | 'builtin' | 'user';

/** A column with coded values, by the name of its value list (what a mapping names). */
export interface MappedColumn {
  column: string;
  codes: readonly string[];
  /** The tables and model columns that take these codes. */
  uses: { table: string; column: string; zh: string }[];
}

/** Every list of coded values the data format declares, once each (status and agreement_status apart). */
export const MAPPING_COLUMNS: readonly MappedColumn[] = (() => {
  const byName = new Map<string, MappedColumn>();
  for (const spec of TABLES) {
    for (const column of spec.columns) {
      if (!column.values) continue;
      const name = valueSetOf(column);
      const entry = byName.get(name) ?? { column: name, codes: column.values, uses: [] };
      entry.uses.push({ table: spec.table, column: column.name, zh: column.zh });
      byName.set(name, entry);
    }
  }
  return [...byName.values()];
})();

export function codesOf(column: string): readonly string[] {
  return MAPPING_COLUMNS.find((c) => c.column === column)?.codes ?? [];
}

/** The value lists a table's coded columns use. */
export function columnsOfTable(table: string): string[] {
  return MAPPING_COLUMNS.filter((c) => c.uses.some((u) => u.table === table)).map((c) => c.column);
}

/**
 * A value as the importer matches it (the SQL macro imp_key, src/data/validate-macros.ts): full-width
 * forms folded, spaces and the punctuation `, . - _ ' ’ ( ) （ ） · & /` dropped, lower case.
 */
export function valueKey(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replaceAll('\u3000', ' ')
    .replace(/[\t\n\f\r \u00a0,.\-_'’()（）·&/]+/g, '')
    .toLowerCase();
}

type BuiltIn = ReadonlyMap<string, ReadonlyMap<string, { code: string; via: 'code' | 'builtin' }>>;

/**
 * Per value list, the code each built-in word and each code itself is read as (by key). Made on
 * first use (a few ms of keys for every word), not while the first screen's modules load.
 */
let builtIn: BuiltIn | null = null;
function builtInWords(): BuiltIn {
  return (builtIn ??= makeBuiltIn());
}

function makeBuiltIn(): BuiltIn {
  const all = new Map<string, Map<string, { code: string; via: 'code' | 'builtin' }>>();
  for (const { column, codes } of MAPPING_COLUMNS) {
    const words = new Map<string, { code: string; via: 'code' | 'builtin' }>();
    const ambiguous = new Set<string>();
    for (const [code, list] of Object.entries(OFFICE_WORDS[column] ?? {})) {
      for (const word of list) {
        const key = valueKey(word);
        const before = words.get(key);
        if (before && before.code !== code) ambiguous.add(key);
        words.set(key, { code, via: 'builtin' });
      }
    }
    // The importer drops a word that names two codes (imp_aliases): so does this.
    for (const key of ambiguous) words.delete(key);
    for (const code of codes) words.set(valueKey(code), { code, via: 'code' });
    all.set(column, words);
  }
  return all;
}

/** The code the app reads `value` as without the user's mappings, or null. */
export function builtInReading(column: string, value: string): { code: string; via: 'code' | 'builtin' } | null {
  return builtInWords().get(column)?.get(valueKey(value)) ?? null;
}

/** Whether `mapping` names a value list, one of its codes, and a value. */
export function isValidMapping(mapping: ValueMapping): boolean {
  return (
    typeof mapping.value === 'string' &&
    mapping.value.trim() !== '' &&
    valueKey(mapping.value) !== '' &&
    codesOf(mapping.column).includes(mapping.code)
  );
}

/**
 * How `value` of `column` is read once the user's mappings join the built-in words: the code
 * itself first, then a built-in word, then the user's mapping. A user mapping never changes what
 * the app already reads (the preview offers only values it does not recognise).
 */
export function readValue(
  column: string,
  value: string,
  user: readonly ValueMapping[],
): { code: string; via: ReadVia } | null {
  const builtIn = builtInReading(column, value);
  if (builtIn) return builtIn;
  const key = valueKey(value);
  const own = user.findLast((m) => m.column === column && valueKey(m.value) === key && isValidMapping(m));
  return own ? { code: own.code, via: 'user' } : null;
}

/**
 * `later` merged into `earlier`: one mapping per column and value (by key), the later one winning,
 * invalid ones and values the app already reads left out; sorted by column order, then value.
 */
export function mergeMappings(earlier: readonly ValueMapping[], later: readonly ValueMapping[] = []): ValueMapping[] {
  const merged = new Map<string, ValueMapping>();
  for (const m of [...earlier, ...later]) {
    if (!isValidMapping(m) || builtInReading(m.column, m.value)) continue;
    const value = m.value.trim();
    merged.set(`${m.column}\u0000${valueKey(value)}`, { column: m.column, value, code: m.code });
  }
  const order = MAPPING_COLUMNS.map((c) => c.column);
  return [...merged.values()].sort(
    (a, b) => order.indexOf(a.column) - order.indexOf(b.column) || a.value.localeCompare(b.value, 'zh-CN'),
  );
}

/** The mappings with `value` of `column` set to `code`, or left unmapped (null). */
export function setMapping(
  mappings: readonly ValueMapping[],
  column: string,
  value: string,
  code: string | null,
): ValueMapping[] {
  const key = valueKey(value);
  const rest = mappings.filter((m) => !(m.column === column && valueKey(m.value) === key));
  return code === null ? mergeMappings(rest) : mergeMappings(rest, [{ column, value, code }]);
}

/** The mappings a file of `table` can use. */
export function mappingsForTable(mappings: readonly ValueMapping[], table: string): ValueMapping[] {
  const columns = columnsOfTable(table);
  return mergeMappings(mappings.filter((m) => columns.includes(m.column)));
}

/** Reads a stored list back, keeping only well-formed, valid mappings. */
export function fromStored(json: string | null): ValueMapping[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    const list = (parsed as { mappings?: unknown }).mappings;
    if (!Array.isArray(list)) return [];
    return mergeMappings(
      list
        .filter((m): m is ValueMapping => typeof m === 'object' && m !== null)
        .map((m) => ({ column: String(m.column), value: String(m.value), code: String(m.code) })),
    );
  } catch {
    return [];
  }
}

export function toStored(mappings: readonly ValueMapping[]): string {
  return JSON.stringify({ version: 1, mappings });
}

// ——— The mapping file: CSV `column,value,code` ———

export const MAPPING_HEADER = ['column', 'value', 'code'] as const;

/** The mappings as a CSV file: UTF-8 with a BOM, CRLF, cells guarded against formulas. */
export function mappingsCsv(mappings: readonly ValueMapping[]): string {
  return toCsv(mergeMappings(mappings), [
    { header: 'column', value: (m) => m.column },
    { header: 'value', value: (m) => m.value },
    { header: 'code', value: (m) => m.code },
  ]);
}

/** Why a mapping file, or one of its lines, was refused. */
export type MappingFileError =
  'not-text' | 'empty' | 'header' | 'fields' | 'quote' | 'column' | 'value' | 'code' | 'conflict' | 'too-many';

export interface MappingFileProblem {
  code: MappingFileError;
  /** The physical line of the file, 0 for the file as a whole. */
  line: number;
  /** The cell at fault, as written (cut when long). */
  value: string;
}

export type ParsedMappings =
  | {
      ok: true;
      mappings: ValueMapping[];
      /** Values the app already reads (a code or a built-in word): not needed, left out. */
      known: { line: number; value: string; code: string }[];
    }
  | { ok: false; problems: MappingFileProblem[] };

/** A mapping file is small: past this many lines it is not one. */
export const MAX_MAPPING_LINES = 5000;
const MAX_PROBLEMS = 20;

const HEADER_NAMES: Record<(typeof MAPPING_HEADER)[number], string[]> = {
  column: ['column', '列', '字段', '列名'],
  value: ['value', '取值', '用语', '值'],
  code: ['code', '代码', '编码'],
};

/** A leading `'` guarded a formula-like cell on export (src/export/csv.ts): it goes on import. */
const unguard = (cell: string) => (cell.startsWith("'") && guardCell(cell.slice(1)) === cell ? cell.slice(1) : cell);
const short = (cell: string) => (cell.length > 60 ? `${cell.slice(0, 60)}…` : cell);

/**
 * Reads a mapping file: UTF-8 (with or without a BOM), GB18030 or UTF-16; comma, semicolon or tab;
 * a header row `column,value,code` (or 列,取值,代码). Every line must be a valid mapping: one bad
 * line refuses the whole file, with each problem by line, so nothing half-read is kept.
 */
export function parseMappingsCsv(bytes: Uint8Array): ParsedMappings {
  const sniffed = sniffEncoding(bytes);
  if (sniffed.kind === 'empty') return { ok: false, problems: [{ code: 'empty', line: 0, value: '' }] };
  if (sniffed.kind !== 'text') return { ok: false, problems: [{ code: 'not-text', line: 0, value: '' }] };
  const text = decode(bytes, sniffed.encoding).text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problems: [{ code: 'empty', line: 0, value: '' }] };
  const reader = new CsvReader(text, sniffDelimiter(text.slice(0, 64 * 1024)));
  const problems: MappingFileProblem[] = [];
  const found: { line: number; fields: string[] }[] = [];
  for (const record of reader.records()) {
    if (record.problem) {
      problems.push({ code: 'quote', line: record.line, value: short(text.slice(record.start, record.end)) });
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) continue;
    found.push({ line: record.line, fields: record.fields.map((f) => f.trim()) });
    if (found.length > MAX_MAPPING_LINES + 1)
      return { ok: false, problems: [{ code: 'too-many', line: 0, value: '' }] };
  }
  const [header, ...rows] = found;
  if (!header) return { ok: false, problems: [{ code: 'empty', line: 0, value: '' }] };
  const position = (name: keyof typeof HEADER_NAMES) =>
    header.fields.findIndex((f) => HEADER_NAMES[name].includes(f.replace(/^\uFEFF/, '').toLowerCase()));
  const at = { column: position('column'), value: position('value'), code: position('code') };
  if (at.column < 0 || at.value < 0 || at.code < 0) {
    return { ok: false, problems: [{ code: 'header', line: header.line, value: short(header.fields.join(',')) }] };
  }
  const width = header.fields.length;
  const mappings: ValueMapping[] = [];
  const known: { line: number; value: string; code: string }[] = [];
  const seen = new Map<string, string>();
  for (const { line, fields } of rows) {
    if (fields.slice(width).some((f) => f !== '')) {
      problems.push({ code: 'fields', line, value: short(fields.join(',')) });
      continue;
    }
    const column = unguard(fields[at.column] ?? '');
    const value = unguard(fields[at.value] ?? '');
    const code = unguard(fields[at.code] ?? '');
    const list = MAPPING_COLUMNS.find((c) => c.column === column.toLowerCase());
    if (!list) {
      problems.push({ code: 'column', line, value: short(column) });
      continue;
    }
    if (value === '' || valueKey(value) === '') {
      problems.push({ code: 'value', line, value: short(value) });
      continue;
    }
    if (!list.codes.includes(code.toLowerCase())) {
      problems.push({ code: 'code', line, value: short(code) });
      continue;
    }
    const mapping = { column: list.column, value, code: code.toLowerCase() };
    const key = `${mapping.column}\u0000${valueKey(value)}`;
    const before = seen.get(key);
    if (before !== undefined && before !== mapping.code) {
      problems.push({ code: 'conflict', line, value: short(value) });
      continue;
    }
    seen.set(key, mapping.code);
    const builtIn = builtInReading(mapping.column, value);
    if (builtIn) known.push({ line, value, code: builtIn.code });
    else mappings.push(mapping);
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, mappings: mergeMappings(mappings), known };
}

// ——— What the preview lists ———

/** A value of a coded column the app does not read, with the rows that hold it. */
export interface UnknownValue {
  value: string;
  rows: number;
  /** False when the value was masked for the preview (it looked like an ID or a phone number): it can only be left out. */
  mappable: boolean;
}

/** Per coded column of a file: the values it does not recognise, most rows first. */
export interface UnknownValues {
  /** The model column, and the value list it is read against. */
  target: string;
  column: string;
  /** The file's header for it. */
  header: string;
  values: UnknownValue[];
  /** Distinct unknown values and their rows beyond those listed. */
  more: number;
  moreRows: number;
}

/** How many of a column's unknown values the preview lists. */
export const MAX_UNKNOWN_LISTED = 100;

/** Rows that will not be imported for a value left unmapped, given the user's mappings. */
export function unmappedRows(lists: readonly UnknownValues[], user: readonly ValueMapping[]): number {
  return lists.reduce(
    (sum, list) =>
      sum +
      list.moreRows +
      list.values.reduce((s, v) => s + (v.mappable && readValue(list.column, v.value, user) ? 0 : v.rows), 0),
    0,
  );
}
