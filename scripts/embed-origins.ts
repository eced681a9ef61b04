/**
 * The deploy-time setting of which sites may frame the embed (embed-origins.json beside
 * index.html), read from disk by the servers: `npm start` (vite.config.ts), the nginx
 * configuration generator and the tests' static server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBED_ORIGINS_FILE, parseEmbedOrigins } from '../src/config/embed.ts';

/** The repository's setting, copied into every build. */
export const REPO_EMBED_ORIGINS = join(import.meta.dirname, '..', 'public', EMBED_ORIGINS_FILE);

/** The setting's file in a built site's folder. */
export function siteEmbedOrigins(siteDir: string): string {
  return join(siteDir, EMBED_ORIGINS_FILE);
}

/**
 * The parent origins a file allows. A missing file allows none (only the site itself); a file
 * that is not valid JSON of the right shape, or names something that is not an origin, throws
 * with what is wrong, so a server is never configured from a typo.
 */
export function readEmbedOrigins(file: string): string[] {
  if (!existsSync(file)) return [];
  let parsed;
  try {
    parsed = parseEmbedOrigins(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (parsed.invalid.length > 0) {
    throw new Error(
      `${file}: not an origin (scheme://host[:port], no path): ${parsed.invalid.map((e) => JSON.stringify(e)).join(', ')}`,
    );
  }
  return parsed.origins;
}
