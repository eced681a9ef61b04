/**
 * The filter states the oracle opens, in both languages. Years and selections are chosen from the
 * data (the sample may be regenerated): the first and last years, the country, program and partner
 * with the most person-trips.
 */
import {
  CHOICE_KEYS,
  FILTER_DEFS,
  SELECTION_KEYS,
  choiceDef,
  defaultFilters,
  selectionDef,
  type Filters,
} from '../../../src/domain/filters';
import type { Locale } from '../../../src/i18n/messages';
import { matching, sumBy, trips, yearBounds } from '../../helpers/expected';
import type { StackSplit } from '../../helpers/expected-views';

export interface OracleState {
  name: string;
  lang: Locale;
  /** The filters the link carries. */
  filters: Filters;
  /** Year playback: a first frame (`from`), then the frame checked in full (`to`). */
  playback?: { mode: 'year' | 'cumulative'; from: number; to: number };
  /** The trend is also read stacked by this split. */
  stacked?: StackSplit;
  /** Also shown as presenter slides (one per chart) and as embeds. */
  presenter?: boolean;
  embed?: boolean;
}

export const BOUNDS = yearBounds();
const { min, max } = BOUNDS;
const ALL = defaultFilters(min, max);

/** The key with the most person-trips among `ts` (ties: the first in code order). */
function top(key: (t: (typeof trips)[number]) => string, among = trips, skip: readonly string[] = []): string {
  const sums = [...sumBy(among, (t) => (key(t) === '' || skip.includes(key(t)) ? null : key(t)))];
  sums.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sums[0]![0];
}

const foreign = trips.filter((t) => t.region === 'foreign');
const inbound = trips.filter((t) => t.direction === 'inbound');
const topForeignCountry = top((t) => t.country, foreign);
const inboundProgram = top((t) => t.program, inbound);
const secondProgram = top((t) => t.program, trips, [top((t) => t.program)]);
const topPartner = top((t) => t.partner);
const hkmt = top(
  (t) => t.country,
  trips.filter((t) => t.region === 'hk_macao_tw'),
);
const mid = Math.min(max, min + 2);
const outbound = trips.filter((t) => t.direction === 'outbound');
const outboundFunding = top((t) => t.funding, outbound);
const topDepartment = top((t) => t.department);

export const STATES: readonly OracleState[] = [
  { name: 'all years', lang: 'zh-CN', filters: ALL, presenter: true, embed: true },
  { name: `${min + 1} alone`, lang: 'zh-CN', filters: { ...ALL, yearFrom: min + 1, yearTo: min + 1 }, embed: true },
  {
    name: `${mid}–${max - 1}, outbound`,
    lang: 'zh-CN',
    filters: { ...ALL, yearFrom: mid, yearTo: max - 1, direction: 'outbound' },
    stacked: 'activity_type',
  },
  { name: '港澳台', lang: 'zh-CN', filters: { ...ALL, region: 'hk_macao_tw' }, presenter: true, embed: true },
  { name: `country ${topForeignCountry}`, lang: 'zh-CN', filters: { ...ALL, country: topForeignCountry } },
  {
    name: `funding ${outboundFunding}, outbound`,
    lang: 'zh-CN',
    filters: { ...ALL, funding: outboundFunding, direction: 'outbound' },
  },
  {
    name: `program ${inboundProgram}, inbound`,
    lang: 'zh-CN',
    filters: { ...ALL, program: inboundProgram, direction: 'inbound' },
  },
  {
    name: `playback per year, foreign, ${min + 1} then ${max - 1}`,
    lang: 'zh-CN',
    filters: { ...ALL, region: 'foreign' },
    playback: { mode: 'year', from: min + 1, to: max - 1 },
  },
  {
    name: `playback cumulative, ${mid} then ${max - 1}`,
    lang: 'zh-CN',
    filters: ALL,
    playback: { mode: 'cumulative', from: mid, to: max - 1 },
  },
  { name: 'all years', lang: 'en', filters: ALL },
  {
    name: `${min}–${mid}, foreign, inbound`,
    lang: 'en',
    filters: { ...ALL, yearTo: mid, region: 'foreign', direction: 'inbound' },
    presenter: true,
    embed: true,
  },
  { name: `partner ${topPartner}`, lang: 'en', filters: { ...ALL, partner: topPartner }, presenter: true },
  {
    name: `country ${hkmt}, ${max - 2}–${max}, students`,
    lang: 'en',
    filters: { ...ALL, country: hkmt, yearFrom: max - 2, category: 'student' },
  },
  {
    name: `${max} alone, outbound, 港澳台`,
    lang: 'en',
    filters: { ...ALL, yearFrom: max, direction: 'outbound', region: 'hk_macao_tw' },
    stacked: 'participant_category',
    embed: true,
  },
  { name: `program ${secondProgram}`, lang: 'en', filters: { ...ALL, program: secondProgram } },
  {
    name: `department ${topDepartment}, ${min + 1}–${max}`,
    lang: 'en',
    filters: { ...ALL, yearFrom: min + 1, department: topDepartment },
  },
  {
    name: `playback per year, ${max - 1} then ${min + 1}`,
    lang: 'en',
    filters: ALL,
    playback: { mode: 'year', from: max - 1, to: min + 1 },
  },
  {
    name: `playback cumulative, outbound, ${min + 1} then ${max}`,
    lang: 'en',
    filters: { ...ALL, direction: 'outbound' },
    playback: { mode: 'cumulative', from: min + 1, to: max },
  },
];

/** The years a playback frame shows: the year alone, or every year from the first up to it. */
export function frameFilters(f: Filters, mode: 'year' | 'cumulative', year: number): Filters {
  return { ...f, yearFrom: mode === 'year' ? year : min, yearTo: year };
}

/** The filters the page shows once the state is reached (a playback state: its last frame). */
export function shownFilters(s: OracleState): Filters {
  return s.playback ? frameFilters(s.filters, s.playback.mode, s.playback.to) : s.filters;
}

/** The link's query string for these filters (without the language), each parameter named by its definition. */
export function search(f: Filters): string {
  const [from, to] = FILTER_DEFS.years.params;
  const p = new URLSearchParams({ [from]: String(f.yearFrom), [to]: String(f.yearTo) });
  for (const key of CHOICE_KEYS) if (f[key] !== 'all') p.set(choiceDef(key).param, f[key]);
  for (const key of SELECTION_KEYS) {
    const v = f[key];
    if (v !== null) p.set(selectionDef(key).param, v);
  }
  return `?${p.toString()}`;
}

/** What an embed can carry: years, direction and scope. */
export function embedFilters(f: Filters): Filters {
  return { ...defaultFilters(f.yearFrom, f.yearTo), direction: f.direction, region: f.region };
}

/** Every state's selection has person-trips to show (a state with nothing would check nothing). */
export function selects(f: Filters): number {
  return matching(f).length;
}
