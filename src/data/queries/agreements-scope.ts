import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';
import { AGREEMENT_PARTNERS } from './names';

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
    parts.push('p.region_type = ?');
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

/**
 * Partners one row per id (an appended import may repeat one) whose country is listed, with their
 * country and its region type (./names.ts): one join instead of grouping partners and joining countries.
 */
export const AGREEMENT_JOINS = `JOIN ${AGREEMENT_PARTNERS} AS p ON p.id = a.partner`;
