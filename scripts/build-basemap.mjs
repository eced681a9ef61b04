// Writes public/basemap/world-zh.topo.json, the flow map's default basemap, from
// @surbowl/world-geo-json-zh (Unlicense): Natural Earth 1:50m adjusted after the
// Ministry of Natural Resources' standard maps (Taiwan part of China, the ten-dash
// line). Run with `node scripts/build-basemap.mjs` after a version bump.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { geoArea } from 'd3';
import { topology } from 'topojson-server';

const require = createRequire(import.meta.url);
const SOURCE = '@surbowl/world-geo-json-zh/world.zh.json';
const OUT = new URL('../public/basemap/world-zh.topo.json', import.meta.url);
// Enough to keep the dashes of the ten-dash line (≈ 0.02° wide) as shapes.
const QUANTIZATION = Number(process.env.QUANTIZATION ?? 1e5);

const source = JSON.parse(readFileSync(require.resolve(SOURCE), 'utf8'));
const version = JSON.parse(readFileSync(require.resolve('@surbowl/world-geo-json-zh/package.json'), 'utf8')).version;

/** The island of Taiwan within China's MultiPolygon: its polygons whose rings lie in this box. */
const TAIWAN_BOX = { west: 119.3, east: 122.1, south: 21.8, north: 25.4 };
const inTaiwanBox = (polygon) =>
  polygon[0].every(
    ([x, y]) => x >= TAIWAN_BOX.west && x <= TAIWAN_BOX.east && y >= TAIWAN_BOX.south && y <= TAIWAN_BOX.north,
  );

/**
 * The source winds rings as RFC 7946 does (exterior counter-clockwise); d3-geo
 * takes the opposite on the sphere and would fill the rest of the world.
 */
const rewind = (polygon) =>
  geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI
    ? polygon.map((ring) => [...ring].reverse())
    : polygon;
function rewound(geometry) {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: rewind(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(rewind) };
  throw new Error(`build-basemap: unexpected geometry ${geometry.type}`);
}

const features = [];
for (const feature of source.features) {
  const code = feature.properties.iso_a2;
  // Antarctica carries no exchange and would take a fifth of the map's height.
  if (code === 'AQ') continue;
  const id = /^[A-Z]{2}$/.test(code) ? code : undefined;
  feature.geometry = rewound(feature.geometry);
  if (id === 'CN') {
    // Taiwan stays China's (drawn in China's fill) but gets its own shape, so
    // it can be named 中国台湾 / Taiwan, China and clicked like any region.
    const polygons = feature.geometry.coordinates;
    const taiwan = polygons.filter(inTaiwanBox);
    if (taiwan.length === 0) throw new Error('build-basemap: no Taiwan polygon found in CN');
    features.push({
      type: 'Feature',
      id: 'CN',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: polygons.filter((p) => !inTaiwanBox(p)) },
    });
    features.push({
      type: 'Feature',
      id: 'TW',
      properties: { part_of: 'CN' },
      geometry: { type: 'MultiPolygon', coordinates: taiwan },
    });
    continue;
  }
  features.push({ type: 'Feature', ...(id ? { id } : {}), properties: {}, geometry: feature.geometry });
}

const topo = topology({ countries: { type: 'FeatureCollection', features } }, QUANTIZATION);
topo.metadata = { source: `${SOURCE.split('/world')[0]}@${version}`, license: 'Unlicense', quantization: QUANTIZATION };
const text = JSON.stringify(topo);
mkdirSync(new URL('.', OUT), { recursive: true });
writeFileSync(OUT, text);
console.log(`${OUT.pathname}: ${features.length} features, ${text.length} bytes, ${gzipSync(text).length} gzipped`);
