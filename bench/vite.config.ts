/**
 * The benchmark's baseline pages (npm run bench builds them into a folder of its own): bare pages
 * to hold the app's figures against. Not part of the app's build.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), `${root}${f}`]),
);

export default defineConfig({
  root,
  base: './',
  plugins: [
    svelte({ configFile: fileURLToPath(new URL('../svelte.config.js', import.meta.url)) }),
    // Served as the app is: precompressed copies beside the files (see vite.config.ts).
    compression({ include: /\.(js|css|html|svg|wasm)$/, algorithms: [defineAlgorithm('gzip', { level: 9 })] }),
    compression({ include: /\.(js|css|html|svg)$/, algorithms: [defineAlgorithm('brotliCompress')] }),
  ],
  resolve: {
    alias: {
      'duckdb-browser-blocking': fileURLToPath(
        new URL('../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
      ),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, rollupOptions: { input: pages } },
  logLevel: 'warn',
});
