/**
 * Bidi control characters (issue 13): an RLO, an isolate or a mark in a name reorders the text
 * around it, so a label reads backwards. They are removed from every cell on import, counted per
 * column in the report, and none reaches the tables; letters of right-to-left scripts stay.
 */
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import { hasBidi, stripBidi } from '../../src/import/bidi';
import { stageRows } from '../../src/import/stage';
import { planFile } from '../../src/import/structure';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

/** Every code point the issue names, written out here rather than taken from the module. */
const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c].map(
  (c) => String.fromCodePoint(c),
);

describe('stripBidi', () => {
  test('removes each control character, wherever it is', () => {
    for (const c of CONTROLS) {
      expect(stripBidi(`${c}abc${c}`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('abc');
      expect(hasBidi(`x${c}`)).toBe(true);
    }
    expect(stripBidi(`\u202Eytisrevinu\u202C 大学 \u2067مرحبا\u2069`)).toBe('ytisrevinu 大学 مرحبا');
  });

  test('leaves everything else: right-to-left letters, joiners, CJK, emoji', () => {
    for (const text of ['مدرسة', 'שלום', 'a\u200Db', 'a\u200Cb', '安顺', '👩‍🏫', 'x\u00ADy', '']) {
      expect(stripBidi(text)).toBe(text);
      expect(hasBidi(text)).toBe(false);
    }
  });
});

const RLO = '\u202E';
const PDF = '\u202C';
const FSI = '\u2068';
const PDI = '\u2069';
const LRM = '\u200E';
const TEXT = [
  'record_id,direction,participant_category,headcount,activity_type,country,partner,start_date,department,outcomes',
  `B-1,outbound,teacher,3,training,KR,${RLO}hceT gnaynaH${PDF},2018-01-01,${FSI}外语学院${PDI},${RLO}MOU signed`,
  `B-2,inbound,student,2,training,JP,Kyoto College${LRM},2018-02-01,外语学院,none`,
  `B-3,inbound,student,1,training,DE${RLO},,2018-03-01,,`,
  `B-4,inbound,student,0,training,DE,${RLO}Rejected Partner,2018-03-01,,`,
].join('\n');

describe('on import', () => {
  test('staging: no control character left, and the report counts the values changed per column', () => {
    const plan = planFile(new TextEncoder().encode(TEXT), 'exchanges.csv');
    if (!plan.ok) throw new Error(plan.error);
    const staged = stageRows(plan);
    expect(hasBidi(staged.csv)).toBe(false);
    expect(staged.notices.find((n) => n.code === 'bidi-controls')).toEqual({
      code: 'bidi-controls',
      items: ['country: 1', 'partner: 3', 'department: 1', 'outcomes: 1'],
      count: 6,
    });
  });

  test('on the real engine: the tables hold the names without them, the rejected row too', async () => {
    const engine = await openNodeEngine();
    try {
      await ingest(engine, bundledTexts());
      const outcome = await importFiles(engine, [{ name: 'exchanges.csv', bytes: new TextEncoder().encode(TEXT) }], {
        mode: 'replace',
        replacesSample: true,
        thisYear: 2026,
      });
      const [file] = outcome.files;
      expect(file).toMatchObject({ loaded: 3, rejected: 1 });
      expect(file!.notices.find((n) => n.code === 'bidi-controls')?.count).toBe(6);
      const rows = await engine.query(
        'SELECT record_id, country, partner, department, outcomes FROM exchanges ORDER BY record_id',
      );
      expect(rows).toEqual([
        { record_id: 'B-1', country: 'KR', partner: 'hceT gnaynaH', department: '外语学院', outcomes: 'MOU signed' },
        { record_id: 'B-2', country: 'JP', partner: 'Kyoto College', department: '外语学院', outcomes: 'none' },
        { record_id: 'B-3', country: 'DE', partner: null, department: null, outcomes: null },
      ]);
      expect(JSON.stringify(outcome.rejected.get(0)!.rows)).not.toMatch(
        /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/,
      );
      expect(outcome.rejected.get(0)!.rows[0]!.cells.partner).toBe('Rejected Partner');
      expect(hasBidi(outcome.kept.get(0)!)).toBe(false);
    } finally {
      engine.close();
    }
  });
});
