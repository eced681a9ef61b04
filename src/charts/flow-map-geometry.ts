/**
 * Arcs on the flow map, in screen coordinates: pure math, so the renderer can
 * redraw them at every zoom step with line widths and arrowheads that keep
 * their size while the land scales.
 */
export type Point = readonly [x: number, y: number];

/** The zoom state: scale k, then translate by (x, y), as d3-zoom's transform. */
export interface Transform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export const IDENTITY: Transform = { k: 1, x: 0, y: 0 };

export function apply(t: Transform, [x, y]: Point): Point {
  return [x * t.k + t.x, y * t.k + t.y];
}

/** How far an arc bulges, as a share of its length. */
const BEND = 0.22;

export interface ArcShape {
  /** The curve, stopping at the arrowhead's base. */
  line: string;
  /** The arrowhead, a closed triangle whose tip is at the arc's end. */
  head: string;
}

const f = (v: number) => String(Math.round(v * 10) / 10);

/**
 * A quadratic curve from `from` to `to` that bulges to the left of the way it
 * runs: an outbound arc (hub → place) and an inbound one (place → hub) between
 * the same two points therefore bend to opposite sides and never overlap.
 */
export function arcShape(from: Point, to: Point, width: number): ArcShape {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy) || 1;
  // Left of the direction of travel in screen coordinates (y grows downwards).
  const cx = (x0 + x1) / 2 + dy * BEND;
  const cy = (y0 + y1) / 2 - dx * BEND;
  const tx = x1 - cx;
  const ty = y1 - cy;
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const headLength = Math.min(length * 0.35, Math.max(7, width * 2));
  const headHalf = Math.max(3.5, width * 1.1 + 1);
  const bx = x1 - ux * headLength;
  const by = y1 - uy * headLength;
  return {
    line: `M${f(x0)},${f(y0)}Q${f(cx)},${f(cy)} ${f(bx)},${f(by)}`,
    head: `M${f(x1)},${f(y1)}L${f(bx - uy * headHalf)},${f(by + ux * headHalf)}L${f(bx + uy * headHalf)},${f(by - ux * headHalf)}Z`,
  };
}
