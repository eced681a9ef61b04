/**
 * Files whose rows staging would pass on as written are read by DuckDB from the file's own text
 * (stageDirect), not from a staged copy. For every such file, the two ways give the same report
 * (problems with their lines, columns and values, counts, unmatched values, notices), the same
 * rejected rows and the same checked rows; any row staging would change or set aside keeps the
 * file on the staged way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adoptStage, checkStaged, keptRowsSql, reportChecked } from '../../src/data/check-file';
import { importFiles } from '../../src/data/import-run';
import { ingest } from '../../src/data/ingest';
import { restoreTables } from '../../src/data/stored-rows';
import { TABLES } from '../../src/data/schema';
import { prepareValidation } from '../../src/data/validate-macros';
import { emptyReport } from '../../src/import/report';
import { directRows, directRowsUtf8, stageDirect, stageRows, type Staged } from '../../src/import/stage';
import { hasBidi } from '../../src/import/bidi';
import { planFile } from '../../src/import/structure';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
// @ts-expect-error the fixture builder is plain JavaScript, shared with its command line
import { buildFixtures } from '../fixtures/import/make-fixtures.mjs';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
const THIS_YEAR = 2026;

beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
  await prepareValidation(engine);
});
afterAll(() => engine?.close());

const HEADER =
  'record_id,direction,participant_category,headcount,activity_type,program,country,partner,start_date,end_date,department,funding,outcomes,status';
/** Every rule the SQL checks, on rows staging passes on as written. */
const CHECKED = [
  'BX-1,outbound,staff,1,internship,,RU,ru-kazan-tu,2017-08-09,2017-11-18,,government,,final',
  'BX-2,inbound,student,7,study_visit,,XX,nowhere-u,2023-02-04,2023-02-04,信息学院,self,,final',
  'BX-2,inbound,student,3,study_visit,,JP,,2023-02-04,2023-02-01,,self,,final',
  'BX-4,sideways,staff,1.5,internship,,CN,,2017-13-09,,,,,',
  'BX-5,outbound,staff,12%,internship,,US,,01/02/2017,2099-01-01,,,,final',
  ',outbound,学生,2,,,日本,,2019年3月5日,43500,,government,ok,draft',
  'BX-7,outbound,staff,1e3,internship,,RU,,2017-08-09,2017-08-10,,,,',
  '1E5,outbound,staff,-1,internship,,RU,,2017-08-09,2017-08-10,,,,',
];

const enc = (text: string) => new TextEncoder().encode(text);

/** Both ways over one file: what the check and the report give. */
async function bothWays(name: string, bytes: Uint8Array) {
  const plan = planFile(bytes, name);
  if (!plan.ok) throw new Error(`not planned: ${plan.error}`);
  const direct = stageDirect(plan);
  const staged = stageRows(plan);
  const spec = TABLES.find((t) => t.table === plan.structure.table)!;
  const run = async (s: Staged) => {
    const checked = await checkStaged(engine, spec, s, THIS_YEAR);
    const rows = await engine.query(`SELECT * EXCLUDE (_line), _line::INTEGER AS line FROM imp_checked ORDER BY _line`);
    const stage = await engine.query(`SELECT * EXCLUDE (_end_line) FROM imp_stage ORDER BY _line`);
    const report = { ...emptyReport(name, spec.table, 0), rowsIn: s.rowsIn, notices: [...s.notices] };
    const rejected = [...s.rejected, ...(await reportChecked(engine, spec, s, checked, report))];
    return { checked, rows, stage, report, rejected, tokens: s.tokens, headerOf: s.headerOf, targets: s.targets };
  };
  return { direct, viaDirect: direct && (await run(direct)), viaStaged: await run(staged) };
}

