/**
 * What a visitor reads off each public artefact, written as equations (tests/helpers/disclosure-audit.ts):
 * a chart's rows for one filter state (an embed file's entry, a public export's CSV read back, a
 * slide), each figure the sum of the base cells it counts, with the interval the publication allows.
 */
import { csvParseRows } from 'd3';
import type { Filters } from '../../src/data/filters';
import { enumLabel } from '../../src/charts/common';
import type { ChartContext } from '../../src/charts/context';
import { translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { departmentName } from '../../src/reference/departments';
import { csv } from './expected';
import { BIG, type Cell, type Equations, type Form } from './disclosure-audit';

type Row = Record<string, unknown>;
export type Interval = readonly [number, number];

/** A figure left out of a view (no row): under rounding a 0, under suppression an exact 0. */
export const ABSENT = 'absent' as const;
/** What a view shows of a figure: a value, a withheld value (null), nothing, or nothing because of a top-N cut. */
type Shown = number | null | typeof ABSENT | { cut: number | null };

/** How a publication bounds the true value behind what it shows, for a form over `n` base cells. */
export interface Method {
  name: string;
  /** The true values a shown value allows (null: withheld). */
  interval(v: number | null, n: number): Interval;
  /** A figure left out (a row not published). */
  absent(n: number): Interval;
  /** A key left out of a top-N chart whose last bar shows `last`. */
  cut(last: number | null, n: number): Interval;
  /** A figure of 0 says each of its base cells is 0–2 (rounding of base cells). */
  zeroCells?: boolean;
}

/**
 * Rounding of base cells (src/disclosure/public-cells.ts): a figure v is a sum of n cells each
 * published as a multiple of 5 and each true within 2 of it, so the true sum lies in
 * [v − 2·min(n, v / 5), v + 2n]; a figure of 0 (or left out) puts each of its cells at 0–2.
 */
export const CELLS_ROUNDED: Method = {
  name: 'rounding of base cells',
  interval: (v, n) =>
    v === null ? [0, BIG] : [Math.max(0, v - 2 * Math.min(n, Math.floor(Math.abs(v) / 5))), v + 2 * n],
  absent: (n) => [0, 2 * n],
  cut: (last, n) => [0, (last ?? 0) + 2 * n],
  zeroCells: true,
};

/** Rounding each figure on its own, as first agreed (tests/helpers/independent-rounding.ts): v allows [v − 2, v + 2]. */
export const FIGURES_ROUNDED: Method = {
  name: 'rounding of each figure',
  interval: (v) => (v === null ? [0, BIG] : v === 0 ? [0, 2] : [Math.max(0, v - 2), v + 2]),
  absent: () => [0, 2],
  cut: (last) => [0, (last ?? 0) + 2],
};

/** The old suppression: a shown count is exact, "<5" is 1 or more (a part hidden beside one may be any size). */
export const SUPPRESSED: Method = {
  name: 'suppression',
  interval: (v) => (v === null ? [1, BIG] : [v, v]),
  absent: () => [0, 0],
  cut: (last) => [0, last ?? 4],
};

/** One figure as the visitor writes it: the form of its base cells in the interval the publication allows. */
function put(eq: Equations, m: Method, form: Form, shown: Shown, hidden = false) {
  const n = form.index.length;
  const [lo, hi] =
    shown === ABSENT
      ? m.absent(n)
      : shown !== null && typeof shown === 'object'
        ? m.cut(shown.cut, n)
        : m !== SUPPRESSED && form.coef.some((c) => c < 0) && shown !== null
          ? // A net: the difference of two published figures, each within its own interval.
            m === CELLS_ROUNDED
            ? [shown - 2 * n, shown + 2 * n]
            : [shown - 4, shown + 4]
          : m.interval(shown, n);
  eq.add(form, lo, hi, hidden);
  if (m.zeroCells && (shown === ABSENT || shown === 0) && form.coef.every((c) => c > 0)) {
    for (const i of form.index) eq.add({ index: [i], coef: [1] }, 0, 2);
  }
  if (typeof shown === 'number' || shown === ABSENT) eq.published?.(form, shown === ABSENT ? 0 : shown);
}

/** The cells of a view family (every cell of the records model) under the filters. */
const inFilters = (
  family: string,
  f: Pick<Filters, 'yearFrom' | 'yearTo' | 'direction' | 'region'>,
  ignoreDirection = false,
) => {
  return (c: Cell) =>
    (c.family === '' || c.family === family) &&
    c.year >= f.yearFrom &&
    c.year <= f.yearTo &&
    (ignoreDirection || f.direction === 'all' || c.direction === f.direction) &&
    (f.region === 'all' || c.region === f.region);
};
const directionsOf = (f: Pick<Filters, 'direction'>) =>
  f.direction === 'all' ? ['outbound', 'inbound'] : [f.direction];

/** The bar charts split by direction: the key of a row, the base cells of a key, how many bars at most. */
export const SPLIT_CHARTS: Record<
  string,
  {
    field: string;
    family: string;
    has: (c: Cell, key: string) => boolean;
    keys: (c: Cell) => string[];
    limit?: number;
  }
> = {
  countries: {
    field: 'country',
    family: 'country',
    has: (c, k) => c.country === k,
    keys: (c) => [c.country],
    limit: 15,
  },
  programs: {
    field: 'id',
    family: 'program',
    has: (c, k) => c.program === k,
    keys: (c) => (c.program ? [c.program] : []),
    limit: 12,
  },
  partners: {
    field: 'id',
    family: 'partner',
    has: (c, k) => c.partner === k,
    keys: (c) => (c.partner ? [c.partner] : []),
    limit: 12,
  },
  categories: { field: 'category', family: 'category', has: (c, k) => c.category === k, keys: (c) => [c.category] },
  duration: { field: 'band', family: 'band', has: (c, k) => c.band === k, keys: (c) => [c.band] },
  continents: { field: 'key', family: 'country', has: (c, k) => c.continent === k, keys: (c) => [c.continent] },
  groups: { field: 'key', family: 'country', has: (c, k) => c.groups.includes(k), keys: (c) => [...c.groups] },
  funding: {
    field: 'key',
    family: 'funding',
    has: (c, k) => c.funding === k,
    keys: (c) => (c.funding ? [c.funding] : []),
    limit: 12,
  },
  department: {
    field: 'key',
    family: 'department',
    has: (c, k) => c.department === k,
    keys: (c) => (c.department ? [c.department] : []),
    limit: 12,
  },
};

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A split bar chart's rows (a row per key and direction, each with its key's total when shown). */
function observeSplit(eq: Equations, id: string, f: Filters, rows: readonly Row[], m: Method) {
  const spec = SPLIT_CHARTS[id]!;
  const where = inFilters(spec.family, f);
  const bars = new Map<string, { parts: Map<string, number | null>; total: number | null | undefined }>();
  for (const row of rows) {
    const key = String(row[spec.field]);
    const bar = bars.get(key) ?? { parts: new Map(), total: undefined };
    bar.parts.set(String(row.direction), num(row.headcount));
    if ('total' in row) bar.total = num(row.total);
    bars.set(key, bar);
  }
  for (const [key, bar] of bars) {
    for (const dir of directionsOf(f)) {
      const form = eq.form((c) => where(c) && spec.has(c, key) && c.direction === dir);
      if (bar.parts.has(dir)) {
        const v = bar.parts.get(dir)!;
        put(eq, m, form, v, v === null);
      } else {
        put(eq, m, form, ABSENT);
      }
    }
    if (bar.total !== undefined)
      put(
        eq,
        m,
        eq.form((c) => where(c) && spec.has(c, key)),
        bar.total,
        bar.total === null,
      );
  }
  const universe = new Set(eq.cells.filter(where).flatMap(spec.keys));
  const cut = spec.limit !== undefined && bars.size >= spec.limit;
  const last = [...bars.values()].at(-1)?.total ?? null;
  for (const key of universe) {
    if (bars.has(key)) continue;
    put(
      eq,
      m,
      eq.form((c) => where(c) && spec.has(c, key)),
      cut ? { cut: last } : ABSENT,
    );
  }
}

