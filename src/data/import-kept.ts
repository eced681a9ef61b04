/**
 * When a file's own text can be kept as the rows the table holds (stored-rows.ts), so that no copy
 * of them is written out of the engine: the file is read as written (stageDirect), its header is
 * exactly some of the table's columns, comma-separated, on its first line, its lines end in LF,
 * every row was loaded, and every value it holds is written as the table's value is (a code, an
 * ISO date, a number as DuckDB writes it), which the small per-value tables of the check tell.
 */
import type { TableSpec } from '../domain/columns';
import type { Staged } from '../import/stage';
import type { Engine } from './engine';
import { ident } from './sql';
import { sqlType, validationSql } from './validate-sql';

/** The file's text to keep as its loaded rows, or null when they must be written out (rowsCsv). */
export async function ownRowsText(
  engine: Engine,
  spec: TableSpec,
  staged: Pick<Staged, 'direct' | 'targets' | 'rowsIn'>,
  text: string,
  loaded: number,
): Promise<string | null> {
  const direct = staged.direct;
  if (!direct || direct.delimiter !== ',' || loaded !== staged.rowsIn || loaded !== direct.rows) return null;
  const columns = new Map(spec.columns.map((c) => [c.name, c]));
  if (new Set(staged.targets).size !== staged.targets.length || staged.targets.length !== direct.width) return null;
  if (!staged.targets.every((t) => columns.has(t))) return null;
  const header = `${staged.targets.join(',')}\n`;
  if (!text.startsWith(header) || text.length - direct.text.length !== header.length || text.includes('\r')) return null;
  // A column without a per-value table keeps its text as written: only a text column is its own value.
  const maps = new Set(validationSql(spec, staged.targets, 0).mapped);
  const checks: string[] = [];
  for (const target of staged.targets) {
    const column = columns.get(target)!;
    const map = `imp_map_${target}`;
    if (!maps.has(target)) {
      if (sqlType(column) !== 'VARCHAR') return null;
      continue;
    }
    checks.push(`SELECT count(*) AS n FROM ${ident(map)} WHERE CAST(CAST(val AS ${sqlType(column)}) AS VARCHAR) IS DISTINCT FROM v`);
  }
  if (checks.length) {
    const [row] = await engine.query(`SELECT sum(n)::INTEGER AS n FROM (${checks.join(' UNION ALL ')})`);
    if (Number(row?.n ?? 0) !== 0) return null;
  }
  return text;
}