describe('stageDirect', () => {
  test('every rule the SQL checks: the same report, rejected rows and checked rows as staging gives', async () => {
    for (const [name, text] of [
      ['exchanges.csv', `${HEADER}\n${CHECKED.join('\n')}\n`],
      // CRLF, no last line break, a title row above the header, a column of names and one the table lacks.
      [
        'exchanges.csv',
        `交流记录 2024,,,,,,,,,,,,,,,\r\n姓名,${HEADER},备注\r\n${CHECKED.map((r, i) => `张${i},${r},x${i}`).join('\r\n')}`,
      ],
      ['exchanges.csv', `${HEADER.replaceAll(',', ';')}\n${CHECKED.map((r) => r.replaceAll(',', ';')).join('\n')}\n`],
    ] as const) {
      const { direct, viaDirect, viaStaged } = await bothWays(name, enc(text));
      expect(direct, text.slice(0, 40)).not.toBeNull();
      expect(viaDirect!.report.problemCount).toBeGreaterThan(5);
      expect(viaDirect!.checked.bad).toBeGreaterThan(3);
      expect(viaDirect).toEqual(viaStaged);
    }
  });

  test('the fixtures it takes give what staging gives', async () => {
    const fixtures = buildFixtures() as Map<string, Uint8Array>;
    let taken = 0;
    for (const [name, bytes] of fixtures) {
      const plan = planFile(new Uint8Array(bytes), name);
      if (!plan.ok || plan.structure.missingRequired.length || !plan.structure.confident) continue;
      if (!stageDirect(plan)) continue;
      taken++;
      const { viaDirect, viaStaged } = await bothWays(name, new Uint8Array(bytes));
      expect(viaDirect, name).toEqual(viaStaged);
    }
    expect(taken).toBeGreaterThan(0);
  });

  test('a row staging would change or set aside keeps the file on the staged way', () => {
    const row = 'BX-1,outbound,staff,1,internship,,RU,,2017-08-09,2017-11-18,,government,,final';
    const rows = (body: string) => directRows(`${HEADER}\n${body}`, HEADER.length + 1, 14, ',');
    expect(rows(`${row}\n${row}\n`)).toBe(2);
    expect(rows(`${row}\r\n${row}`)).toBe(2);
    for (const bad of [
      row.replace('staff', '"staff"'), // a quote
      row.replace('staff', ' staff'), // spaces around a cell
      row.replace('staff', 'staff\u3000'),
      row.replace('staff', 'staff\u00a0'),
      row.replace(',RU,', ',无,'), // an empty token
      row.replace(',RU,', ',N/A,'),
      row.replace('BX-1', '合计'), // a total row
      row.replace('BX-1', 'Total:'),
      `${row},`, // another width
      row.replace(',final', ''),
      ',,,,,,,,,,,,,', // a blank line
      `${row}\r${row}`, // a lone CR
      row.replace('staff', 'st\0aff'),
    ]) {
      expect(rows(`${row}\n${bad}\n${row}\n`), bad).toBeNull();
    }
    // Bidi controls and bad bytes are looked for over the whole file.
    const plan = (text: string) => {
      const p = planFile(enc(text), 'exchanges.csv');
      if (!p.ok) throw new Error('not planned');
      return p;
    };
    expect(stageDirect(plan(`${HEADER}\n${row}\n`))).not.toBeNull();
    expect(stageDirect(plan(`${HEADER}\n${row.replace('staff', 'st\u202eaff')}\n`))).toBeNull();
    const chinese = Array.from({ length: 40 }, (_, i) =>
      row.replace('BX-1', `BX-${i}`).replace(',government', '信息学院,government'),
    );
    const bytes = enc(`${HEADER}\n${chinese.join('\n')}\n`);
    const at = HEADER.length + 3;
    const bad = new Uint8Array([...bytes.slice(0, at), 0xff, ...bytes.slice(at)]);
    expect(stageDirect(plan(new TextDecoder().decode(bytes)))).not.toBeNull();
    const p = planFile(bad, 'exchanges.csv');
    expect(p.ok && p.decoded.badLines.size).toBe(1);
    expect(p.ok && stageDirect(p)).toBeNull();
  });
});

