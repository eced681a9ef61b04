/**
 * Every filter of the dashboard, as data: one entry per filter with its link parameter, how a
 * link's value is read, the column of `facts` it filters, its chip's words and its default.
 *
 * This table drives the filter state (src/state/filters.svelte.ts), the link
 * (src/state/url-state.ts), the SQL (`whereFacts` in src/data/filters.ts), the chips and
 * subtitles (src/state/filter-labels.ts) and the test oracle (tests/helpers/expected.ts,
 * tests/browser/oracle/states.ts), which reads the CSV column of the same name on its own.
 *
 * ADDING A FILTER TOUCHES ONE FILE: add its entry to FILTER_DEFS below (plus the words of its
 * chip, `chip.<key>`, in src/i18n/messages/charts.ts). A selection filters the `facts` column
 * named by `column`; the oracle reads the same-named column of data/exchanges.csv (or, for a
 * derived column, its own derivation). tests/unit/filter-defs.test.ts checks every entry against
 * the link, the SQL on the real engine and the CSV; the funding and department filters were added
 * this way.
 */
import { DIRECTIONS, FUNDING, PARTICIPANT_CATEGORIES, REGION_TYPES } from './enums';

/** What reading a link's value may look up (the country list lives outside the domain). */
export interface FilterParseContext {
  /** The country or region of an ISO alpha-2 code (any case); undefined when unknown. */
  country(code: string): { iso2: string; regionType: string } | undefined;
}

/** How a selection's value is named on a chip and in a subtitle. */
export type FilterLabel =
  /** A coded value: the message `${prefix}.${value}` when `value` is one of `values`, else the value. */
  | { kind: 'enum'; prefix: string; values: readonly string[] }
  /** A country or region, by its code. */
  | { kind: 'country' }
  /** A program or partner: its name from the reference table of that kind. */
  | { kind: 'named'; ref: 'program' | 'partner' }
  /** A department: its own (Chinese) name, or the English one from src/reference/departments.ts. */
  | { kind: 'department' };

/** The span of years: two link parameters, always active in SQL, a chip when narrower than the data. */
export interface YearsDef {
  kind: 'years';
  params: readonly ['from', 'to'];
  column: 'year';
  chip: string;
}

/** One of a few values or 'all' (the filter bar's radio groups). */
export interface ChoiceDef<V extends string = string> {
  kind: 'choice';
  param: string;
  column: string;
  values: readonly V[];
  /** The message prefix of each value's name (`${prefix}.all` included). */
  prefix: string;
  /** The filter bar's legend. */
  legend: string;
  chip: string;
}

/** A value selected by clicking a chart (or from a link), null when none. */
export interface SelectionDef {
  kind: 'selection';
  param: string;
  column: string;
  /** The value a link's parameter stands for, or null when it is not one. */
  parse(raw: string, ctx: FilterParseContext): string | null;
  label: FilterLabel;
  chip: string;
}

export type FilterDef = YearsDef | ChoiceDef | SelectionDef;

/** An id of a program or partner: letters, digits, `_`, `.` and `-`. */
const ID = /^[\w.-]{1,64}$/;
/** A department's name: letters (any script), digits, spaces and a few marks; no markup, no controls. */
const NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ·&'’.,()（）-]{0,63}$/u;

const oneOf =
  (values: readonly string[]) =>
  (raw: string): string | null =>
    values.includes(raw) ? raw : null;

/**
 * The filters, in the order of the filter bar and then the chart selections (chips and links
 * keep this order).
 */
