/**
 * The SQL that turns a staged file (every cell text) into typed rows and a problem code per cell.
 * Column names and every rule come from the declaration in src/domain (tables.ts): the start-up
 * load and the importer both run these statements. Cell values never leave the tables; the bounds
 * written into the SQL are the declaration's numbers and codes.
 *
 * imp_stage: the file's cells as staged (trimmed text under the model's column names; `_line` and
 *   `_tok`, the empty-token bits, integers).
 * imp_clean: a view of the cells with empty tokens (NULL, 无, #N/A, …) read as empty.
 * imp_map_<col>: each distinct value of a coded, numeric or date column, read once: its value,
 *   its error and its warning. A column has few distinct values, so the regular expressions run
 *   per value, not per row.
 * imp_checked: typed values; e_<col> / w_<col> the error / warning code of each cell; _error.
 *   Narrow on purpose: every column it carries is copied through each join; the raw cells stay in
 *   imp_stage, joined back by _line for the few rows the report shows.
 */
import { uniqueColumn, valueSetOf, type Column, type RuleCode, type TableSpec } from '../domain/columns';
import { ident, literal } from './sql';
import { ascii, dateIssue, dateOf, dateParts, numberText, toDouble, toWhole } from './validate-macros';

export { HEADCOUNT_MAX } from '../domain/tables';

/** The model's key column (declared unique): a repeated value is refused. */
export function keyColumn(spec: TableSpec): string {
  return uniqueColumn(spec).name;
}

export const sqlType = (column: Column) =>
  ({ text: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', date: 'DATE' })[column.type];

type Kind = 'id' | 'enum' | 'country' | 'reference' | 'integer' | 'double' | 'date' | 'text';

/** Which of the declared rules reads the cell: the first that applies. */
function kindOf(column: Column): Kind {
  if (column.unique) return 'id';
  if (column.values) return 'enum';
  if (column.country) return 'country';
  if (column.references) return 'reference';
  if (column.type === 'integer' || column.type === 'double' || column.type === 'date') return column.type;
  return 'text';
}

const mapTable = (column: string) => ident(`imp_map_${column}`);
const code = (value: RuleCode) => literal(value);
/** A bound of the declaration as SQL: a finite number of the program, never a cell. */
const bound = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`not a finite bound: ${value}`);
  return String(value);
};

/** `WHEN … THEN code` for the declared range of a number `n`. */
function rangeCases(column: Column, n: string): string {
  const range = column.range;
  if (!range) return '';
  const cases: string[] = [];
  if (range.min !== undefined) cases.push(`WHEN ${n} < ${bound(range.min)} THEN ${code(range.below ?? 'out-of-range')}`);
  if (range.max !== undefined) cases.push(`WHEN ${n} > ${bound(range.max)} THEN ${code(range.above ?? 'out-of-range')}`);
  return cases.join(' ');
}

