import type { MapMode, Measure } from '../charts/flow-map-types';

/** How the map is shown (arcs or shaded, and by what), shared with the link so a copied link shows the same map. */
class MapViewState {
  mode = $state<MapMode>('flows');
  measure = $state<Measure>('total');
}

export const mapView = new MapViewState();