export const FILTER_DEFS = {
  years: { kind: 'years', params: ['from', 'to'], column: 'year', chip: 'chip.years' },
  direction: {
    kind: 'choice',
    param: 'dir',
    column: 'direction',
    values: DIRECTIONS,
    prefix: 'direction',
    legend: 'filter.direction',
    chip: 'chip.direction',
  },
  region: {
    kind: 'choice',
    param: 'scope',
    column: 'region_type',
    values: REGION_TYPES,
    prefix: 'region',
    legend: 'filter.region',
    chip: 'chip.region',
  },
  country: {
    kind: 'selection',
    param: 'country',
    column: 'country',
    // The mainland is home, never a destination.
    parse: (raw, ctx) => {
      const c = ctx.country(raw);
      return c && c.regionType !== 'mainland' ? c.iso2 : null;
    },
    label: { kind: 'country' },
    chip: 'chip.country',
  },
  program: {
    kind: 'selection',
    param: 'program',
    column: 'program',
    parse: (raw) => (ID.test(raw) ? raw : null),
    label: { kind: 'named', ref: 'program' },
    chip: 'chip.program',
  },
  category: {
    kind: 'selection',
    param: 'category',
    column: 'participant_category',
    parse: oneOf(PARTICIPANT_CATEGORIES),
    label: { kind: 'enum', prefix: 'category', values: PARTICIPANT_CATEGORIES },
    chip: 'chip.category',
  },
  partner: {
    kind: 'selection',
    param: 'partner',
    column: 'partner',
    parse: (raw) => (ID.test(raw) ? raw : null),
    label: { kind: 'named', ref: 'partner' },
    chip: 'chip.partner',
  },
  funding: {
    kind: 'selection',
    param: 'funding',
    column: 'funding',
    parse: oneOf(FUNDING),
    label: { kind: 'enum', prefix: 'funding', values: FUNDING },
    chip: 'chip.funding',
  },
  department: {
    kind: 'selection',
    param: 'department',
    column: 'department',
    parse: (raw) => (NAME.test(raw.trim()) ? raw.trim() : null),
    label: { kind: 'department' },
    chip: 'chip.department',
  },
} as const satisfies Record<string, FilterDef>;

type Defs = typeof FILTER_DEFS;
export type FilterKey = keyof Defs;
/** The filters of the filter bar with a value or 'all'. */
export type ChoiceKey = { [K in FilterKey]: Defs[K] extends { kind: 'choice' } ? K : never }[FilterKey];
/** The filters a chart's click selects. */
export type SelectionKey = { [K in FilterKey]: Defs[K] extends { kind: 'selection' } ? K : never }[FilterKey];

/**
 * What every view is filtered by: the span of years, the filter bar's choices ('all' when not
 * set) and the selections made by clicking a chart (null when not set). Queries bind every value.
 */
export type Filters = { yearFrom: number; yearTo: number } & {
  -readonly [K in ChoiceKey]: Defs[K]['values'][number] | 'all';
} & { -readonly [K in SelectionKey]: string | null };

const keysOf = <K extends FilterKey>(kind: FilterDef['kind']) =>
  (Object.keys(FILTER_DEFS) as FilterKey[]).filter((k) => FILTER_DEFS[k].kind === kind) as K[];

export const FILTER_KEYS = Object.keys(FILTER_DEFS) as readonly FilterKey[];
export const CHOICE_KEYS: readonly ChoiceKey[] = keysOf<ChoiceKey>('choice');
export const SELECTION_KEYS: readonly SelectionKey[] = keysOf<SelectionKey>('selection');

/** The definition of a choice or a selection, typed by its kind. */
export const choiceDef = (key: ChoiceKey): ChoiceDef => FILTER_DEFS[key];
export const selectionDef = (key: SelectionKey): SelectionDef => FILTER_DEFS[key];

/** Every filter at its default over the years of the data. */
export function defaultFilters(yearFrom: number, yearTo: number): Filters {
  const filters: Record<string, unknown> = { yearFrom, yearTo };
  for (const key of CHOICE_KEYS) filters[key] = 'all';
  for (const key of SELECTION_KEYS) filters[key] = null;
  return filters as Filters;
}

/** The value a filter is back at when its chip is removed (years: the data's span). */
export function clearedFilter(filters: Filters, key: FilterKey, span: readonly [number, number]): Filters {
  if (key === 'years') return { ...filters, yearFrom: span[0], yearTo: span[1] };
  return { ...filters, [key]: FILTER_DEFS[key].kind === 'choice' ? 'all' : null };
}
