// A profile's figures computed from the CSV text in plain TypeScript, independently of the app's SQL.
import { agreements, partnerById, trips, type Agreement } from './expected';

export type ProfileKind = 'partner' | 'country';

/** The subject's agreements: a partner's own, or those of every partner in the country; by signing date. */
export function profileAgreements(kind: ProfileKind, id: string): Agreement[] {
  return agreements
    .filter((a) => (kind === 'partner' ? a.partner === id : partnerById.get(a.partner)?.country === id))
    .sort((a, b) => a.signed.localeCompare(b.signed) || a.id.localeCompare(b.id));
}

/** Person-trips by year and direction over every year, exact (the page shows internal figures). */
export function profileFlows(kind: ProfileKind, id: string): { year: number; outbound: number; inbound: number }[] {
  const byYear = new Map<number, { outbound: number; inbound: number }>();
  for (const t of trips) {
    if ((kind === 'partner' ? t.partner : t.country) !== id) continue;
    const y = byYear.get(t.year) ?? { outbound: 0, inbound: 0 };
    y[t.direction as 'outbound' | 'inbound'] += t.headcount;
    byYear.set(t.year, y);
  }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, s]) => ({ year, ...s }));
}
