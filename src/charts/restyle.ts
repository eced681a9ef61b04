/**
 * A chart drawn again where only its emphasis changed (a selection made or cleared in the chart
 * itself, its rows the same) differs from the one on screen in opacities alone. Putting the new
 * drawing in place of the old makes the browser style and lay out every element of it anew (about
 * half of a click's redraw at 1M rows); copying the changed opacities into the old one restyles a
 * few attributes and lays out nothing. The result is the new drawing's markup exactly; the old
 * chart's listeners stay, and they hold the same rows and scales.
 */

/** The attributes a redraw may change in place: paint only, no geometry, no text. */
const PAINT_ONLY = new Set(['fill-opacity', 'stroke-opacity', 'opacity']);

const isTip = (e: Element) => e.tagName.toLowerCase() === 'g' && e.getAttribute('aria-label') === 'tip';

type Change = [element: Element, name: string, value: string | null];

/** Whether `b` has the same markup as `a` but for paint-only attributes; their changes go to `changes`. */
function sameButPaint(a: Element, b: Element, changes: Change[]): boolean {
  if (a.tagName !== b.tagName) return false;
  // What Plot's pointer shows (the tip) is the old chart's own: it follows the pointer, not the spec.
  if (isTip(a) && isTip(b)) return true;
  for (const { name, value } of b.attributes) {
    if (a.getAttribute(name) === value) continue;
    if (!PAINT_ONLY.has(name)) return false;
    changes.push([a, name, value]);
  }
  for (const { name } of a.attributes) {
    if (b.hasAttribute(name)) continue;
    if (!PAINT_ONLY.has(name)) return false;
    changes.push([a, name, null]);
  }
  const [as, bs] = [a.childNodes, b.childNodes];
  if (as.length !== bs.length) return false;
  for (let i = 0; i < as.length; i++) {
    const [x, y] = [as[i]!, bs[i]!];
    if (x.nodeType !== y.nodeType) return false;
    if (x.nodeType === 1) {
      if (!sameButPaint(x as Element, y as Element, changes)) return false;
    } else if (x.nodeValue !== y.nodeValue) return false;
  }
  return true;
}

/**
 * Copies `fresh`'s paint-only attributes into `drawn` when the two differ in nothing else, and
 * says whether it did; when they differ in more, `drawn` is left untouched.
 */
export function restyleInPlace(drawn: Element, fresh: Element): boolean {
  const changes: Change[] = [];
  if (!sameButPaint(drawn, fresh, changes)) return false;
  for (const [element, name, value] of changes)
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  return true;
}
