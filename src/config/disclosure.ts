/**
 * Counts below this are shown as "<N" in public views (embeds and exports).
 * 0 turns the control off. See docs/disclosure.md.
 */
export const SMALL_COUNT_THRESHOLD = 5;
