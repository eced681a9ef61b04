/**
 * The deploy-time setting of the sites that may frame the embed (embed-origins.json beside
 * index.html): how it is read, what it refuses, and that the nginx generator and the page's
 * checks take it as it is on disk, with no rebuild.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { allowsParent, embedOriginsText, normaliseOrigin, parseEmbedOrigins } from '../../src/config/embed';
import { embedCsp } from '../../src/config/csp';
import { parseEmbedParams } from '../../src/embed/params';
import { nginxConf } from '../../scripts/nginx-conf';
import { REPO_EMBED_ORIGINS, readEmbedOrigins } from '../../scripts/embed-origins';

const dir = mkdtempSync(join(tmpdir(), 'embed-origins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the setting', () => {
  test('origins are compared as browsers do: lower-case host, no default port, nothing after the port', () => {
    expect(normaliseOrigin('https://WWW.Example.edu.cn')).toBe('https://www.example.edu.cn');
    expect(normaliseOrigin('https://www.example.edu.cn:443')).toBe('https://www.example.edu.cn');
    expect(normaliseOrigin('http://127.0.0.2:8080')).toBe('http://127.0.0.2:8080');
    expect(normaliseOrigin(' http://localhost:4173 ')).toBe('http://localhost:4173');
    for (const bad of [
      '*',
      'https://*.example.edu.cn',
      "'self'",
      'https://x.example/path',
      'https://x.example/',
      'javascript:alert(1)',
      'ftp://x.example',
      'https://a.example; script-src *',
      'https://a.example https://b.example',
      'www.example.edu.cn',
      '',
    ]) {
      expect(normaliseOrigin(bad), bad).toBeNull();
    }
  });

  test('the file lists its origins once each and reports what is not one', () => {
    const parsed = parseEmbedOrigins(
      JSON.stringify({ parentOrigins: ['https://www.example.edu.cn', 'https://WWW.example.edu.cn:443', '*', 7] }),
    );
    expect(parsed).toEqual({ origins: ['https://www.example.edu.cn'], invalid: ['*', '7'] });
    expect(() => parseEmbedOrigins('["https://www.example.edu.cn"]')).toThrow(/parentOrigins/);
    expect(() => parseEmbedOrigins('{"parentOrigins": "https://x.example"}')).toThrow(/parentOrigins/);
    expect(() => parseEmbedOrigins('{')).toThrow();
    expect(parseEmbedOrigins(embedOriginsText(['https://a.example', 'http://b.example:81'])).origins).toEqual([
      'https://a.example',
      'http://b.example:81',
    ]);
  });

  test('the repository ships it empty: only the site itself may frame the embed until web staff set it', () => {
    expect(readEmbedOrigins(REPO_EMBED_ORIGINS)).toEqual([]);
  });

  test('a server refuses a setting with a mistake, naming the file and the entry; a missing file allows none', () => {
    const bad = file('bad.json', '{"parentOrigins": ["https://ok.example", "https://x.example/page"]}');
    expect(() => readEmbedOrigins(bad)).toThrow(/bad\.json.*"https:\/\/x\.example\/page"/);
    expect(() => readEmbedOrigins(file('broken.json', '{"parentOrigins": ['))).toThrow(/broken\.json/);
    expect(readEmbedOrigins(join(dir, 'absent.json'))).toEqual([]);
  });

  test('the site itself and the listed parents are allowed, nothing else', () => {
    const own = 'http://127.0.0.1:4173';
    const allowed = ['https://www.example.edu.cn'];
    expect(allowsParent(own, allowed, own)).toBe(true);
    expect(allowsParent('https://WWW.example.edu.cn', allowed, own)).toBe(true);
    expect(allowsParent('http://localhost:4173', allowed, own)).toBe(false);
    expect(allowsParent('https://evil.example', allowed, own)).toBe(false);
    expect(allowsParent('https://www.example.edu.cn.evil.example', allowed, own)).toBe(false);
  });

  test('the embed posts its height only to an allowed parent', () => {
    const bounds = { min: 2014, max: 2019 };
    const own = 'http://127.0.0.1:4173';
    const allowed = ['https://www.example.edu.cn'];
    const at = (origin: string) =>
      parseEmbedParams(`chart=trend&origin=${encodeURIComponent(origin)}`, bounds, own, allowed);
    expect(at('https://www.example.edu.cn').parentOrigin).toBe('https://www.example.edu.cn');
    expect(at(own).parentOrigin).toBe(own);
    expect(at('https://evil.example').parentOrigin).toBeNull();
    expect(
      parseEmbedParams('chart=trend&origin=https%3A%2F%2Fwww.example.edu.cn', bounds, own).parentOrigin,
    ).toBeNull();
  });
});

describe('the nginx generator reads the deployed site’s setting', () => {
  const repo = join(import.meta.dirname, '..', '..');
  const run = (root: string) =>
    spawnSync(join(repo, 'node_modules', '.bin', 'tsx'), ['scripts/nginx-conf.ts', '/intl/', root], {
      encoding: 'utf8',
      cwd: repo,
    });

  test('the embed’s frame-ancestors from embed-origins.json beside index.html', () => {
    const root = join(dir, 'www');
    mkdirSync(join(root, 'intl'), { recursive: true });
    writeFileSync(join(root, 'intl', 'embed-origins.json'), embedOriginsText(['https://www.example.edu.cn']));
    const result = run(root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(nginxConf('/intl/', root, '80', ['https://www.example.edu.cn']));
    expect(result.stdout).toContain(
      `~^/intl/embed\\.html$ ${JSON.stringify(embedCsp(['https://www.example.edu.cn']))};`,
    );
    expect(result.stderr).toContain('https://www.example.edu.cn');
  });

  test('a mistake in it stops the generator with nothing written', () => {
    const root = join(dir, 'www-bad');
    mkdirSync(join(root, 'intl'), { recursive: true });
    writeFileSync(join(root, 'intl', 'embed-origins.json'), '{"parentOrigins": ["https://*.example.edu.cn"]}');
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('https://*.example.edu.cn');
  });
});