/** Net flow rows: inbound, outbound and their net per country, the direction filter not applied. */
function observeNetFlow(eq: Equations, f: Filters, rows: readonly Row[], m: Method) {
  const where = inFilters('country', f, true);
  const shown = new Set<string>();
  for (const row of rows) {
    const country = String(row.country);
    shown.add(country);
    const inbound = eq.form((c) => where(c) && c.country === country && c.direction === 'inbound');
    const outbound = eq.form((c) => where(c) && c.country === country && c.direction === 'outbound');
    put(eq, m, inbound, num(row.inbound), row.inbound === null);
    put(eq, m, outbound, num(row.outbound), row.outbound === null);
    // The net is inbound − outbound, a form with signs.
    const net = num(row.net);
    if (net !== null) {
      put(
        eq,
        m,
        eq.form(
          (c) => where(c) && c.country === country && c.direction === 'inbound',
          (c) => where(c) && c.country === country && c.direction === 'outbound',
        ),
        net,
      );
    }
  }
  for (const country of new Set(eq.cells.filter(where).map((c) => c.country))) {
    if (shown.has(country)) continue;
    for (const dir of ['inbound', 'outbound']) {
      put(
        eq,
        m,
        eq.form((c) => where(c) && c.country === country && c.direction === dir),
        ABSENT,
      );
    }
  }
}

