import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';
import { AGREEMENT_JOINS, whereAgreements } from './agreements-scope';

/** Agreements marked active and in force at some time in the years, in the scope selected. */
export function activeAgreementsQuery(filters: Filters): BuiltQuery {
  const w = whereAgreements(filters);
  return {
    sql: `SELECT count(*)::INTEGER AS agreements
FROM agreements AS a
${AGREEMENT_JOINS}
${w.sql}
  AND coalesce(a.status, 'active') = 'active'`,
    params: w.params,
  };
}
