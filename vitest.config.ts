import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Timeouts stretch with `TEST_TIMEOUT_SCALE` (e.g. 4 on a machine shared with other builds); 1 in CI. */
const scale = Math.max(1, Number(process.env.TEST_TIMEOUT_SCALE) || 1);
const ms = (n: number) => n * scale;

/**
 * Unit files that generate their data and try it many ways (fuzzing, properties over random states,
 * a million-row sheet): in `npm test` and CI, left out of the everyday tier (`npm run test:fast`).
 */
const THOROUGH = [
  'tests/unit/fuzz-import.test.ts',
  'tests/unit/disclosure-audit.test.ts',
  'tests/unit/cube.test.ts',
  'tests/unit/public-view.test.ts',
  'tests/unit/import-property.test.ts',
  'tests/unit/import-workbook.test.ts',
];

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: ms(30_000),
          hookTimeout: ms(30_000),
        },
      },
      {
        test: {
          name: 'fast',
          include: ['tests/unit/**/*.test.ts'],
          exclude: THOROUGH,
          environment: 'node',
          // Files run one after another in each worker, sharing its modules and its DuckDB instance
          // (scripts/node-engine.ts keeps closed engines' instances, reset, for the next): the
          // 2-3 s compile of DuckDB's WebAssembly once per worker, not once per file. The `unit`
          // project (npm test, CI) keeps each file isolated, which catches a file that leaks state.
          isolate: false,
          // At least two workers: vitest's default (one fewer than the cores) is one on a 2-core machine.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          testTimeout: ms(30_000),
          // The first file of each worker compiles DuckDB in its beforeAll, while the other worker does.
          hookTimeout: ms(60_000),
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: ms(60_000),
          hookTimeout: ms(60_000),
          fileParallelism: false,
          // A test that fails is run once more: headless Chromium now and then paints no frame for a
          // while (tests/browser/harness.ts `settled`). One that passes only the second time is
          // named at the end of the run (tests/summary-reporter.ts), never counted silently.
          retry: 1,
        },
      },
      {
        // Measurements that print figures; run by `npm run bench:import`, not by `npm test`.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.perf.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
