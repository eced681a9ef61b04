/**
 * The bench's web server: several built sites under their own prefixes, each with the app's
 * Content Security Policy, and a `data/` folder that can be swapped for a generated one. A file
 * with a precompressed copy beside it (`.br`, `.gz`) is sent compressed when the browser accepts
 * it, as a web server set up for a precompressed build does; anything else is sent as it is.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { CSP } from '../../src/config/csp';
import { CONTENT_TYPES as TYPES } from '../content-types';

export interface Site {
  /** URL path prefix, with slashes at both ends. */
  prefix: string;
  root: string;
  /** Serves `data/*` from this folder instead of the site's own. */
  data?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function serveSites(sites: readonly Site[]): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const site = sites.find((s) => path.startsWith(s.prefix));
    if (!site) return void res.writeHead(404).end();
    const rest = path.slice(site.prefix.length);
    const root = site.data && rest.startsWith('data/') ? site.data : site.root;
    const relative = site.data && rest.startsWith('data/') ? rest.slice('data/'.length) : rest;
    let file = normalize(join(root, relative));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
      };
      let body: Buffer;
      if (accepts.includes('br') && (await isFile(`${file}.br`))) {
        body = await readFile(`${file}.br`);
        headers['Content-Encoding'] = 'br';
      } else if (accepts.includes('gzip') && (await isFile(`${file}.gz`))) {
        body = await readFile(`${file}.gz`);
        headers['Content-Encoding'] = 'gzip';
      } else body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}
