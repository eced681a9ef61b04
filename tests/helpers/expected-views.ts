/**
 * What each view of the dashboard should show, computed from the parsed CSV files (expected.ts) in
 * plain TypeScript, never with the app's SQL or chart code. Names and number formats come from the
 * i18n layer (they are words, not figures). An internal view shows exact counts; a public one
 * (embed, public export, presenter slide) the published counts of `publish`.
 */
import type { Filters } from '../../src/data/filters';
import { MESSAGES, type Locale, type MessageKey } from '../../src/i18n/messages';
import { formatDate, formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
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

export type Audience = 'internal' | 'public';

/** HESA-style rounding: 0–2 publish as 0, every other count to the nearest multiple of 5. */
export const publish = (x: number): number => (x <= 2 ? 0 : 5 * Math.round(x / 5));

/** A cell compared as a number, or as text. */
export type Cell = number | string;

export interface ExpectedRow {
  /** The row's name as the view writes it (key columns joined by '|'). */
  key: string;
  cells: Cell[];
  /** What the view ranks it by (descending), when it ranks. */
  rank?: number;
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
}

/** "Most person-trips: A (12), B (8) and C (5)": the top three by value, ties in any order. */
function topSummary(items: readonly Named[], locale: Locale): ExpectedSummary {
  const sorted = items.filter((d) => d.value > 0).sort((a, b) => b.value - a.value);
  const top = sorted.slice(0, 3);
  const literals = [...new Set(top.map((d) => d.value))].map((v) => ({
    what: `an item (${v})`,
    count: top.filter((d) => d.value === v).length,
    any: sorted
      .filter((d) => d.value === v)
      .map((d) => t(locale, 'summary.item', { name: d.name, value: formatNumber(locale, v) })),
  }));
  return { tokens: top.map((d) => String(d.value)), literals, names: items.map((d) => d.name) };
}

const joinSummaries = (...parts: ExpectedSummary[]): ExpectedSummary => ({
  tokens: parts.flatMap((p) => p.tokens),
  literals: parts.flatMap((p) => p.literals),
  names: parts.flatMap((p) => p.names),
});

/**
 * HESA withholds a percentage on a base below 22.5 people: a public view gives the change since the
 * first year only when the published first year's count is that large.
 */
const PERCENT_BASE = 22.5;

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
  const rows = entries
    .map((e) => {
      const total = e.outbound + e.inbound;
      return audience === 'internal'
        ? { e, out: e.outbound, inn: e.inbound, total }
        : { e, out: publish(e.outbound), inn: publish(e.inbound), total: publish(total) };
    })
    .filter((r) => r.total > 0 || r.out > 0 || r.inn > 0);
  const limit = options.limit !== undefined ? { limit: options.limit } : {};
  return {
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3],
      rows: rows.map((r) => ({ key: r.e.name, cells: [r.out, r.inn, r.total], rank: r.total })),
      ranked: options.ranked,
      ...limit,
    },
    labels: {
      keyCols: [0],
      valueCols: [1],
      rows: rows.map((r) => ({ key: r.e.name, cells: [r.total], rank: r.total })),
      ...limit,
    },
    summary: topSummary(
      // The summary names the rows the chart shows: the top `limit` by rank.
      rows.map((r) => ({ name: r.e.summaryName, value: r.total })),
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
  const ts = matching(f);
  const cells = new Map<string, { year: number; dir: string; n: number; provisional: boolean }>();
  for (const tr of ts) {
    const key = `${tr.year}|${tr.direction}`;
    const c = cells.get(key) ?? { year: tr.year, dir: tr.direction, n: 0, provisional: false };
    c.n += tr.headcount;
    c.provisional ||= tr.provisional;
    cells.set(key, c);
  }
  const shown = [...cells.values()]
    .map((c) => ({ ...c, n: audience === 'internal' ? c.n : publish(c.n) }))
    .filter((c) => c.n > 0);
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
  const ts = matching(f);
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
  const p = (n: number) => (audience === 'internal' ? n : publish(n));
  const shown = [...parts.values()].map((c) => ({ ...c, n: p(c.n) })).filter((c) => c.n > 0);
  const totals = [...yearTotals].map(([year, n]) => ({ year, n: p(n) })).filter((d) => d.n > 0);
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
        [...byKey].map(([key, value]) => ({ name: enumLabel(locale, prefix, key), value })),
        locale,
      ),
    ),
  };
}

