/**
 * The one rounding every public artefact applies to a count of people (docs/disclosure.md):
 * HESA's method, each count to the nearest multiple of the base, 0–2 to 0. The same cell is
 * always published the same way, whatever view it is in, so views can be set against each
 * other and only ever give intervals back.
 */
import { MIN_PERCENT_BASE, ROUNDING_BASE } from '../config/disclosure';

/** A count as a public view publishes it: `x <= 2 ? 0 : 5 * round(x / 5)` for the base of 5; exact when the base is 1. */
export function publish(x: number, base = ROUNDING_BASE): number {
  if (base <= 1) return x;
  return x <= Math.floor(base / 2) ? 0 : base * Math.round(x / base);
}

/** Whether a percentage may be published on this published base (a change since the first year). */
export function percentAllowed(base: number, rounding = ROUNDING_BASE): boolean {
  return rounding <= 1 || base >= MIN_PERCENT_BASE;
}

/** Larger published values first; ties by the key ascending (a code or id, never the true value). */
export function byPublished<T>(value: (d: T) => number, key: (d: T) => string): (a: T, b: T) => number {
  return (a, b) => value(b) - value(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
