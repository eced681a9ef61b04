/**
 * What each view of the dashboard should show, computed from the parsed CSV files (expected.ts) in
 * plain TypeScript, never with the app's SQL or chart code. Names and number formats come from the
 * i18n layer (they are words, not figures). An internal view shows exact counts, sums over the
 * records; a public one (embed, public export, presenter slide) sums over the published cells
 * (tests/helpers/published.ts: base cells rounded once, cells of 0 left out), never rounded again,
 * so its totals are the sums of its parts. Public ranks, top-N cuts and summaries follow the
 * published values, ties by code (ascending); an event's delegates are rounded on their own.
 */
import type { Filters } from '../../src/data/filters';
import { MESSAGES, type Locale, type MessageKey } from '../../src/i18n/messages';
import { formatDate, formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { departmentName } from '../../src/reference/departments';
import {
  agreementsInForce,
  eventsIn,
  matching,
  partnerById,
  placeOf,
  programById,
  splitBy,
  type Split,
  type Trip,
} from './expected';
import { publishedMatching, publishOracle } from './published';

export type Audience = 'internal' | 'public';

type Except = Parameters<typeof matching>[1];

/** What a view counts under the filters: the records (internal) or the published cells (public). */
const counted = (audience: Audience, f: Filters, except?: Except): Trip[] =>
  audience === 'internal' ? matching(f, except) : publishedMatching(f, except);

/** Ascending order of codes, for ties. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A cell compared as a number, or as text. */
export type Cell = number | string;

export interface ExpectedRow {
  /** The row's name as the view writes it (key columns joined by '|'). */
  key: string;
  cells: Cell[];
  /** What the view ranks it by (descending), when it ranks. */
  rank?: number;
  /**
   * The code that breaks a tie in rank (ascending). When every row has one, the top `limit` and
   * the order are exact (a public view: ties by code); without, ties may come in any order.
   */
  tie?: string;
}

export interface ExpectedTable {
  /** Which shown columns make the key and which are compared, in order. */
  keyCols: number[];
  valueCols: number[];
  rows: ExpectedRow[];
  /** Only the top `limit` rows by rank are shown (ties at the boundary in any order). */
  limit?: number;
  /** Rows shown by rank, descending (ties in any order). */
  ranked?: boolean;
}

/** A summary: its numbers as a multiset, and named figures that must appear ("Nepal (7)"). */
export interface ExpectedSummary {
  tokens: string[];
  /** Each group: at least `count` of `any` appear literally. */
  literals: { any: string[]; count: number; what: string }[];
  /** Names the summary may hold (digits in them are not figures: 7天以内). */
  names: string[];
}

export interface ExpectedChart {
  /** Value labels on the bars, keyed by the tick they sit at (`${year}|outbound` on the trend). */
  labels: ExpectedTable | null;
  table: ExpectedTable | null;
  summary: ExpectedSummary | null;
}

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, key as MessageKey, params);
const enumLabel = (locale: Locale, prefix: string, value: string) =>
  `${prefix}.${value}` in MESSAGES['zh-CN'] ? t(locale, `${prefix}.${value}`) : value;
const local = (locale: Locale, d: { name_zh: string; name_en: string }) => (locale === 'en' ? d.name_en : d.name_zh);
const dateText = (locale: Locale, iso: string) => formatDate(locale, iso);
const dateSpan = (locale: Locale, start: string, end: string) =>
  start === end
    ? dateText(locale, start)
    : t(locale, 'chart.dateSpan', { from: dateText(locale, start), to: dateText(locale, end) });

// ---- Numbers in text --------------------------------------------------------------------------

const TOKEN = /<\d+|[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万|亿)?%?/g;

/** A number as a view writes it (`1,234`, `1.2345万`, `+7`, `−3`, `<5`) → its value; null when not a number. */
export function parseShown(text: string): number | null {
  const s = text.trim().replace(/−/g, '-').replace(/,/g, '');
  const m = /^([+-]?\d+(?:\.\d+)?)(万|亿)?$/.exec(s);
  if (!m) return null;
  const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
  return Math.round(Number(m[1]) * scale);
}

/** The numbers of a text, normalised (`+437%` → `437%`, `1.2万` → `12000`, `<5` kept). */
export function numberTokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((raw) => {
    if (raw.startsWith('<')) return raw;
    const percent = raw.endsWith('%');
    const value = parseShown(percent ? raw.slice(0, -1) : raw);
    return `${value}${percent ? '%' : ''}`;
  });
}