/** SELECT v, val, err, warn[, matched] over the distinct values `v` of a column. */
function mapSelect(column: Column, thisYear: number): string | null {
  const name = column.name;
  const distinct = `(SELECT DISTINCT ${ident(`c_${name}`)} AS v FROM imp_clean WHERE ${ident(`c_${name}`)} IS NOT NULL)`;
  switch (kindOf(column)) {
    case 'enum': {
      // The code or a built-in word first; the user's mapping (imp_user_map) only for a value the app does not know.
      const kind = literal(valueSetOf(column));
      return `SELECT d.v, coalesce(a.code, u.code) AS val,
          CASE WHEN a.code IS NULL AND u.code IS NULL THEN ${code('unknown-value')} END AS err, NULL AS warn
        FROM ${distinct} AS d LEFT JOIN imp_aliases AS a ON a.kind = ${kind} AND a.key = imp_key(d.v)
        LEFT JOIN imp_user_map AS u ON u.kind = ${kind} AND u.key = imp_key(d.v)`;
    }
    case 'country': {
      const mainland = column.country?.mainland === false ? `WHEN a.code = 'CN' THEN ${code('mainland')}` : '';
      return `SELECT d.v, a.code AS val, CASE WHEN a.code IS NULL THEN ${code('unknown-country')} ${mainland} END AS err, NULL AS warn
        FROM ${distinct} AS d LEFT JOIN imp_aliases AS a ON a.kind = 'country' AND a.key = imp_key(d.v)`;
    }
    case 'reference':
      // By id or either name; an unknown one is kept as written and listed, not rejected.
      return `SELECT d.v, coalesce(r.id, d.v) AS val, NULL::VARCHAR AS err, NULL::VARCHAR AS warn, r.id IS NOT NULL AS matched
        FROM ${distinct} AS d LEFT JOIN ${ident(`imp_ref_${name}`)} AS r ON r.key = imp_key(d.v)`;
    case 'integer':
      return `SELECT v, w AS val, CASE WHEN w IS NULL AND ends_with(v, '%') THEN ${code('percent')}
          WHEN w IS NULL THEN ${code('not-integer')} ${rangeCases(column, 'w')} END AS err, NULL AS warn
        FROM (SELECT v, ${toWhole('n')} AS w FROM (SELECT v, ${toDouble(numberText('v'))} AS n FROM ${distinct}))`;
    case 'double':
      return `SELECT v, n AS val, CASE WHEN n IS NULL THEN ${code('not-number')} ${rangeCases(column, 'n')} END AS err, NULL AS warn
        FROM (SELECT v, ${toDouble(numberText('v'))} AS n FROM ${distinct})`;
    case 'date': {
      const latest = column.latestYear === undefined ? '' : `WHEN year(val) > ${bound(thisYear + column.latestYear)} THEN ${code('future-year')}`;
      const parts = dateParts('a');
      return `SELECT v, val, CASE WHEN issue IN ('bad-date', 'ambiguous-date') THEN issue ${latest} END AS err,
          CASE WHEN issue = 'excel-serial' THEN issue END AS warn
        FROM (SELECT v, ${dateOf('ymd', 'ym', 'dmy', 'ser')} AS val, ${dateIssue('v', dateOf('ymd', 'ym', 'dmy', 'ser'), 'dmy', 'ser')} AS issue
          FROM (SELECT v, ${parts.ymd} AS ymd, ${parts.ym} AS ym, ${parts.dmy} AS dmy, ${parts.serial} AS ser
            FROM (SELECT v, ${ascii('v')} AS a FROM ${distinct})))`;
    }
    default:
      return null;
  }
}

/**
 * The statement that makes `imp_clean`. Staging trimmed every cell (an empty one reads as NULL) and
 * marked empty tokens in `_tok`, bit i for present[i]; a view, so each reader reads only its own
 * column of imp_stage. `tokens` false: no cell holds an empty token (a file read directly, whose
 * `_tok` is 0), so each column is read as it is, without a CASE over every row.
 */
export function cleanViewSql(spec: TableSpec, present: readonly string[], tokens = true): string {
  const clean = spec.columns.map((c) => {
    const bit = present.indexOf(c.name);
    const value =
      bit < 0
        ? 'NULL::VARCHAR'
        : tokens
          ? `CASE WHEN (_tok & ${bound(2 ** bit)}) <> 0 THEN NULL ELSE ${ident(c.name)} END`
          : ident(c.name);
    return `${value} AS ${ident(`c_${c.name}`)}`;
  });
  return `CREATE OR REPLACE TEMP VIEW imp_clean AS SELECT _line, ${clean.join(',\n')} FROM imp_stage`;
}

export interface ValidationSql {
  /** Statements to run in order; the last leaves `imp_checked`. */
  statements: string[];
  /** Model columns with a map table (coded, numeric, date, reference). */
  mapped: string[];
  /** The rows of imp_checked (without `_error`) as a query, in the order of imp_stage when no map is joined. */
  checked: string;
  /** Over `checked`'s columns: a cell of the row has an error or a warning. */
  anyProblem: string;
}

