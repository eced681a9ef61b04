/**
 * What the browser keeps of imports (issue 16 §1, issue 13): a replace drops the stored files it
 * superseded, unless a file kept after one was matched against its partners or programs; the
 * replay of what is left gives the tables the imports gave, on the real engine. And two files of
 * the same name in one import are told apart: a report and rejected rows for each.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvParse } from 'd3';
import { ingest } from '../../src/data/ingest';
import { importFiles, type ImportFile } from '../../src/data/import-run';
import { applyChange, referencedTables, supersede, type BatchMeta } from '../../src/data/import-store';
import { fileLabels } from '../../src/import/report';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
});
afterAll(() => engine?.close());

const batch = (key: number, mode: 'replace' | 'append', ...files: [string, string][]): BatchMeta => ({
  key,
  mode,
  at: key,
  files: files.map(([name, table]) => ({ name, table, rows: 1 })),
});

describe('supersede: what a replace makes obsolete', () => {
  test('a replace of exchanges drops every earlier exchanges file, appended or not, and nothing else', () => {
    const stored = [
      batch(1, 'replace', ['a.csv', 'exchanges'], ['p.csv', 'partners']),
      batch(2, 'append', ['b.csv', 'exchanges']),
    ];
    expect(supersede(stored, ['exchanges'])).toEqual([
      { key: 1, drop: [0], supersede: [] },
      { key: 2, drop: [0], supersede: [] },
    ]);
    expect(applyChange(stored[0]!, { key: 1, drop: [0], supersede: [] })!.files.map((f) => f.name)).toEqual(['p.csv']);
    expect(applyChange(stored[1]!, { key: 2, drop: [0], supersede: [] })).toBeNull();
  });

  test('an append supersedes nothing; a replace of the sample supersedes everything', () => {
    const stored = [batch(1, 'replace', ['a.csv', 'exchanges']), batch(2, 'replace', ['p.csv', 'partners'])];
    expect(supersede(stored, [])).toEqual([]);
    expect(supersede(stored, ['exchanges'], true)).toEqual([
      { key: 1, drop: [0], supersede: [] },
      { key: 2, drop: [0], supersede: [] },
    ]);
  });

  test('partners matched by a later exchanges file stay, marked superseded, until that file goes too', () => {
    expect(referencedTables('exchanges')).toEqual(['partners', 'programs']);
    expect(referencedTables('partners')).not.toContain('partners');
    let stored = [batch(1, 'replace', ['p1.csv', 'partners']), batch(2, 'replace', ['e1.csv', 'exchanges'])];
    const changes = supersede(stored, ['partners']);
    expect(changes).toEqual([{ key: 1, drop: [], supersede: [0] }]);
    stored = stored.map((b) =>
      applyChange(b, changes.find((c) => c.key === b.key) ?? { key: 0, drop: [], supersede: [] })!,
    );
    expect(stored[0]!.files[0]!.superseded).toBe(true);
    stored.push(batch(3, 'replace', ['p2.csv', 'partners']));
    // A new exchanges file: e1 goes, and with it the reason to keep p1.
    expect(supersede(stored, ['exchanges'])).toEqual([
      { key: 1, drop: [0], supersede: [] },
      { key: 2, drop: [0], supersede: [] },
    ]);
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

/** The table as plain rows, for comparing a live sequence of imports with its replay. */
async function tables(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['exchanges', 'partners', 'programs', 'agreements', 'events']) {
    out[t] = await engine.query(`SELECT * FROM "${t}" ORDER BY ALL`);
  }
  return JSON.stringify(out, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

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

  test('replaying what is kept after supersede gives the tables the live imports gave', async () => {
    const p1: ImportFile = {
      name: 'partners.csv',
      bytes: new TextEncoder().encode('id,name_zh,name_en,country\nu1,甲大学,Alpha University,KR\n'),
    };
    const p2: ImportFile = {
      name: 'partners.csv',
      bytes: new TextEncoder().encode('id,name_zh,name_en,country\nu9,乙大学,Beta University,JP\n'),
    };
    const e1 = file('e1.csv', 'E-1,outbound,teacher,2,training,KR,Alpha University,2018-01-01');
    const e2 = file('e2.csv', 'E-2,outbound,teacher,5,training,JP,Beta University,2019-01-01');
    const e3 = file('e3.csv', 'E-3,inbound,expert,1,training,DE,,2019-05-01');
    // [files, mode] per import; a later one replaces earlier tables.
    const imports: [ImportFile[], 'replace' | 'append'][] = [
      [[p1], 'replace'],
      [[e1], 'replace'],
      [[p2], 'replace'],
      [[e2], 'append'],
      [[e3], 'append'],
    ];
    await ingest(engine, bundledTexts());
    let stored: (BatchMeta & { data: ImportFile[] })[] = [];
    for (const [i, [files, mode]] of imports.entries()) {
      const outcome = await importFiles(engine, files, settings(mode, i === 0));
      const kept = outcome.files.filter((f) => f.loaded > 0);
      const replaced = mode === 'replace' ? kept.map((f) => f.table) : [];
      const changes = supersede(stored, replaced, i === 0);
      stored = stored
        .map((b) => {
          const change = changes.find((c) => c.key === b.key);
          if (!change) return b;
          const next = applyChange(b, change);
          return next && { ...next, data: b.data.filter((_, j) => !change.drop.includes(j)) };
        })
        .filter((b) => b !== null);
      stored.push({
        key: i + 1,
        mode,
        at: i,
        files: kept.map((f) => ({ name: f.file, table: f.table, rows: f.loaded })),
        data: kept.map((f) => files[f.index]!),
      });
    }
    const live = await tables();
    // p1 stays (e1 matched Alpha University against it), marked superseded; nothing is dropped.
    expect(stored.map((b) => b.files.map((f) => [f.name, f.superseded ?? false]))).toEqual([
      [['partners.csv', true]],
      [['e1.csv', false]],
      [['partners.csv', false]],
      [['e2.csv', false]],
      [['e3.csv', false]],
    ]);
    const replay = async () => {
      await ingest(engine, bundledTexts());
      for (const [i, b] of stored.entries()) await importFiles(engine, b.data, settings(b.mode, i === 0));
      return tables();
    };
    expect(await replay()).toBe(live);
    expect(live).toContain('"partner":"u1"');
    expect(live).toContain('"partner":"u9"');

    // A new exchanges file replaces: e1, e2, e3 and the superseded p1 go; p2 and the new file are replayed.
    const e4 = file('e4.csv', 'E-4,outbound,leader,3,training,SG,Beta University,2019-06-01');
    const outcome = await importFiles(engine, [e4], settings('replace', false));
    const changes = supersede(stored, ['exchanges']);
    stored = stored
      .map((b) => {
        const change = changes.find((c) => c.key === b.key);
        if (!change) return b;
        const next = applyChange(b, change);
        return next && { ...next, data: b.data.filter((_, j) => !change.drop.includes(j)) };
      })
      .filter((b) => b !== null);
    stored.push({
      key: 9,
      mode: 'replace',
      at: 9,
      files: [{ name: 'e4.csv', table: 'exchanges', rows: outcome.files[0]!.loaded }],
      data: [e4],
    });
    expect(stored.map((b) => b.files.map((f) => f.name))).toEqual([['partners.csv'], ['e4.csv']]);
    const live2 = await tables();
    expect(await replay()).toBe(live2);
    expect(live2).toContain('"record_id":"E-4","direction":"outbound"');
    expect(live2).not.toContain('E-1');
  });
});
