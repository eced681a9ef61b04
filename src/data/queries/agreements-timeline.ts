import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';

export interface AgreementSpanRow {
  id: string;
  partner: string;
  name_zh: string;
  name_en: string;
  country: string;
  agreement_type: string;
  /** ISO dates; `end` null when open-ended. */
  signed: string;
  end: string | null;
  status: string;
}

/**
 * Agreements in force at some time in the year range, active or expired, in
 * the scope, country and partner selected (direction, program and category do
 * not apply to agreements).
 */
export function agreementsTimelineQuery(filters: Filters): BuiltQuery {
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
    sql: `SELECT a.id, a.partner, p.name_zh, p.name_en, p.country, a.agreement_type,
  strftime(a.signed_date, '%Y-%m-%d') AS signed, strftime(a.end_date, '%Y-%m-%d') AS "end",
  coalesce(a.status, 'active') AS status
FROM agreements AS a
JOIN (SELECT id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en, any_value(country) AS country
      FROM partners GROUP BY id) AS p ON p.id = a.partner
JOIN countries AS c ON c.iso2 = p.country
WHERE year(a.signed_date) <= ?
  AND (a.end_date IS NULL OR year(a.end_date) >= ?)
  ${extra.join('\n  ')}
ORDER BY a.signed_date, a.id`,
    params,
  };
}
