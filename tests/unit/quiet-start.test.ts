/**
 * `npm start` shows a newcomer the build summary and the address, nothing else: the config loads
 * without Vite's loader warnings (its static imports carry extensions; the build-time scripts are
 * loaded through Vite's runner, not bundled into it), and DuckDB's eval warning, DuckDB's alone,
 * is dropped from the build's log.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createLogger, loadConfigFromFile } from 'vite';
import { dropDuckDbEval } from '../../vite.config';

const root = join(import.meta.dirname, '..', '..');

test('the config loads with no warning and names the app’s own imports only', async () => {
  const said: string[] = [];
  const logger = createLogger('info');
  logger.warn = (message) => void said.push(message);
  logger.warnOnce = (message) => void said.push(message);
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(root, 'vite.config.ts'),
    root,
    'info',
    logger,
  );
  expect(said).toEqual([]);
  // The heavy build-time scripts are not part of the config's own module graph.
  const deps = loaded!.dependencies.map((d) => d.slice(root.length + 1)).sort();
  expect(deps).toEqual([
    'scripts/embed-origins.ts',
    'src/config/csp.ts',
    'src/config/data-files.ts',
    'src/config/embed.ts',
    'vite.config.ts',
  ]);
}, 60_000);

test('DuckDB’s eval warning is dropped, an eval anywhere else is still reported', () => {
  const reported: string[] = [];
  const report = (_: unknown, log: { id?: string; code?: string }) => void reported.push(`${log.code} ${log.id}`);
  const duckdb = `${root}/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs`;
  dropDuckDbEval('warn', { code: 'EVAL', message: 'eval', id: duckdb }, report);
  dropDuckDbEval('warn', { code: 'EVAL', message: 'eval', id: `${root}/src/data/worker.ts` }, report);
  dropDuckDbEval('warn', { code: 'CIRCULAR_DEPENDENCY', message: 'x', id: duckdb }, report);
  expect(reported).toEqual([`EVAL ${root}/src/data/worker.ts`, `CIRCULAR_DEPENDENCY ${duckdb}`]);
});
