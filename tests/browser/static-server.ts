import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { cspForPath, isEmbedPath, SECURITY_HEADERS } from '../../src/config/csp';
import { readEmbedOrigins, siteEmbedOrigins } from '../../scripts/embed-origins';
import { CONTENT_TYPES as TYPES } from '../../scripts/content-types';

/**
 * Serves the built site under a sub-path, as the college's web server will,
 * with the app's Content Security Policy (the embed page's own for embed.html, naming the parent
 * origins of the site's embed-origins.json as it reads now) and the other headers nginx sends. Anything outside the prefix is a 404.
 */
export async function serveStatic(
  root: string,
  prefix: string,
  host = '127.0.0.1',
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': cspForPath(path, isEmbedPath(path) ? readEmbedOrigins(siteEmbedOrigins(root)) : []),
        ...SECURITY_HEADERS,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { url: `http://${host}:${address.port}${prefix}`, server };
}
