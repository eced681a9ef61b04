/**
 * Bidirectional control characters in a cell: embeddings and overrides (U+202A–U+202E: LRE, RLE,
 * PDF, LRO, RLO), isolates (U+2066–U+2069: LRI, RLI, FSI, PDI) and marks (U+200E LRM, U+200F RLM,
 * U+061C ALM). They show nothing themselves but reorder the text around them, so a name with an RLO
 * reads backwards in a chart label, a table or the console. They are removed from every cell on
 * import, and the report counts the values changed in each column. Letters of right-to-left
 * scripts are left alone.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const BIDI_ALL = new RegExp(BIDI.source, 'g');

/** The value without bidi control characters (the same string when it has none). */
export function stripBidi(value: string): string {
  return BIDI.test(value) ? value.replace(BIDI_ALL, '') : value;
}

/** Whether the value holds any bidi control character. */
export function hasBidi(value: string): boolean {
  return BIDI.test(value);
}