const pct = (ratio: number) => `${Math.sign(ratio) * Math.round(Math.abs(ratio) * 100)}%`;

// ---- Summaries --------------------------------------------------------------------------------

interface Named {
  name: string;
  value: number;
  /** Its code, when ties go by code. */
  tie?: string;
}

/**
 * "Most person-trips: A (12), B (8) and C (5)": the top three by value. With codes (`tie`, a
 * public view) ties go by code and each of the three is named exactly; without, in any order.
 */
function topSummary(items: readonly Named[], locale: Locale): ExpectedSummary {
  const strict = items.every((d) => d.tie !== undefined);
  const sorted = items
    .filter((d) => d.value > 0)
    .sort((a, b) => b.value - a.value || (strict ? byCode(a.tie!, b.tie!) : 0));
  const top = sorted.slice(0, 3);
  const item = (d: Named) => t(locale, 'summary.item', { name: d.name, value: formatNumber(locale, d.value) });
  const literals = strict
    ? top.map((d) => ({ what: `item ${d.tie} (${d.value})`, count: 1, any: [item(d)] }))
    : [...new Set(top.map((d) => d.value))].map((v) => ({
        what: `an item (${v})`,
        count: top.filter((d) => d.value === v).length,
        any: sorted.filter((d) => d.value === v).map(item),
      }));
  return { tokens: top.map((d) => String(d.value)), literals, names: items.map((d) => d.name) };
}

const joinSummaries = (...parts: ExpectedSummary[]): ExpectedSummary => ({
  tokens: parts.flatMap((p) => p.tokens),
  literals: parts.flatMap((p) => p.literals),
  names: parts.flatMap((p) => p.names),
});

/**
 * A public view gives the change since the first year in per cent only on a published base of 25
 * or more (docs/disclosure.md).
 */
const PERCENT_BASE = 25;

/** One series over the years: first and last year, their values and the change. */
function seriesTokens(values: ReadonlyMap<number, number>, audience: Audience): string[] {
  const years = [...values.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return [];
  const from = values.get(first)!;
  const to = values.get(last)!;
  if (first === last) return [String(first), String(from)];
  if (audience === 'public' && from < PERCENT_BASE) return [String(first), String(from), String(last), String(to)];
  const change = from === 0 ? (to === 0 ? ['0%'] : []) : [pct((to - from) / from)];
  return [String(first), String(from), String(last), String(to), ...change];
}

// ---- Counts by key and direction ----------------------------------------------------------------

interface Keyed extends Split {
  key: string;
  /** As the chart and its table name it. */
  name: string;
  /** As the summary names it (a partner without its country). */
  summaryName: string;
}

const DIRS = ['outbound', 'inbound'] as const;

/**
 * A chart of bars split by direction (countries, programs, partners, categories, …): the table's
 * rows (name, outbound, inbound, total), the value labels (the total) and the top three.
 */
function directionChart(
  entries: readonly Keyed[],
  audience: Audience,
  locale: Locale,
  options: { limit?: number; ranked: boolean },
): ExpectedChart {
  // The entries are sums over records or over published cells: a total is the sum of its parts.
  const rows = entries
    .map((e) => ({ e, out: e.outbound, inn: e.inbound, total: e.outbound + e.inbound }))
    .filter((r) => r.total > 0);
  const limit = options.limit !== undefined ? { limit: options.limit } : {};
  const tie = (r: (typeof rows)[number]) => (audience === 'public' ? { tie: r.e.key } : {});
  return {
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3],
      rows: rows.map((r) => ({ key: r.e.name, cells: [r.out, r.inn, r.total], rank: r.total, ...tie(r) })),
      ranked: options.ranked,
      ...limit,
    },
    labels: {
      keyCols: [0],
      valueCols: [1],
      rows: rows.map((r) => ({ key: r.e.name, cells: [r.total], rank: r.total, ...tie(r) })),
      ...limit,
    },
    summary: topSummary(
      // The summary names the rows the chart shows: the top `limit` by rank.
      rows.map((r) => ({ name: r.e.summaryName, value: r.total, ...tie(r) })),
      locale,
    ),
  };
}

const keyed = (
  m: Map<string, Split>,
  name: (k: string) => string,
  summaryName: (k: string) => string = name,
): Keyed[] => [...m].map(([key, s]) => ({ key, name: name(key), summaryName: summaryName(key), ...s }));

