/**
 * `npm start` serves the build with `vite preview` and this repository's vite.config.ts: the
 * policy per page, the embed's parents read from the built site's embed-origins.json on each
 * request (edited there, no rebuild, no restart), and the headers nginx sends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { CSP, embedCsp, SECURITY_HEADERS } from '../../src/config/csp';
import { EMBED_ORIGINS_FILE, embedOriginsText } from '../../src/config/embed';

let site: string;
let server: PreviewServer;
let url: string;

beforeAll(async () => {
  // A stand-in for dist/: the server's behaviour, not the build, is under test.
  site = mkdtempSync(join(tmpdir(), 'preview-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(site, 'embed.html'), '<!doctype html><title>embed</title>');
  server = await preview({
    configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: site },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  url = server.resolvedUrls!.local[0]!;
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the embed’s frame-ancestors follow the built site’s embed-origins.json as it is edited', async () => {
  const policy = async (path: string) => (await fetch(new URL(path, url))).headers.get('content-security-policy');
  expect(await policy('')).toBe(CSP);
  expect(await policy('embed.html')).toBe(embedCsp([]));
  writeFileSync(join(site, EMBED_ORIGINS_FILE), embedOriginsText(['https://www.example.edu.cn']));
  expect(await policy('embed.html?chart=trend')).toBe(embedCsp(['https://www.example.edu.cn']));
  expect(await policy('index.html')).toBe(CSP);
  // A mistake in the file: only the site itself may frame the embed until it is fixed.
  writeFileSync(join(site, EMBED_ORIGINS_FILE), '{"parentOrigins": ["https://*.example.edu.cn"]}');
  expect(await policy('embed.html')).toBe(embedCsp([]));
});

test('every response carries the headers nginx sends: nosniff, no referrer, the permissions policy', async () => {
  for (const path of ['', 'embed.html', 'index.html']) {
    const response = await fetch(new URL(path, url));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toBe(SECURITY_HEADERS['Permissions-Policy']);
  }
});
