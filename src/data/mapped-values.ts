/**
 * Which of a checked file's coded values were written in the office's own words, and the code each
 * was read as (培训进修 → training), with its row count: the report lists them, so a mapping is never
 * silent, and whether the word is built in or the user's own mapping (海外研学 → short_program, yours).
 * Reads the per-value maps the check left (imp_map_<column>) and the cleaned cells.
 */
import { valueSetOf, type TableSpec } from '../domain/columns';
import { maskCell } from '../import/mask';
import type { FileReport } from '../import/report';
import type { Engine } from './engine';
import { ident, literal } from './sql';

/** At most this many (column, value) pairs are listed per file. */
export const MAX_MAPPED_SHOWN = 200;

export async function mappedValues(
  engine: Engine,
  spec: TableSpec,
  present: readonly string[],
  headerOf: (column: string) => string,
): Promise<FileReport['mapped']> {
  const parts = spec.columns
    .filter((c) => c.values && present.includes(c.name))
    .map((c) => {
      const cell = ident(`c_${c.name}`);
      // A built-in word is read before a user mapping (validate-sql.ts): no built-in reading, the user's.
      return `SELECT ${literal(c.name)} AS col, m.v AS value, m.val AS code,
          CASE WHEN a.code IS NULL THEN 'user' ELSE 'builtin' END AS via, count(*)::INTEGER AS n
        FROM imp_clean AS s JOIN ${ident(`imp_map_${c.name}`)} AS m ON m.v = s.${cell}
        LEFT JOIN imp_aliases AS a ON a.kind = ${literal(valueSetOf(c))} AND a.key = imp_key(m.v)
        WHERE m.val IS NOT NULL AND m.v <> m.val GROUP BY ALL`;
    });
  if (!parts.length) return [];
  const rows = await engine.query(
    `${parts.join(' UNION ALL ')} ORDER BY col, n DESC, value LIMIT ${MAX_MAPPED_SHOWN}`,
  );
  return rows.map((r) => ({
    column: headerOf(String(r.col)),
    value: maskCell(String(r.value)),
    code: String(r.code),
    via: r.via === 'user' ? 'user' : 'builtin',
    rows: Number(r.n ?? 0),
  }));
}
