import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { LOCALES, MESSAGES } from '../../src/i18n/messages';
import { formatBytes, formatDate, formatList, formatNumber, formatPercent } from '../../src/i18n/translate';
import {
  ACTIVITY_TYPES,
  AGREEMENT_STATUSES,
  DIRECTIONS,
  DURATION_BANDS,
  EVENT_KINDS,
  FUNDING,
  PARTICIPANT_CATEGORIES,
  REGION_TYPES,
} from '../../src/data/schema';
import { COUNTRY_GROUPS } from '../../src/data/queries';
import { COUNTRIES, countryName } from '../../src/reference/countries';
import { ingest } from '../../src/data/ingest';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('messages: both languages complete', () => {
  const zh: Record<string, string> = MESSAGES['zh-CN'];
  const en: Record<string, string> = MESSAGES.en;

  it('has the same keys in zh-CN and en, and no empty message', () => {
    expect(LOCALES).toEqual(['zh-CN', 'en']);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const locale of LOCALES) {
      const empty = Object.entries(MESSAGES[locale]).filter(([key, text]) => text === '' && key !== 'summary.join');
      expect(empty, locale).toEqual([]);
    }
  });

  it('every message module is registered and has the same keys in both languages', async () => {
    const modules = files(join(SRC, 'i18n/messages'), /\.ts$/);
    expect(modules.length).toBeGreaterThan(5);
    for (const file of modules) {
      const module = (await import(file)) as { zh: Record<string, string>; en: Record<string, string> };
      const name = relative(ROOT, file);
      expect(Object.keys(module.en).sort(), name).toEqual(Object.keys(module.zh).sort());
      for (const key of Object.keys(module.zh)) {
        expect(zh[key], `${name}: ${key} not in MESSAGES`).toBe(module.zh[key]);
        expect(en[key], `${name}: ${key} not in MESSAGES`).toBe(module.en[key]);
      }
    }
  });

  it('fills the same placeholders in both languages', () => {
    const differ = Object.keys(zh).filter(
      (key) => JSON.stringify(placeholders(zh[key]!)) !== JSON.stringify(placeholders(en[key]!)),
    );
    expect(differ).toEqual([]);
  });

  it('says nothing in Chinese in English, but for the name of the Chinese language and examples of input', () => {
    // What a Chinese export may hold, quoted so staff recognise it; and the language switch names the language.
    const quoted = [
      'lang.switch',
      'lang.zh-CN',
      'import.hint.unknown-country',
      'import.notice.totals',
      'import.notice.empty-tokens',
    ];
    const chinese = Object.entries(en).filter(([key, text]) => CJK.test(text) && !quoted.includes(key));
    expect(chinese).toEqual([]);
  });

  it('translates every value of every enum a chart, chip or report shows', () => {
    const enums: [string, readonly string[]][] = [
      ['direction', [...DIRECTIONS, 'all']],
      ['region', [...REGION_TYPES, 'all']],
      ['category', PARTICIPANT_CATEGORIES],
      ['activity', ACTIVITY_TYPES],
      ['funding', FUNDING],
      ['band', [...DURATION_BANDS, 'unknown']],
      ['agreement', AGREEMENT_STATUSES],
      ['event', EVENT_KINDS],
      ['group', COUNTRY_GROUPS],
      ['continent', ['asia', 'europe', 'north_america', 'oceania', 'south_america', 'africa', 'antarctica']],
    ];
    const missing = enums.flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((key) => !(key in zh)),
    );
    expect(missing).toEqual([]);
  });

  it('names every country and region in both languages, Chinese in Chinese only', () => {
    for (const c of COUNTRIES) {
      expect(countryName(c.iso2, 'zh-CN'), c.iso2).toMatch(CJK);
      expect(countryName(c.iso2, 'en'), c.iso2).not.toMatch(CJK);
      expect(countryName(c.iso2, 'en').length, c.iso2).toBeGreaterThan(2);
    }
  });
});

