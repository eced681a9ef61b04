/**
 * The policy is one: the code's (src/config/csp.ts, which vite preview and the tests' server send),
 * the nginx file scripts/nginx-conf.ts writes, and the configuration docs/deploying.md shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CSP, EMBED_CSP, cspForPath, embedCsp, frameAncestors } from '../../src/config/csp';
import { nginxConf } from '../../scripts/nginx-conf';
import { REPO_EMBED_ORIGINS, readEmbedOrigins } from '../../scripts/embed-origins';

/** The repository's deploy-time setting of the embed's parents (public/embed-origins.json). */
const parents = readEmbedOrigins(REPO_EMBED_ORIGINS);

const guide = readFileSync(new URL('../../docs/deploying.md', import.meta.url), 'utf8');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the Content Security Policy', () => {
  test('docs/deploying.md shows the nginx file the script writes, with the code’s policies', () => {
    const block = /```nginx\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toBe(nginxConf(undefined, undefined, undefined, parents));
    expect(block).toContain(`default ${JSON.stringify(CSP)};`);
    expect(block).toContain(`embed\\.html$ ${JSON.stringify(embedCsp(parents))};`);
  });

  test('is strict: self only, wasm compile but no eval, no plugins, no base, no forms', () => {
    const d = directives(CSP);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/(^|\s)'unsafe-eval'|\*|https?:/);
    expect(directives(EMBED_CSP).get('frame-ancestors')).toEqual(["'self'"]);
    expect(directives(embedCsp(parents)).get('frame-ancestors')).toEqual(["'self'", ...parents]);
  });

  test('the embed is framed by the configured parents; the dashboard by itself only', () => {
    const parents = ['https://www.example.edu.cn', 'http://intranet.example.edu.cn:8080'];
    expect(frameAncestors('embed', parents)).toBe(`frame-ancestors 'self' ${parents.join(' ')}`);
    expect(frameAncestors('app', parents)).toBe("frame-ancestors 'self'");
    for (const bad of [
      '*',
      "'unsafe-inline'",
      'https://x.example/path',
      'javascript:alert(1)',
      'https://a.example; script-src *',
    ]) {
      expect(() => frameAncestors('embed', [bad])).toThrow(/embed-origins\.json/);
    }
  });

  test('each path gets its page’s policy', () => {
    expect(cspForPath('/college/intl-dashboard/embed.html')).toBe(EMBED_CSP);
    expect(cspForPath('/college/intl-dashboard/embed.html', ['https://www.example.edu.cn'])).toBe(
      embedCsp(['https://www.example.edu.cn']),
    );
    expect(cspForPath('/college/intl-dashboard/index.html', ['https://www.example.edu.cn'])).toBe(CSP);
    expect(cspForPath('/college/intl-dashboard/')).toBe(CSP);
    expect(cspForPath('/college/intl-dashboard/index.html')).toBe(CSP);
    expect(cspForPath('/college/intl-dashboard/assets/worker-x.js')).toBe(CSP);
    expect(cspForPath('/college/intl-dashboard/not-embed.html.gz')).toBe(CSP);
  });

  test('the nginx file refuses a sub-path that would break its patterns', () => {
    expect(() => nginxConf('/a b/')).toThrow(/sub-path/);
    expect(nginxConf('/', '/srv/site')).toContain('location / {');
  });
});
