import { defineConfig, type PluginOption } from 'vite';
import site from '../../vite.config.ts';

/** vite-plugin-compression2's plugins (the .gz and .br copies beside the code and the WebAssembly). */
const compresses = (plugin: PluginOption) =>
  typeof plugin === 'object' && plugin !== null && 'name' in plugin && plugin.name === 'vite-plugin-compression';

/**
 * The site as vite.config.ts builds it, less the precompressed copies: gzip -9 of DuckDB's two
 * WebAssembly files (34 and 39 MB) and brotli of the code took about a third of the build's CPU time.
 * For `npm run test:fast`, whose browser tests (dashboard, hardening-csp) are served by
 * tests/browser/static-server.ts, which sends each file as it is and never a .gz. `npm test` and CI
 * build with vite.config.ts, and tests/browser/hardening-nginx.test.ts checks the .gz nginx sends.
 */
export default defineConfig({ ...site, plugins: (site.plugins ?? []).filter((p) => !compresses(p)) });
