import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// DIST_DIR lets parallel work build and test its own copy.
const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

/** Serves the built app (run `vite build` first: `npm run test:browser` does) under a sub-path. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/ is missing: run `npx vite build` first');
  const { url, server } = await serveStatic(dist, '/college/intl-dashboard/');
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
