/** The importer's pure modules: decoding, the CSV reader, header mapping, total rows and masking. */
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { EXCHANGES, PARTNERS, TABLES } from '../../src/data/schema';
import { MESSAGES } from '../../src/i18n/messages';
import { FILE_ERRORS, NOTICE_CODES, PROBLEM_CODES } from '../../src/import/report';
import { CsvReader, sniffDelimiter } from '../../src/import/csv';
import { decode, sniffEncoding } from '../../src/import/decode';
import { cleanHeaders, guessTable, mapHeaders } from '../../src/import/headers';
import { maskCell, maskLine } from '../../src/import/mask';
import { isTotalRow } from '../../src/import/structure';

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe('sniffEncoding', () => {
  test.each([
    ['utf-8', bytes('编号,方向\nA,出访\n', 'utf8')],
    ['gb18030', bytes('编号,方向\nA,出访\n', 'gb18030')],
    ['utf-16le', bytes('record_id,direction\nA,outbound\n', 'utf16le')],
    ['utf-16be', bytes('record_id,direction\nA,outbound\n', 'utf16be')],
  ])('%s without a BOM', (encoding, data) => {
    expect(sniffEncoding(data)).toMatchObject({ kind: 'text', encoding, confident: true });
  });

  test('workbooks and binary files are named, not decoded', () => {
    expect(sniffEncoding(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toEqual({ kind: 'xlsx' });
    expect(sniffEncoding(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toEqual({ kind: 'xls' });
    expect(sniffEncoding(new Uint8Array([1, 2, 3, 0, 0, 5, 6, 7, 0, 9, 0, 1, 2]))).toMatchObject({ kind: 'binary' });
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ kind: 'empty' });
  });

  test('a line of GBK in a UTF-8 file is marked, with its physical line number', () => {
    const data = new Uint8Array([
      ...bytes('a,b\r\nc,中文\r', 'utf8'),
      ...bytes('d,中文\n', 'gbk'),
      ...bytes('e,中文\n', 'utf8'),
    ]);
    expect(sniffEncoding(data)).toMatchObject({ kind: 'text', encoding: 'utf-8', mixed: true });
    expect([...decode(data, 'utf-8').badLines]).toEqual([3]);
  });
});

describe('CsvReader', () => {
  const read = (text: string, expected: number | null = null, delimiter: ',' | ';' = ',') => {
    const reader = new CsvReader(text, delimiter);
    reader.expectedFields = expected;
    return [...reader.records()].map((r) => ({
      fields: r.fields,
      line: r.line,
      endLine: r.endLine,
      problem: r.problem,
    }));
  };

  test('physical lines across quoted line breaks and every kind of line end', () => {
    expect(read('a,"x\r\ny"\rb,c\nd,e').map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [1, 2, ['a', 'x\r\ny']],
      [3, 3, ['b', 'c']],
      [4, 4, ['d', 'e']],
    ]);
  });

  test('an unbalanced quote costs its own line only, even when a later quote would close it', () => {
    const rows = read('h1,h2,h3\n1,"open,2\n3,4,5\n6,"x, y",7\n', 3);
    expect(rows.map((r) => [r.line, r.problem ?? r.fields.join('|')])).toEqual([
      [1, 'h1|h2|h3'],
      [2, 'unbalanced-quote'],
      [3, '3|4|5'],
      [4, '6|x, y|7'],
    ]);
  });

  test('doubled quotes, and text after a closing quote kept', () => {
    expect(read('"say ""hi""",b\n"a"b,c')[0]!.fields).toEqual(['say "hi"', 'b']);
    expect(read('"a"b,c')[0]!.fields).toEqual(['ab', 'c']);
  });

  test('delimiters: comma, semicolon, tab; a full-width comma never splits', () => {
    expect(sniffDelimiter('a;b;c\n1;2，3;4\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('标题\n\na,b,c\n1,2，x,3\n')).toBe(',');
  });
});

describe('headers', () => {
  test('blank and repeated headers are renamed predictably', () => {
    expect(cleanHeaders(['a', '', 'a', ' a ', '\uFEFFb'])).toEqual({
      names: ['a', 'column_2', 'a_2', 'a_3', 'b'],
      renamed: [
        { from: '', to: 'column_2' },
        { from: 'a', to: 'a_2' },
        { from: 'a', to: 'a_3' },
      ],
    });
  });

  test('English, Chinese and variant headers map to the model; personal ones are dropped', () => {
    const mapped = mapHeaders(EXCHANGES, [
      '编号',
      'Direction',
      '人数（人次）',
      '国家/地区',
      '出发日期',
      '姓名',
      '护照号码',
      'Remarks',
    ]);
    expect(mapped.map((m) => m.target)).toEqual([
      'record_id',
      'direction',
      'headcount',
      'country',
      'start_date',
      null,
      null,
      null,
    ]);
    expect(mapped.filter((m) => m.personal).map((m) => m.header)).toEqual(['姓名', '护照号码']);
    expect(mapHeaders(EXCHANGES, ['Remarks'], { Remarks: 'outcomes' })[0]!.target).toBe('outcomes');
  });

  test('the table is told by the file name, else by the headers', () => {
    expect(guessTable('partners.csv', []).table).toBe('partners');
    expect(guessTable('2019合作院校.csv', []).table).toBe('partners');
    expect(guessTable('export.csv', ['编号', '中文名称', '英文名称', '国家和地区', '纬度']).table).toBe(PARTNERS.table);
    expect(guessTable('export.csv', ['编号', '方向', '人数', '国家']).table).toBe('exchanges');
  });
});

test('total rows', () => {
  expect(isTotalRow(['合计', '', '15'])).toBe(true);
  expect(isTotalRow(['', '总 计：', '15'])).toBe(true);
  expect(isTotalRow(['Total', '15'])).toBe(true);
  expect(isTotalRow(['EX-1', '出访', '合计划'])).toBe(false);
  // Cells starting with other printable ASCII are ruled out unread; the rest are normalised first.
  expect(isTotalRow(['  Total:', '1'])).toBe(true);
  expect(isTotalRow(['\u3000合计'])).toBe(true);
  expect(isTotalRow(['ｔｏｔａｌ'])).toBe(true);
  expect(isTotalRow(['SUM'])).toBe(true);
  expect(isTotalRow(['Grand Total'])).toBe(true);
  expect(isTotalRow(['', ' ', 'sub total：'])).toBe(true);
  expect(isTotalRow(['x', ' ', 'y', 'z', '总 计'])).toBe(false);
  expect(isTotalRow(['1', '2', 'Sum'])).toBe(true);
  expect(isTotalRow(['(total)', 'T', 'S'])).toBe(false);
});

test('masking', () => {
  expect(maskCell('110101199003071234')).toBe('1****************4');
  expect(maskCell('E12345678 or 13912345678')).not.toMatch(/12345678|91234567/);
  expect(maskLine('I-2,outbound,"张三,2017')).toBe('I-2,outbound,"张*,2017');
});

test('every code the importer reports has a message and a hint in both languages', () => {
  const keys = [
    ...PROBLEM_CODES.flatMap((c) => [`import.problem.${c}`, `import.hint.${c}`]),
    ...NOTICE_CODES.map((c) => `import.notice.${c}`),
    ...FILE_ERRORS.flatMap((c) => [`import.fileError.${c}`, `import.fileHint.${c}`]),
    ...TABLES.map((t) => `import.table.${t.table}`),
  ];
  for (const locale of ['zh-CN', 'en'] as const) {
    const messages: Record<string, string> = MESSAGES[locale];
    expect(keys.filter((k) => !messages[k])).toEqual([]);
  }
});
