/**
 * What a column of a data file is and the rules its cells must keep: declared once, here. The
 * start-up load of `data/` and the importer both check rows with SQL generated from these
 * declarations (src/data/validate-sql.ts), so a row is refused for the same reason, at the same
 * line and column, whichever way it came in.
 */

export type ValueType = 'text' | 'integer' | 'double' | 'date';

/**
 * Why a cell is refused (or, for the warnings, flagged): the codes the rules below give. The
 * report translates each (messages/importer.ts `import.problem.*`).
 */
export const RULE_CODES = [
  'required',
  'not-integer',
  'percent',
  'not-number',
  'headcount-min',
  'headcount-max',
  'out-of-range',
  'bad-date',
  'ambiguous-date',
  'excel-serial',
  'end-before-start',
  'future-year',
  'unknown-value',
  'unknown-country',
  'mainland',
  'duplicate-id',
  'id-scientific',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Range {
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** The code for a value below `min` / above `max` (default `out-of-range`). */
  below?: RuleCode;
  above?: RuleCode;
}

export interface Reference {
  /** The table whose row the cell names. */
  table: string;
  /** The column it is stored as. */
  column: string;
  /** Other columns of that table that name the row too (staff write names, not ids). */
  names: readonly string[];
}

export interface Column {
  name: string;
  /** The Chinese header staff use in their exports. */
  zh: string;
  type: ValueType;
  /** An empty cell refuses the row (`required`). */
  required: boolean;
  /** The table's key: a value repeated on a later line refuses that row (`duplicate-id`). */
  unique?: boolean;
  /** The allowed values of an enum column (anything else: `unknown-value`). */
  values?: readonly string[];
  /** The name the words staff write for these values are listed under (default: the column's name). */
  valueSet?: string;
  /** A country or region by ISO 3166-1 alpha-2 (or a name of it): `unknown-country`; `mainland: false` refuses CN (`mainland`). */
  country?: { mainland: boolean };
  /** A row of another table by its id or a name; an unknown one is kept as written and listed, not refused. */
  references?: Reference;
  /** Bounds of a number. */
  range?: Range;
  /** A date in a year after the current year + this is refused (`future-year`). Absent: no bound. */
  latestYear?: number;
  /** A date before this column's date of the same row is refused (`end-before-start`). */
  notBefore?: string;
}

export interface TableSpec {
  table: string;
  file: string;
  columns: readonly Column[];
}

/** The column that identifies a row: the one declared unique. */
export function uniqueColumn(spec: TableSpec): Column {
  const key = spec.columns.find((c) => c.unique);
  if (!key) throw new Error(`${spec.table} declares no unique column`);
  return key;
}

/** The values' list name an enum column is matched against. */
export function valueSetOf(column: Column): string {
  return column.valueSet ?? column.name;
}
