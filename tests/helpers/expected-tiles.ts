// The five KPI tiles computed from the CSV files in plain TypeScript, independently of the app's SQL.
import type { Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { csv, matching, sum } from './expected';

const agreements = csv('agreements.csv');
const countryOf = new Map(csv('partners.csv').map((p) => [p.id!, p.country!]));
const time = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s);

/** Agreements in force at some time in the years: signed_date..end_date overlaps them, whatever the status. */
export function agreementsInForce(f: Filters): string[] {
  const from = Date.UTC(f.yearFrom, 0, 1);
  const to = Date.UTC(f.yearTo, 11, 31);
  return agreements
    .filter((a) => {
      const country = countryOf.get(a.partner!) ?? '';
      return (
        time(a.signed_date!) <= to &&
        (!a.end_date || time(a.end_date) >= from) &&
        (f.region === 'all' || countryByIso2(country)?.regionType === f.region) &&
        (f.country === null || country === f.country) &&
        (f.partner === null || a.partner === f.partner)
      );
    })
    .map((a) => a.id!)
    .sort();
}

export interface Tiles {
  outbound: number;
  inbound: number;
  countries: number;
  partners: number;
  agreements: number;
}

export function expectedTiles(f: Filters): Tiles {
  const ts = matching(f);
  return {
    outbound: sum(ts.filter((t) => t.direction === 'outbound')),
    inbound: sum(ts.filter((t) => t.direction === 'inbound')),
    countries: new Set(ts.map((t) => t.country)).size,
    partners: new Set(ts.map((t) => t.partner).filter(Boolean)).size,
    agreements: agreementsInForce(f).length,
  };
}
