import { LOCALES, type Locale } from '../i18n/messages';
import { parseUrlState } from '../state/url-state';
import type { Theme } from '../state/theme';
import { allowsParent } from '../config/embed';
import type { EmbedFilters } from './aggregates';
import { embeddable, type EmbeddableChart } from './registry';

export interface EmbedParams {
  chart: EmbeddableChart | undefined;
  filters: EmbedFilters;
  locale: Locale;
  /** Light, dark, or the system's choice, to match the page that holds it. */
  theme: Theme;
  /** Where to post the height: a configured origin, or none. */
  parentOrigin: string | null;
}

/**
 * Reads the embed's parameters; each is checked like the app's link parameters. The height goes
 * only to the site itself or to a parent origin of embed-origins.json (`allowedParents`).
 */
export function parseEmbedParams(
  search: string,
  bounds: { min: number; max: number },
  ownOrigin: string,
  allowedParents: readonly string[] = [],
): EmbedParams {
  const params = new URLSearchParams(search);
  const { filters, locale, theme } = parseUrlState(search, bounds, 'zh-CN');
  const origin = params.get('origin');
  const allowed = origin !== null && allowsParent(origin, allowedParents, ownOrigin);
  return {
    chart: embeddable(params.get('chart')),
    filters: {
      yearFrom: filters.yearFrom,
      yearTo: filters.yearTo,
      direction: filters.direction,
      region: filters.region,
    },
    locale: (LOCALES as string[]).includes(locale) ? locale : 'zh-CN',
    theme,
    parentOrigin: allowed ? new URL(origin).origin : null,
  };
}
