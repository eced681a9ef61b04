/**
 * The SQL that turns a staged file (every cell text) into typed rows and a list of problems per
 * row. Column names come from schema.ts only; cell values never leave the tables.
 *
 * imp_clean: the cells trimmed, empty tokens (NULL, 无, #N/A, …) read as empty and counted.
 * imp_parsed: what each value is read from, computed once: match keys, numbers, date parts.
 * imp_checked: typed values, and `problems`, a list of {col, code, lvl, val} per row.
 */
import { enumKind } from '../import/aliases';
import type { Column, TableSpec } from './schema';
import { ident, literal } from './sql';
import { ascii, dateIssue, dateOf, dateParts, isToken, numberText, toDouble, toWhole, trimmed } from './validate-macros';

export const HEADCOUNT_MAX = 10_000;

const sqlType = (column: Column) => ({ text: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', date: 'DATE' })[column.type];

/** The model's key column: unique within a table. */
export function keyColumn(spec: TableSpec): string {
  return spec.columns[0]!.name;
}

type Kind = 'id' | 'enum' | 'country' | 'reference' | 'integer' | 'double' | 'date' | 'text';

function kindOf(spec: TableSpec, column: Column): Kind {
  if (column.name === keyColumn(spec)) return 'id';
  if (column.values) return 'enum';
  if (column.name === 'country') return 'country';
  if ((column.name === 'partner' || column.name === 'program') && spec.table !== 'partners') return 'reference';
  if (column.type === 'integer' || column.type === 'double' || column.type === 'date') return column.type;
  return 'text';
}

const REFERENCE_TABLE: Record<string, string> = { partner: 'partners', program: 'programs' };

interface Piece {
  /** The typed value. */
  value: string;
  /** Problem conditions on this column alone: [condition, code, level]. */
  checks: [string, string, 'error' | 'warning'][];
  /** LEFT JOINs the value needs. */
  joins: string[];
}

function piece(spec: TableSpec, column: Column, thisYear: number): Piece {
  const name = column.name;
  const c = ident(`c_${name}`);
  const k = ident(`k_${name}`);
  const a = ident(`a_${name}`);
  const required: Piece['checks'] = column.required ? [[`${c} IS NULL`, 'required', 'error']] : [];
  switch (kindOf(spec, column)) {
    case 'id':
      return {
        value: c,
        checks: [...required, [`regexp_full_match(${c}, '\\d(\\.\\d+)?[eE]\\+?\\d+')`, 'id-scientific', 'warning']],
        joins: [],
      };
    case 'enum':
      return {
        value: `${a}.code`,
        checks: [...required, [`${c} IS NOT NULL AND ${a}.code IS NULL`, 'unknown-value', 'error']],
        joins: [`LEFT JOIN imp_aliases AS ${a} ON ${a}.kind = ${literal(enumKind(spec.table, name))} AND ${a}.key = ${k}`],
      };
    case 'country': {
      const mainland: Piece['checks'] = spec.table === 'exchanges' ? [[`${a}.code = 'CN'`, 'mainland', 'error']] : [];
      return {
        value: `${a}.code`,
        checks: [...required, [`${c} IS NOT NULL AND ${a}.code IS NULL`, 'unknown-country', 'error'], ...mainland],
        joins: [`LEFT JOIN imp_aliases AS ${a} ON ${a}.kind = 'country' AND ${a}.key = ${k}`],
      };
    }
    case 'reference':
      // By id or by either name; an unknown one is kept as written and listed, not rejected.
      return {
        value: `coalesce(${a}.id, ${c})`,
        checks: required,
        joins: [`LEFT JOIN imp_ref_${name} AS ${a} ON ${a}.key = ${k}`],
      };
    case 'integer': {
      const v = ident(`w_${name}`);
      const range: Piece['checks'] =
        name === 'headcount'
          ? [
              [`${v} < 1`, 'headcount-min', 'error'],
              [`${v} > ${HEADCOUNT_MAX}`, 'headcount-max', 'error'],
            ]
          : [[`${v} < 0`, 'out-of-range', 'error']];
      return {
        value: v,
        checks: [
          ...required,
          [`${c} IS NOT NULL AND ${v} IS NULL AND ends_with(${c}, '%')`, 'percent', 'error'],
          [`${c} IS NOT NULL AND ${v} IS NULL AND NOT ends_with(${c}, '%')`, 'not-integer', 'error'],
          ...range,
        ],
        joins: [],
      };
    }
    case 'double': {
      const v = ident(`n_${name}`);
      const limit = name === 'latitude' ? 90 : name === 'longitude' ? 180 : null;
      return {
        value: v,
        checks: [
          ...required,
          [`${c} IS NOT NULL AND ${v} IS NULL`, 'not-number', 'error'],
          ...(limit ? [[`abs(${v}) > ${limit}`, 'out-of-range', 'error'] as [string, string, 'error']] : []),
        ],
        joins: [],
      };
    }
    case 'date': {
      // A trip may end early next year; nothing starts in a year that has not come.
      const limit = name === 'end_date' ? thisYear + 1 : thisYear;
      const date = ident(`d_${name}`);
      const issue = ident(`i_${name}`);
      return {
        value: date,
        checks: [
          ...required,
          [`${issue} = 'bad-date'`, 'bad-date', 'error'],
          [`${issue} = 'ambiguous-date'`, 'ambiguous-date', 'error'],
          [`${issue} = 'excel-serial'`, 'excel-serial', 'warning'],
          [`year(${date}) > ${limit}`, 'future-year', 'error'],
        ],
        joins: [],
      };
    }
    case 'text':
      return { value: c, checks: required, joins: [] };
  }
}

export interface ValidationSql {
  /** Statements to run in order; the last leaves `imp_checked`. */
  statements: string[];
  /** The typed columns of the model, in order, as they read from imp_checked. */
  columns: string[];
}

/**
 * `present` are the model columns the file has (staged as text under their own names); the
 * others are NULL. `thisYear` bounds the dates.
 */
export function validationSql(spec: TableSpec, present: readonly string[], thisYear: number): ValidationSql {
  const has = new Set(present);
  const trim = spec.columns.map((column) => {
    const raw = has.has(column.name) ? ident(column.name) : 'NULL::VARCHAR';
    return `${raw} AS ${ident(`r_${column.name}`)}, ${trimmed(raw)} AS ${ident(`tr_${column.name}`)}`;
  });
  const clean = spec.columns.map((column) => {
    const tr = ident(`tr_${column.name}`);
    return `${isToken(tr)} AS ${ident(`t_${column.name}`)}, CASE WHEN ${isToken(tr)} THEN NULL ELSE ${tr} END AS ${ident(`c_${column.name}`)}`;
  });
  const derived = spec.columns.flatMap((column) => {
    const name = column.name;
    const kind = kindOf(spec, column);
    if (kind === 'integer') return [`${toWhole(ident(`n_${name}`))} AS ${ident(`w_${name}`)}`];
    if (kind !== 'date') return [];
    const [ymd, ym, dmy, serial] = ['ymd', 'ym', 'dmy', 'ser'].map((p) => ident(`${p}_${name}`)) as [string, string, string, string];
    const date = dateOf(ymd, ym, dmy, serial);
    return [`${date} AS ${ident(`d_${name}`)}`, `${dateIssue(ident(`c_${name}`), date, dmy, serial)} AS ${ident(`i_${name}`)}`];
  });
  const parsed = spec.columns.flatMap((column) => {
    const name = column.name;
    const c = ident(`c_${name}`);
    switch (kindOf(spec, column)) {
      case 'enum':
      case 'country':
      case 'reference':
        return [`imp_key(${c}) AS ${ident(`k_${name}`)}`];
      case 'integer':
      case 'double':
        return [`${toDouble(numberText(c))} AS ${ident(`n_${name}`)}`];
      case 'date': {
        const parts = dateParts(ascii(c));
        return [
          `${parts.ymd} AS ${ident(`ymd_${name}`)}`,
          `${parts.ym} AS ${ident(`ym_${name}`)}`,
          `${parts.dmy} AS ${ident(`dmy_${name}`)}`,
          `${parts.serial} AS ${ident(`ser_${name}`)}`,
        ];
      }
      default:
        return [];
    }
  });
  const pieces = spec.columns.map((column) => [column, piece(spec, column, thisYear)] as const);
  const typed = pieces.map(([column, p]) => `(${p.value})::${sqlType(column)} AS ${ident(column.name)}`);
  const problem = (col: string, condition: string, code: string, level: string) =>
    `CASE WHEN ${condition} THEN {'col': ${literal(col)}, 'code': ${literal(code)}, 'lvl': ${literal(level)}, 'val': ${ident(`r_${col}`)}} END`;
  const single = pieces.flatMap(([column, p]) => p.checks.map(([cond, code, lvl]) => problem(column.name, cond, code, lvl)));
  const key = keyColumn(spec);
  const cross: string[] = [
    problem(key, `${ident(key)} IS NOT NULL AND row_number() OVER (PARTITION BY ${ident(key)} ORDER BY _line) > 1`, 'duplicate-id', 'error'),
  ];
  const endColumn = spec.columns.find((c) => c.name === 'end_date');
  const startColumn = spec.columns.find((c) => c.name === 'start_date' || c.name === 'signed_date');
  if (endColumn && startColumn) {
    cross.push(problem('end_date', `"end_date" < ${ident(startColumn.name)}`, 'end-before-start', 'error'));
  }
  const rawColumns = spec.columns.flatMap((c) => [ident(`r_${c.name}`), ident(`t_${c.name}`), ident(`c_${c.name}`)]);
  const statements = [
    `CREATE OR REPLACE TEMP TABLE imp_clean AS SELECT *, ${clean.join(',\n')}
     FROM (SELECT _line::INTEGER AS _line, ${trim.join(',\n')} FROM imp_stage)`,
    `CREATE OR REPLACE TEMP TABLE imp_parsed AS SELECT *${derived.map((p) => `, ${p}`).join('\n')}
     FROM (SELECT *${parsed.map((p) => `, ${p}`).join('\n')} FROM imp_clean)`,
    `CREATE OR REPLACE TEMP TABLE imp_typed AS
     SELECT s._line, ${rawColumns.map((r) => `s.${r}`).join(', ')}, ${typed.join(',\n')},
       [${single.join(',\n')}] AS _single
     FROM imp_parsed AS s ${pieces.flatMap(([, p]) => p.joins).join('\n')}`,
    `CREATE OR REPLACE TEMP TABLE imp_checked AS
     SELECT *, coalesce(list_bool_or([p.lvl = 'error' FOR p IN problems]), false) AS _error FROM (
       SELECT * EXCLUDE (_single), list_filter(_single || [${cross.join(',\n')}], p -> p IS NOT NULL) AS problems
       FROM imp_typed)`,
  ];
  return { statements, columns: spec.columns.map((c) => c.name) };
}

/** The lookup tables for references by id or name: `imp_ref_partner`, `imp_ref_program`. */
export function referenceSql(): string[] {
  return Object.entries(REFERENCE_TABLE).map(
    ([column, table]) =>
      `CREATE OR REPLACE TEMP TABLE ${ident(`imp_ref_${column}`)} AS
       SELECT key, min(id) AS id FROM (
         SELECT id, imp_key(id) AS key FROM ${ident(table)}
         UNION ALL SELECT id, imp_key(name_zh) FROM ${ident(table)}
         UNION ALL SELECT id, imp_key(name_en) FROM ${ident(table)}
       ) WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT id) = 1`,
  );
}

export function referenceColumns(spec: TableSpec): string[] {
  return spec.columns.filter((c) => kindOf(spec, c) === 'reference').map((c) => c.name);
}

export function countryColumn(spec: TableSpec): boolean {
  return spec.columns.some((c) => c.name === 'country');
}

export { sqlType };
