// Expectations computed from the CSV text in plain TypeScript, independently of the app's SQL.
import { csvParse } from 'd3';
import {
  CHOICE_KEYS,
  SELECTION_KEYS,
  choiceDef,
  selectionDef,
  type Filters,
  type SelectionKey,
} from '../../src/domain/filters';
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
  /** The continent of the country (Taiwan, Hong Kong and Macao: Asia). */
  continent: string;
  /** The country groups it belongs to (asean, ceec). */
  groups: readonly string[];
  /** The duration band: d1_7, d8_30, d31_90, d91_180, d181_plus, or 'unknown' without an end date. */
  band: string;
  funding: string;
  department: string;
  /**
   * The value of each column of `facts` by its name, as read here from the CSV: the file's own
   * column of that name, or (year, region_type) derived above. The filter definitions name the
   * column each filter reads (src/domain/filters.ts); the oracle looks it up here.
   */
  fields: Readonly<Record<string, string | undefined>>;
}

/** The band of a stay of `days` days (both ends counted). */
export function durationBand(days: number | null): string {
  if (days === null) return 'unknown';
  if (days <= 7) return 'd1_7';
  if (days <= 30) return 'd8_30';
  if (days <= 90) return 'd31_90';
  if (days <= 180) return 'd91_180';
  return 'd181_plus';
}

export const trips: Trip[] = csv('exchanges.csv').map((r) => {
  const country = countryByIso2(r.country!)!;
  const days = r.end_date ? day(r.end_date) - day(r.start_date!) + 1 : null;
  return {
    year: Number(r.start_date!.slice(0, 4)),
    direction: r.direction!,
    headcount: Number(r.headcount),
    country: r.country!,
    partner: r.partner ?? '',
    region: country.regionType,
    program: r.program ?? '',
    category: r.participant_category!,
    activity: r.activity_type!,
    days,
    provisional: r.status === 'provisional',
    continent: country.continent,
    groups: country.groups,
    band: durationBand(days),
    funding: r.funding ?? '',
    department: r.department ?? '',
    fields: { ...r, year: r.start_date!.slice(0, 4), region_type: country.regionType },
  };
});

/**
 * Whether a trip passes the filters, each filter of the definitions compared with the trip's own
 * value of the column it names; `except` leaves one selection out, as a chart does for its own.
 */
export function passes(t: Trip, f: Filters, except?: SelectionKey, ignoreDirection = false): boolean {
  if (t.year < f.yearFrom || t.year > f.yearTo) return false;
  for (const key of CHOICE_KEYS) {
    if (key === 'direction' && ignoreDirection) continue;
    const value = f[key];
    if (value !== 'all' && t.fields[choiceDef(key).column] !== value) return false;
  }
  for (const key of SELECTION_KEYS) {
    const value = f[key];
    if (key !== except && value !== null && t.fields[selectionDef(key).column] !== value) return false;
  }
  return true;
}

