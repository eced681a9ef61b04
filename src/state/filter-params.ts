/**
 * The filters' part of a link, read and written from the filter definitions
 * (src/domain/filters.ts): each parameter on its own, a malformed value falls back to its default.
 */
import {
  CHOICE_KEYS,
  FILTER_DEFS,
  SELECTION_KEYS,
  choiceDef,
  defaultFilters,
  selectionDef,
  type FilterParseContext,
  type Filters,
} from '../domain/filters';
import { countryByIso2 } from '../reference/countries';

export interface YearBounds {
  min: number;
  max: number;
}

const CONTEXT: FilterParseContext = { country: (code) => countryByIso2(code) };

function year(value: string | null, bounds: YearBounds): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const n = Number(value);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** The filters a link's parameters carry; every filter not given (or not valid) at its default. */
export function parseFilterParams(params: URLSearchParams, bounds: YearBounds): Filters {
  const filters: Record<string, unknown> = defaultFilters(bounds.min, bounds.max);
  const [fromParam, toParam] = FILTER_DEFS.years.params;
  let from = year(params.get(fromParam), bounds) ?? bounds.min;
  let to = year(params.get(toParam), bounds) ?? bounds.max;
  if (from > to) [from, to] = [bounds.min, bounds.max];
  filters.yearFrom = from;
  filters.yearTo = to;
  for (const key of CHOICE_KEYS) {
    const def = choiceDef(key);
    const value = params.get(def.param);
    if (value !== null && def.values.includes(value)) filters[key] = value;
  }
  for (const key of SELECTION_KEYS) {
    const def = selectionDef(key);
    const value = params.get(def.param);
    filters[key] = value === null ? null : def.parse(value, CONTEXT);
  }
  return filters as Filters;
}

/** Writes the filters that differ from their defaults, in the order of the definitions. */
export function writeFilterParams(params: URLSearchParams, filters: Filters, bounds: YearBounds): void {
  const [fromParam, toParam] = FILTER_DEFS.years.params;
  if (filters.yearFrom !== bounds.min) params.set(fromParam, String(filters.yearFrom));
  if (filters.yearTo !== bounds.max) params.set(toParam, String(filters.yearTo));
  for (const key of CHOICE_KEYS) if (filters[key] !== 'all') params.set(choiceDef(key).param, filters[key]);
  for (const key of SELECTION_KEYS) {
    const value = filters[key];
    if (value !== null) params.set(selectionDef(key).param, value);
  }
}
