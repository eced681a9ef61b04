import type { Filters } from '../data/filters';
import { parseFilterParams, writeFilterParams, type YearBounds } from './filter-params';
import { LOCALES, type Locale } from '../i18n/messages';
import { countryByIso2 } from '../reference/countries';
import { THEMES, type Theme } from './theme';
import { MAP_MODES, MEASURES, type MapMode, type Measure } from '../charts/flow-map-types';
import { TREND_SPLITS, type TrendSplit } from '../data/queries/trend-stack';

/** Bumped when the meaning of a parameter changes; older links are read as far as they still make sense. */
export const URL_STATE_VERSION = 1;

/** The pages a link can open. A profile (`partner`, `country`) names its subject in `id`. */
export const VIEWS = ['dashboard', 'data', 'partner', 'country', 'report'] as const;
export type View = (typeof VIEWS)[number];
/** The views that are one subject's profile. */
export const PROFILE_VIEWS = ['partner', 'country'] as const;
export type ProfileView = (typeof PROFILE_VIEWS)[number];
export const isProfileView = (view: View): view is ProfileView => (PROFILE_VIEWS as readonly string[]).includes(view);

/** The map's zoom (1 = the whole world) and the point at the centre of its frame, in degrees. */
export interface MapZoom {
  k: number;
  lon: number;
  lat: number;
}
export const MAX_MAP_ZOOM = 12;

/** What a link carries: the filters, the language, the page shown and its colours. */
export interface UrlState {
  filters: Filters;
  locale: Locale;
  view: View;
  /** 'auto' (the system's choice) when the link does not say. */
  theme: Theme;
  /** The map: arcs or shaded, the measure it shades by, and (when zoomed) its zoom and centre. */
  map: { mode: MapMode; measure: Measure; zoom?: MapZoom | null };
  /**
   * The profile's subject (a partner id, a country code) when `view` is a profile, else null.
   * Its own parameter (`id`), not `partner=`/`country=`: those stay the dashboard's filters,
   * carried along so that the way back shows the dashboard as it was.
   */
  profile?: string | null;
  /** What the trend's bars are split by. */
  split?: TrendSplit;
}

export type { YearBounds };

const ID = /^[\w.-]{1,64}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function country(value: string | null): string | null {
  const found = value ? countryByIso2(value) : undefined;
  return found && found.regionType !== 'mainland' ? found.iso2 : null;
}

function number(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^-?\d{1,3}(\.\d{1,6})?$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** `zoom=2.5&at=121.5,25` (longitude, latitude); null when absent, malformed or out of range. */
function mapZoom(zoom: string | null, at: string | null): MapZoom | null {
  const k = number(zoom, 1, MAX_MAP_ZOOM);
  const [lonText = null, latText = null, ...rest] = at?.split(',') ?? [];
  const lon = number(lonText, -180, 180);
  const lat = number(latText, -90, 90);
  return k === null || k === 1 || lon === null || lat === null || rest.length ? null : { k, lon, lat };
}

const round = (n: number, digits: number) => String(Number(n.toFixed(digits)));

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
  const filters = parseFilterParams(params, bounds);
  let view = oneOf(params.get('view'), VIEWS) ?? 'dashboard';
  const id = params.get('id');
  const profile =
    view === 'partner' ? (id !== null && ID.test(id) ? id : null) : view === 'country' ? country(id) : null;
  // A profile without a subject it can show is the dashboard.
  if (isProfileView(view) && profile === null) view = 'dashboard';
  return {
    filters,
    locale: oneOf(params.get('lang'), LOCALES) ?? fallbackLocale,
    view,
    theme: oneOf(params.get('theme'), THEMES) ?? fallbackTheme,
    map: {
      mode: oneOf(params.get('map'), MAP_MODES) ?? 'flows',
      measure: oneOf(params.get('measure'), MEASURES) ?? 'total',
      zoom: mapZoom(params.get('zoom'), params.get('at')),
    },
    profile,
    split: oneOf(params.get('split'), TREND_SPLITS) ?? 'direction',
  };
}

/** Writes a link: only what differs from the defaults, plus the version. */
export function formatUrlState(state: UrlState, bounds: YearBounds): string {
  const { filters } = state;
  const params = new URLSearchParams({ v: String(URL_STATE_VERSION) });
  params.set('lang', state.locale);
  // A profile without its subject is written as the dashboard, as it is read.
  const profile = isProfileView(state.view) ? (state.profile ?? null) : null;
  if (state.view !== 'dashboard' && (profile !== null || !isProfileView(state.view))) params.set('view', state.view);
  if (profile !== null) params.set('id', profile);
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.map.mode !== 'flows') params.set('map', state.map.mode);
  if (state.map.measure !== 'total') params.set('measure', state.map.measure);
  const zoom = state.map.zoom;
  if (zoom && zoom.k !== 1) {
    params.set('zoom', round(zoom.k, 2));
    params.set('at', `${round(zoom.lon, 2)},${round(zoom.lat, 2)}`);
  }
  if (state.split && state.split !== 'direction') params.set('split', state.split);
  writeFilterParams(params, filters, bounds);
  return `?${params.toString()}`;
}
