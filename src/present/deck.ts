import type { Filters } from '../data/filters';
import { embeddable } from '../embed/registry';
import { formatUrlState, parseUrlState, type YearBounds } from '../state/url-state';

/** One slide: a chart under a set of filters. Filters are kept as a link's query string, validated on reading. */
export interface Slide {
  chart: string;
  view: string;
}

export interface Deck {
  version: 1;
  slides: Slide[];
}

/** The bundled data's story: the growth, where people go, the cross-Strait programme, who comes. */
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
    if (typeof chart !== 'string' || !embeddable(chart) || typeof view !== 'string' || view.length > 2000) return [];
    return [{ chart, view }];
  });
  return slides.length ? { version: 1, slides } : null;
}

export function slideFilters(slide: Slide, bounds: YearBounds): Filters {
  return parseUrlState(slide.view, bounds).filters;
}