export type ChartId =
  | 'trend'
  | 'countries'
  | 'netflow'
  | 'programs'
  | 'partners'
  | 'categories'
  | 'duration'
  | 'continents'
  | 'groups'
  | 'funding'
  | 'department'
  | 'agreements'
  | 'events';

export const CHART_IDS: readonly ChartId[] = [
  'trend',
  'countries',
  'netflow',
  'programs',
  'partners',
  'categories',
  'duration',
  'continents',
  'groups',
  'funding',
  'department',
  'agreements',
  'events',
];

/** Each enum chart: the key of a trip and the prefix of its labels. */
const ENUMS = {
  categories: { key: (t: Trip) => t.category, prefix: 'category', except: 'category', ranked: true },
  duration: { key: (t: Trip) => t.band, prefix: 'band', except: undefined, ranked: false },
  continents: { key: (t: Trip) => t.continent, prefix: 'continent', except: undefined, ranked: false },
  groups: { key: (t: Trip) => t.groups, prefix: 'group', except: undefined, ranked: false },
} as const;

function partnerName(locale: Locale, id: string): string {
  const p = partnerById.get(id);
  if (!p) return id;
  const place = countryName(p.country, locale);
  return locale === 'en' ? `${p.name_en} (${place})` : `${p.name_zh}（${place}）`;
}
const partnerShort = (locale: Locale, id: string) => {
  const p = partnerById.get(id);
  return p ? local(locale, p) : id;
};
const programName = (locale: Locale, id: string) => {
  const p = programById.get(id);
  return p ? local(locale, p) : id;
};

/**
 * The trend of person-trips per year and direction over `years` (the dashboard draws every year
 * of the data; an embed or a slide the years selected).
 */
function trendChart(f: Filters, audience: Audience, locale: Locale): ExpectedChart {
  const ts = counted(audience, f);
  const cells = new Map<string, { year: number; dir: string; n: number; provisional: boolean }>();
  for (const tr of ts) {
    const key = `${tr.year}|${tr.direction}`;
    const c = cells.get(key) ?? { year: tr.year, dir: tr.direction, n: 0, provisional: false };
    c.n += tr.headcount;
    c.provisional ||= tr.provisional;
    cells.set(key, c);
  }
  const shown = [...cells.values()].filter((c) => c.n > 0);
  const years = [...new Set(shown.map((c) => c.year))].sort((a, b) => a - b);
  const value = (year: number, dir: string) => shown.find((c) => c.year === year && c.dir === dir)?.n ?? 0;
  const provisional = (year: number) => shown.some((c) => c.year === year && c.provisional);
  const summary: ExpectedSummary = {
    tokens: DIRS.flatMap((dir) =>
      seriesTokens(new Map(shown.filter((c) => c.dir === dir).map((c) => [c.year, c.n])), audience),
    ),
    literals: [],
    names: [],
  };
  return {
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3],
      rows: years.map((y) => ({
        key: String(y),
        cells: [value(y, 'outbound'), value(y, 'inbound'), t(locale, provisional(y) ? 'yes' : 'no')],
      })),
    },
    labels: {
      keyCols: [0],
      valueCols: [1],
      rows: shown.map((c) => ({ key: `${c.year}|${c.dir}`, cells: [c.n] })),
    },
    summary,
  };
}

export type StackSplit = 'activity_type' | 'participant_category';

/** The trend stacked by activity type or participant category: a label per year (its total). */
export function stackedTrend(f: Filters, split: StackSplit, audience: Audience, locale: Locale): ExpectedChart {
  const ts = counted(audience, f);
  const prefix = split === 'activity_type' ? 'activity' : 'category';
  const keyOf = (tr: Trip) => (split === 'activity_type' ? tr.activity : tr.category);
  const parts = new Map<string, { year: number; key: string; n: number; provisional: boolean }>();
  const yearTotals = new Map<number, number>();
  for (const tr of ts) {
    const k = `${tr.year}|${keyOf(tr)}`;
    const c = parts.get(k) ?? { year: tr.year, key: keyOf(tr), n: 0, provisional: false };
    c.n += tr.headcount;
    c.provisional ||= tr.provisional;
    parts.set(k, c);
    yearTotals.set(tr.year, (yearTotals.get(tr.year) ?? 0) + tr.headcount);
  }
  // Each part, provisional when any of its trips (or published cells) is; a year's total the sum of its parts.
  const shown = [...parts.values()].filter((c) => c.n > 0);
  const totals = [...yearTotals].map(([year, n]) => ({ year, n })).filter((d) => d.n > 0);
  const byKey = new Map<string, number>();
  for (const c of shown) byKey.set(c.key, (byKey.get(c.key) ?? 0) + c.n);
  return {
    table: {
      keyCols: [0, 1],
      valueCols: [2, 3],
      rows: shown.map((c) => ({
        key: `${c.year}|${enumLabel(locale, prefix, c.key)}`,
        cells: [c.n, t(locale, c.provisional ? 'yes' : 'no')],
      })),
    },
    labels: { keyCols: [0], valueCols: [1], rows: totals.map((d) => ({ key: String(d.year), cells: [d.n] })) },
    summary: joinSummaries(
      { tokens: seriesTokens(new Map(totals.map((d) => [d.year, d.n])), audience), literals: [], names: [] },
      topSummary(
        [...byKey].map(([key, value]) => ({
          name: enumLabel(locale, prefix, key),
          value,
          ...(audience === 'public' ? { tie: key } : {}),
        })),
        locale,
      ),
    ),
  };
}

