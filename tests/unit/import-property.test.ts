/**
 * Property: rows generated at random, written as a staff CSV (Chinese or English headers, cells
 * quoted as spreadsheets quote them, values in the words and date forms staff use) in each
 * supported encoding, come back through the importer and DuckDB unchanged.
 */
import { expect, test } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { importFiles } from '../../src/data/import-run';
import { useBundledEngine } from '../helpers/bundled-engine';

const db = useBundledEngine();

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;
type Encoding = (typeof ENCODINGS)[number];

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.from('\uFEFF' + text, 'utf8'));
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'utf-16le':
      return new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true }));
    case 'utf-16be':
      return new Uint8Array(iconv.encode(text, 'utf16be', { addBOM: true }));
  }
}

const DIRECTIONS: [string, string][] = [
  ['outbound', 'outbound'],
  ['出访', 'outbound'],
  ['派出', 'outbound'],
  ['inbound', 'inbound'],
  ['来访', 'inbound'],
  ['来校', 'inbound'],
];
const CATEGORIES: [string, string][] = [
  ['teacher', 'teacher'],
  ['教师', 'teacher'],
  ['学生', 'student'],
  ['Expert', 'expert'],
  ['领导', 'leader'],
];
const ACTIVITIES: [string, string][] = [
  ['training', 'training'],
  ['培训', 'training'],
  ['学分互认', 'credit_exchange'],
  ['短期研学', 'short_program'],
  ['Conference', 'conference'],
];
const COUNTRIES: [string, string][] = [
  ['韩国', 'KR'],
  ['Korea, Republic of', 'KR'],
  ['中国台湾', 'TW'],
  ['台湾', 'TW'],
  ['Viet Nam', 'VN'],
  ['越南', 'VN'],
  ['US', 'US'],
  ['DEU', 'DE'],
  ['新西兰', 'NZ'],
  ['Hong Kong, China', 'HK'],
];

/** Free text as staff write it: Chinese, English, full-width and CSV-special characters. */
const ALPHABET = [...'旅游学院医经济管理设计奖证书摄影国际交流中心𠮷abcXYZ019 ,;"\'\n，。（）—&%#-'];
const freeText = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join('').trim())
  // Cells that read as "nothing" or a total row are meant to be left out, not round-tripped.
  .filter((s) => s !== '' && !/^(-+|—+|null|无|#.*|合计|总计|total)$/i.test(s));

const day = fc.date({
  min: new Date('2010-01-01T00:00:00Z'),
  max: new Date('2024-12-31T00:00:00Z'),
  noInvalidDate: true,
});

function formatDate(d: Date, style: number): string {
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const p = (n: number) => String(n).padStart(2, '0');
  switch (style) {
    case 0:
      return `${y}-${p(m)}-${p(dd)}`;
    case 1:
      return `${y}/${m}/${dd}`;
    default:
      return `${y}年${m}月${dd}日`;
  }
}

const row = fc.record({
  direction: fc.constantFrom(...DIRECTIONS),
  category: fc.constantFrom(...CATEGORIES),
  activity: fc.constantFrom(...ACTIVITIES),
  country: fc.constantFrom(...COUNTRIES),
  headcount: fc.integer({ min: 1, max: 9999 }),
  thousands: fc.boolean(),
  start: day,
  days: fc.integer({ min: 0, max: 400 }),
  dateStyle: fc.integer({ min: 0, max: 2 }),
  department: freeText,
  outcomes: fc.option(freeText, { nil: null }),
});

const quote = (cell: string, always: boolean) =>
  always || /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

test('generated rows round-trip in every encoding', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(row, { minLength: 1, maxLength: 25 }),
      fc.constantFrom(...ENCODINGS),
      fc.boolean(),
      fc.boolean(),
      async (rows, encoding, chineseHeaders, quoteAll) => {
        const header = chineseHeaders
          ? '编号,方向,人员类别,人数,活动类型,国家和地区,开始日期,结束日期,二级学院,成果'
          : 'record_id,direction,participant_category,headcount,activity_type,country,start_date,end_date,department,outcomes';
        const lines = rows.map((r, i) => {
          const end = new Date(r.start.getTime() + r.days * 86_400_000);
          const count = r.thousands ? r.headcount.toLocaleString('en-US') : String(r.headcount);
          return [
            `P-${i}`,
            r.direction[0],
            r.category[0],
            count,
            r.activity[0],
            r.country[0],
            formatDate(r.start, r.dateStyle),
            formatDate(end, r.dateStyle),
            r.department,
            r.outcomes ?? '',
          ]
            .map((cell) => quote(cell, quoteAll))
            .join(',');
        });
        const bytes = encode([header, ...lines].join('\r\n') + '\r\n', encoding);
        const outcome = await importFiles(db(), [{ name: 'generated.csv', bytes }], {
          mode: 'replace',
          replacesSample: false,
          thisYear: 2026,
        });
        const report = outcome.files[0]!;
        expect(report).toMatchObject({ rowsIn: rows.length, loaded: rows.length, rejected: 0 });
        const back = await db().query(
          `SELECT record_id, direction, participant_category, headcount, activity_type, country,
             strftime(start_date, '%Y-%m-%d') AS start_date, strftime(end_date, '%Y-%m-%d') AS end_date, department, outcomes
           FROM exchanges ORDER BY CAST(substr(record_id, 3) AS INTEGER)`,
        );
        expect(back).toEqual(
          rows.map((r, i) => ({
            record_id: `P-${i}`,
            direction: r.direction[1],
            participant_category: r.category[1],
            headcount: r.headcount,
            activity_type: r.activity[1],
            country: r.country[1],
            start_date: formatDate(r.start, 0),
            end_date: formatDate(new Date(r.start.getTime() + r.days * 86_400_000), 0),
            department: r.department,
            outcomes: r.outcomes,
          })),
        );
      },
    ),
    { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20261128) },
  );
}, 300_000);
