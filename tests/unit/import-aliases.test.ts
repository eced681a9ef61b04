/**
 * Issue 16 §2: the office's own words for coded values. A GB18030 export with Chinese headers
 * whose activities read 培训进修 and 考察访问 loaded only half its rows; the built-in list maps
 * them, and the words staff commonly write, to the allowed codes. Expected codes and totals are
 * written here by hand, not read back from the app's list.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { ingest } from '../../src/data/ingest';
import { importFiles } from '../../src/data/import-run';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aliasRows, OFFICE_WORDS } from '../../src/import/aliases';
import * as charts from '../../src/i18n/messages/charts';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine?.close());

// The importer's key: width folded, case and spaces and punctuation ignored (imp_key).
const key = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0,.\-_'’()（）·&/]+/g, '');

const settings = { mode: 'replace' as const, replacesSample: false, thisYear: 2026 };
const HEADER = '编号,方向,人员类别,人数,活动类型,国家和地区,开始日期,结束日期,经费来源,状态';

/** [id, direction, category, headcount, activity, country, start, funding] as staff write them. */
const OFFICE_ROWS: [string, string, string, number, string, string, string, string][] = [
  ['G-1', '出访', '教师', 3, '培训进修', '韩国', '2019/3/4', '学院经费'],
  ['G-2', '出访', '教师', 2, '培训进修', '德国', '2019/5/6', '学院经费'],
  ['G-3', '出访', '领导', 4, '考察访问', '泰国', '2019/6/1', '学院经费'],
  ['G-4', '来访', '专家', 5, '考察访问', '中国台湾', '2019/9/9', '合作方'],
  ['G-5', '出访', '教师', 1, '培训', '韩国', '2019/10/8', '学院经费'],
  ['G-6', '来访', '学生', 12, '考察', '中国台湾', '2019/11/2', '合作方'],
  ['G-7', '出访', '教师', 2, '进修', '新加坡', '2019/4/2', '自费'],
  ['G-8', '出访', '学生', 6, '考察', '越南', '2019/7/15', '自费'],
];
const EXPECTED_ACTIVITY: Record<string, string> = {
  'G-1': 'training',
  'G-2': 'training',
  'G-3': 'study_visit',
  'G-4': 'study_visit',
  'G-5': 'training',
  'G-6': 'study_visit',
  'G-7': 'training',
  'G-8': 'study_visit',
};

function officeExport(): Uint8Array {
  const lines = [
    '2019年国际交流与合作情况统计表,,,,,,,,,',
    HEADER,
    ...OFFICE_ROWS.map(
      ([id, dir, cat, n, act, country, start, funding]) =>
        `${id},${dir},${cat},${n},${act},${country},${start},,${funding},正式`,
    ),
    '合计,,,35,,,,,,',
  ];
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
}

