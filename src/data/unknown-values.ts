/**
 * What the preview lists for the user to map (issue 16 §2): per coded column of a planned file,
 * every value the importer would not read as a code (neither the code nor a built-in word), with
 * the rows that hold it. The rows are staged exactly as an import stages them (stageRows: title,
 * blank and 合计 rows left out, cells trimmed), and each value is matched in DuckDB with the
 * import's own normalisation and alias table, so the list is what the import would refuse.
 */
import { valueSetOf } from '../domain/columns';
import { maskCell } from '../import/mask';
import { stageRows } from '../import/stage';
import type { Planned } from '../import/structure';
import { MAX_UNKNOWN_LISTED, type UnknownValues } from '../import/value-mapping';
import type { Engine } from './engine';
import { TABLES } from './schema';
import { ident, literal } from './sql';
import { isToken, prepareValidation, trimmed } from './validate-macros';

const VALUES_FILE = 'import/values.csv';

type Ok = Extract<Planned, { ok: true }>;

/** The unknown values of each coded column the file maps, or null when the file is too large to list them. */
export async function unknownValues(engine: Engine, plan: Ok): Promise<UnknownValues[] | null> {
  const spec = TABLES.find((t) => t.table === plan.structure.table);
  const mapped = new Map(plan.structure.columns.filter((c) => c.target !== null).map((c) => [c.target!, c.header]));
  const columns = (spec?.columns ?? []).filter((c) => c.values && mapped.has(c.name));
  if (!columns.length) return [];
  let csv: string;
  try {
    csv = stageRows(plan).csv;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  await prepareValidation(engine);
  await engine.registerText(VALUES_FILE, csv);
  try {
    const counts = columns.map(
      (c) => `SELECT ${literal(c.name)} AS col, ${literal(valueSetOf(c))} AS kind, ${trimmed(ident(c.name))} AS v,
        count(*)::INTEGER AS n FROM src GROUP BY ALL`,
    );
    const rows = await engine.query(
      `WITH src AS (SELECT ${columns.map((c) => ident(c.name)).join(', ')}
          FROM read_csv('${VALUES_FILE}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
            max_line_size = 8388608)),
        unknown AS (SELECT col, v, n FROM (${counts.join(' UNION ALL ')}) AS c
          LEFT JOIN imp_aliases AS a ON a.kind = c.kind AND a.key = imp_key(c.v)
          WHERE c.v IS NOT NULL AND NOT ${isToken('c.v')} AND a.code IS NULL)
       SELECT * FROM (SELECT col, v, n, row_number() OVER (PARTITION BY col ORDER BY n DESC, v) AS r,
           count(*) OVER (PARTITION BY col)::INTEGER AS distinct_n, sum(n) OVER (PARTITION BY col)::BIGINT AS rows_n
         FROM unknown) WHERE r <= ${MAX_UNKNOWN_LISTED} ORDER BY col, r`,
    );
    return columns.flatMap((c) => {
      const mine = rows.filter((r) => r.col === c.name);
      if (!mine.length) return [];
      const values = mine.map((r) => {
        const value = String(r.v);
        const shown = maskCell(value);
        return { value: shown, rows: Number(r.n), mappable: shown === value };
      });
      const listed = values.reduce((s, v) => s + v.rows, 0);
      return [
        {
          target: c.name,
          column: valueSetOf(c),
          header: mapped.get(c.name) ?? c.name,
          values,
          more: Number(mine[0]!.distinct_n) - values.length,
          moreRows: Number(mine[0]!.rows_n) - listed,
        },
      ];
    });
  } finally {
    await engine.registerText(VALUES_FILE, '');
  }
}