/** Net flow per country: inbound, outbound and inbound − outbound; direction and country selection do not apply. */
function netflowChart(f: Filters, audience: Audience, locale: Locale): ExpectedChart {
  const m = splitBy(counted(audience, { ...f, direction: 'all' }, 'country'), (tr) => tr.country);
  const rows = [...m]
    .map(([country, s]) => ({
      country,
      name: countryName(country, locale),
      inn: s.inbound,
      out: s.outbound,
      net: s.inbound - s.outbound,
    }))
    .filter((r) => r.inn > 0 || r.out > 0)
    .sort((a, b) => byCode(a.country, b.country));
  const tie = (r: (typeof rows)[number]) => (audience === 'public' ? { tie: r.country } : {});
  const nets = rows.map((r) => r.net);
  const min = Math.min(0, ...nets);
  const max = Math.max(0, ...nets);
  const extreme = (v: number, key: 'summary.netflow.out' | 'summary.netflow.in') =>
    v === 0
      ? []
      : [
          {
            what: key,
            count: 1,
            // Public: of the countries tied, the first by code; internal: any of them.
            any: rows
              .filter((r) => r.net === v)
              .slice(0, audience === 'public' ? 1 : undefined)
              .map((r) => r.name),
          },
        ];
  return {
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3],
      rows: rows.map((r) => ({ key: r.name, cells: [r.inn, r.out, r.net], rank: r.net, ...tie(r) })),
      ranked: false,
    },
    labels: {
      keyCols: [0],
      valueCols: [1],
      rows: rows.map((r) => ({ key: r.name, cells: [r.net], rank: r.net, ...tie(r) })),
      ranked: true,
    },
    summary: {
      tokens: [...(min < 0 ? [String(-min)] : []), ...(max > 0 ? [String(max)] : [])],
      literals: [...extreme(min, 'summary.netflow.out'), ...extreme(max, 'summary.netflow.in')],
      names: rows.map((r) => r.name),
    },
  };
}

function agreementsChart(f: Filters, locale: Locale): ExpectedChart {
  const rows = agreementsInForce(f, true);
  const name = (partner: string) => partnerShort(locale, partner);
  const signed = rows.map((a) => a.signed).sort();
  return {
    labels: null,
    table: {
      keyCols: [0, 3],
      valueCols: [4],
      rows: rows.map((a) => ({
        key: `${name(a.partner)}|${dateText(locale, a.signed)}`,
        cells: [a.end === null ? t(locale, 'chart.open') : dateText(locale, a.end)],
      })),
    },
    summary:
      rows.length === 0
        ? null
        : {
            tokens: [
              String(rows.length),
              String(new Set(rows.map((a) => a.partner)).size),
              ...numberTokens(dateText(locale, signed[0]!)),
              ...numberTokens(dateText(locale, signed.at(-1)!)),
            ],
            literals: [],
            names: [],
          },
  };
}

function eventsChart(f: Filters, audience: Audience, locale: Locale): ExpectedChart {
  const rows = eventsIn(f);
  const starts = rows.map((e) => e.start).sort();
  const kinds = new Map<string, number>();
  for (const e of rows) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  return {
    labels: null,
    table: {
      keyCols: [0, 2],
      valueCols: [5],
      rows: rows.map((e) => ({
        key: `${dateSpan(locale, e.start, e.end)}|${local(locale, e)}`,
        cells: [e.delegates === null ? '' : audience === 'internal' ? e.delegates : publishOracle(e.delegates)],
      })),
    },
    // How many events, from when to when, and how many of each kind (events are counted, not people).
    summary:
      rows.length === 0
        ? null
        : {
            tokens: [
              String(rows.length),
              ...numberTokens(dateText(locale, starts[0]!)),
              ...numberTokens(dateText(locale, starts.at(-1)!)),
              ...[...kinds.values()].map(String),
            ],
            literals: [],
            names: [...kinds.keys()].map((k) => enumLabel(locale, 'event', k)),
          },
  };
}

