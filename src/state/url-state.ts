import { defaultFilters, type Filters } from '../data/filters';
import { DIRECTIONS, PARTICIPANT_CATEGORIES, REGION_TYPES } from '../data/schema';
import { LOCALES, type Locale } from '../i18n/messages';
import { countryByIso2 } from '../reference/countries';
import { THEMES, type Theme } from './theme';
import { MAP_MODES, MEASURES, type MapMode, type Measure } from '../charts/flow-map-types';

/** Bumped when the meaning of a parameter changes; older links are read as far as they still make sense. */
export const URL_STATE_VERSION = 1;

export const VIEWS = ['dashboard', 'data'] as const;
export type View = (typeof VIEWS)[number];

/** What a link carries: the filters, the language, the page shown and its colours. */
export interface UrlState {
  filters: Filters;
  locale: Locale;
  view: View;
  /** 'auto' (the system's choice) when the link does not say. */
  theme: Theme;
  /** The map: arcs or shaded, and the measure it shades by. */
  map: { mode: MapMode; measure: Measure };
}

export interface YearBounds {
  min: number;
  max: number;
}

const ID = /^[\w.-]{1,64}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function year(value: string | null, bounds: YearBounds): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const n = Number(value);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/**
 * Reads a link. Each parameter is checked on its own: an unknown or malformed
 * value falls back to its default, and never reaches SQL except as a bound value.
 */
export function parseUrlState(
  search: string,
  bounds: YearBounds,
  fallbackLocale: Locale = 'zh-CN',
  fallbackTheme: Theme = 'auto',
): UrlState {
  const params = new URLSearchParams(search);
  const filters = defaultFilters(bounds.min, bounds.max);
  let from = year(params.get('from'), bounds) ?? bounds.min;
  let to = year(params.get('to'), bounds) ?? bounds.max;
  if (from > to) [from, to] = [bounds.min, bounds.max];
  filters.yearFrom = from;
  filters.yearTo = to;
  filters.direction = oneOf(params.get('dir'), DIRECTIONS) ?? 'all';
  filters.region = oneOf(params.get('scope'), REGION_TYPES) ?? 'all';
  const country = params.get('country');
  filters.country =
    country && countryByIso2(country)?.regionType !== 'mainland' ? (countryByIso2(country)?.iso2 ?? null) : null;
  filters.category = oneOf(params.get('category'), PARTICIPANT_CATEGORIES);
  for (const key of ['program', 'partner'] as const) {
    const value = params.get(key);
    filters[key] = value !== null && ID.test(value) ? value : null;
  }
  return {
    filters,
    locale: oneOf(params.get('lang'), LOCALES) ?? fallbackLocale,
    view: oneOf(params.get('view'), VIEWS) ?? 'dashboard',
    theme: oneOf(params.get('theme'), THEMES) ?? fallbackTheme,
    map: {
      mode: oneOf(params.get('map'), MAP_MODES) ?? 'flows',
      measure: oneOf(params.get('measure'), MEASURES) ?? 'total',
    },
  };
}

/** Writes a link: only what differs from the defaults, plus the version. */
export function formatUrlState(state: UrlState, bounds: YearBounds): string {
  const { filters } = state;
  const params = new URLSearchParams({ v: String(URL_STATE_VERSION) });
  params.set('lang', state.locale);
  if (state.view !== 'dashboard') params.set('view', state.view);
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.map.mode !== 'flows') params.set('map', state.map.mode);
  if (state.map.measure !== 'total') params.set('measure', state.map.measure);
  if (filters.yearFrom !== bounds.min) params.set('from', String(filters.yearFrom));
  if (filters.yearTo !== bounds.max) params.set('to', String(filters.yearTo));
  if (filters.direction !== 'all') params.set('dir', filters.direction);
  if (filters.region !== 'all') params.set('scope', filters.region);
  for (const key of ['country', 'program', 'category', 'partner'] as const) {
    const value = filters[key];
    if (value !== null) params.set(key, value);
  }
  return `?${params.toString()}`;
}
