import type { Direction, RegionType } from './schema';
import type { BuiltQuery } from './sql';

/**
 * What every view is filtered by: the filter bar's values plus the selections
 * made by clicking a chart (null when not set). Queries bind every value.
 */
export interface Filters {
  yearFrom: number;
  yearTo: number;
  direction: Direction | 'all';
  /** 国外, 港澳台, or 国（境）外 (both). */
  region: RegionType | 'all';
  /** ISO alpha-2 code. */
  country: string | null;
  program: string | null;
  category: string | null;
  partner: string | null;
}

export const SELECTION_KEYS = ['country', 'program', 'category', 'partner'] as const;
export type SelectionKey = (typeof SELECTION_KEYS)[number];

/** The column of `facts` each selection filters. */
const SELECTION_COLUMNS: Record<SelectionKey, string> = {
  country: 'country',
  program: 'program',
  category: 'participant_category',
  partner: 'partner',
};

export function defaultFilters(yearFrom: number, yearTo: number): Filters {
  return { yearFrom, yearTo, direction: 'all', region: 'all', country: null, program: null, category: null, partner: null };
}

/**
 * The WHERE clause over `facts` for these filters. `except` leaves one
 * selection out, so a chart that sets it still shows the alternatives.
 */
export function whereFacts(filters: Filters, except?: SelectionKey): BuiltQuery {
  const parts = ['year BETWEEN ? AND ?'];
  const params: BuiltQuery['params'] = [filters.yearFrom, filters.yearTo];
  if (filters.direction !== 'all') {
    parts.push('direction = ?');
    params.push(filters.direction);
  }
  if (filters.region !== 'all') {
    parts.push('region_type = ?');
    params.push(filters.region);
  }
  for (const key of SELECTION_KEYS) {
    const value = filters[key];
    if (value === null || key === except) continue;
    parts.push(`${SELECTION_COLUMNS[key]} = ?`);
    params.push(value);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}