/** Net flow per country: inbound, outbound and inbound − outbound; direction and country selection do not apply. */
function netflowChart(f: Filters, audience: Audience, locale: Locale): ExpectedChart {
  const m = splitBy(matching({ ...f, direction: 'all' }, 'country'), (tr) => tr.country);
  const rows = [...m]
    .map(([country, s]) => {
      const inn = audience === 'internal' ? s.inbound : publish(s.inbound);
      const out = audience === 'internal' ? s.outbound : publish(s.outbound);
      return { country, name: countryName(country, locale), inn, out, net: inn - out };
    })
    .filter((r) => r.inn > 0 || r.out > 0);
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
            any: rows.filter((r) => r.net === v).map((r) => r.name),
          },
        ];
  return {
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3],
      rows: rows.map((r) => ({ key: r.name, cells: [r.inn, r.out, r.net], rank: r.net })),
      ranked: false,
    },
    labels: {
      keyCols: [0],
      valueCols: [1],
      rows: rows.map((r) => ({ key: r.name, cells: [r.net], rank: r.net })),
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
        cells: [e.delegates === null ? '' : audience === 'internal' ? e.delegates : publish(e.delegates)],
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
          splitBy(matching(f, 'country'), (tr) => tr.country),
          (k) => countryName(k, locale),
        ),
        audience,
        locale,
        { limit: 15, ranked: true },
      );
    case 'programs':
      return directionChart(
        keyed(
          splitBy(matching(f, 'program'), (tr) => tr.program),
          (k) => programName(locale, k),
        ),
        audience,
        locale,
        { limit: 12, ranked: true },
      );
    case 'partners':
      return directionChart(
        keyed(
          splitBy(matching(f, 'partner'), (tr) => tr.partner),
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
        keyed(splitBy(matching(f, spec.except), spec.key), (k) => enumLabel(locale, spec.prefix, k)),
        audience,
        locale,
        { ranked: spec.ranked },
      );
    }
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
  const m = splitBy(matching(f, 'country'), (tr) => tr.country);
  const rows = [...m]
    .map(([country, s]) => {
      const p = (n: number) => (audience === 'internal' ? n : publish(n));
      const out = p(s.outbound);
      const inn = p(s.inbound);
      return { name: countryName(country, locale), out, inn, total: p(s.outbound + s.inbound), net: inn - out };
    })
    .filter((r) => r.out > 0 || r.inn > 0 || r.total > 0);
  return {
    labels: null,
    table: {
      keyCols: [0],
      valueCols: [1, 2, 3, 4],
      rows: rows.map((r) => ({ key: r.name, cells: [r.out, r.inn, r.total, r.net], rank: r.total })),
      ranked: true,
    },
    summary:
      rows.length === 0
        ? null
        : joinSummaries(
            { tokens: [String(rows.length)], literals: [], names: [] },
            topSummary(
              rows.map((r) => ({ name: r.name, value: r.total })),
              locale,
            ),
          ),
  };
}

/** The flow map's arcs as an embed draws them: one per country, direction and place with a published count. */
export function expectArcs(f: Filters): number {
  const arcs = splitBy(matching(f, 'country'), (tr) => `${placeOf(tr)}`);
  let n = 0;
  for (const s of arcs.values()) n += DIRS.filter((d) => publish(s[d]) > 0).length;
  return n;
}
