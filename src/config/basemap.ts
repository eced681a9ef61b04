/**
 * The flow map's basemap and its credit line: configuration, because a map
 * published in China needs an approved basemap with its approval number (审图号)
 * shown under it (DESIGN.md, "Naming and maps"). To swap in an approved map,
 * put its TopoJSON in public/basemap/ and change `file`, `credit` and `approval`.
 */
export interface BasemapConfig {
  /** TopoJSON, relative to the site's base URL; fetched from the site's own origin when the map is shown. */
  readonly file: string;
  /** The object in the topology that holds the countries and regions; each feature's id is its ISO alpha-2 code. */
  readonly object: string;
  /** The home country: drawn in its own fill, never shaded, never a destination. */
  readonly home: string;
  /** Regions of the home country drawn in its fill (they may have shapes of their own, or only points). */
  readonly homeRegions: readonly string[];
  /** The meridian at the map's centre: 150° E keeps Asia and the Pacific whole and cuts the map in the Atlantic. */
  readonly centralMeridian: number;
  /** Shown under the map, per language. */
  readonly credit: { readonly 'zh-CN': string; readonly en: string };
  /** The approval number (审图号) of an approved basemap, or null for a schematic map. */
  readonly approval: string | null;
}

export const BASEMAP: BasemapConfig = {
  file: 'basemap/world-zh.topo.json',
  object: 'countries',
  home: 'CN',
  homeRegions: ['TW', 'HK', 'MO'],
  centralMeridian: 150,
  credit: {
    'zh-CN':
      '底图：world-geo-json-zh（公有领域），据 Natural Earth 1:50m 简化，参照自然资源部标准地图（GS(2023)2767号、GS(2021)5443号）调整。',
    en: "Basemap: world-geo-json-zh (public domain), simplified from Natural Earth 1:50m and adjusted after the Ministry of Natural Resources' standard maps (GS(2023)2767, GS(2021)5443).",
  },
  approval: null,
};

/** The hub of every flow: the college's campus in Anshun, Guizhou. */
export const COLLEGE = { lon: 105.93, lat: 26.25 } as const;
