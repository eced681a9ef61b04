/**
 * The one rounding every public count goes through (docs/disclosure.md): HESA's, to the nearest
 * multiple of the base, 0–2 to 0. It is applied once, to base cells (src/disclosure/public-cells.ts,
 * which does it in SQL) and to each event's delegates; every other public figure is a sum of those.
 */
import { MIN_PERCENT_BASE, ROUNDING_BASE } from '../config/disclosure';

/** A count as published: `x <= 2 ? 0 : 5 * round(x / 5)` for the base of 5; exact when the base is 1. */
export function publish(x: number, base = ROUNDING_BASE): number {
  if (base <= 1) return x;
  return x <= Math.floor(base / 2) ? 0 : base * Math.round(x / base);
}

/** Whether a percentage may be published on this published base (a change since the first year). */
export function percentAllowed(base: number, rounding = ROUNDING_BASE): boolean {
  return rounding <= 1 || base >= MIN_PERCENT_BASE;
}
