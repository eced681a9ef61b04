/**
 * The Content Security Policy the site is served under: by `vite preview`, by the tests' static
 * server and, as docs/deploying.md shows, by the college's web server. One policy for every file,
 * but for the embed page, which the college's own sites may frame (the parent origins of
 * embed-origins.json, set at deploy time: src/config/embed.ts).
 */
import { EMBED_ORIGINS_FILE, normaliseOrigin } from './embed.ts';

/** Every directive but `frame-ancestors`, which differs by page. */
const BASE: readonly string[] = [
  "default-src 'self'",
  // DuckDB compiles its WebAssembly: 'wasm-unsafe-eval' allows that and nothing else (no eval).
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  // Exports draw the chart into an image from a blob: or data: URL before it is saved.
  "img-src 'self' data: blob:",
  // Observable Plot writes a <style> element and style attributes into every chart; styles run no script.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The origins allowed to frame a page: the site itself, and for the embed the configured parents. */
export function frameAncestors(page: 'app' | 'embed', parents: readonly string[] = []): string {
  for (const parent of parents) {
    if (normaliseOrigin(parent) === null) throw new Error(`invalid parent origin in ${EMBED_ORIGINS_FILE}: ${parent}`);
  }
  return ['frame-ancestors', "'self'", ...(page === 'embed' ? parents : [])].join(' ');
}

/** The policy of the dashboard and of every file but the embed page. */
export const CSP = [...BASE, frameAncestors('app')].join('; ');

/** The policy of embed.html: the dashboard's, but framable by the given parent origins. */
export function embedCsp(parents: readonly string[]): string {
  return [...BASE, frameAncestors('embed', parents)].join('; ');
}

/** The embed's policy with no parent configured: only the site itself may frame it. */
export const EMBED_CSP = embedCsp([]);

/** Whether a request path is the embed page (whose policy names the parents). */
export function isEmbedPath(pathname: string): boolean {
  return /(^|\/)embed\.html$/.test(pathname);
}

/** The policy for a request path: the embed's for embed.html, the dashboard's for anything else. */
export function cspForPath(pathname: string, parents: readonly string[] = []): string {
  return isEmbedPath(pathname) ? embedCsp(parents) : CSP;
}

/**
 * Powerful features the site never uses, denied to it and to anything it might be tricked into
 * running; full screen (the presenter) stays allowed to the site itself. Only features Chromium
 * knows, so that the header logs no warning.
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'browsing-topics=()',
  'fullscreen=(self)',
].join(', ');

/** The headers every response carries besides its policy, from nginx and from `npm start` alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // A CSV or JSON file is never run as a script or a style, whatever its content looks like.
  'X-Content-Type-Options': 'nosniff',
  // The address, with its filters, is sent nowhere (the page requests nothing elsewhere anyway).
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
};
