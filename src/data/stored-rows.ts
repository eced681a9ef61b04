/**
 * The rows an import loaded, as this browser keeps them: a CSV of the table's own columns in their
 * canonical form (codes, ISO dates, numbers as the table holds them), nothing of the file's other
 * columns. A reload inserts them back, so the tables are the same without reading the file again.
 */
import type { TableSpec } from '../domain/columns';
import type { Engine } from './engine';
import { TABLES } from './schema';
import { ident, literal } from './sql';
import { sqlType } from './validate-sql';

const RESTORE_FILE = 'import/restore.csv';

/** Every table empty, with its declared columns: the sample is gone once anything is imported. */
export async function clearTables(engine: Engine): Promise<void> {
  for (const spec of TABLES) {
    const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlType(c)}`).join(', ');
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(spec.table)} (${columns})`);
  }
}

/**
 * The rows of `from` (a table or temp table with `spec`'s columns) as CSV, in their order: a
 * header of the column names, every value quoted, NULL as an empty unquoted cell, lines ended by LF.
 */
export async function rowsCsv(engine: Engine, spec: TableSpec, from: string): Promise<string> {
  const cells = spec.columns.map((c) => {
    const v = `CAST(${ident(c.name)} AS VARCHAR)`;
    return `CASE WHEN ${ident(c.name)} IS NULL THEN '' ELSE '"' || replace(${v}, '"', '""') || '"' END`;
  });
  const [row] = await engine.query(
    `SELECT coalesce(string_agg(concat_ws(',', ${cells.join(', ')}), chr(10) ORDER BY rowid), '') AS csv FROM ${ident(from)}`,
  );
  const body = String(row?.csv ?? '');
  return `${spec.columns.map((c) => c.name).join(',')}\n${body}${body ? '\n' : ''}`;
}

export interface RestoredFile {
  table: string;
  csv: string;
}

/** The header of a stored CSV: column names never need quotes (they are the table's own). */
function headerOf(csv: string): string[] {
  const end = csv.indexOf('\n');
  return (end < 0 ? csv : csv.slice(0, end)).split(',');
}

/**
 * Empties every table, then inserts each stored file's rows into its table, in order, in one
 * transaction: a file that no longer fits leaves the tables as they were. A column the stored
 * rows lack (added to the table since) is left empty; one the table no longer has is ignored.
 */
export async function restoreTables(engine: Engine, files: readonly RestoredFile[]): Promise<number> {
  let rows = 0;
  await engine.exec('BEGIN TRANSACTION');
  try {
    await clearTables(engine);
    for (const file of files) {
      const spec = TABLES.find((t) => t.table === file.table);
      if (!spec) throw new Error(`stored rows for an unknown table: ${file.table}`);
      const present = new Set(headerOf(file.csv));
      const columns = spec.columns.map((c) =>
        present.has(c.name) ? `CAST(${ident(c.name)} AS ${sqlType(c)})` : `NULL::${sqlType(c)}`,
      );
      await engine.registerText(RESTORE_FILE, file.csv);
      const [before] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${ident(spec.table)}`);
      await engine.exec(
        `INSERT INTO ${ident(spec.table)} SELECT ${columns.join(', ')}
         FROM read_csv(${literal(RESTORE_FILE)}, header = true, all_varchar = true, delim = ',', quote = '"',
           escape = '"', allow_quoted_nulls = false, max_line_size = 8388608)`,
      );
      const [after] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${ident(spec.table)}`);
      rows += Number(after?.n ?? 0) - Number(before?.n ?? 0);
    }
    await engine.exec('COMMIT');
  } catch (error) {
    await engine.exec('ROLLBACK');
    throw error;
  } finally {
    await engine.registerText(RESTORE_FILE, '');
  }
  return rows;
}
