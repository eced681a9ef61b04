import { whereFacts, type Filters, type SelectionKey } from '../filters';
import type { BuiltQuery } from '../sql';

/** The column of `facts` each selection filters (as whereFacts filters it). */
const SELECTION_COLUMNS: Readonly<Record<string, string>> = {
  country: 'country',
  program: 'program',
  category: 'participant_category',
  partner: 'partner',
};

/** The columns whereFacts(filters, except) filters on, for a whereFacts that does not say. */
function filterColumns(filters: Filters, except?: SelectionKey): string[] {
  const columns = ['year'];
  if (filters.direction !== 'all') columns.push('direction');
  if (filters.region !== 'all') columns.push('region_type');
  for (const [key, column] of Object.entries(SELECTION_COLUMNS)) {
    if ((filters as unknown as Record<string, unknown>)[key] != null && key !== except) columns.push(column);
  }
  return columns;
}

/** The WHERE clause of whereFacts and the columns of `facts` it reads. */
export function factsWhere(
  filters: Filters,
  except?: SelectionKey,
): { sql: string; params: BuiltQuery['params']; columns: readonly string[] } {
  // whereFacts says which columns it filters on (src/data/filters.ts); this reckons them when it does not.
  const w: { sql: string; params: BuiltQuery['params']; columns?: readonly string[] } = whereFacts(filters, except);
  return { sql: w.sql, params: w.params, columns: w.columns ?? filterColumns(filters, except) };
}
