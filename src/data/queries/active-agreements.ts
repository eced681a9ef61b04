import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';

/**
 * Agreements in force at some time in the year range: marked active, signed by
 * its end, not expired before its start, in the scope, country and partner
 * selected. Direction, program and category do not apply to agreements.
 */
export function activeAgreementsQuery(filters: Filters): BuiltQuery {
  const params: BuiltQuery['params'] = [filters.yearTo, filters.yearFrom];
  const extra: string[] = [];
  if (filters.region !== 'all') {
    extra.push('AND c.region_type = ?');
    params.push(filters.region);
  }
  if (filters.country !== null) {
    extra.push('AND p.country = ?');
    params.push(filters.country);
  }
  if (filters.partner !== null) {
    extra.push('AND a.partner = ?');
    params.push(filters.partner);
  }
  return {
    sql: `SELECT count(*)::INTEGER AS agreements
FROM agreements AS a
JOIN partners AS p ON p.id = a.partner
JOIN countries AS c ON c.iso2 = p.country
WHERE coalesce(a.status, 'active') = 'active'
  AND year(a.signed_date) <= ?
  AND (a.end_date IS NULL OR year(a.end_date) >= ?)
  ${extra.join('\n  ')}`,
    params,
  };
}
