/**
 * How public views (embeds, public exports, presenter slides) publish counts of people:
 * every count rounded to a multiple of ROUNDING_BASE, 0–2 published as 0 (HESA's rounding),
 * totals rounded on their own. See docs/disclosure.md.
 *
 * Set ROUNDING_BASE to 1 to publish exact counts (the control off); then rebuild, so the
 * embeds' aggregates are computed again.
 */
export const ROUNDING_BASE = 5;

/** A public view gives a percentage (a change since the first year) only on a published base this large. */
export const MIN_PERCENT_BASE = 25;
