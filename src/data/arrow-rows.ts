import type { Row } from './engine';

interface ArrowField {
  name: string;
}
interface ArrowLike {
  schema: { fields: ArrowField[] };
  numRows: number;
  getChildAt(index: number): { get(row: number): unknown } | null;
}

/**
 * Arrow results as plain rows: BIGINT becomes number, DATE an ISO date string.
 * Queries cast aggregates to INTEGER or DOUBLE; a HUGEINT or DECIMAL column is
 * refused, because Arrow hands it over as raw words rather than a number.
 */
export function arrowToRows(table: ArrowLike): Row[] {
  const columns = table.schema.fields.map((field, i) => ({ name: field.name, vector: table.getChildAt(i) }));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (const { name, vector } of columns) row[name] = plain(vector?.get(r) ?? null, name);
    rows[r] = row;
  }
  return rows;
}

function plain(value: unknown, name: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (ArrayBuffer.isView(value)) throw new TypeError(`column ${name}: cast HUGEINT/DECIMAL results to INTEGER or DOUBLE`);
  return value;
}
