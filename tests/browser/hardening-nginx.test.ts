/**
 * The nginx configuration of docs/deploying.md (scripts/nginx-conf.ts writes it; a unit test
 * holds the two equal) serving the built site on a loopback port, as the college's server would:
 * the policy, the types, precompressed files, cache headers, and the app and an embed working
 * through it. Needs Debian's nginx (`apt-get install nginx`, as .ci/run does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CSP, EMBED_CSP, SECURITY_HEADERS } from '../../src/config/csp';
import { defaultFilters } from '../../src/data/filters';
import { nginxConf } from '../../scripts/nginx-conf';
import { watchedPage } from './browser';
import { browser, expectedKpis, settled, shownKpis, useHarness } from './harness';

useHarness();

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const PATH = '/college/intl-dashboard/';
const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

let dir: string;
let nginx: ChildProcess;
let url: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx is missing at ${NGINX}: apt-get install nginx (see README)`);
  dir = mkdtempSync(join(tmpdir(), 'nginx-site-'));
  const root = join(dir, 'www');
  cpSync(dist, join(root, PATH), { recursive: true });
  mkdirSync(join(dir, 'tmp'));
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), nginxConf(PATH, root, `127.0.0.1:${port}`));
  // The frame Debian's /etc/nginx/nginx.conf gives the site's file, with every path in the test folder.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/tmp;`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp.join('\n  ')}
  include ${dir}/site.conf;
}
`,
  );
  nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  url = `http://127.0.0.1:${port}${PATH}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (i > 100 || nginx.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, gzip = false) =>
  fetch(new URL(path, url), { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} });

test('headers: the policy per page, types, precompressed files, cache', async () => {
  const index = await get('', true);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-security-policy')).toBe(CSP);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(index.headers.get(name), name).toBe(value);
  // server_tokens off: no version in the Server header or an error page.
  expect(index.headers.get('server')).toBe('nginx');
  const missing = await get('no-such-file');
  expect(missing.status).toBe(404);
  expect(await missing.text()).not.toMatch(/nginx\/\d/);
  expect((await get('embed.html')).headers.get('content-security-policy')).toBe(EMBED_CSP);
  expect((await get('embed.html')).headers.get('cache-control')).toBe('no-cache');

  const wasm = readdirSync(join(dist, 'assets')).find((f) => /^duckdb-eh-.*\.wasm$/.test(f))!;
  const module = await get(`assets/${wasm}`, true);
  expect(module.headers.get('content-type')).toBe('application/wasm');
  expect(module.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  // The build's .gz beside it, sent as it is (fetch decodes it).
  expect(existsSync(join(dist, 'assets', `${wasm}.gz`))).toBe(true);
  expect(module.headers.get('content-encoding')).toBe('gzip');
  expect(Number(module.headers.get('content-length'))).toBeLessThan(
    (await (await get(`assets/${wasm}`)).arrayBuffer()).byteLength,
  );

  const csv = await get('data/exchanges.csv', true);
  expect(csv.headers.get('permissions-policy')).toBe(SECURITY_HEADERS['Permissions-Policy']);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('cache-control')).toBe('no-cache');
  expect(csv.headers.get('content-encoding')).toBe('gzip');
  expect((await csv.text()).startsWith('record_id,')).toBe(true);
  expect((await get('data/aggregates/trend.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect((await get('../elsewhere')).status).toBe(404);
  // The service worker and the app manifest are revalidated on every use: a new deployment is seen.
  const sw = await get('sw.js');
  expect(sw.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
  expect(sw.headers.get('cache-control')).toBe('no-cache');
  expect(sw.headers.get('content-security-policy')).toBe(CSP);
  const manifest = await get('manifest.json');
  expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
  expect(manifest.headers.get('cache-control')).toBe('no-cache');
});

test('the dashboard and an embed work through it', async () => {
  const w = await watchedPage(browser, new URL(url).origin);
  await w.page.goto(url);
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await settled(w.page);
  expect(await shownKpis(w.page)).toEqual(await expectedKpis(defaultFilters(2014, 2019)));
  await w.page.goto(`${url}embed.html?chart=countries&lang=en`);
  await w.page.waitForSelector('[data-testid="embed"] svg', { timeout: 30_000 });
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.csp).toEqual([]);
  await w.page.context().close();
});