/** The trips the filters select; `except` leaves one selection out, as a chart does for its own. */
export function matching(f: Filters, except?: SelectionKey, ignoreDirection = false): Trip[] {
  return trips.filter((t) => passes(t, f, except, ignoreDirection));
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

// ---- Reference files -------------------------------------------------------------------------

export interface Named2 {
  id: string;
  name_zh: string;
  name_en: string;
}
export interface Partner extends Named2 {
  country: string;
  city_zh: string;
  city_en: string;
  lat: number | null;
  lon: number | null;
}
export interface Agreement {
  id: string;
  partner: string;
  type: string;
  signed: string;
  end: string | null;
  status: string;
}
export interface EventRecord extends Named2 {
  kind: string;
  city: string;
  country: string;
  start: string;
  /** The end date, or the start for a one-day event. */
  end: string;
  role: string;
  delegates: number | null;
}

const optional = (name: string) => {
  try {
    return csv(name);
  } catch {
    return [];
  }
};
/** A date as the app keeps it: `YYYY-MM` stands for the first of the month. */
const iso = (s: string) => (s.length === 7 ? `${s}-01` : s);
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

export const programs: Named2[] = optional('programs.csv').map((r) => ({
  id: r.id!,
  name_zh: r.name_zh!,
  name_en: r.name_en!,
}));
export const partners: Partner[] = optional('partners.csv').map((r) => ({
  id: r.id!,
  name_zh: r.name_zh!,
  name_en: r.name_en!,
  country: r.country!,
  city_zh: r.city_zh ?? '',
  city_en: r.city_en ?? '',
  lat: num(r.latitude),
  lon: num(r.longitude),
}));
export const agreements: Agreement[] = optional('agreements.csv').map((r) => ({
  id: r.id!,
  partner: r.partner!,
  type: r.agreement_type!,
  signed: iso(r.signed_date!),
  end: r.end_date ? iso(r.end_date) : null,
  status: r.status ? r.status : 'active',
}));
export const events: EventRecord[] = optional('events.csv').map((r) => ({
  id: r.id!,
  kind: r.kind!,
  name_zh: r.name_zh!,
  name_en: r.name_en!,
  city: r.city ?? '',
  country: r.country ?? '',
  start: iso(r.start_date!),
  end: iso(r.end_date ? r.end_date : r.start_date!),
  role: r.role ?? '',
  delegates: num(r.delegates),
}));

export const partnerById = new Map(partners.map((p) => [p.id, p]));
export const programById = new Map(programs.map((p) => [p.id, p]));

/** The first and last year of the exchanges. */
export function yearBounds(): { min: number; max: number } {
  const years = trips.map((t) => t.year);
  return { min: Math.min(...years), max: Math.max(...years) };
}

// ---- What the dashboard counts ---------------------------------------------------------------

/** Outbound and inbound person-trips of some trips. */
export interface Split {
  outbound: number;
  inbound: number;
}

/** Person-trips out and in per key; trips whose key is null or '' are left out. */
export function splitBy(ts: readonly Trip[], key: (t: Trip) => string | readonly string[] | null): Map<string, Split> {
  const out = new Map<string, Split>();
  for (const t of ts) {
    const k = key(t);
    for (const one of k === null ? [] : typeof k === 'string' ? [k] : k) {
      if (one === '') continue;
      const s = out.get(one) ?? { outbound: 0, inbound: 0 };
      s[t.direction as keyof Split] += t.headcount;
      out.set(one, s);
    }
  }
  return out;
}

const ms = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s);

/**
 * Agreements in force at some time in the years: signed on or before the last day of the range and
 * ending (if ever) on or after its first day, whatever their status today; in the scope, country
 * and partner selected (direction, program and category do not apply).
 */
export function agreementsInForce(f: Filters, ignorePartner = false): Agreement[] {
  const from = Date.UTC(f.yearFrom, 0, 1);
  const to = Date.UTC(f.yearTo, 11, 31);
  return agreements.filter((a) => {
    const country = partnerById.get(a.partner)?.country ?? '';
    return (
      ms(a.signed) <= to &&
      (a.end === null || ms(a.end) >= from) &&
      (f.region === 'all' || countryByIso2(country)?.regionType === f.region) &&
      (f.country === null || country === f.country) &&
      (ignorePartner || f.partner === null || a.partner === f.partner)
    );
  });
}

/** The college's events that start in the years (no other filter applies to them). */
export function eventsIn(f: Filters): EventRecord[] {
  return events.filter((e) => {
    const y = Number(e.start.slice(0, 4));
    return y >= f.yearFrom && y <= f.yearTo;
  });
}

/** The five KPI tiles. */
export function kpis(f: Filters): Record<'outbound' | 'inbound' | 'countries' | 'partners' | 'agreements', number> {
  const ts = matching(f);
  return {
    outbound: sum(ts.filter((t) => t.direction === 'outbound')),
    inbound: sum(ts.filter((t) => t.direction === 'inbound')),
    countries: new Set(ts.map((t) => t.country)).size,
    partners: new Set(ts.map((t) => t.partner).filter((p) => p !== '')).size,
    agreements: agreementsInForce(f).length,
  };
}

/**
 * Where a trip's arc ends on the map: its partner's city when the partner is in the trip's country
 * and has coordinates, else the country's own point.
 */
export function placeOf(t: Trip): string {
  const p = partnerById.get(t.partner);
  const placed =
    p &&
    p.country === t.country &&
    p.lat !== null &&
    p.lon !== null &&
    p.lat >= -90 &&
    p.lat <= 90 &&
    p.lon >= -180 &&
    p.lon <= 180;
  return placed ? `${t.country}@${p.city_en}@${p.lon},${p.lat}` : t.country;
}
