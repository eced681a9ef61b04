/**
 * Builders for the few pieces of SQL that cannot be bound parameters: names
 * from the schema allowlist and constants of the program. Data values never
 * pass through here; they are bound with `?`.
 */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function literalList(values: readonly string[]): string {
  return `(${values.map(literal).join(', ')})`;
}

/** What a query computes from the rows of `facts`, beyond the values of its columns. */
export type FactsMeasure =
  /** sum(headcount): a pre-aggregate summing headcount per combination of the columns answers it. */
  | 'sum(headcount)'
  /**
   * Counts of records, written `count(*)` (RECORD_COUNT): every `count(*)` in the query's SQL
   * counts rows of `facts`. A pre-aggregate keeps the count of records per combination of its
   * columns, and the router puts the sum of those (RECORD_COUNT_OVER_PREAGG) in each one's place.
   */
  | 'count(*)'
  /** The records themselves (a list of them, or any other measure): only `facts` answers it. */
  | 'rows';

/** How a query declaring the measure 'count(*)' counts records of `facts`. */
export const RECORD_COUNT = 'count(*)';
/** The column of a pre-aggregate holding the count of records per combination of its columns. */
export const RECORDS_COLUMN = 'rows';
/** What takes RECORD_COUNT's place in a query routed to a pre-aggregate (src/data/cube.ts). */
export const RECORD_COUNT_OVER_PREAGG = `sum(${RECORDS_COLUMN})`;

/**
 * A query ready to run: SQL with `?` placeholders and the values to bind, typed by the rows it
 * gives. A query over `facts` reads it as `FROM facts` and declares every column of `facts` it
 * reads (grouped, filtered, measured) and what it computes from them: the worker routes it to a
 * pre-aggregate holding those columns by that declaration (src/data/cube.ts), never by its text.
 * A query without `columns` runs as written.
 */
export interface BuiltQuery<Row = unknown> {
  sql: string;
  params: (string | number | boolean | null)[];
  /** Every column of `facts` the query reads; absent when it reads no `facts` (or runs as written). */
  columns?: readonly string[];
  /** What it computes from `facts`' rows; a pre-aggregate answers `sum(headcount)` and `count(*)`. */
  measures?: readonly FactsMeasure[];
  /**
   * The relation the query reads as `facts` when it is not the table itself (the published
   * cells, src/disclosure/public-cells.ts): the SQL holds it as `FROM (<facts>) AS facts`.
   */
  facts?: string;
  /** Never set: carries the row type, so `client.query(q)` knows what it gives. */
  readonly row?: Row;
}

/** The part of a BuiltQuery that goes to the worker (the row type stays behind). */
export type QueryWire = Pick<BuiltQuery, 'sql' | 'params' | 'columns' | 'measures' | 'facts'>;

/** A facts query's declaration: its columns, sorted and without repeats, and its measures. */
export function declare<Row>(
  query: Omit<BuiltQuery<Row>, 'columns' | 'measures'>,
  columns: Iterable<string>,
  measures: readonly FactsMeasure[],
): BuiltQuery<Row> {
  return { ...query, columns: [...new Set(columns)].sort(), measures };
}
