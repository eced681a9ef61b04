/**
 * The SQL macros the importer converts and checks cell text with, and the alias table for coded
 * values. Cells stay text until these turn them into values; a cell they cannot read gives NULL
 * and a problem code, never a silent NULL.
 */
import { aliasesCsv } from '../import/aliases';
import { EMPTY_TOKENS } from '../import/tokens';
import type { Engine } from './engine';
import { literal } from './sql';
import { USER_MAP_TABLE } from './user-mappings';

const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000';
const ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('') + ' ';

export { EMPTY_TOKENS } from '../import/tokens';

/** Cell text without the spaces around it. NBSP, U+3000 and BOM around a cell went at staging (JS trim knows them). */
export const trimmed = (raw: string) => `nullif(trim(${raw}), '')`;
// list_contains, not IN: DuckDB plans an IN list per column slowly (0.5 s for a 14-column file).
export const isToken = (text: string) => `coalesce(list_contains([${EMPTY_TOKENS.map(literal).join(', ')}], lower(${text})), false)`;
export const ascii = (text: string) => `translate(${text}, ${literal(FULL_WIDTH)}, ${literal(ASCII)})`;
/** Thousands separators, spaces and a trailing unit go; what is left must be a number. */
export const numberText = (text: string) =>
  `regexp_replace(regexp_replace(${ascii(text)}, '[\\s\u00a0,'']', '', 'g'), '(人次|人|名|位)$', '')`;
export const toDouble = (numText: string) =>
  `CASE WHEN regexp_full_match(${numText}, '[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?') THEN TRY_CAST(${numText} AS DOUBLE) END`;
export const toWhole = (d: string) => `CASE WHEN ${d} = floor(${d}) AND abs(${d}) < 2147483647 THEN ${d}::INTEGER END`;
export const dateParts = (a: string) => ({
  ymd: `regexp_extract(${a}, '^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$', ['y', 'm', 'd'])`,
  ym: `regexp_extract(${a}, '^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?$', ['y', 'm'])`,
  dmy: `regexp_extract(${a}, '^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})$', ['a', 'b', 'y'])`,
  serial: `CASE WHEN regexp_full_match(${a}, '\\d{5}(\\.\\d+)?') AND TRY_CAST(${a} AS DOUBLE) BETWEEN 20000 AND 73000 THEN TRY_CAST(${a} AS DOUBLE) END`,
});
/** A date from the parts above; 01/02/2017 (either day or month first) stays NULL. */
export const dateOf = (ymd: string, ym: string, dmy: string, serial: string) => `CASE
     WHEN ${ymd}.y <> '' THEN imp_make(${ymd}.y, ${ymd}.m, ${ymd}.d)
     WHEN ${ym}.y <> '' THEN imp_make(${ym}.y, ${ym}.m, 1)
     WHEN ${dmy}.a <> '' THEN imp_dmy_date(${dmy})
     WHEN ${serial} IS NOT NULL THEN (DATE '1899-12-30' + floor(${serial})::INTEGER)::DATE
   END`;
export const dateIssue = (cell: string, date: string, dmy: string, serial: string) => `CASE
     WHEN ${cell} IS NULL THEN NULL
     WHEN ${date} IS NOT NULL THEN CASE WHEN ${serial} IS NOT NULL THEN 'excel-serial' END
     WHEN ${dmy}.a <> '' AND imp_make(${dmy}.y, ${dmy}.a, ${dmy}.b) IS NOT NULL THEN 'ambiguous-date'
     ELSE 'bad-date'
   END`;

const MACROS = [
  `imp_key(s) AS lower(regexp_replace(${ascii('s')}, '[\\s\u00a0,.\\-_''’()（）·&/]+', '', 'g'))`,
  `imp_make(y, m, d) AS try(make_date(TRY_CAST(y AS INTEGER), TRY_CAST(m AS INTEGER), TRY_CAST(d AS INTEGER)))`,
  // Only a part over 12 (or equal parts) tells day from month.
  `imp_dmy_date(p) AS CASE
     WHEN p.a::INTEGER > 12 THEN imp_make(p.y, p.b, p.a)
     WHEN p.b::INTEGER > 12 OR p.a::INTEGER = p.b::INTEGER THEN imp_make(p.y, p.a, p.b)
   END`,
];

let prepared = new WeakSet<Engine>();

/** Creates the macros and the alias table once per engine. */
export async function prepareValidation(engine: Engine): Promise<void> {
  if (prepared.has(engine)) return;
  for (const macro of MACROS) await engine.exec(`CREATE OR REPLACE TEMP MACRO ${macro}`);
  await engine.registerText('import/aliases.csv', aliasesCsv());
  // An alias that names two codes of one kind matches neither.
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE imp_aliases AS
     SELECT kind, imp_key(alias) AS key, min(code) AS code
     FROM read_csv('import/aliases.csv', header = true, all_varchar = true, quote = '"', escape = '"')
     GROUP BY ALL HAVING count(DISTINCT code) = 1`,
  );
  // The user's mappings: none until an import sets those its file carries (user-mappings.ts).
  await engine.exec(USER_MAP_TABLE);
  prepared.add(engine);
}

/** For tests that open a fresh engine under the same object. */
export function forgetPrepared(): void {
  prepared = new WeakSet<Engine>();
}
