import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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
    // No import cycles in the app (value imports; type-only imports are erased), followed through
    // .ts, .svelte.ts and .svelte modules. import-x reads a component's own imports only when it lints
    // that component, so a cycle is found when the way back runs through .ts modules; two components
    // importing each other are not seen.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { 'import-x': importX },
    // A .svelte module met on the way is read with TypeScript for its <script lang="ts">.
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.svelte'],
      'import-x/ignore': ['node_modules'],
      'import-x/parsers': {
        '@typescript-eslint/parser': ['.ts', '.js', '.mjs', '.cjs'],
        'svelte-eslint-parser': ['.svelte'],
      },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.svelte', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