describe('directRowsUtf8', () => {
  const row = 'BX-1,outbound,staff,1,internship,,RU,,2017-08-09,2017-11-18,,government,,final';
  /** directRows over the text and the bidi look stageDirect makes, against the scan of the same rows' bytes. */
  const both = (body: string, width = 14, delimiter = ',') => ({
    text: hasBidi(body) ? null : directRows(`${HEADER}\n${body}`, HEADER.length + 1, width, delimiter),
    bytes: directRowsUtf8(enc(body), width, delimiter),
  });

  test('gives what directRows gives over the text, on every case that sets a row aside', () => {
    const cases = [
      `${row}\n${row}\n`,
      `${row}\r\n${row}`,
      `${row}\n${row.replace('staff', '"staff"')}\n`,
      `${row}\n${row.replace('staff', ' staff')}\n`,
      `${row}\n${row.replace('staff', 'staff\u3000')}\n`,
      `${row}\n${row.replace('staff', '\u3000staff')}\n`,
      `${row}\n${row.replace('staff', 'staff\u00a0')}\n`,
      `${row}\n${row.replace('staff', 'staff\ufeff')}\n`,
      `${row}\n${row.replace('staff', 'staff\u2028')}\n`,
      `${row}\n${row.replace(',RU,', ',无,')}\n`,
      `${row}\n${row.replace(',RU,', ',N/A,')}\n`,
      `${row}\n${row.replace(',RU,', ',暂无,')}\n`,
      `${row}\n${row.replace(',RU,', ',——,')}\n`,
      `${row}\n${row.replace(',RU,', ',#DIV/0!,')}\n`,
      `${row}\n${row.replace(',RU,', ',NL,')}\n`,
      `${row}\n${row.replace('BX-1', '合计')}\n`,
      `${row}\n${row.replace('BX-1', '合 计：')}\n`,
      `${row}\n${row.replace('BX-1', 'Total:')}\n`,
      `${row}\n${row.replace('BX-1', 'ＴＯＴＡＬ')}\n`,
      `${row}\n${row.replace('BX-1', 'sｕm')}\n`,
      `${row}\n${row.replace('BX-1', '\u{1d42d}otal')}\n`, // mathematical bold t: NFKC reads "total"
      `${row}\n${row.replace('staff', 'subtotal')}\n`,
      `${row}\n${row.replace('staff', 'Sub Total')}\n`,
      `${row}\n${row.replace('2017-11-18', 'sum')}\n`, // past the first three cells: not a total row
      `${row}\n${row.replace('staff', 'grand total')}\n`,
      `${row}\n${row.replace('staff', 'gr')}\n`,
      `${row}\n${row.replace('staff', 's')}\n`,
      `${row},\n`,
      row.replace(',final', ''),
      `${row}\n,,,,,,,,,,,,,\n`,
      `${row}\r${row}`,
      `${row}\n${row.replace('staff', 'st\0aff')}\n`,
      `${row}\n${row.replace('staff', 'st\u202eaff')}\n`,
      `${row}\n${row.replace('staff', 'st\u200faff')}\n`,
      `${row}\n${row.replace('staff', 'st\u2066aff')}\n`,
      `${row}\n${row.replace('staff', 'st\u061caff')}\n`,
      `${row}\n${row.replace('staff', 'st\u2014aff\u2019s')}\n`, // E2 80 … that are not bidi controls
      `${row}\n${row.replace('staff', '信息\u{20bb7}学院')}\n`,
      `${row}\n${row.replace('staff', '\u{20bb7}')}\n`,
      '',
    ];
    for (const body of cases) {
      const { text, bytes } = both(body);
      expect(bytes, JSON.stringify(body.slice(-60))).toBe(text);
    }
    expect(both(`${row}\n${row}\n`).bytes).toBe(2);
    expect(both(`${row}\n${row.replace('BX-1', 'Total:')}\n`).bytes).toBeNull();
    expect(both(`${row}\n${row.replace('staff', 'st\u2014aff')}\n`).bytes).toBe(2);
  });

  test('random rows of the characters that matter give what directRows gives', () => {
    const pieces = [
      'a',
      'BX-1',
      's',
      'su',
      't',
      'to',
      'g',
      'N',
      'n',
      '无',
      '空',
      '-',
      '—',
      '/',
      '#',
      '信息',
      ' ',
      '\u3000',
      '\u00a0',
      '\u202e',
      '\u2014',
      '\u{20bb7}',
      '合',
      '计',
      'total',
      'sum',
      'null',
      '"',
      ';',
      '\t',
      '\r',
      '|',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let k = 0; k < 3000; k++) {
      const width = 1 + Math.floor(next() * 4);
      const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        Array.from({ length: width }, () =>
          Array.from({ length: Math.floor(next() * 3) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
        ).join(','),
      );
      const body = lines.join(next() < 0.2 ? '\r\n' : '\n') + (next() < 0.5 ? '\n' : '');
      for (const delimiter of [',', ';']) {
        const { text, bytes } = both(body, width, delimiter);
        expect(bytes, JSON.stringify(body)).toBe(text);
      }
    }
  });

  test('stageDirect reads a UTF-8 file from its own bytes, after any BOM', () => {
    const text = `${HEADER}\n${row}\n${row.replace('BX-1', 'BX-2').replace(',,government', ',信息学院,government')}\n`;
    for (const bom of [[], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
      const plan = planFile(new Uint8Array([...bom, ...enc(text)]), 'exchanges.csv');
      if (!plan.ok) throw new Error('not planned');
      const direct = stageDirect(plan)!.direct!;
      expect(direct.rows).toBe(2);
      expect(direct.bytes).toEqual(enc(direct.text));
      expect(new TextDecoder().decode(direct.bytes)).toBe(text.slice(HEADER.length + 1));
    }
    // GB18030: the text, encoded again.
    const gb = planFile(enc(text), 'exchanges.csv', { encoding: 'gb18030' });
    expect(gb.ok && stageDirect(gb)?.direct?.bytes).toBeUndefined();
  });
});

describe('a file without a problem', () => {
  const ROWS = [
    'BX-1,outbound,staff,1,internship,,RU,ru-kazan-tu,2017-08-09,2017-11-18,,government,,final',
    'BX-2,inbound,student,7,study_visit,,JP,,2023-02-04,2023-02-04,信息学院,self,交流,',
    'BX-3,inbound,student,3,study_visit,,US,,2023-02-04,,,self,,final',
  ];
  test('replaces the table from its cells (no imp_checked), with the rows and counts imp_checked gives', async () => {
    const spec = TABLES.find((t) => t.table === 'exchanges')!;
    const swap = (line: string) => {
      const cells = line.split(',');
      return [cells[1], cells[0], ...cells.slice(2)].join(',');
    };
    // Clean, and [text, clean, adoptable]: the staged cells can be the table only in the table's column order.
    const cases: [string, boolean, boolean?][] = [
      [`${HEADER}\n${ROWS.join('\n')}\n`, true],
      [`${[HEADER, ...ROWS].map(swap).join('\n')}\n`, true, false],
      [`${HEADER.replace(',status', '')}\n${ROWS.map((r) => r.replace(/,[a-z]*$/, '')).join('\n')}\n`, true, false],
      [`交流记录,,,,,,,,,,,,,,,\r\n姓名,${HEADER}\r\n${ROWS.map((r) => `张三,${r}`).join('\r\n')}`, true],
      // Values that need their maps, and rows with a problem: imp_checked as before.
      [`${HEADER}\n${ROWS.map((r) => r.replace(',staff,', ',教师,')).join('\n')}\n`, false],
      [`${HEADER}\n${ROWS.map((r) => r.replace(',final', ',draft')).join('\n')}\n`, false],
      [`${HEADER}\n${ROWS.join('\n')}\n${ROWS[0]}\n`, false], // a repeated id
      [
        `${HEADER}\n${ROWS.join('\n')}\n${ROWS[0]!.replace('BX-1', 'BX-9').replace('2017-11-18', '2017-01-01')}\n`,
        false,
      ],
      [`${HEADER}\n${ROWS.join('\n')}\n${ROWS[0]!.replace('BX-1', '1E5')}\n`, false], // a warning
    ];
    for (const [text, clean, adoptable = clean] of cases) {
      const plan = planFile(enc(text), 'exchanges.csv');
      if (!plan.ok) throw new Error('not planned');
      const staged = stageDirect(plan)!;
      expect(staged).not.toBeNull();
      const viaChecked = await checkStaged(engine, spec, staged, THIS_YEAR);
      await engine.exec(`CREATE OR REPLACE TEMP TABLE t_checked AS ${keptRowsSql(spec)}`);
      const viaCells = await checkStaged(engine, spec, staged, THIS_YEAR, { clean: true });
      expect(viaCells.clean !== undefined, text.slice(-60)).toBe(clean);
      await engine.exec(`CREATE OR REPLACE TEMP TABLE t_cells AS ${viaCells.clean ?? keptRowsSql(spec)}`);
      expect({ ...viaCells, clean: undefined, adoptable: undefined }).toEqual(viaChecked);
      const rows = (t: string) => engine.query(`SELECT * FROM ${t} ORDER BY rowid`);
      expect(await rows('t_cells')).toEqual(await rows('t_checked'));
      expect((await rows('t_cells')).length).toBe(viaChecked.ok);
      // Made the table in place: the same columns, types and rows, in the same order, as the copy.
      expect(viaCells.adoptable ?? false, text.slice(-60)).toBe(adoptable);
      if (viaCells.adoptable) {
        await adoptStage(engine, spec);
        const columns = (t: string) =>
          engine.query(
            `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${t}' ORDER BY column_index`,
          );
        expect(await columns('exchanges')).toEqual(await columns('t_cells'));
        expect(await rows('exchanges')).toEqual(await rows('t_cells'));
        const stages = await engine.query(
          `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'imp_stage'`,
        );
        expect(stages[0]!.n).toBe(0);
      }
    }
  });
});

describe('the rows kept for a reload', () => {
  const CANONICAL = [
    'BX-1,outbound,staff,1,internship,,RU,ru-kazan-tu,2017-08-09,2017-11-18,,government,,final',
    'BX-2,inbound,student,7,study_visit,,JP,,2023-02-04,2023-02-04,信息学院,self,"",final'.replace(',"",', ',,'),
    'BX-3,inbound,student,3,study_visit,,US,,2023-02-04,,,self,交流,',
  ];
  const table = () => engine.query('SELECT * FROM exchanges ORDER BY rowid');
  async function importText(text: string) {
    const outcome = await importFiles(engine, [{ name: 'exchanges.csv', bytes: enc(text) }], {
      mode: 'replace',
      replacesSample: false,
      thisYear: THIS_YEAR,
    });
    // The staged cells never stay among the database's tables (the console lists them).
    const [left] = await engine.query(
      `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'imp_stage' AND NOT temporary`,
    );
    expect(left!.n).toBe(0);
    return { outcome, kept: outcome.kept.get(0)!, rows: await table() };
  }

  test('a file written as the table holds its values is kept as it is, and a reload gives the same table', async () => {
    // Columns in another order are read back by name.
    const cols = HEADER.split(',');
    const swapped = [cols[1], cols[0], ...cols.slice(2)].join(',');
    const swap = (r: string) => {
      const f = r.split(',');
      return [f[1], f[0], ...f.slice(2)].join(',');
    };
    for (const text of [
      `${HEADER}\n${CANONICAL.join('\n')}\n`,
      `${HEADER}\n${CANONICAL.join('\n')}`,
      `${swapped}\n${CANONICAL.map(swap).join('\n')}\n`,
    ]) {
      const { outcome, kept, rows } = await importText(text);
      expect(outcome.files[0]!.loaded).toBe(3);
      expect(kept).toBe(text);
      await restoreTables(engine, [{ table: 'exchanges', csv: kept }]);
      expect(await table()).toEqual(rows);
    }
  });

  test('any other file keeps its rows written out as the table holds them', async () => {
    const variants = [
      CANONICAL.map((r) => r.replace(',staff,', ',教师,')), // a word for a code
      CANONICAL.map((r) => r.replace(',1,', ',1.0,')), // a number written otherwise
      CANONICAL.map((r) => r.replace('2017-08-09', '2017/8/9')), // a date written otherwise
      CANONICAL.map((r) => r.replace(',RU,', ',Russia,')), // a country by name
      [...CANONICAL, CANONICAL[0]!.replace('BX-1', 'BX-1')], // a rejected row (a repeated id)
    ];
    for (const lines of variants) {
      const { kept, rows } = await importText(`${HEADER}\n${lines.join('\n')}\n`);
      expect(kept.startsWith(`${HEADER}\n"BX-1"`)).toBe(true);
      await restoreTables(engine, [{ table: 'exchanges', csv: kept }]);
      expect(await table()).toEqual(rows);
    }
    // CRLF, a column of names: written out too.
    for (const text of [
      `${HEADER}\r\n${CANONICAL.join('\r\n')}\r\n`,
      `姓名,${HEADER}\n${CANONICAL.map((r) => `张三,${r}`).join('\n')}\n`,
    ]) {
      const { outcome, kept, rows } = await importText(text);
      expect(outcome.files[0]!.loaded).toBe(3);
      expect(kept).not.toBe(text);
      expect(kept).not.toContain('张三');
      await restoreTables(engine, [{ table: 'exchanges', csv: kept }]);
      expect(await table()).toEqual(rows);
    }
  });
});
