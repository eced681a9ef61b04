import { geoPath, pointer, select, zoom, zoomIdentity, type Selection, type ZoomBehavior } from 'd3';
import type { Feature, Geometry } from 'geojson';
import { LAND } from './choropleth';
import { LAND_ACTIVE } from './flow-map';
import { apply, arcShape, IDENTITY, type Point, type Transform } from './flow-map-geometry';
import type { LegendSection, MapArc, MapArea, MapMarker, MapSpec, Tip } from './flow-map-types';

export interface MapHandlers {
  /** The pointer is over something with a tooltip (null: over nothing), at this point of the container. */
  hover(tip: Tip | null, at: Point): void;
  /** A click on a country's shape, arc or arc end. */
  select(country: string): void;
  /** The pointer is on the country a click would select (null: on none): its click may be asked ahead. */
  rest?(country: string | null): void;
  /** A zoom or pan ended, here (null: the whole world). */
  zoomed?(zoom: GeoZoom | null): void;
}

/** A zoom as the map's scale and the point (degrees) at the centre of its frame: the same on any width. */
export interface GeoZoom {
  k: number;
  lon: number;
  lat: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_ZOOM = 12;

/**
 * The flow map's DOM: draws a MapSpec into an SVG with d3 and keeps it up to
 * date. The land is scaled by the zoom; arcs, dots and the hub are redrawn in
 * screen coordinates at each zoom step so lines and arrowheads keep their size.
 */
export class MapView {
  readonly svg: SVGSVGElement;
  #root: Selection<SVGSVGElement, unknown, null, undefined>;
  #land: Selection<SVGGElement, unknown, null, undefined>;
  #arcs: Selection<SVGGElement, unknown, null, undefined>;
  #markers: Selection<SVGGElement, unknown, null, undefined>;
  #hub: Selection<SVGGElement, unknown, null, undefined>;
  #zoom: ZoomBehavior<SVGSVGElement, unknown>;
  #transform: Transform = IDENTITY;
  #spec: MapSpec | null = null;
  /** Each shape's path for the size it was projected at: recomputed only when the size changes. */
  #paths = new WeakMap<Feature<Geometry>, { size: string; d: string }>();

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: MapHandlers,
  ) {
    this.svg = container.ownerDocument.createElementNS(SVG_NS, 'svg');
    this.#root = select(this.svg).attr('class', 'flow-map').attr('role', 'img');
    this.#root
      .append('rect')
      .attr('class', 'ocean')
      .attr('fill', '#f3f7fb')
      .on('pointermove', (event: PointerEvent) => {
        this.#hover(event, null);
        this.handlers.rest?.(null);
      });
    this.#land = this.#root.append('g').attr('class', 'land');
    this.#arcs = this.#root.append('g').attr('class', 'arcs');
    this.#markers = this.#root.append('g').attr('class', 'markers');
    this.#hub = this.#root.append('g').attr('class', 'hub').attr('pointer-events', 'none');
    this.#root.on('pointerleave', () => {
      this.handlers.hover(null, [0, 0]);
      this.handlers.rest?.(null);
    });
    this.#zoom = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      // The wheel zooms only with Ctrl (or ⌘), so the page still scrolls over the map.
      .filter((event: Event) =>
        event.type === 'wheel'
          ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey
          : !(event as MouseEvent).button,
      )
      // d3-zoom's default test reads the global navigator; the element's own window works in any document.
      .touchable(function (this: SVGSVGElement) {
        return Boolean(this.ownerDocument.defaultView?.navigator.maxTouchPoints) || 'ontouchstart' in this;
      })
      .on('zoom', (event: { transform: Transform }) => this.#applyZoom(event.transform))
      .on('end', () => this.handlers.zoomed?.(this.geoZoom()));
    this.#root.call(this.#zoom);
    container.append(this.svg);
  }

  update(spec: MapSpec): void {
    const resized = this.#spec?.width !== spec.width || this.#spec?.height !== spec.height;
    // A new size keeps the same place in the middle at the same zoom.
    const kept = resized ? this.geoZoom() : null;
    this.#spec = spec;
    const { width, height } = spec;
    this.#root.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    this.#root.attr('aria-label', spec.label);
    this.#root.select('rect.ocean').attr('width', width).attr('height', height);
    this.#zoom
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent([[...spec.extent[0]], [...spec.extent[1]]]);
    this.#drawLand(spec);
    if (kept) this.setGeoZoom(kept);
    else if (resized && this.#transform !== IDENTITY) this.#root.call(this.#zoom.transform, zoomIdentity);
    else this.#drawOverlay();
  }

  /** The zoom now, as scale and centre in degrees; null at the whole world or before the first spec. */
  geoZoom(): GeoZoom | null {
    const spec = this.#spec;
    const t = this.#transform;
    if (!spec || t.k === 1) return null;
    const centre = spec.projection.invert?.([(spec.width / 2 - t.x) / t.k, (spec.height / 2 - t.y) / t.k]);
    return centre ? { k: t.k, lon: centre[0], lat: centre[1] } : null;
  }

  /** Zooms to a scale around a centre in degrees (kept inside the map's bounds), at once; null: the whole world. */
  setGeoZoom(zoom: GeoZoom | null): void {
    const spec = this.#spec;
    if (!spec) return;
    const at = zoom && spec.projection([zoom.lon, zoom.lat]);
    const k = zoom ? Math.min(Math.max(zoom.k, 1), MAX_ZOOM) : 1;
    const target =
      at && k !== 1
        ? zoomIdentity.translate(spec.width / 2 - k * at[0], spec.height / 2 - k * at[1]).scale(k)
        : zoomIdentity;
    this.#root.interrupt().call(this.#zoom.transform, target);
  }

  zoomBy(factor: number): void {
    this.#root.transition().duration(200).call(this.#zoom.scaleBy, factor);
  }

  panBy(dx: number, dy: number): void {
    this.#root
      .transition()
      .duration(150)
      .call(this.#zoom.translateBy, dx / this.#transform.k, dy / this.#transform.k);
  }

  reset(): void {
    this.#root.transition().duration(200).call(this.#zoom.transform, zoomIdentity);
  }

  destroy(): void {
    this.#root.interrupt().on('.zoom', null).on('pointerleave', null);
    this.svg.remove();
  }

  #applyZoom(transform: Transform): void {
    this.#transform = { k: transform.k, x: transform.x, y: transform.y };
    this.#land.attr('transform', `translate(${transform.x},${transform.y}) scale(${transform.k})`);
    this.#drawOverlay();
  }

  #hover(event: PointerEvent, tip: Tip | null): void {
    this.handlers.hover(tip, pointer(event, this.container) as unknown as Point);
  }

  #drawLand(spec: MapSpec): void {
    const size = `${spec.width}x${spec.height}`;
    const path = geoPath(spec.projection);
    const d = (area: MapArea) => {
      const cached = this.#paths.get(area.feature);
      if (cached?.size === size) return cached.d;
      const value = path(area.feature) ?? '';
      this.#paths.set(area.feature, { size, d: value });
      return value;
    };
    this.#land
      .selectAll<SVGPathElement, MapArea>('path')
      .data(spec.areas, (a, i) => a.id ?? `#${i}`)
      .join('path')
      .attr('d', d)
      .attr('fill', (a) => a.fill)
      // Plain land (no shade): the page's theme may draw it darker (app.css); exports keep the attribute.
      .attr('class', (a) => (a.fill === LAND || a.fill === LAND_ACTIVE ? 'plain' : null))
      .attr('stroke', (a) => (a.selected ? '#111' : a.stroke))
      .attr('stroke-width', (a) => (a.selected ? 2 : 0.5))
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('data-testid', (a) => (a.id ? `map-area-${a.id}` : null))
      .attr('data-selected', (a) => (a.selected ? 'true' : null))
      .attr('cursor', (a) => (a.clickable ? 'pointer' : null))
      .on('pointermove', (event: PointerEvent, a) => {
        this.#hover(event, a.tip);
        this.handlers.rest?.(a.clickable && a.id ? a.id : null);
      })
      .on('click', (_event: MouseEvent, a) => {
        if (a.clickable && a.id) this.handlers.select(a.id);
      });
    this.#land.selectAll<SVGPathElement, MapArea>('path[data-selected]').raise();
  }

  #drawOverlay(): void {
    const spec = this.#spec;
    if (!spec) return;
    const t = this.#transform;
    const shapes = new Map(spec.arcs.map((a) => [a.key, arcShape(apply(t, a.from), apply(t, a.to), a.width)]));
    const arcs = this.#arcs
      .selectAll<SVGGElement, MapArc>('g')
      .data(spec.arcs, (a) => a.key)
      .join((enter) => {
        const g = enter.append('g').attr('cursor', 'pointer');
        g.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke-linecap', 'round');
        g.append('path').attr('class', 'head');
        return g;
      })
      .attr('data-testid', (a) => `map-arc-${a.country}`)
      .attr('opacity', (a) => (a.dimmed ? 0.18 : 0.85))
      .on('pointermove', (event: PointerEvent, a) => {
        this.#hover(event, a.tip);
        this.handlers.rest?.(a.country);
      })
      .on('click', (_event: MouseEvent, a) => this.handlers.select(a.country));
    arcs
      .select('path.line')
      .attr('d', (a) => shapes.get(a.key)?.line ?? '')
      .attr('stroke', (a) => a.color)
      .attr('stroke-width', (a) => a.width);
    arcs
      .select('path.head')
      .attr('d', (a) => shapes.get(a.key)?.head ?? '')
      .attr('fill', (a) => a.color);

    this.#markers
      .selectAll<SVGCircleElement, MapMarker>('circle')
      .data(spec.markers, (m) => m.key)
      .join('circle')
      .attr('cx', (m) => apply(t, m.at)[0])
      .attr('cy', (m) => apply(t, m.at)[1])
      .attr('r', (m) => m.r)
      .attr('fill', (m) => m.fill)
      .attr('stroke', (m) => (m.selected ? '#000' : '#374151'))
      .attr('stroke-width', (m) => (m.selected ? 2.5 : 1.2))
      .attr('opacity', (m) => (m.dimmed ? 0.35 : 1))
      .attr('cursor', 'pointer')
      .attr('data-testid', (m) => `map-dot-${m.country}`)
      .on('pointermove', (event: PointerEvent, m) => {
        this.#hover(event, m.tip);
        this.handlers.rest?.(m.country);
      })
      .on('click', (_event: MouseEvent, m) => this.handlers.select(m.country));

    const [hx, hy] = apply(t, spec.hub.at);
    this.#hub
      .selectAll('circle')
      .data([spec.hub])
      .join('circle')
      .attr('cx', hx)
      .attr('cy', hy)
      .attr('r', 5)
      .attr('fill', (h) => h.color)
      .attr('stroke', '#fff')
      .attr('stroke-width', 1.5);
    this.#hub
      .selectAll('text')
      .data([spec.hub])
      .join('text')
      // Below the hub: east of it lies Taiwan, the nearest and largest flow, whose short arcs a label would hide.
      .attr('x', hx)
      .attr('y', hy + 19)
      .attr('text-anchor', 'middle')
      .attr('font-size', 12)
      .attr('font-weight', 600)
      .attr('fill', '#111')
      .attr('stroke', '#fff')
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text((h) => h.label);
  }
}

