import type { Filters } from '../data/filters';
import { EMBED_CHOICES } from '../embed/registry';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { formatUrlState, parseUrlState, type YearBounds } from '../state/url-state';

/** What a slide can show: a chart the embed page draws, or the flow map (`map`). */
export function deckable(id: string | null): boolean {
  return EMBED_CHOICES.some((choice) => choice.id === id);
}

/** One slide: a chart (or the map) under a set of filters. Filters are kept as a link's query string, validated on reading. */
export interface Slide {
  chart: string;
  view: string;
}

export interface Deck {
  version: 1;
  slides: Slide[];
}

/** The bundled data's story: the growth, where people go, the cross-Strait programme, who comes, and the map of it all. */
export function defaultDeck(bounds: YearBounds): Deck {
  const view = (patch: Partial<Filters>) =>
    formatUrlState(
      {
        filters: { ...parseUrlState('', bounds).filters, ...patch },
        locale: 'zh-CN',
        view: 'dashboard',
        theme: 'auto',
        map: { mode: 'flows', measure: 'total' },
      },
      bounds,
    ).replace(/&?lang=[^&]*/, '');
  const recent = Math.max(bounds.min, bounds.max - 2);
  return {
    version: 1,
    slides: [
      { chart: 'trend', view: view({}) },
      { chart: 'countries', view: view({}) },
      { chart: 'trend', view: view({ region: 'hk_macao_tw' }) },
      { chart: 'countries', view: view({ yearFrom: recent, direction: 'outbound', region: 'foreign' }) },
      { chart: 'countries', view: view({ direction: 'inbound' }) },
      { chart: 'map', view: view({}) },
    ],
  };
}

/** Reads a deck from a file or storage: unknown charts are dropped, views re-validated when shown. */
export function parseDeck(text: string): Deck | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as Deck).slides)) return null;
  const slides = (data as { slides: unknown[] }).slides.flatMap((s): Slide[] => {
    if (typeof s !== 'object' || s === null) return [];
    const { chart, view } = s as Record<string, unknown>;
    if (typeof chart !== 'string' || !deckable(chart) || typeof view !== 'string' || view.length > 2000) return [];
    return [{ chart, view }];
  });
  return slides.length ? { version: 1, slides } : null;
}

export function slideFilters(slide: Slide, bounds: YearBounds): Filters {
  return parseUrlState(slide.view, bounds).filters;
}

/** What a slide's subtitle says of its filters: the years, the direction, the scope, the country. */
export function slideSubtitle(
  filters: Filters,
  words: { t: (key: MessageKey, params?: Params) => string; country: (code: string) => string },
): string {
  const parts = [words.t('subtitle.years', { from: filters.yearFrom, to: filters.yearTo })];
  if (filters.direction !== 'all') parts.push(words.t(`direction.${filters.direction}`));
  parts.push(words.t(`region.${filters.region}`));
  if (filters.country) parts.push(words.country(filters.country));
  return parts.join(words.t('subtitle.sep'));
}
