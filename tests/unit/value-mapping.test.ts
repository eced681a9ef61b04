/**
 * Issue 16 §2: the user's own mappings of coded values. The pure rules (the key a value is matched
 * by, built-in words before the user's, merging, the CSV file and its refusals), then the real
 * engine: what the preview lists as not recognised, and an import that applies the mappings a file
 * carries, bound as parameters. Expected codes and counts are written here by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { ingest } from '../../src/data/ingest';
import { importFiles } from '../../src/data/import-run';
import { unknownValues } from '../../src/data/unknown-values';
import { setUserMappings } from '../../src/data/user-mappings';
import { prepareValidation } from '../../src/data/validate-macros';
import { planFile } from '../../src/import/structure';
import {
  MAX_MAPPING_LINES,
  fromStored,
  mappingsCsv,
  mappingsForTable,
  mergeMappings,
  parseMappingsCsv,
  readValue,
  setMapping,
  toStored,
  unmappedRows,
  valueKey,
  type ValueMapping,
} from '../../src/import/value-mapping';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine?.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const m = (column: string, value: string, code: string): ValueMapping => ({ column, value, code });

describe('the rules (pure)', () => {
  test('a value is matched by the key the importer uses (imp_key on the real engine)', async () => {
    await prepareValidation(engine);
    const samples = [
      '海外研学',
      ' 海外 研学 ',
      '海外/研学',
      'Short_Program',
      'ＳＨＯＲＴ　ＰＲＯＧＲＡＭ',
      '（文化）体验·A&B',
      "it's",
      'x.y-z',
    ];
    for (const s of samples) {
      const [row] = await engine.query('SELECT imp_key(?) AS k', [s]);
      expect(valueKey(s), s).toBe(row!.k);
    }
  });

  test('the code itself first, then a built-in word, then the user; nothing else is read', () => {
    const user = [m('activity_type', '海外研学', 'short_program'), m('activity_type', '培训', 'conference')];
    expect(readValue('activity_type', 'training', user)).toEqual({ code: 'training', via: 'code' });
    expect(readValue('activity_type', 'Short Program', user)).toEqual({ code: 'short_program', via: 'code' });
    // 培训 is built in: the user's mapping does not change it.
    expect(readValue('activity_type', '培训', user)).toEqual({ code: 'training', via: 'builtin' });
    expect(readValue('activity_type', '文化体验', [])).toEqual({ code: 'short_program', via: 'builtin' });
    expect(readValue('activity_type', '海外 研学', user)).toEqual({ code: 'short_program', via: 'user' });
    expect(readValue('activity_type', '团建', user)).toBeNull();
    // A mapping is for its own value list only.
    expect(readValue('participant_category', '海外研学', user)).toBeNull();
  });

  test('merging: one mapping per value list and key, the later wins; invalid and built-in ones left out', () => {
    const merged = mergeMappings(
      [m('activity_type', '海外研学', 'short_program'), m('funding', '企业赞助', 'partner')],
      [
        m('activity_type', ' 海外 研学', 'study_visit'),
        m('activity_type', '培训', 'conference'),
        m('activity_type', '团建', 'no_such_code'),
        m('no_such_column', '团建', 'other'),
        m('activity_type', ' ', 'other'),
        m('participant_category', '辅导员', 'staff'),
      ],
    );
    expect(merged).toEqual([
      m('participant_category', '辅导员', 'staff'),
      m('activity_type', '海外 研学', 'study_visit'),
      m('funding', '企业赞助', 'partner'),
    ]);
    expect(setMapping(merged, 'activity_type', '海外研学', null)).toEqual([
      m('participant_category', '辅导员', 'staff'),
      m('funding', '企业赞助', 'partner'),
    ]);
    expect(setMapping([], 'status', '初稿', 'provisional')).toEqual([m('status', '初稿', 'provisional')]);
    // Agreements read their status from their own list: an exchange's status mapping is not theirs.
    expect(mappingsForTable([...merged, m('status', '初稿', 'provisional')], 'agreements')).toEqual([]);
    expect(mappingsForTable(merged, 'exchanges')).toEqual(merged);
  });

  test('the stored list reads back; a damaged one reads as empty or loses only its bad entries', () => {
    const list = [m('activity_type', '海外研学', 'short_program')];
    expect(fromStored(toStored(list))).toEqual(list);
    expect(fromStored(null)).toEqual([]);
    expect(fromStored('{not json')).toEqual([]);
    expect(fromStored('{"mappings": 3}')).toEqual([]);
    expect(
      fromStored(JSON.stringify({ mappings: [...list, null, { column: 'funding', value: 'x', code: 'nope' }] })),
    ).toEqual(list);
  });

  test('rows left unmapped: what the preview says will not be imported', () => {
    const lists = [
      {
        target: 'activity_type',
        column: 'activity_type',
        header: '活动类型',
        values: [
          { value: '海外研学', rows: 3, mappable: true },
          { value: '团建', rows: 1, mappable: true },
          { value: '1**************2', rows: 2, mappable: false },
        ],
        more: 1,
        moreRows: 4,
      },
    ];
    expect(unmappedRows(lists, [])).toBe(10);
    expect(unmappedRows(lists, [m('activity_type', '海外研学', 'short_program')])).toBe(7);
  });
});

describe('the mapping file', () => {
  const tricky = [
    m('activity_type', '海外研学', 'short_program'),
    m('activity_type', '文化交流, 含"茶艺"', 'other'),
    m('activity_type', '=1+1', 'other'),
    m('activity_type', '＝HYPERLINK()', 'other'),
    m('activity_type', '-实践-', 'internship'),
    m('participant_category', '辅导员', 'staff'),
    m('funding', '企业赞助', 'partner'),
    m('status', '初稿', 'provisional'),
    m('agreement_status', '续签中', 'active'),
    m('event_kind', '颁奖', 'award'),
  ];

  test('round trip: every mapping, the awkward ones too, comes back as it went', () => {
    const csv = mappingsCsv(tricky);
    expect(csv.startsWith('\uFEFFcolumn,value,code\r\n')).toBe(true);
    expect(
      csv
        .split('\r\n')
        .slice(0, -1)
        .every((line) => !line.includes('\n')),
    ).toBe(true);
    // A formula-like cell is guarded for spreadsheets, and unguarded on the way back.
    expect(csv).toContain("activity_type,'=1+1,other\r\n");
    expect(csv).toContain('activity_type,"文化交流, 含""茶艺""",other\r\n');
    const parsed = parseMappingsCsv(utf8(csv));
    expect(parsed).toEqual({ ok: true, mappings: mergeMappings(tricky), known: [] });
  });

  test('a file written by hand: GB18030 from Excel, Chinese headers, other column order, blank lines', () => {
    const text = '代码,列,取值\r\nshort_program,activity_type,海外研学\r\n\r\nstaff,participant_category,辅导员\r\n';
    const parsed = parseMappingsCsv(new Uint8Array(iconv.encode(text, 'gb18030')));
    expect(parsed).toEqual({
      ok: true,
      mappings: [m('participant_category', '辅导员', 'staff'), m('activity_type', '海外研学', 'short_program')],
      known: [],
    });
  });

  test('values the app already reads are left out and counted, not refused', () => {
    const parsed = parseMappingsCsv(
      utf8(
        'column,value,code\nactivity_type,培训,training\nactivity_type,training,training\nactivity_type,海外研学,short_program\n',
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      mappings: [m('activity_type', '海外研学', 'short_program')],
      known: [
        { line: 2, value: '培训', code: 'training' },
        { line: 3, value: 'training', code: 'training' },
      ],
    });
  });

  test.each([
    ['an empty file', '', [{ code: 'empty', line: 0 }]],
    ['only blank lines', '\r\n\r\n', [{ code: 'empty', line: 0 }]],
    ['no header', 'activity_type,海外研学,short_program\n', [{ code: 'header', line: 1 }]],
    ['a header without code', 'column,value\nactivity_type,海外研学\n', [{ code: 'header', line: 1 }]],
    ['an unknown column', 'column,value,code\n活动,海外研学,short_program\n', [{ code: 'column', line: 2 }]],
    [
      'a code the column does not have',
      'column,value,code\nactivity_type,海外研学,study_tour\n',
      [{ code: 'code', line: 2 }],
    ],
    ["another column's code", 'column,value,code\nfunding,企业赞助,student\n', [{ code: 'code', line: 2 }]],
    [
      'an empty value',
      'column,value,code\nactivity_type,,other\nactivity_type,--,other\n',
      [
        { code: 'value', line: 2 },
        { code: 'value', line: 3 },
      ],
    ],
    [
      'one value, two codes',
      'column,value,code\nactivity_type,海外研学,short_program\nactivity_type,海外 研学,study_visit\n',
      [{ code: 'conflict', line: 3 }],
    ],
    ['a cell too many', 'column,value,code\nactivity_type,海外研学,short_program,x\n', [{ code: 'fields', line: 2 }]],
    ['an unbalanced quote', 'column,value,code\nactivity_type,"海外研学,short_program\n', [{ code: 'quote', line: 2 }]],
  ])('%s: refused as a whole, by line', (_, text, problems) => {
    const parsed = parseMappingsCsv(utf8(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map(({ code, line }) => ({ code, line }))).toEqual(problems);
  });

  test('a good line beside a bad one is not kept either; a workbook or binary file is not text', () => {
    const parsed = parseMappingsCsv(
      utf8('column,value,code\nactivity_type,海外研学,short_program\nactivity_type,团建,party\n'),
    );
    expect(parsed).toMatchObject({ ok: false, problems: [{ code: 'code', line: 3, value: 'party' }] });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...new Array(200).fill(0)]);
    expect(parseMappingsCsv(zip)).toMatchObject({ ok: false, problems: [{ code: 'not-text' }] });
    const many = [
      'column,value,code',
      ...Array.from({ length: MAX_MAPPING_LINES + 1 }, (_, i) => `activity_type,词${i},other`),
    ];
    expect(parseMappingsCsv(utf8(many.join('\n')))).toMatchObject({ ok: false, problems: [{ code: 'too-many' }] });
  });
});

describe('on the real engine', () => {
  const HEADER = '编号,方向,人员类别,人数,活动类型,国家和地区,开始日期,经费来源,状态';
  // [id, direction, category, headcount, activity, country, start, funding, status]
  const ROWS: string[][] = [
    ['M-1', '出访', '学生', '12', '海外研学', '日本', '2019-07-10', '自费', '正式'],
    ['M-2', '出访', '学生', '8', '海外研学', '韩国', '2019-08-01', '企业赞助', '正式'],
    ['M-3', '来访', '辅导员', '2', '文化体验', '泰国', '2019-09-03', '学院经费', '正式'],
    ['M-4', '出访', '教师', '3', '团建', '新加坡', '2019-10-12', '学院经费', '正式'],
    ['M-5', '出访', '教师', '4', 'training', '德国', '2019-11-02', '无', '正式'],
    ['M-6', '出访', '学生', '5', " x'); DROP TABLE exchanges; -- ", '越南', '2019-12-01', '学院经费', '正式'],
  ];
  const file = (rows = ROWS) =>
    utf8(['2019年统计', HEADER, ...rows.map((r) => r.join(',')), '合计,,,34,,,,,'].join('\r\n') + '\r\n');
  const settings = { mode: 'replace' as const, replacesSample: false, thisYear: 2026 };
  const USER = [
    m('activity_type', '海外研学', 'short_program'),
    m('participant_category', '辅导员', 'staff'),
    m('funding', '企业赞助', 'partner'),
    m('activity_type', "x'); DROP TABLE exchanges; --", 'other'),
  ];

  test('the preview lists each value not recognised, with its rows: not codes, built-in words or empty tokens', async () => {
    const plan = planFile(file(), 'mapping.csv');
    if (!plan.ok) throw new Error('not planned');
    const lists = await unknownValues(engine, plan);
    expect(lists).toEqual([
      {
        target: 'participant_category',
        column: 'participant_category',
        header: '人员类别',
        values: [{ value: '辅导员', rows: 1, mappable: true }],
        more: 0,
        moreRows: 0,
      },
      {
        target: 'activity_type',
        column: 'activity_type',
        header: '活动类型',
        values: [
          { value: '海外研学', rows: 2, mappable: true },
          { value: "x'); DROP TABLE exchanges; --", rows: 1, mappable: true },
          { value: '团建', rows: 1, mappable: true },
        ],
        more: 0,
        moreRows: 0,
      },
      {
        target: 'funding',
        column: 'funding',
        header: '经费来源',
        values: [{ value: '企业赞助', rows: 1, mappable: true }],
        more: 0,
        moreRows: 0,
      },
    ]);
  });

  test('without mappings, the rows of unknown values are refused', async () => {
    const outcome = await importFiles(engine, [{ name: 'mapping.csv', bytes: file() }], settings);
    expect(outcome.files[0]).toMatchObject({ rowsIn: 6, loaded: 1, rejected: 5 });
  });

  test("with the file's mappings: every row loads but the one left unmapped, each code as mapped", async () => {
    const outcome = await importFiles(
      engine,
      [{ name: 'mapping.csv', bytes: file(), options: { values: USER } }],
      settings,
    );
    const report = outcome.files[0]!;
    expect(report).toMatchObject({ rowsIn: 6, loaded: 5, rejected: 1 });
    expect(report.problems.map((p) => [p.line, p.column, p.value, p.code])).toEqual([
      [6, '活动类型', '团建', 'unknown-value'],
    ]);
    const rows = await engine.query(
      'SELECT record_id, participant_category AS c, activity_type AS a, funding AS f FROM exchanges ORDER BY record_id',
    );
    expect(rows.map((r) => [r.record_id, r.c, r.a, r.f])).toEqual([
      ['M-1', 'student', 'short_program', 'self'],
      ['M-2', 'student', 'short_program', 'partner'],
      ['M-3', 'staff', 'short_program', 'college'],
      ['M-5', 'teacher', 'training', null],
      ['M-6', 'student', 'other', 'college'],
    ]);
    const [sum] = await engine.query('SELECT sum(headcount)::INTEGER AS n FROM exchanges');
    expect(sum!.n).toBe(12 + 8 + 2 + 4 + 5);
    // The report says how each value was read, the user's mapping or a built-in word, and the file's rows holding it.
    const mapped = report.mapped.map(
      ({ column, value, code, via, rows }) => `${column} ${value}→${code} ${via} ${rows}`,
    );
    expect(mapped.sort()).toEqual(
      [
        '人员类别 学生→student builtin 3',
        '人员类别 教师→teacher builtin 2',
        '人员类别 辅导员→staff user 1',
        '活动类型 海外研学→short_program user 2',
        '活动类型 文化体验→short_program builtin 1',
        "活动类型 x'); DROP TABLE exchanges; --→other user 1",
        '经费来源 企业赞助→partner user 1',
        '经费来源 学院经费→college builtin 3',
        '经费来源 自费→self builtin 1',
        '方向 出访→outbound builtin 5',
        '方向 来访→inbound builtin 1',
        '状态 正式→final builtin 6',
      ].sort(),
    );
  });

  test('a mapping never changes a built-in word, and lasts only for the file that carries it', async () => {
    const withOverride = [
      ...USER,
      m('activity_type', 'training', 'conference'),
      m('activity_type', '文化体验', 'other'),
    ];
    await importFiles(engine, [{ name: 'mapping.csv', bytes: file(), options: { values: withOverride } }], settings);
    const rows = await engine.query(
      "SELECT record_id, activity_type AS a FROM exchanges WHERE record_id IN ('M-3', 'M-5') ORDER BY 1",
    );
    expect(rows.map((r) => r.a)).toEqual(['short_program', 'training']);
    // The next file carries none: its unknown values are refused again.
    const next = await importFiles(engine, [{ name: 'mapping.csv', bytes: file() }], settings);
    expect(next.files[0]).toMatchObject({ loaded: 1, rejected: 5 });
  });

  test('data/ at start-up is read with the built-in words only, whatever mappings an import left', async () => {
    await setUserMappings(engine, [m('activity_type', '海外研学', 'short_program')]);
    const texts = bundledTexts();
    const row = 'X-1,outbound,student,4,海外研学,,JP,,2019-07-01,,,,,final';
    texts.set('exchanges.csv', `${texts.get('exchanges.csv')!.trimEnd()}\n${row}\n`);
    await ingest(engine, texts);
    const [kept] = await engine.query("SELECT count(*)::INTEGER AS n FROM exchanges WHERE record_id = 'X-1'");
    expect(kept!.n).toBe(0);
    await ingest(engine, bundledTexts());
  });
});