describe('the bundled data: every name a chart shows exists in both languages', () => {
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  beforeAll(async () => {
    engine = await openNodeEngine();
    await ingest(engine, bundledTexts());
  });
  afterAll(() => engine?.close());

  it('programs, partners and events have a Chinese and an English name', async () => {
    for (const table of ['programs', 'partners', 'events']) {
      const rows = await engine.query(`SELECT id, name_zh, name_en FROM ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(String(row.name_zh), `${table} ${row.id}`).toMatch(CJK);
        expect(String(row.name_en ?? ''), `${table} ${row.id}`).toMatch(/^[^\u3400-\u9fff]*[A-Za-z][^\u3400-\u9fff]*$/);
      }
    }
  });

  it('agreement types, event roles and partner cities are translated', async () => {
    const keys = async (sql: string, prefix: string) =>
      (await engine.query(sql)).map((r) => `${prefix}.${String(r.v)}`).filter((k) => !(k in MESSAGES['zh-CN']));
    expect(await keys('SELECT DISTINCT agreement_type AS v FROM agreements', 'agreement')).toEqual([]);
    expect(await keys('SELECT DISTINCT role AS v FROM events WHERE role IS NOT NULL', 'role')).toEqual([]);
    const cities = await engine.query('SELECT id, city_zh, city_en FROM partners WHERE city_zh IS NOT NULL');
    for (const row of cities) expect(String(row.city_en ?? ''), String(row.id)).toMatch(/^[^\u3400-\u9fff]+$/);
  });
});

describe('numbers and dates in each locale', () => {
  it('counts in 万 and 亿 in Chinese, exact below 1亿, with thousands separators in English', () => {
    expect(formatNumber('zh-CN', 9999)).toBe('9,999');
    expect(formatNumber('zh-CN', 12_345)).toBe('1.2345万');
    expect(formatNumber('zh-CN', 480_000)).toBe('48万');
    expect(formatNumber('zh-CN', 123_456_789)).toBe('1.2346亿');
    expect(formatNumber('zh-CN', -23_456)).toBe('-2.3456万');
    expect(formatNumber('en', 12_345)).toBe('12,345');
    expect(formatNumber('en', 123_456_789)).toBe('123,456,789');
    expect(formatNumber('en', 2.25)).toBe('2.3');
  });

  it('writes dates, changes, lists and sizes as each locale does', () => {
    expect(formatDate('zh-CN', '2018-05-01')).toBe('2018年5月1日');
    expect(formatDate('en', '2018-05-01')).toBe('May 1, 2018');
    expect(formatDate('zh-CN', '2018-01')).toBe('2018年1月');
    expect(formatDate('en', '2018-01')).toBe('January 2018');
    expect(formatDate('en', 'not a date')).toBe('not a date');
    expect(formatPercent('zh-CN', 0.25)).toBe('+25%');
    expect(formatPercent('en', -0.104)).toBe('-10%');
    expect(formatList('zh-CN', ['美国', '英国', '德国'])).toBe('美国、英国和德国');
    expect(formatList('en', ['US', 'UK', 'Germany'])).toBe('US, UK, and Germany');
    expect(formatBytes('en', 1536)).toBe('1.5 kB');
    expect(formatBytes('zh-CN', 3 * 1_048_576)).toBe('3 MB');
  });
});

/* ---------- No user-visible literal in a component ---------- */

/** Attributes whose value a user reads or hears. */
const SPOKEN = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const WORDS = /\p{L}{2,}|\p{Script=Han}/u;

type EsNode = { type: string; [key: string]: unknown };

/** String literals an expression can evaluate to (not those it passes to a call, compares or indexes with). */
function outputLiterals(node: EsNode | null | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : [];
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked);
    case 'ConditionalExpression':
      return [...outputLiterals(node.consequent as EsNode), ...outputLiterals(node.alternate as EsNode)];
    case 'LogicalExpression':
      return [...outputLiterals(node.left as EsNode), ...outputLiterals(node.right as EsNode)];
    case 'BinaryExpression':
      return node.operator === '+'
        ? [...outputLiterals(node.left as EsNode), ...outputLiterals(node.right as EsNode)]
        : [];
    default:
      return [];
  }
}

/** What a Svelte component shows without a message key: text nodes and spoken attributes with words. */
export function svelteLiterals(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const visit = (node: unknown, inAttribute: boolean): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inAttribute));
    const n = node as EsNode;
    if (n.type === 'Text' && !inAttribute && WORDS.test(n.data as string)) found.push((n.data as string).trim());
    if (n.type === 'ExpressionTag' && !inAttribute)
      found.push(...outputLiterals(n.expression as EsNode).filter((s) => WORDS.test(s)));
    if (n.type === 'Attribute' && SPOKEN.has(n.name as string)) {
      const values = Array.isArray(n.value) ? n.value : [n.value];
      for (const v of values as EsNode[]) {
        if (v?.type === 'Text' && WORDS.test(v.data as string)) found.push(`${n.name as string}="${v.data as string}"`);
        if (v?.type === 'ExpressionTag')
          found.push(...outputLiterals(v.expression as EsNode).filter((s) => WORDS.test(s)));
      }
    }
    for (const [key, value] of Object.entries(n)) {
      if (['parent', 'instance', 'module', 'css', 'metadata'].includes(key)) continue;
      visit(value, inAttribute || n.type === 'Attribute' || key === 'attributes');
    }
  };
  visit(ast.fragment, false);
  return found;
}

/** Chinese in string literals of TypeScript source (comments are not literals). */
function chineseLiterals(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) && CJK.test(node.text)) found.push(node.text);
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

// Files whose Chinese is data, not interface: what the importer recognises, reference names, the basemap's credit.
const CHINESE_DATA = [
  'src/i18n/messages/',
  'src/reference/',
  'src/import/aliases.ts',
  'src/import/headers.ts',
  // The Chinese headers a mapping file may have (列,取值,代码): read, never shown.
  'src/import/value-mapping.ts',
  'src/import/structure.ts',
  'src/domain/tables.ts',
  'src/data/validate-macros.ts',
  // The words staff type for an empty cell (无, 空, 暂无): read, never shown.
  'src/import/tokens.ts',
  'src/config/basemap.ts',
  // The annual report's template: the indicator names of the province's table, in both languages.
  'src/config/annual-report.ts',
];

describe('components hold message keys, not words', () => {
  it('finds the literals it is meant to find', () => {
    expect(
      svelteLiterals(
        `<p>Hello</p><button aria-label="关闭">x</button><span>{flag ? '中文' : 'English'}</span><i title={t('a.b')}>{t(x ? 'a.b' : 'c.d')}</i>`,
      ),
    ).toEqual(['Hello', 'aria-label="关闭"', '中文', 'English']);
    expect(chineseLiterals(`// 注释\nconst a = '标题'; const b = \`\${x}年\`;`, 'x.ts')).toEqual(['标题', '年']);
  });

  it('no component shows a word that is not a message', () => {
    const offenders = files(SRC, /\.svelte$/).flatMap((file) =>
      svelteLiterals(readFileSync(file, 'utf8')).map((text) => `${relative(ROOT, file)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no code outside the messages and reference data holds Chinese text', () => {
    const offenders = files(SRC, /\.(ts|svelte)$/)
      .filter((file) => !CHINESE_DATA.some((allowed) => relative(ROOT, file).startsWith(allowed)))
      .flatMap((file) => {
        let source = readFileSync(file, 'utf8');
        if (file.endsWith('.svelte'))
          source = [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
        return chineseLiterals(source, file).map((text) => `${relative(ROOT, file)}: ${text}`);
      });
    expect(offenders).toEqual([]);
  });
});
