import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';
import { AGREEMENT_JOINS, whereAgreements } from './agreements-scope';

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
export function agreementsTimelineQuery(filters: Filters): BuiltQuery<AgreementSpanRow> {
  const w = whereAgreements(filters);
  return {
    sql: `SELECT a.id, a.partner, p.name_zh, p.name_en, p.country, a.agreement_type,
  strftime(a.signed_date, '%Y-%m-%d') AS signed, strftime(a.end_date, '%Y-%m-%d') AS "end",
  coalesce(a.status, 'active') AS status
FROM agreements AS a
${AGREEMENT_JOINS}
${w.sql}
ORDER BY a.signed_date, a.id`,
    params: w.params,
    columns: [],
  };
}
