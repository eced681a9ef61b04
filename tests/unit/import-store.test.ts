/**
 * What the browser keeps of imports (issue 13, issue 16 §1): the rows each file loaded, in the
 * table's own columns, and only of the files whose rows the tables hold; restoring them gives the
 * tables the live imports gave, on the real engine, and none of a file's other columns (names,
 * passport and phone numbers, email) is in what is kept. And two files of the same name in one
 * import are told apart: a report and rejected rows for each.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvParse } from 'd3';
import { ingest, buildFacts } from '../../src/data/ingest';
import { importFiles, type ImportFile, type ImportOutcome } from '../../src/data/import-run';
import { afterImport, keptFiles, utf8Bytes, type StoredFile } from '../../src/data/import-store';
import { restoreTables, rowsCsv } from '../../src/data/stored-rows';
import { EXCHANGES, PARTNERS } from '../../src/data/schema';
import { fileLabels } from '../../src/import/report';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
});
afterAll(() => engine?.close());

const stored = (name: string, table: string, at = 0): StoredFile => ({
  name,
  table,
  rows: 1,
  at,
  size: 10,
  bytes: 3,
  csv: 'x',
});
const names = (files: StoredFile[]) => files.map((f) => f.name);

describe('what is kept after an import', () => {
  test('a replace drops every earlier file of the tables it wrote, appended or not, and nothing else', () => {
    const before = [stored('a.csv', 'exchanges'), stored('p.csv', 'partners'), stored('b.csv', 'exchanges')];
    expect(names(afterImport(before, [stored('c.csv', 'exchanges')], 'replace', false))).toEqual(['p.csv', 'c.csv']);
  });

  test('an append keeps everything; an import over the sample keeps only its own files', () => {
    const before = [stored('a.csv', 'exchanges'), stored('p.csv', 'partners')];
    expect(names(afterImport(before, [stored('b.csv', 'exchanges')], 'append', false))).toEqual([
      'a.csv',
      'p.csv',
      'b.csv',
    ]);
    expect(names(afterImport(before, [stored('b.csv', 'exchanges')], 'append', true))).toEqual(['b.csv']);
    expect(names(afterImport(before, [stored('b.csv', 'exchanges')], 'replace', true))).toEqual(['b.csv']);
  });

  test('two files of one table in one replace import are both kept, in order', () => {
    const before = [stored('a.csv', 'exchanges')];
    const added = [stored('x.csv', 'exchanges'), stored('y.csv', 'exchanges')];
    expect(names(afterImport(before, added, 'replace', false))).toEqual(['x.csv', 'y.csv']);
  });

  test('utf8Bytes counts as TextEncoder does', () => {
    for (const text of ['', 'abc', '安顺职业技术学院', '𠮷野家 é', '"a","b"\n', '\ud800x']) {
      expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  test('file labels tell apart names chosen twice', () => {
    expect(fileLabels(['exchanges.csv', 'partners.csv', 'exchanges.csv'])).toEqual([
      'exchanges.csv (1)',
      'partners.csv',
      'exchanges.csv (2)',
    ]);
  });
});

const HEADER = 'record_id,direction,participant_category,headcount,activity_type,country,partner,start_date';
const file = (name: string, ...rows: string[]): ImportFile => ({
  name,
  bytes: new TextEncoder().encode([HEADER, ...rows].join('\n') + '\n'),
});
const settings = (mode: 'replace' | 'append', replacesSample: boolean) => ({ mode, replacesSample, thisYear: 2026 });

describe('imports on the real engine', () => {
  test('two files named exchanges.csv in one replace import: a report, rejected rows and a notice each', async () => {
    await ingest(engine, bundledTexts());
    const a = file(
      'exchanges.csv',
      'A-1,outbound,teacher,3,training,KR,,2017-09-01',
      'A-2,outbound,teacher,0,training,KR,,2017-09-01',
    );
    const b = file(
      'exchanges.csv',
      'B-1,inbound,student,4,training,JP,,2018-03-01',
      'B-2,inbound,student,x,training,JP,,2018-03-01',
    );
    const outcome = await importFiles(engine, [a, b], settings('replace', true));
    expect(outcome.files.map((f) => [f.index, f.file, f.rowsIn, f.loaded, f.rejected])).toEqual([
      [0, 'exchanges.csv', 2, 1, 1],
      [1, 'exchanges.csv', 2, 1, 1],
    ]);
    expect(outcome.files[1]!.notices.find((n) => n.code === 'combined')?.items).toEqual(['exchanges.csv']);
    expect(outcome.files[0]!.notices.find((n) => n.code === 'combined')).toBeUndefined();
    expect([...outcome.rejected.keys()]).toEqual([0, 1]);
    expect(outcome.rejected.get(0)!.rows.map((r) => r.cells.record_id)).toEqual(['A-2']);
    expect(outcome.rejected.get(1)!.rows.map((r) => r.cells.record_id)).toEqual(['B-2']);
    const ids = (await engine.query('SELECT record_id FROM exchanges ORDER BY 1')).map((r) => r.record_id);
    expect(ids).toEqual(['A-1', 'B-1']);
  });

  test("the first import is not matched against the sample's partners it replaces", async () => {
    await ingest(engine, bundledTexts());
    const sample = csvParse(readDataFile('partners.csv'))[0]!;
    const outcome = await importFiles(
      engine,
      [file('exchanges.csv', `X-1,outbound,teacher,2,training,TW,${sample.name_en},2018-01-01`)],
      settings('replace', true),
    );
    expect(outcome.files[0]!.unmatched).toEqual([{ column: 'partner', value: sample.name_en, rows: 1 }]);
    const [row] = await engine.query('SELECT partner FROM exchanges');
    expect(row!.partner).toBe(sample.name_en);
  });
});

/** Every table (facts too) as plain rows in their own order: live imports and restored rows are compared whole. */
async function tables(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['exchanges', 'partners', 'programs', 'agreements', 'events', 'facts']) {
    out[t] = await engine.query(`SELECT * FROM "${t}"`);
  }
  return JSON.stringify(out, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/** What the page keeps after an import (state/stored-imports.svelte.ts does the same). */
function keep(
  before: StoredFile[],
  files: readonly ImportFile[],
  outcome: ImportOutcome,
  mode: 'replace' | 'append',
  overSample: boolean,
  at: number,
): StoredFile[] {
  if (!outcome.changed) return before;
  const result = {
    files: outcome.files,
    changed: true,
    ms: 0,
    kept: [...outcome.kept].map(([index, csv]) => ({ index, csv })),
  };
  const sent = files.map((f) => ({ name: f.name, size: f.bytes.length }));
  return afterImport(before, keptFiles(result, sent, at), mode, overSample);
}

/** A reload: the sample loaded, then what is kept restored over it. */
async function reload(kept: readonly StoredFile[]): Promise<string> {
  await ingest(engine, bundledTexts());
  await restoreTables(
    engine,
    kept.map((f) => ({ table: f.table, csv: f.csv })),
  );
  await buildFacts(engine);
  return tables();
}

describe('restoring what is kept', () => {
  test('after each of six imports, a reload gives the tables the live imports gave; replaced files are not kept', async () => {
    const p1: ImportFile = {
      name: 'partners.csv',
      bytes: new TextEncoder().encode(
        'id,name_zh,name_en,country,latitude,longitude\nu1,甲大学,Alpha University,KR,37.5665123456789,126.978\n',
      ),
    };
    const p2: ImportFile = {
      name: 'partners.csv',
      bytes: new TextEncoder().encode('id,name_zh,name_en,country\nu9,乙大学,"Beta, ""the"" University",JP\n'),
    };
    const e1 = file('e1.csv', 'E-1,outbound,teacher,2,training,KR,Alpha University,2018-01-01');
    const e2 = file(
      'e2.csv',
      'E-1,outbound,teacher,9,training,KR,,2018-01-01',
      'E-2,出访,教师,"1,005",培训,日本,"Beta, ""the"" University",2019年1月2日',
    );
    const e3 = file(
      'e3.csv',
      'E-3,inbound,expert,1,training,DE,,2019-05-01',
      'E-4,inbound,expert,0,training,DE,,2019-05-01',
    );
    // 出访 for outbound: kept as the code (a file written as the table holds it is kept as it is: import-direct.test.ts).
    const e4 = file('e4.csv', 'E-5,出访,leader,3,training,SG,u9,2019-06-01');
    const imports: [ImportFile[], 'replace' | 'append'][] = [
      [[p1], 'replace'],
      [[e1], 'replace'],
      [[p2], 'replace'],
      [[e2], 'append'],
      [[e3], 'append'],
      [[e4], 'replace'],
    ];
    await ingest(engine, bundledTexts());
    let kept: StoredFile[] = [];
    const after: string[][] = [];
    for (const [i, [files, mode]] of imports.entries()) {
      const outcome = await importFiles(engine, files, settings(mode, i === 0));
      kept = keep(kept, files, outcome, mode, i === 0, i);
      after.push(kept.map((f) => `${f.name}:${f.rows}`));
      const live = await tables();
      expect(await reload(kept), `after import ${i + 1}`).toBe(live);
      if (i === 2) {
        // e1 matched Alpha University against p1 when it was imported: its rows keep u1 though p1 is gone.
        expect(live).toContain('"partner":"u1"');
        expect(live).not.toContain('Alpha University');
      }
    }
    expect(after).toEqual([
      ['partners.csv:1'],
      ['partners.csv:1', 'e1.csv:1'],
      ['e1.csv:1', 'partners.csv:1'],
      // E-1 again is skipped: e2 loaded one row.
      ['e1.csv:1', 'partners.csv:1', 'e2.csv:1'],
      ['e1.csv:1', 'partners.csv:1', 'e2.csv:1', 'e3.csv:1'],
      ['partners.csv:1', 'e4.csv:1'],
    ]);
    // What is kept is the rows as the table holds them: codes, ISO dates, the partner's id.
    expect(kept[1]!.csv).toBe(
      `${EXCHANGES.columns.map((c) => c.name).join(',')}\n"E-5","outbound","leader","3","training",,"SG","u9","2019-06-01"${','.repeat(EXCHANGES.columns.length - 9)}\n`,
    );
  });

  test('values round-trip exactly: quotes, commas, line breaks, empty text and NULL, doubles, dates, Chinese', async () => {
    await ingest(engine, bundledTexts());
    await engine.exec('DELETE FROM partners');
    await engine.exec(`INSERT INTO partners (id, name_zh, name_en, country, city_zh, city_en, latitude, longitude, partner_type) VALUES
      ('00123', '甲"乙", 丙', 'line one\nline two\r\nthree', 'TW', '', NULL, 22.627312345678912, -0.1, NULL),
      ('x', '𠮷', ',', 'KR', 'NULL', '""', 1e-7, 179.99999999999997, 'university')`);
    const before = await engine.query('SELECT * FROM partners');
    const csv = await rowsCsv(engine, PARTNERS, 'partners');
    await restoreTables(engine, [{ table: 'partners', csv }]);
    expect(await engine.query('SELECT * FROM partners')).toEqual(before);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM exchanges')).toEqual([{ n: 0 }]);
  });

  test('rows kept by an older version without a column are restored with it empty; an unknown table changes nothing', async () => {
    await ingest(engine, bundledTexts());
    const sample = await tables();
    await expect(
      restoreTables(engine, [
        { table: 'exchanges', csv: 'record_id\n"Z"\n' },
        { table: 'nope', csv: 'a\n"1"\n' },
      ]),
    ).rejects.toThrow(/unknown table/);
    expect(await tables()).toBe(sample);
    await restoreTables(engine, [
      { table: 'partners', csv: 'id,name_zh,name_en,country,retired_column\n"p","甲","A","KR","gone"\n' },
    ]);
    expect(await engine.query('SELECT id, name_zh, city_zh, latitude FROM partners')).toEqual([
      { id: 'p', name_zh: '甲', city_zh: null, latitude: null },
    ]);
  });
});

describe('nothing of the columns the app drops is kept', () => {
  test('a file with 姓名, 护照号, 手机, email and other columns: the kept rows hold only the table columns', async () => {
    await ingest(engine, bundledTexts());
    const text = [
      '编号,姓名,护照号,手机,email,出访/来访,人员类别,人次,活动类型,国家/地区,开始日期,备注',
      'P-1,张三丰,E12345678,13800138000,zhang.sf@example.com,出访,教师,2,培训,韩国,2018-03-01,内部备注甲',
      'P-2,李四光,G87654321,13912345678,li.sg@example.com,来访,学生,5,培训,日本,2018-04-01,内部备注乙',
      'P-3,王五,E00000001,13700000000,wang5@example.com,来访,学生,0,培训,日本,2018-04-01,被拒的行',
    ].join('\r\n');
    const f: ImportFile = { name: '出访名单.csv', bytes: new TextEncoder().encode(text) };
    const outcome = await importFiles(engine, [f], settings('replace', true));
    expect(outcome.files[0]).toMatchObject({ loaded: 2, rejected: 1 });
    const kept = keep([], [f], outcome, 'replace', true, 0);
    expect(kept).toHaveLength(1);
    const all = JSON.stringify(kept);
    for (const value of csvParse(text).flatMap((r) => [r['姓名'], r['护照号'], r['手机'], r['email'], r['备注']])) {
      expect(all).not.toContain(value!);
    }
    // The rejected row is not kept either.
    expect(all).not.toContain('P-3');
    expect(kept[0]!.csv.split('\n')[0]).toBe(EXCHANGES.columns.map((c) => c.name).join(','));
    expect(kept[0]).toMatchObject({ name: '出访名单.csv', table: 'exchanges', rows: 2, size: f.bytes.length });
    expect(kept[0]!.bytes).toBe(new TextEncoder().encode(kept[0]!.csv).length);
    expect(kept[0]!.bytes).toBeLessThan(f.bytes.length);
  });
});
