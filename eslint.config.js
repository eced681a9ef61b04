import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The app's boundaries (issue 14, "Keeping the house honest"; DESIGN.md "Intended shape").
// no-restricted-imports takes one set of options per file, so each folder's block repeats DuckDB's.
const duckdbOnlyInWorker = {
  // 'duckdb-browser-blocking' is vite.config.ts's alias for the package's synchronous bindings.
  regex: '^(@duckdb/duckdb-wasm|duckdb-browser-blocking)(/|$)',
  message: 'Only src/data/worker.ts opens DuckDB-WASM; ask src/data (client.ts) instead.',
};
const domainImportsNothingOfTheApp = {
  regex: '^\\.\\./',
  message: 'src/domain imports nothing of the app: move what it needs into src/domain.',
};
const importStaysPure = {
  regex: '^\\.\\./data(/|$)',
  message: 'src/import stays pure and does not import src/data: take the shared piece from src/domain.',
};
const restrict = (...patterns) => ['error', { patterns }];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'src/reference/countries.data.ts'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    rules: {
      // Data values must never reach raw HTML.
      'svelte/no-at-html-tags': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    // The worker, and the type declarations of the alias it imports.
    ignores: ['src/data/worker.ts', 'src/data/duckdb-browser-blocking.d.ts'],
    rules: { 'no-restricted-imports': restrict(duckdbOnlyInWorker) },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(duckdbOnlyInWorker, domainImportsNothingOfTheApp) },
  },
  {
    files: ['src/import/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(duckdbOnlyInWorker, importStaysPure) },
  },
);
