/**
 * What an import says about each file: counts, notices about what was left out on purpose, and
 * one problem per bad cell or line. Codes are translated by the page (messages/importer.ts).
 */
import { RULE_CODES } from '../domain/columns';
import type { EncodingName } from './decode';

export const PROBLEM_CODES = [
  'encoding',
  'unbalanced-quote',
  'too-long',
  'too-many-fields',
  'too-few-fields',
  ...RULE_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  file: string;
  /** Physical line of the file (1-based). */
  line: number;
  /** The column as the file names it, or null for the whole line. */
  column: string | null;
  /** The value as found, masked where it may be personal, cut when long. */
  value: string;
  code: ProblemCode;
  level: 'error' | 'warning';
}

export const NOTICE_CODES = [
  'title-rows',
  'blank-lines',
  'totals',
  'personal',
  'renamed',
  'trailing-columns',
  'ignored-columns',
  'empty-tokens',
  'bidi-controls',
  'skipped-duplicates',
  'combined',
  // Reading a workbook (workbook.ts): the sheet read, formulas, merged cells, line breaks in cells.
  'workbook-sheet',
  'workbook-formulas',
  'workbook-merged',
  'workbook-line-breaks',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice {
  code: NoticeCode;
  /** Lines, columns or values the notice is about, already safe to show. */
  items: string[];
  count: number;
}

/** A file the importer refused as a whole, with the reason. */
export const FILE_ERRORS = [
  'xlsx',
  'xls',
  'binary',
  'empty',
  'undecodable',
  'needs-encoding',
  'no-header',
  'no-data',
  'missing-columns',
  'too-large',
  // Workbooks (workbook.ts); an .xlsx or .xls that cannot be read at all is 'xlsx' or 'xls'.
  'workbook-encrypted',
  'workbook-empty',
  'workbook-chart',
  'workbook-rows',
] as const;
export type FileError = (typeof FILE_ERRORS)[number];

export interface FileReport {
  file: string;
  /** The file's place in the list imported together (names may repeat; this does not). */
  index: number;
  table: string;
  encoding: EncodingName | null;
  delimiter: string | null;
  headerLine: number | null;
  /** Data rows below the header: not blank, not a total row. */
  rowsIn: number;
  loaded: number;
  rejected: number;
  /** Append mode: rows whose record id was already loaded. */
  skipped: number;
  warnings: number;
  /** Set when the file was refused as a whole; nothing of it was loaded. */
  error: FileError | null;
  /** Detail for the error: the missing columns, the encodings to choose from. */
  errorItems: string[];
  notices: Notice[];
  /** The first problems, in line order (the full list is in the rejected-rows CSV). */
  problems: Problem[];
  problemCount: number;
  /** Values of country, partner or program that matched nothing, with their row counts. */
  unmatched: { column: string; value: string; rows: number }[];
  /** Coded values written in other words, the code each was read as (培训进修 → training), and by whose word. */
  mapped: { column: string; value: string; code: string; via: 'builtin' | 'user'; rows: number }[];
}

export const MAX_PROBLEMS_SHOWN = 500;

export function emptyReport(file: string, table: string, index = 0): FileReport {
  return {
    file,
    index,
    table,
    encoding: null,
    delimiter: null,
    headerLine: null,
    rowsIn: 0,
    loaded: 0,
    rejected: 0,
    skipped: 0,
    warnings: 0,
    error: null,
    errorItems: [],
    notices: [],
    problems: [],
    problemCount: 0,
    unmatched: [],
    mapped: [],
  };
}

/** Names as the report shows them: a name chosen more than once gets its place, `exchanges.csv (2)`. */
export function fileLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return names.indexOf(name, names.indexOf(name) + 1) >= 0 ? `${name} (${n})` : name;
  });
}