describe("the office's own words", () => {
  test('a GB18030 export with Chinese headers, 培训进修 and 考察访问: every row loads, totals whole', async () => {
    const outcome = await importFiles(engine, [{ name: '2019统计.csv', bytes: officeExport() }], settings);
    const report = outcome.files[0]!;
    expect(report).toMatchObject({ encoding: 'gb18030', headerLine: 2, rowsIn: 8, rejected: 0, loaded: 8 });
    const rows = await engine.query('SELECT record_id, activity_type, headcount FROM exchanges ORDER BY record_id');
    expect(Object.fromEntries(rows.map((r) => [r.record_id, r.activity_type]))).toEqual(EXPECTED_ACTIVITY);
    const total = OFFICE_ROWS.reduce((s, r) => s + r[3], 0);
    expect(rows.reduce((s, r) => s + Number(r.headcount), 0)).toBe(total);
    expect(total).toBe(35);
    // The report says which words were read as which code, with their rows.
    const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : 1);
    expect(report.mapped.filter((m) => m.column === '活动类型').sort(byValue)).toEqual(
      [
        { column: '活动类型', value: '培训进修', code: 'training', via: 'builtin', rows: 2 },
        { column: '活动类型', value: '考察访问', code: 'study_visit', via: 'builtin', rows: 2 },
        { column: '活动类型', value: '培训', code: 'training', via: 'builtin', rows: 1 },
        { column: '活动类型', value: '考察', code: 'study_visit', via: 'builtin', rows: 2 },
        { column: '活动类型', value: '进修', code: 'training', via: 'builtin', rows: 1 },
      ].sort(byValue),
    );
    expect(report.mapped.filter((m) => m.column === '经费来源').sort(byValue)).toEqual(
      [
        { column: '经费来源', value: '学院经费', code: 'college', via: 'builtin', rows: 4 },
        { column: '经费来源', value: '合作方', code: 'partner', via: 'builtin', rows: 2 },
        { column: '经费来源', value: '自费', code: 'self', via: 'builtin', rows: 2 },
      ].sort(byValue),
    );
  });

  test.each([
    ['培训进修', 'training'],
    ['考察访问', 'study_visit'],
    ['培训', 'training'],
    ['进修', 'training'],
    ['研修', 'training'],
    ['访学', 'study_visit'],
    ['考察', 'study_visit'],
    ['访问', 'study_visit'],
    ['交换生', 'credit_exchange'],
    ['学分互认', 'credit_exchange'],
    ['游学', 'short_program'],
    ['夏令营', 'short_program'],
    ['讲学', 'teaching'],
    ['参会', 'conference'],
    ['论坛', 'conference'],
    ['竞赛', 'competition'],
    ['实习', 'internship'],
    ['培训/进修', 'training'],
    ['学术交流', 'study_visit'],
    ['参加会议', 'conference'],
    ['技能竞赛', 'competition'],
    ['顶岗实习', 'internship'],
    ['短期交流', 'short_program'],
    ['交流生', 'credit_exchange'],
    ['语言进修', 'language_training'],
    ['代表团访问', 'official_visit'],
    ['攻读学位', 'degree_study'],
  ])('activity %s → %s', async (word, code) => {
    const text = `${HEADER}\r\nW-1,出访,教师,1,${word},韩国,2019-03-04,,,\r\n`;
    const outcome = await importFiles(engine, [{ name: 'w.csv', bytes: new TextEncoder().encode(text) }], settings);
    expect(outcome.files[0]).toMatchObject({ loaded: 1, rejected: 0 });
    const [row] = await engine.query('SELECT activity_type FROM exchanges');
    expect(row!.activity_type).toBe(code);
  });

  test.each([
    ['方向', '因公出国（境）', 'direction', 'outbound'],
    ['方向', '来校访问', 'direction', 'inbound'],
    ['人员类别', '专任教师', 'participant_category', 'teacher'],
    ['人员类别', '在校生', 'participant_category', 'student'],
    ['人员类别', '校级领导', 'participant_category', 'leader'],
    ['人员类别', '外籍专家', 'participant_category', 'expert'],
    ['人员类别', '管理人员', 'participant_category', 'staff'],
    ['经费来源', '国家留学基金委', 'funding', 'government'],
    ['经费来源', '外方资助', 'funding', 'partner'],
    ['经费来源', '个人承担', 'funding', 'self'],
    ['经费来源', '学校承担', 'funding', 'college'],
    ['经费来源', '省级项目', 'funding', 'provincial'],
    ['经费来源', '多方分担', 'funding', 'mixed'],
    ['状态', '已确认', 'status', 'final'],
    ['状态', '待定', 'status', 'provisional'],
  ])('%s %s → %s %s', async (header, word, column, code) => {
    const base: Record<string, string> = {
      编号: 'V-1',
      方向: '出访',
      人员类别: '教师',
      人数: '1',
      活动类型: '培训',
      国家和地区: '韩国',
      开始日期: '2019-03-04',
      经费来源: '',
      状态: '',
    };
    base[header] = word;
    const heads = Object.keys(base);
    const text = `${heads.join(',')}\r\n${heads.map((h) => base[h]).join(',')}\r\n`;
    const outcome = await importFiles(engine, [{ name: 'v.csv', bytes: new TextEncoder().encode(text) }], settings);
    expect(outcome.files[0]).toMatchObject({ loaded: 1, rejected: 0 });
    const [row] = await engine.query(`SELECT "${column}" AS v FROM exchanges`);
    expect(row!.v).toBe(code);
  });

  test("the app's own labels for activities and categories, zh and en, read as their codes", () => {
    const pairs: [string, string, string][] = [];
    for (const messages of [charts.zh, charts.en] as Record<string, string>[]) {
      for (const [key, label] of Object.entries(messages)) {
        const [prefix, code] = key.split('.');
        if (prefix === 'activity') pairs.push(['activity_type', label, code!]);
        if (prefix === 'category') pairs.push(['participant_category', label, code!]);
      }
    }
    expect(pairs.length).toBe(36);
    const known = new Set(aliasRows().map(([kind, alias, code]) => `${kind}:${key(alias)}:${code}`));
    expect(pairs.filter(([kind, label, code]) => !known.has(`${kind}:${key(label)}:${code}`))).toEqual([]);
  });

  test('docs/data-format.md lists every word with its code', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/data-format.md', import.meta.url)), 'utf8');
    const section = doc.slice(doc.indexOf('## Words read as codes'), doc.indexOf('## Countries and regions'));
    const listed = new Map<string, string>();
    for (const line of section.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      const code = /^`(\w+)`$/.exec(cells[2] ?? '')?.[1];
      if (code) listed.set(`${cells[1]}:${code}`, cells[3]!);
    }
    const rows = Object.entries(OFFICE_WORDS).flatMap(([, codes]) => Object.entries(codes));
    expect(listed.size).toBe(rows.length);
    for (const [kind, codes] of Object.entries(OFFICE_WORDS)) {
      for (const [code, words] of Object.entries(codes)) {
        const column = [...listed.keys()].find((k) => k.endsWith(`:${code}`) && listed.get(k) === words.join('、'));
        expect(column, `${kind} ${code}`).toBeDefined();
      }
    }
  });

  test('no word means two codes of one kind (DuckDB would drop it silently)', () => {
    const codes = new Map<string, Set<string>>();
    for (const [kind, alias, code] of aliasRows()) {
      const k = `${kind}:${key(alias)}`;
      codes.set(k, (codes.get(k) ?? new Set()).add(code));
    }
    const ambiguous = [...codes].filter(([, c]) => c.size > 1).map(([k, c]) => `${k} → ${[...c].join('|')}`);
    expect(ambiguous).toEqual([]);
  });
});