/**
 * `present` are the model columns the file has (staged as text under their own names); the
 * others are NULL. `thisYear` bounds the dates.
 */
export function validationSql(
  spec: TableSpec,
  present: readonly string[],
  thisYear: number,
  plain: ReadonlySet<string> = new Set(),
  noRepeats = false,
): ValidationSql {
  const statements = [cleanViewSql(spec, present)];
  const mapped: string[] = [];
  for (const column of spec.columns) {
    const select = mapSelect(column, thisYear);
    if (!select) continue;
    mapped.push(column.name);
    statements.push(`CREATE OR REPLACE TEMP TABLE ${mapTable(column.name)} AS ${select}`);
  }

  const key = keyColumn(spec);
  // A plain column's map says nothing a cast does not (plainSql): its value is the cast, without the join.
  const joined = mapped.filter((name) => !plain.has(name));
  const valueOf = (name: string) => {
    if (joined.includes(name)) return `${ident(`m_${name}`)}.val`;
    const column = spec.columns.find((c) => c.name === name)!;
    return plain.has(name) ? `TRY_CAST(${ident(`c_${name}`)} AS ${sqlType(column)})` : ident(`c_${name}`);
  };
  const columns = spec.columns.map((column) => {
    const name = column.name;
    const c = ident(`c_${name}`);
    const m = ident(`m_${name}`);
    const errors: string[] = [];
    if (column.required) errors.push(`WHEN ${c} IS NULL THEN ${code('required')}`);
    if (joined.includes(name)) errors.push(`WHEN ${m}.err IS NOT NULL THEN ${m}.err`);
    if (name === key && !noRepeats) errors.push(`WHEN s._line > imp_dups.first THEN ${code('duplicate-id')}`);
    if (column.notBefore) {
      errors.push(`WHEN ${valueOf(name)} < ${valueOf(column.notBefore)} THEN ${code('end-before-start')}`);
    }
    const warn =
      name === key
        ? `CASE WHEN ${c} LIKE '%E%' AND regexp_full_match(${c}, '\\d(\\.\\d+)?[eE]\\+?\\d+') THEN ${code('id-scientific')} END`
        : joined.includes(name)
          ? `${m}.warn`
          : 'NULL';
    return [
      `(${valueOf(name)})::${sqlType(column)} AS ${ident(name)}`,
      `${errors.length ? `CASE ${errors.join(' ')} END` : 'NULL'}::VARCHAR AS ${ident(`e_${name}`)}`,
      `${warn}::VARCHAR AS ${ident(`w_${name}`)}`,
    ].join(', ');
  });
  // Repeated ids by aggregation: a window over every row is several times slower in the browser.
  statements.push(
    `CREATE OR REPLACE TEMP TABLE imp_dups AS SELECT ${ident(`c_${key}`)} AS v, min(_line) AS first
     FROM imp_clean WHERE ${ident(`c_${key}`)} IS NOT NULL GROUP BY ALL HAVING count(*) > 1`,
  );
  const joins = [...(noRepeats ? [] : [`LEFT JOIN imp_dups ON imp_dups.v = s.${ident(`c_${key}`)}`]), ...joined.map((name) => `LEFT JOIN ${mapTable(name)} AS ${ident(`m_${name}`)} ON ${ident(`m_${name}`)}.v = s.${ident(`c_${name}`)}`)];
  const anyError = spec.columns.map((c) => `${ident(`e_${c.name}`)} IS NOT NULL`).join(' OR ');
  const anyWarning = spec.columns.map((c) => `${ident(`w_${c.name}`)} IS NOT NULL`).join(' OR ');
  const checked = `SELECT s._line, ${columns.join(',\n')} FROM imp_clean AS s ${joins.join('\n')}`;
  statements.push(`CREATE OR REPLACE TEMP TABLE imp_checked AS SELECT *, (${anyError}) AS _error FROM (${checked})`);
  return { statements, mapped, checked, anyProblem: `${anyError} OR ${anyWarning}` };
}

