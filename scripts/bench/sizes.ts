/**
 * P5: the app's JavaScript and CSS as a browser fetches them, without DuckDB's files: the module
 * graph of index.html (entry, static and dynamic imports, stylesheets), not following the worker,
 * which is loaded by URL and holds DuckDB's bindings; the .wasm files are never in this graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  files: { file: string; raw: number; gzip: number; brotli: number }[];
  raw: number;
  gzip: number;
  brotli: number;
  /** The worker chunk (DuckDB's bindings and the app's worker code), gzip, for reference. */
  workerGzip: number;
}

const compressed = (bytes: Buffer) => ({
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

export function moduleGraph(dist: string, html = 'index.html'): string[] {
  const page = readFileSync(join(dist, html), 'utf8');
  const queue = [...page.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["']\.\/([^"']+\.(?:js|css))["']/g)) {
      queue.push(`assets/${m[1]!}`);
    }
  }
  return [...seen].sort();
}

export function appSizes(dist: string): Sizes {
  const files = moduleGraph(dist).map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, ...compressed(bytes) };
  });
  const worker = moduleGraph(dist)
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .flatMap((text) => [...text.matchAll(/["'`](?:\.\/)?(?:assets\/)?(worker-[\w-]+\.js)["'`]/g)])
    .map((m) => `assets/${m[1]!}`)[0];
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    brotli: files.reduce((s, f) => s + f.brotli, 0),
    workerGzip: worker ? compressed(readFileSync(join(dist, worker))).gzip : 0,
  };
}
