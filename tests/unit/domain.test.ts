/**
 * The declaration of the data model (src/domain): it stands alone (imports nothing of the app),
 * holds together (keys, references, date pairs, codes the report can say in both languages), and
 * a rule changed in it changes what both load paths accept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import { RULE_CODES, uniqueColumn } from '../../src/domain/columns';
import { TABLES, loadOrder } from '../../src/domain/tables';
import { MESSAGES } from '../../src/i18n/messages';
import { PROBLEM_CODES } from '../../src/import/report';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const DOMAIN = new URL('../../src/domain/', import.meta.url);

test('src/domain imports nothing of the app', () => {
  const files = readdirSync(DOMAIN).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const source = readFileSync(new URL(file, DOMAIN), 'utf8');
    const imports = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
    expect(
      imports.filter((path) => !/^\.\/[\w-]+$/.test(path)),
      file,
    ).toEqual([]);
  }
});

test('the declaration holds together', () => {
  const dates = (table: string) =>
    TABLES.find((t) => t.table === table)!
      .columns.filter((c) => c.type === 'date')
      .map((c) => c.name);
  for (const spec of TABLES) {
    expect(spec.columns.filter((c) => c.unique).length, spec.table).toBe(1);
    expect(uniqueColumn(spec).required, spec.table).toBe(true);
    for (const column of spec.columns) {
      const where = `${spec.table}.${column.name}`;
      if (column.references) {
        const target = TABLES.find((t) => t.table === column.references!.table);
        expect(target, where).toBeDefined();
        const names = target!.columns.map((c) => c.name);
        for (const name of [column.references.column, ...column.references.names]) expect(names, where).toContain(name);
        expect(loadOrder().indexOf(target!), where).toBeLessThan(loadOrder().indexOf(spec));
      }
      if (column.notBefore) expect(dates(spec.table), where).toContain(column.notBefore);
      if (column.latestYear !== undefined) expect(column.type, where).toBe('date');
      if (column.range) expect(['integer', 'double'], where).toContain(column.type);
    }
  }
  // Every code a rule gives is one the report knows and says in both languages.
  for (const code of RULE_CODES) {
    expect(PROBLEM_CODES as readonly string[]).toContain(code);
    for (const locale of ['zh-CN', 'en'] as const) {
      const messages = MESSAGES[locale] as Record<string, string>;
      expect(messages[`import.problem.${code}`], `${locale} ${code}`).toBeTruthy();
      expect(messages[`import.hint.${code}`], `${locale} ${code}`).toBeTruthy();
    }
  }
});

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
});
afterAll(() => engine?.close());

test('an agreement may expire years ahead but not be signed in a year to come (both paths)', async () => {
  const agreements = [
    'id,partner,agreement_type,signed_date,end_date,status',
    'AG-1,cut,credit_exchange,2024-05-01,2031-04-30,active',
    'AG-2,hungkuang,mou,2027-01-01,,active',
  ].join('\n');
  const texts = bundledTexts();
  texts.set('agreements.csv', agreements);
  const atStartup = (await ingest(engine, texts, { thisYear: 2026 })).find((f) => f.file === 'agreements.csv')!;
  await ingest(engine, bundledTexts(), { thisYear: 2026 });
  const imported = (
    await importFiles(engine, [{ name: 'agreements.csv', bytes: new TextEncoder().encode(agreements) }], {
      mode: 'replace',
      replacesSample: false,
      thisYear: 2026,
    })
  ).files[0]!;
  for (const report of [atStartup, imported]) {
    expect(report).toMatchObject({ rowsIn: 2, loaded: 1, rejected: 1 });
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, 'signed_date', 'future-year']]);
  }
});