/**
 * One chart of the dashboard under filters `f`. `years`, for the trend, is the span it draws: the
 * dashboard's trend shows every year of the data, an embed's or a slide's the years selected.
 */
export function expectChart(
  id: ChartId,
  f: Filters,
  audience: Audience,
  locale: Locale,
  trendYears?: { min: number; max: number },
): ExpectedChart {
  switch (id) {
    case 'trend':
      return trendChart(trendYears ? { ...f, yearFrom: trendYears.min, yearTo: trendYears.max } : f, audience, locale);
    case 'countries':
      return directionChart(
        keyed(
          splitBy(counted(audience, f, 'country'), (tr) => tr.country),
          (k) => countryName(k, locale),
        ),
        audience,
        locale,
        { limit: 15, ranked: true },
      );
    case 'programs':
      return directionChart(
        keyed(
          splitBy(counted(audience, f, 'program'), (tr) => tr.program),
          (k) => programName(locale, k),
        ),
        audience,
        locale,
        { limit: 12, ranked: true },
      );
    case 'partners':
      return directionChart(
        keyed(
          splitBy(counted(audience, f, 'partner'), (tr) => tr.partner),
          (k) => partnerName(locale, k),
          (k) => partnerShort(locale, k),
        ),
        audience,
        locale,
        { limit: 12, ranked: true },
      );
    case 'categories':
    case 'duration':
    case 'continents':
    case 'groups': {
      const spec = ENUMS[id];
      return directionChart(
        keyed(splitBy(counted(audience, f, spec.except), spec.key), (k) => enumLabel(locale, spec.prefix, k)),
        audience,
        locale,
        { ranked: spec.ranked },
      );
    }
    case 'funding':
      return directionChart(
        keyed(
          splitBy(counted(audience, f, 'funding'), (tr) => tr.funding),
          (k) => enumLabel(locale, 'funding', k),
        ),
        audience,
        locale,
        { limit: 12, ranked: true },
      );
    case 'department':
      return directionChart(
        keyed(
          splitBy(counted(audience, f, 'department'), (tr) => tr.department),
          (k) => departmentName(k, locale),
        ),
        audience,
        locale,
        { limit: 12, ranked: true },
      );
    case 'netflow':
      return netflowChart(f, audience, locale);
    case 'agreements':
      return agreementsChart(f, locale);
    case 'events':
      return eventsChart(f, audience, locale);
  }
}

/** The map's table: per country (the country selection left out) outbound, inbound, total and net. */
export function expectMapTable(f: Filters, audience: Audience, locale: Locale): ExpectedChart {
  const m = splitBy(counted(audience, f, 'country'), (tr) => tr.country);
  const rows = [...m]
    .map(([country, s]) => ({
      country,
      name: countryName(country, locale),
      out: s.outbound,
      inn: s.inbound,
      total: s.outbound + s.inbound,
      net: s.inbound - s.outbound,
    }))
    .filter((r) => r.total > 0);
  const tie = (r: (typeof rows)[number]) => (audience === 'public' ? { tie: r.country } : {});
  return {
    labels: null,
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3, 4],
      rows: rows.map((r) => ({ key: r.name, cells: [r.out, r.inn, r.total, r.net], rank: r.total, ...tie(r) })),
      ranked: true,
    },
    summary:
      rows.length === 0
        ? null
        : joinSummaries(
            { tokens: [String(rows.length)], literals: [], names: [] },
            topSummary(
              rows.map((r) => ({ name: r.name, value: r.total, ...tie(r) })),
              locale,
            ),
          ),
  };
}

/**
 * The flow map's arcs as an embed draws them: one per country, direction and place whose published
 * count (a sum of published cells) is above 0.
 */
export function expectArcs(f: Filters): number {
  const arcs = splitBy(publishedMatching(f, 'country'), (tr) => `${placeOf(tr)}`);
  let n = 0;
  for (const s of arcs.values()) n += DIRS.filter((d) => s[d] > 0).length;
  return n;
}
