/**
 * The ranked bars and the agreements read programs' and partners' names from tables built once
 * with `facts` (src/data/queries/names.ts), not grouped on every click: an import that changes a
 * reference table must rebuild them, or the charts keep the old names.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvFormat, csvParse } from 'd3';
import { ingest } from '../../src/data/ingest';
import { importFiles } from '../../src/data/import-run';
import { defaultFilters } from '../../src/data/filters';
import { agreementsTimelineQuery, partnersRankedQuery, programsRankedQuery } from '../../src/data/queries';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';

let engine: Awaited<ReturnType<typeof openNodeEngine>>;
beforeAll(async () => {
  engine = await openNodeEngine();
});
afterAll(() => engine.close());

const all = defaultFilters(1900, 2100);

/** The file with one row's names changed, as a user would correct them (plain d3 over the CSV). */
function renamed(file: string, id: string, zh: string, en: string): Uint8Array {
  const rows = csvParse(readDataFile(file));
  const row = rows.find((r) => r.id === id)!;
  row.name_zh = zh;
  row.name_en = en;
  return new TextEncoder().encode(csvFormat(rows, rows.columns));
}

describe('names after a reference table is imported', () => {
  test('a partner renamed by an import of partners.csv is named anew in the ranked partners and the agreements', async () => {
    await ingest(engine, bundledTexts());
    const agreements = csvParse(readDataFile('agreements.csv'));
    const before = await engine.query(partnersRankedQuery(all).sql, partnersRankedQuery(all).params);
    // The top partner that also has agreements: both views name it.
    const id = before.map((r) => String(r.id)).find((p) => agreements.some((a) => a.partner === p))!;
    expect(id).toBeTruthy();
    const old = csvParse(readDataFile('partners.csv')).find((r) => r.id === id)!;
    expect(before.find((r) => r.id === id)!.name_en).toBe(old.name_en);

    const outcome = await importFiles(
      engine,
      [{ name: 'partners.csv', bytes: renamed('partners.csv', id, '新名大学', 'Renamed University') }],
      { mode: 'replace', replacesSample: false, thisYear: 2026 },
    );
    expect(outcome.changed).toBe(true);
    const ranked = await engine.query(partnersRankedQuery(all).sql, partnersRankedQuery(all).params);
    const rows = ranked.filter((r) => r.id === id);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.name_zh, r.name_en]).toEqual(['新名大学', 'Renamed University']);
    // Every other partner keeps its name; the figures are unchanged.
    expect(ranked.map((r) => [r.id, r.direction, r.headcount, r.total])).toEqual(
      before.map((r) => [r.id, r.direction, r.headcount, r.total]),
    );
    const timeline = await engine.query(agreementsTimelineQuery(all).sql, agreementsTimelineQuery(all).params);
    const spans = timeline.filter((r) => r.partner === id);
    expect(spans.length).toBe(agreements.filter((a) => a.partner === id).length);
    for (const r of spans) expect([r.name_zh, r.name_en]).toEqual(['新名大学', 'Renamed University']);
  });

  test('a program renamed by an import of programs.csv is named anew in the ranked programs', async () => {
    await ingest(engine, bundledTexts());
    const q = programsRankedQuery(all);
    const id = String((await engine.query(q.sql, q.params))[0]!.id);
    await importFiles(
      engine,
      [{ name: 'programs.csv', bytes: renamed('programs.csv', id, '新项目', 'Renamed Program') }],
      { mode: 'replace', replacesSample: false, thisYear: 2026 },
    );
    const rows = (await engine.query(q.sql, q.params)).filter((r) => r.id === id);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.name_zh, r.name_en]).toEqual(['新项目', 'Renamed Program']);
  });
});