/** Counts per year and direction (the trend), a missing year and direction one left out. */
function observeTrend(eq: Equations, f: Filters, rows: readonly Row[], m: Method) {
  const where = inFilters('trend', f);
  const shown = new Map(rows.map((r) => [`${String(r.year)}:${String(r.direction)}`, num(r.headcount)]));
  for (let year = f.yearFrom; year <= f.yearTo; year++) {
    for (const dir of directionsOf(f)) {
      const form = eq.form((c) => where(c) && c.year === year && c.direction === dir);
      const key = `${year}:${dir}`;
      if (shown.has(key)) put(eq, m, form, shown.get(key)!, shown.get(key) === null);
      else put(eq, m, form, ABSENT);
    }
  }
}

/** The trend stacked by activity or category over the years: each part, and each year's total where shown. */
export function observeStack(
  eq: Equations,
  f: Filters,
  split: 'activity_type' | 'participant_category',
  parts: readonly string[],
  rows: readonly Row[],
  m: Method,
) {
  const where = inFilters(split === 'activity_type' ? 'activity' : 'category', f);
  const total = inFilters('trend', f);
  const field = (c: Cell) => (split === 'activity_type' ? c.activity : c.category);
  const shown = new Map(rows.map((r) => [`${String(r.year)}:${String(r.key)}`, num(r.headcount)]));
  const totals = new Map<number, number | null>();
  for (const r of rows) if ('total' in r) totals.set(r.year as number, num(r.total));
  for (let year = f.yearFrom; year <= f.yearTo; year++) {
    for (const part of parts) {
      const form = eq.form((c) => where(c) && c.year === year && field(c) === part);
      const key = `${year}:${part}`;
      if (shown.has(key)) put(eq, m, form, shown.get(key)!, shown.get(key) === null);
      else put(eq, m, form, ABSENT);
    }
    if (totals.has(year)) {
      put(
        eq,
        m,
        eq.form((c) => total(c) && c.year === year),
        totals.get(year)!,
        totals.get(year) === null,
      );
    }
  }
}

const placeOf = (row: Row) =>
  row.city_en === null ? '' : `${String(row.city_en)}@${String(row.lon)},${String(row.lat)}`;

/** The map's arcs: person-trips by country, direction and place. */
function observeFlows(eq: Equations, f: Filters, rows: readonly Row[], m: Method) {
  const where = inFilters('place', f);
  const shown = new Set<string>();
  for (const row of rows) {
    const key = `${String(row.country)}|${String(row.direction)}|${placeOf(row)}`;
    shown.add(key);
    const form = eq.form(
      (c) => where(c) && c.country === row.country && c.direction === row.direction && c.place === placeOf(row),
    );
    put(eq, m, form, num(row.headcount), row.headcount === null);
  }
  for (const c0 of eq.cells.filter(where)) {
    const key = `${c0.country}|${c0.direction}|${c0.place}`;
    if (shown.has(key)) continue;
    shown.add(key);
    put(
      eq,
      m,
      eq.form((c) => where(c) && c.country === c0.country && c.direction === c0.direction && c.place === c0.place),
      ABSENT,
    );
  }
}

/** The map's table: outbound, inbound, total and net per country. */
export function observeMapTable(eq: Equations, f: Filters, rows: readonly Row[], m: Method) {
  const where = inFilters('country', f);
  const shown = new Set<string>();
  for (const row of rows) {
    const country = String(row.country);
    shown.add(country);
    for (const dir of directionsOf(f)) {
      const v = num(row[dir]);
      put(
        eq,
        m,
        eq.form((c) => where(c) && c.country === country && c.direction === dir),
        v,
        v === null,
      );
    }
    put(
      eq,
      m,
      eq.form((c) => where(c) && c.country === country),
      num(row.total),
      row.total === null,
    );
  }
  for (const country of new Set(eq.cells.filter(where).map((c) => c.country))) {
    if (!shown.has(country))
      put(
        eq,
        m,
        eq.form((c) => where(c) && c.country === country),
        ABSENT,
      );
  }
}

/** Events: each event's delegates (events of the years selected; other filters do not apply). */
function observeEvents(eq: Equations, rows: readonly Row[], m: Method) {
  for (const row of rows) {
    const v = num(row.delegates);
    if (row.delegates === null) continue;
    put(
      eq,
      m,
      eq.form((c) => c.family === 'event' && c.event === row.id),
      v,
    );
  }
}

