// Expectations computed from the CSV text in plain TypeScript, independently of the app's SQL.
import { csvParse } from 'd3';
import type { Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { readDataFile } from './node-engine';

export const csv = (name: string) => csvParse(readDataFile(name));

/** A `YYYY-MM` date stands for the first of the month. */
const day = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s) / 86_400_000;

export interface Trip {
  year: number;
  direction: string;
  headcount: number;
  country: string;
  partner: string;
  region: string;
  program: string;
  category: string;
  activity: string;
  days: number | null;
  provisional: boolean;
}

export const trips: Trip[] = csv('exchanges.csv').map((r) => ({
  year: Number(r.start_date!.slice(0, 4)),
  direction: r.direction!,
  headcount: Number(r.headcount),
  country: r.country!,
  partner: r.partner ?? '',
  region: countryByIso2(r.country!)!.regionType,
  program: r.program ?? '',
  category: r.participant_category!,
  activity: r.activity_type!,
  days: r.end_date ? day(r.end_date) - day(r.start_date!) + 1 : null,
  provisional: r.status === 'provisional',
}));

type Key = 'country' | 'program' | 'category' | 'partner';

/** The trips the filters select; `except` leaves one selection out, as a chart does for its own. */
export function matching(f: Filters, except?: Key, ignoreDirection = false): Trip[] {
  return trips.filter(
    (t) =>
      t.year >= f.yearFrom &&
      t.year <= f.yearTo &&
      (ignoreDirection || f.direction === 'all' || t.direction === f.direction) &&
      (f.region === 'all' || t.region === f.region) &&
      (except === 'country' || f.country === null || t.country === f.country) &&
      (except === 'program' || f.program === null || t.program === f.program) &&
      (except === 'category' || f.category === null || t.category === f.category) &&
      (except === 'partner' || f.partner === null || t.partner === f.partner),
  );
}

/** Sums person-trips by a key made from each trip; trips whose key is null are left out. */
export function sumBy(ts: Trip[], key: (t: Trip) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of ts) {
    const k = key(t);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + t.headcount);
  }
  return out;
}

export const sum = (ts: Trip[]) => ts.reduce((s, t) => s + t.headcount, 0);
