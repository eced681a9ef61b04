import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { MapFeature } from './flow-map-types';

/**
 * The shapes of a basemap topology's `object`, each with its ISO alpha-2 code.
 * Checked at the door: a swapped-in basemap that lacks the object says so.
 */
export function basemapFeatures(topology: unknown, object: string): MapFeature[] {
  const topo = topology as Topology;
  const collection = topo?.type === 'Topology' ? topo.objects?.[object] : undefined;
  if (!collection || collection.type !== 'GeometryCollection') {
    throw new Error(`invalid basemap: no GeometryCollection named "${object}"`);
  }
  return feature(topo, collection).features.map((f) => ({
    id: typeof f.id === 'string' && /^[A-Z]{2}$/.test(f.id) ? f.id : null,
    feature: f,
  }));
}
