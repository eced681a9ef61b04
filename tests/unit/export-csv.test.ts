import { csvParseRows } from 'd3';
import { describe, expect, test } from 'vitest';
import { guardCell, toCsv } from '../../src/export/csv';
import { fileName } from '../../src/export/download';

describe('CSV export', () => {
  test.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86 851', "'+86 851"],
    ['-cmd', "'-cmd"],
    ['@user', "'@user"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['中国台湾', '中国台湾'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('text %j is written as %j', (input, output) => {
    expect(guardCell(input)).toBe(output);
  });

  test('numbers stay numbers, negatives included', () => {
    expect(guardCell(-5)).toBe('-5');
    expect(guardCell('-138')).toBe('-138');
    expect(guardCell('-1,234.5')).toBe('-1,234.5');
    expect(guardCell('+12')).toBe('+12');
    expect(guardCell('-1+1')).toBe("'-1+1");
    expect(guardCell(12.5)).toBe('12.5');
    expect(guardCell(null)).toBe('');
  });

  test('starts with a BOM and parses back to the guarded cells', () => {
    const rows = [
      { name: '=1+1', n: -3 },
      { name: 'Taiwan, China', n: 7 },
      { name: 'a "quoted"\nline', n: 0 },
    ];
    const csv = toCsv(rows, [
      { header: '国家和地区', value: (r) => r.name },
      { header: '人次', value: (r) => r.n },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csvParseRows(csv.slice(1).trimEnd())).toEqual([
      ['国家和地区', '人次'],
      ["'=1+1", '-3'],
      ['Taiwan, China', '7'],
      ['a "quoted"\nline', '0'],
    ]);
  });

  test('file names drop characters file systems refuse', () => {
    expect(fileName('历年 交流/人次: "2014"', 'png', new Date('2026-01-02T00:00:00Z'))).toBe(
      '历年-交流-人次-2014-2026-01-02.png',
    );
  });
});
