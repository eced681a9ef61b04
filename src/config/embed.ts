/**
 * Which pages may frame the embed and be told its height: set at deploy time, without a rebuild,
 * in one small file beside index.html (public/embed-origins.json in this repository, copied into
 * the build). `npm start`, the nginx configuration generator and the page itself all read it.
 * The dashboard's own origin is always allowed.
 */

/** The setting's file name, beside index.html and embed.html. */
export const EMBED_ORIGINS_FILE = 'embed-origins.json';

/** The message an embed posts to its parent with its height in CSS pixels. */
export const HEIGHT_MESSAGE = 'anshun-exchange-dashboard:height';

/** scheme://host[:port], nothing else: no path, no wildcard, no quote (each entry goes into a CSP header). */
const ORIGIN = /^https?:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

/** The origin as browsers compare it (lower-case host, no default port), or null if `value` is not one. */
export function normaliseOrigin(value: string): string | null {
  const text = value.trim();
  if (!ORIGIN.test(text)) return null;
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

export interface EmbedOrigins {
  /** The allowed parent origins, normalised, without duplicates. */
  origins: string[];
  /** Entries that are not an origin: left out, and reported. */
  invalid: string[];
}

/** Reads the file's text: `{ "parentOrigins": ["https://www.example.edu.cn", …] }`. Throws if it is not that shape. */
export function parseEmbedOrigins(text: string): EmbedOrigins {
  const data: unknown = JSON.parse(text);
  const list = (data as { parentOrigins?: unknown } | null)?.parentOrigins;
  if (typeof data !== 'object' || data === null || !Array.isArray(list)) {
    throw new Error(`${EMBED_ORIGINS_FILE} must be an object with a "parentOrigins" list`);
  }
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of list) {
    const origin = typeof entry === 'string' ? normaliseOrigin(entry) : null;
    if (origin === null) invalid.push(typeof entry === 'string' ? entry : JSON.stringify(entry));
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, invalid };
}

/** The file's text with `origin` added to `origins`: what the Embed dialog tells web staff to write. */
export function embedOriginsText(origins: readonly string[]): string {
  return `${JSON.stringify({ parentOrigins: origins }, null, 2)}\n`;
}

/** Whether a page on `origin` may frame the embed and be told its height. */
export function allowsParent(origin: string, allowed: readonly string[], own: string): boolean {
  const normal = normaliseOrigin(origin);
  return normal !== null && (normal === own || allowed.includes(normal));
}

/**
 * The setting as the page reads it, fresh from the server (it changes without a rebuild).
 * `null` when the file is missing or unreadable: then only the site itself may frame the embed.
 */
export async function fetchEmbedOrigins(base: string): Promise<EmbedOrigins | null> {
  try {
    const response = await fetch(new URL(EMBED_ORIGINS_FILE, base), { cache: 'no-cache' });
    if (!response.ok) return null;
    return parseEmbedOrigins(await response.text());
  } catch {
    return null;
  }
}
