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

/** A query ready to run: SQL with `?` placeholders and the values to bind. */
export interface BuiltQuery {
  sql: string;
  params: (string | number | boolean | null)[];
}
