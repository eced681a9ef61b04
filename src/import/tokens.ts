/** What staff type for "nothing here", compared lower-cased. Not `NA`: that is Namibia. */
export const EMPTY_TOKENS = [
  'null',
  '无',
  '-',
  '--',
  '—',
  '——',
  '–',
  '/',
  '#n/a',
  'n/a',
  '#div/0!',
  '#value!',
  '#ref!',
  '#name?',
  '#num!',
  '#null!',
  '空',
  '暂无',
];

const TOKENS = new Set(EMPTY_TOKENS);
/** The longest token, in UTF-16 code units. */
export const LONGEST = Math.max(...EMPTY_TOKENS.map((t) => t.length));
/** The first characters a token can start with, either case: most cells are ruled out by this alone. */
const FIRST = new Set(EMPTY_TOKENS.flatMap((t) => [t.charCodeAt(0), t.toUpperCase().charCodeAt(0)]));

/** Whether a cell of `length` characters starting with `first` (a char code) may be an empty token: false for most, without reading it. */
export function mayBeEmptyToken(first: number, length: number): boolean {
  return length > 0 && length <= LONGEST && FIRST.has(first);
}

/** Whether a trimmed cell is one of the empty tokens. Called for every staged cell: allocates nothing for most. */
export function isEmptyToken(cell: string): boolean {
  return cell.length > 0 && cell.length <= LONGEST && FIRST.has(cell.charCodeAt(0)) && TOKENS.has(cell.toLowerCase());
}
