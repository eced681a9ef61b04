import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';
import { PARTNER_NAMES } from './names';

/**
 * The agreements of the filters, for queries over `agreements AS a` joined by
 * AGREEMENT_JOINS: in force at some time in the year range (signed_date..end_date
 * overlaps it; no end_date: open-ended), whatever their status today, in the
 * scope, country and partner selected. Direction, program and category do not apply.
 */
export function whereAgreements(filters: Filters): BuiltQuery {
  const parts = ['year(a.signed_date) <= ?', '(a.end_date IS NULL OR year(a.end_date) >= ?)'];
  const params: BuiltQuery['params'] = [filters.yearTo, filters.yearFrom];
  if (filters.region !== 'all') {
    parts.push('c.region_type = ?');
    params.push(filters.region);
  }
  if (filters.country !== null) {
    parts.push('p.country = ?');
    params.push(filters.country);
  }
  if (filters.partner !== null) {
    parts.push('a.partner = ?');
    params.push(filters.partner);
  }
  return { sql: `WHERE ${parts.join('\n  AND ')}`, params };
}

/** Partners one row per id (an appended import may repeat one: ./names.ts), and their country. */
export const AGREEMENT_JOINS = `JOIN ${PARTNER_NAMES} AS p ON p.id = a.partner
JOIN countries AS c ON c.iso2 = p.country`;