/**
 * Which of the `mapped` columns are plain: no value of theirs has an error or a warning, and each
 * reads as its cast (TRY_CAST to the column's type gives the value the map gives). Over the maps,
 * a row per distinct value, so cheap; rows `{ col, n }` with `n` = 0 for a plain column.
 */
export function plainSql(spec: TableSpec, mapped: readonly string[]): string {
  return mapped
    .map((name) => {
      const column = spec.columns.find((c) => c.name === name)!;
      return `SELECT ${literal(name)} AS col, count(*) FILTER (WHERE err IS NOT NULL OR warn IS NOT NULL
          OR val IS DISTINCT FROM TRY_CAST(v AS ${sqlType(column)}))::INTEGER AS n FROM ${mapTable(name)}`;
    })
    .join(' UNION ALL ');
}

/** The raw cell of column `col` in imp_stage `st` (NULL for a column the file lacks). */
export function rawCell(spec: TableSpec, present: readonly string[], col: string): string {
  const cases = spec.columns.filter((c) => present.includes(c.name)).map((c) => `WHEN ${literal(c.name)} THEN st.${ident(c.name)}`);
  return cases.length ? `CASE ${col} ${cases.join(' ')} END` : 'NULL';
}

/** Every problem of imp_checked as rows (line, col, code, lvl, val): the first `limit` by line. */
export function problemsSql(spec: TableSpec, present: readonly string[], limit: number): string {
  const parts = spec.columns.flatMap((c) =>
    (['e', 'w'] as const).map(
      (kind) =>
        `SELECT _line AS line, ${literal(c.name)} AS col, ${ident(`${kind}_${c.name}`)} AS code,
           ${literal(kind === 'e' ? 'error' : 'warning')} AS lvl
         FROM imp_checked WHERE ${ident(`${kind}_${c.name}`)} IS NOT NULL`,
    ),
  );
  return `SELECT p.*, ${rawCell(spec, present, 'p.col')} AS val
    FROM (${parts.join('\nUNION ALL\n')} ORDER BY line, col LIMIT ${Math.floor(limit)}) AS p
    JOIN imp_stage AS st ON st._line = p.line ORDER BY line, col`;
}

export function problemCountSql(spec: TableSpec): string {
  return `SELECT (${spec.columns.map((c) => `count(${ident(`e_${c.name}`)}) + count(${ident(`w_${c.name}`)})`).join(' + ')})::INTEGER AS n,
    count(*) FILTER (WHERE NOT _error AND (${spec.columns.map((c) => `${ident(`w_${c.name}`)} IS NOT NULL`).join(' OR ')}))::INTEGER AS warned
    FROM imp_checked`;
}


/** The error codes of a rejected row, `;`-joined (concat_ws skips the NULLs). */
export function errorCodes(spec: TableSpec): string {
  return `concat_ws(';', ${spec.columns.map((c) => ident(`e_${c.name}`)).join(', ')})`;
}

/** The lookup tables for the declared references of `spec` by id or name: `imp_ref_<column>`. */
export function referenceSql(spec: TableSpec): string[] {
  return spec.columns.flatMap((column) => {
    const ref = column.references;
    if (!ref) return [];
    const keys = [ref.column, ...ref.names].map(
      (name) => `SELECT ${ident(ref.column)} AS id, imp_key(${ident(name)}) AS key FROM ${ident(ref.table)}`,
    );
    return [
      `CREATE OR REPLACE TEMP TABLE ${ident(`imp_ref_${column.name}`)} AS
       SELECT key, min(id) AS id FROM (${keys.join(' UNION ALL ')})
       WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT id) = 1`,
    ];
  });
}

export function referenceColumns(spec: TableSpec): string[] {
  return spec.columns.filter((c) => kindOf(c) === 'reference').map((c) => c.name);
}
