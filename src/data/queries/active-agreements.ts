import type { Filters } from '../filters';
import type { BuiltQuery } from '../sql';
import { AGREEMENT_JOINS, whereAgreements } from './agreements-scope';

/**
 * 有效合作协议: the agreements in force at some time in the years, in the scope selected: the
 * same agreements the agreements timeline draws. Today's status does not enter: an agreement
 * expired now was in force in the years its span covers (docs/data-format.md).
 */
export function activeAgreementsQuery(filters: Filters): BuiltQuery<{ agreements: number }> {
  const w = whereAgreements(filters);
  return {
    sql: `SELECT count(*)::INTEGER AS agreements
FROM agreements AS a
${AGREEMENT_JOINS}
${w.sql}`,
    params: w.params,
    columns: [],
  };
}