/** Characters that take a full em: CJK ideographs and punctuation, full-width forms. */
const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;

/** Splits text into lines no wider than `width` at `fontSize` (an estimate: no layout engine is needed). */
export function wrapLines(text: string, width: number, fontSize: number): string[] {
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const measure = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? fontSize : fontSize * 0.56), 0);
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && measure(line + token) > width) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else {
      line += token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The map as a still SVG for export (PNG, SVG, slides): drawn as on screen,
 * without zoom, with the basemap's credit line (and approval number) under it,
 * since a published map must carry it.
 */
export function renderMapForExport(spec: MapSpec, credit: string, doc: Document = document): SVGSVGElement {
  const view = new MapView(doc.createElement('div'), { hover: () => {}, select: () => {} });
  view.update(spec);
  view.destroy();
  const svg = select(view.svg).attr('style', null);
  const fontSize = 11;
  const labelSize = 12;
  exportLabels(svg, spec, labelSize);
  // The line widths' legend under the map: the exported picture keeps it (the page shows it beside the map).
  const widths = spec.legend.find((section) => section.widths && section.items.length);
  const legendHeight = widths ? labelSize * 2 + 4 : 0;
  if (widths) exportWidthLegend(svg, widths, spec.height + labelSize + 8, labelSize);
  const lines = wrapLines(credit, spec.width - 8, fontSize);
  const top = spec.height + legendHeight;
  const height = top + 12 + lines.length * (fontSize + 4);
  svg.attr('height', height).attr('viewBox', `0 0 ${spec.width} ${height}`);
  svg
    .append('g')
    .attr('class', 'credit')
    .selectAll('text')
    .data(lines)
    .join('text')
    .attr('x', 4)
    .attr('y', (_, i) => top + 12 + fontSize + i * (fontSize + 4) - 4)
    .attr('font-size', fontSize)
    .attr('fill', '#555')
    .text((line) => line);
  return view.svg;
}

/** A text's box, estimated as wrapLines measures it: [x0, y0, x1, y1]. */
type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * The largest countries and regions named where their flows end, largest first; a name that would
 * cover one already set (or the hub's) is tried on the other side, then left out.
 */
function exportLabels(svg: Selection<SVGSVGElement, unknown, null, undefined>, spec: MapSpec, size: number): void {
  const width = (text: string) => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? size : size * 0.56), 0);
  const [hx, hy] = spec.hub.at;
  const hubWidth = width(spec.hub.label);
  const taken: Box[] = [[hx - hubWidth / 2 - 2, hy - 6, hx + hubWidth / 2 + 2, hy + 24]];
  const placed: { text: string; x: number; y: number; anchor: 'start' | 'end' }[] = [];
  for (const label of spec.labels ?? []) {
    const [x, y] = label.at;
    const w = width(label.text);
    const sides: { box: Box; x: number; anchor: 'start' | 'end' }[] = [
      { box: [x + 5, y - size - 2, x + 7 + w, y + 2], x: x + 6, anchor: 'start' },
      { box: [x - 7 - w, y - size - 2, x - 5, y + 2], x: x - 6, anchor: 'end' },
    ];
    const side = sides.find(
      ({ box }) => box[0] >= 0 && box[2] <= spec.width && box[1] >= 0 && !taken.some((t) => overlaps(t, box)),
    );
    if (!side) continue;
    taken.push(side.box);
    placed.push({ text: label.text, x: side.x, y: y - 3, anchor: side.anchor });
  }
  svg
    .append('g')
    .attr('class', 'labels')
    .attr('data-testid', 'map-labels')
    .selectAll('text')
    .data(placed)
    .join('text')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', size)
    .attr('font-weight', 600)
    .attr('fill', '#111')
    .attr('stroke', '#fff')
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text((d) => d.text);
}

/** The line widths' legend as a row: its title, then each width drawn as a line with its count. */
function exportWidthLegend(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  section: LegendSection,
  y: number,
  size: number,
): void {
  const width = (text: string) => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? size : size * 0.56), 0);
  const row = svg.append('g').attr('class', 'width-legend').attr('data-testid', 'map-width-legend');
  row.append('text').attr('x', 4).attr('y', y).attr('font-size', size).attr('fill', '#333').text(section.title);
  let x = 4 + width(section.title) + size;
  for (const item of section.items) {
    if (item.kind !== 'line') continue;
    row
      .append('line')
      .attr('x1', x)
      .attr('x2', x + 28)
      .attr('y1', y - size / 3)
      .attr('y2', y - size / 3)
      .attr('stroke', item.color)
      .attr('stroke-width', item.width)
      .attr('stroke-linecap', 'round');
    row
      .append('text')
      .attr('x', x + 34)
      .attr('y', y)
      .attr('font-size', size)
      .attr('fill', '#333')
      .text(item.label);
    x += 34 + width(item.label) + size;
  }
}
