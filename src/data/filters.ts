import {
  CHOICE_KEYS,
  FILTER_DEFS,
  SELECTION_KEYS,
  choiceDef,
  selectionDef,
  type Filters,
  type SelectionKey,
} from '../domain/filters';
import type { BuiltQuery } from './sql';

// The filters are defined once, in src/domain/filters.ts; these re-exports keep older imports working.
export { defaultFilters, SELECTION_KEYS, type Filters, type SelectionKey } from '../domain/filters';

/** A WHERE clause over `facts`, its bound values and the columns of `facts` it reads. */
export interface WhereFacts {
  sql: string;
  params: BuiltQuery['params'];
  columns: readonly string[];
}

/**
 * The WHERE clause over `facts` for these filters, built from the filter definitions: the span
 * of years always, then each choice not 'all' and each selection set. `except` leaves one
 * selection out, so a chart that sets it still shows the alternatives.
 */
export function whereFacts(filters: Filters, except?: SelectionKey): WhereFacts {
  const years = FILTER_DEFS.years.column;
  const parts = [`${years} BETWEEN ? AND ?`];
  const params: BuiltQuery['params'] = [filters.yearFrom, filters.yearTo];
  const columns: string[] = [years];
  const add = (column: string, value: string) => {
    parts.push(`${column} = ?`);
    params.push(value);
    columns.push(column);
  };
  for (const key of CHOICE_KEYS) {
    const value = filters[key];
    if (value !== 'all') add(choiceDef(key).column, value);
  }
  for (const key of SELECTION_KEYS) {
    const value = filters[key];
    if (value !== null && key !== except) add(selectionDef(key).column, value);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params, columns };
}
