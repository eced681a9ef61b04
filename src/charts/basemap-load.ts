import { BASEMAP } from '../config/basemap';
import { basemapFeatures } from './flow-map-basemap';
import type { MapFeature } from './flow-map-types';

let basemap: Promise<MapFeature[]> | null = null;

/**
 * The basemap, fetched from the site's own origin when a map is first shown and
 * kept for the page's life; a failed fetch is tried again next time.
 */
export function loadBasemap(): Promise<MapFeature[]> {
  basemap ??= fetch(new URL(BASEMAP.file, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`${BASEMAP.file}: HTTP ${response.status}`);
      return response.json();
    })
    .then((topology: unknown) => basemapFeatures(topology, BASEMAP.object));
  basemap.catch(() => (basemap = null));
  return basemap;
}