/** Every figure of one chart's rows for one filter state. */
export function observeChart(eq: Equations, id: string, f: Filters, rows: readonly Row[], m: Method): void {
  if (id in SPLIT_CHARTS) observeSplit(eq, id, f, rows, m);
  else if (id === 'netflow') observeNetFlow(eq, f, rows, m);
  else if (id === 'trend') observeTrend(eq, f, rows, m);
  else if (id === 'map') observeFlows(eq, f, rows, m);
  else if (id === 'events') observeEvents(eq, rows, m);
}

// Reading public CSV exports back: the names in the first column to keys, the numbers to rows.

/** The page's words in English, numbers as a CSV holds them (the export menu's CSV context). */
export const CSV_CONTEXT: ChartContext = {
  t: (key, params) => translate('en', key, params),
  n: (v) => String(v),
  country: (code) => countryName(code, 'en'),
  width: 640,
  locale: 'en',
};

/** What each chart's table calls each key (as a visitor reads the names). */
function namesOf(id: string, cells: readonly Cell[]): Map<string, string> {
  const out = new Map<string, string>();
  const family = SPLIT_CHARTS[id]?.family ?? 'country';
  const keys = new Set(
    cells
      .filter((c) => c.family === '' || c.family === family)
      .flatMap((c) => (id in SPLIT_CHARTS ? SPLIT_CHARTS[id]!.keys(c) : [c.country])),
  );
  const programs = new Map(csv('programs.csv').map((p) => [p.id!, p.name_en!]));
  const partners = new Map(csv('partners.csv').map((p) => [p.id!, p]));
  const prefix: Record<string, string> = {
    categories: 'category',
    duration: 'band',
    continents: 'continent',
    groups: 'group',
    funding: 'funding',
  };
  for (const key of keys) {
    let name: string;
    if (id === 'programs') name = programs.get(key) ?? key;
    else if (id === 'partners') {
      const p = partners.get(key);
      name = p ? `${p.name_en} (${countryName(p.country!, 'en')})` : key;
    } else if (prefix[id]) name = enumLabel(CSV_CONTEXT, prefix[id], key);
    else if (id === 'department') name = departmentName(key, 'en');
    else name = countryName(key, 'en');
    out.set(name, key);
  }
  return out;
}

const body = (text: string) => csvParseRows(text.replace(/^\uFEFF/, '')).slice(1);
const cell = (s: string | undefined) => {
  if (s === undefined || s === '') return null;
  const v = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(v)) throw new Error(`not a number in a public export: ${s}`);
  return v;
};

/** A public CSV export read back into a chart's rows. */
export function rowsFromCsv(id: string, text: string, cells: readonly Cell[]): Row[] {
  const rows = body(text);
  if (id === 'trend') {
    return rows.flatMap(([year, out, inn]) => [
      { year: Number(year), direction: 'outbound', headcount: cell(out) },
      { year: Number(year), direction: 'inbound', headcount: cell(inn) },
    ]);
  }
  const names = namesOf(id, cells);
  const keyOf = (name: string) => {
    const key = names.get(name);
    if (key === undefined) throw new Error(`${id}: a name the visitor cannot place: ${name}`);
    return key;
  };
  if (id === 'netflow') {
    return rows.map(([name, inn, out, net]) => ({
      country: keyOf(name!),
      inbound: cell(inn),
      outbound: cell(out),
      net: cell(net),
    }));
  }
  if (id === 'maptable') {
    return rows.map(([name, out, inn, total, net]) => ({
      country: keyOf(name!),
      outbound: cell(out),
      inbound: cell(inn),
      total: cell(total),
      net: cell(net),
    }));
  }
  const field = SPLIT_CHARTS[id]!.field;
  return rows.flatMap(([name, out, inn, total]) => [
    { [field]: keyOf(name!), direction: 'outbound', headcount: cell(out), total: cell(total) },
    { [field]: keyOf(name!), direction: 'inbound', headcount: cell(inn), total: cell(total) },
  ]);
}

/** A stacked trend's public CSV read back: a row per year and part. */
export function stackRowsFromCsv(
  text: string,
  split: 'activity_type' | 'participant_category',
  parts: readonly string[],
) {
  const prefix = split === 'activity_type' ? 'activity' : 'category';
  const names = new Map(parts.map((p) => [enumLabel(CSV_CONTEXT, prefix, p), p]));
  return body(text).map(([year, label, headcount]) => {
    const key = names.get(label!);
    if (key === undefined) throw new Error(`stack: a name the visitor cannot place: ${label}`);
    return { year: Number(year), key, headcount: cell(headcount) };
  });
}
