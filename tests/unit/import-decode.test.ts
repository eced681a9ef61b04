/**
 * Issue 16, smaller points on decoding: a GB18030 file only GB18030 can read is detected without
 * asking; bytes that do not decode are shown as `\xHH` in the preview, the report and the
 * rejected rows, never as U+FFFD.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { ingest } from '../../src/data/ingest';
import { importFiles } from '../../src/data/import-run';
import { decode, hexInvalid, sniffEncoding } from '../../src/import/decode';
import { planFile } from '../../src/import/structure';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const HEADER = 'record_id,direction,participant_category,headcount,activity_type,country,start_date,outcomes';
const gb = (text: string) => new Uint8Array(iconv.encode(text, 'gb18030'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine?.close());

describe('a GB18030 file that only GB18030 reads', () => {
  // 𠮷 is four bytes in GB18030 (95 32 82 36); Big5 and Shift_JIS have no such sequence.
  const bytes = gb(
    `${HEADER}\nC-1,outbound,teacher,2,training,KR,2018-03-01,𠮷\nC-2,inbound,expert,1,training,JP,2018-04-01,\n`,
  );

  test('is detected, not offered as a choice', () => {
    expect(sniffEncoding(bytes)).toEqual({
      kind: 'text',
      encoding: 'gb18030',
      confident: true,
      candidates: ['gb18030'],
      mixed: false,
    });
  });

  test('imports without a question, 𠮷 intact', async () => {
    const outcome = await importFiles(engine, [{ name: 'gb.csv', bytes }], {
      mode: 'replace',
      replacesSample: false,
      thisYear: 2026,
    });
    expect(outcome.files[0]).toMatchObject({ error: null, encoding: 'gb18030', rowsIn: 2, loaded: 2 });
    const [row] = await engine.query("SELECT outcomes FROM exchanges WHERE record_id = 'C-1'");
    expect(row!.outcomes).toBe('𠮷');
  });

  test('a Big5 file is still a choice', () => {
    const big5 = new Uint8Array(
      iconv.encode(`${HEADER}\nF-1,outbound,teacher,2,training,TW,2018-03-01,臺灣設計獎\n`, 'big5'),
    );
    expect(sniffEncoding(big5)).toMatchObject({ confident: false });
  });
});

describe('bytes that do not decode are shown as hex', () => {
  test("hexInvalid keeps ASCII and writes every other byte as \\xHH, a character's bytes together", () => {
    expect(hexInvalid(concat(utf8('a,中'), new Uint8Array([0xc4, 0xe3]), utf8(',b')), 'utf-8')).toBe(
      'a,\\xE4\\xB8\\xAD\\xC4\\xE3,b',
    );
    // 0x81 0x7C is one GBK character: its trail byte is not read as a | delimiter.
    expect(hexInvalid(new Uint8Array([0x31, 0x7c, 0x81, 0x7c, 0xff, 0x7c, 0x32]), 'gb18030')).toBe(
      '1|\\x81\\x7C\\xFF|2',
    );
  });

  test('UTF-8 with two GBK lines: those lines in hex in the decoded text, the preview and the report', async () => {
    const head = utf8(`${HEADER}\r\nE-1,outbound,teacher,2,training,KR,2018-03-01,好\r\n`);
    const bad = gb('E-2,outbound,teacher,2,training,KR,2018-03-01,你好\r\nE-3,出访,教师,2,培训,KR,2018-03-01,\r\n');
    const tail = utf8('E-4,inbound,expert,1,training,JP,2018-04-01,再见\r\n');
    const bytes = concat(head, bad, tail);
    const decoded = decode(bytes, 'utf-8');
    expect([...decoded.badLines]).toEqual([3, 4]);
    expect(decoded.text).not.toContain('\uFFFD');
    const lines = decoded.text.split('\r\n');
    expect(lines[2]).toBe('E-2,outbound,teacher,2,training,KR,2018-03-01,\\xC4\\xE3\\xBA\\xC3');
    // CA A6 and D1 B5 (师, 训 in GBK) are also valid UTF-8 (ʦ, ѵ): shown as bytes all the same.
    expect(lines[3]).toBe('E-3,\\xB3\\xF6\\xB7\\xC3,\\xBD\\xCC\\xCA\\xA6,2,\\xC5\\xE0\\xD1\\xB5,KR,2018-03-01,');
    expect(lines[4]).toBe('E-4,inbound,expert,1,training,JP,2018-04-01,再见');

    const plan = planFile(bytes, 'mixed.csv');
    expect(plan.ok).toBe(true);
    const rows = plan.ok ? plan.structure.rows : [];
    expect(rows.find((r) => r.line === 3)?.fields.at(-1)).toBe('\\xC4\\xE3\\xBA\\xC3');
    expect(JSON.stringify(rows)).not.toContain('\uFFFD');

    const outcome = await importFiles(engine, [{ name: 'mixed.csv', bytes }], {
      mode: 'replace',
      replacesSample: false,
      thisYear: 2026,
    });
    const report = outcome.files[0]!;
    expect(report).toMatchObject({ rowsIn: 4, loaded: 2, rejected: 2 });
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'encoding'],
      [4, 'encoding'],
    ]);
    expect(report.problems[0]!.value).toContain('\\xC4\\xE3');
    const rejected = outcome.rejected.get(0)!.rows;
    expect(JSON.stringify(rejected)).not.toContain('\uFFFD');
    expect(rejected[0]!.cells.raw).toContain('\\xC4\\xE3');
  });

  test('a GB18030 file with a stray byte: that line in hex, the rest in Chinese', () => {
    const bytes = concat(gb('编号,成果\r\n1,甲\r\n2,'), new Uint8Array([0xff]), gb('乙\r\n3,丙'));
    const decoded = decode(bytes, 'gb18030');
    expect([...decoded.badLines]).toEqual([3]);
    expect(decoded.text).toBe('编号,成果\r\n1,甲\r\n2,\\xFF\\xD2\\xD2\r\n3,丙');
  });
});
