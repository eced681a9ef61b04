import type { MapMode, Measure } from '../charts/flow-map-types';
import type { MapZoom } from './url-state';

/** How the map is shown (arcs or shaded, and by what), shared with the link so a copied link shows the same map. */
class MapViewState {
  mode = $state<MapMode>('flows');
  measure = $state<Measure>('total');
  /** Its zoom and centre; null for the whole world. Written when a zoom or pan ends. */
  zoom = $state.raw<MapZoom | null>(null);
}

export const mapView = new MapViewState();
