/**
 * The CSV export's formula guard beyond ASCII: spreadsheets fold the fullwidth and small forms of
 * = + - @ (typed by Chinese input methods) to ASCII and may drop invisible characters in front of
 * them, so a cell starting with either runs as a formula unless guarded. Each case below is
 * written with its code points so that the test says what it holds.
 */
import { csvParseRows } from 'd3';
import { describe, expect, test } from 'vitest';
import { guardCell, toCsv } from '../../src/export/csv';

const SIGNS = {
  'FULLWIDTH EQUALS SIGN': '\uFF1D',
  'SMALL EQUALS SIGN': '\uFE66',
  'FULLWIDTH PLUS SIGN': '\uFF0B',
  'SMALL PLUS SIGN': '\uFE62',
  'FULLWIDTH HYPHEN-MINUS': '\uFF0D',
  'SMALL HYPHEN-MINUS': '\uFE63',
  'FULLWIDTH COMMERCIAL AT': '\uFF20',
  'SMALL COMMERCIAL AT': '\uFE6B',
};

const INVISIBLE = {
  'ZERO WIDTH SPACE': '\u200B',
  'ZERO WIDTH NON-JOINER': '\u200C',
  'ZERO WIDTH JOINER': '\u200D',
  'WORD JOINER': '\u2060',
  'ZERO WIDTH NO-BREAK SPACE (BOM)': '\uFEFF',
  'SOFT HYPHEN': '\u00AD',
  'LEFT-TO-RIGHT MARK': '\u200E',
  'RIGHT-TO-LEFT OVERRIDE': '\u202E',
  'FIRST STRONG ISOLATE': '\u2068',
  'COMBINING GRAPHEME JOINER': '\u034F',
  'VARIATION SELECTOR-16': '\uFE0F',
};

describe('the formula guard', () => {
  test.each(Object.entries(SIGNS))('a cell starting with %s is guarded', (_, sign) => {
    const cell = `${sign}HYPERLINK("http://x.example","点我")`;
    expect(guardCell(cell)).toBe(`'${cell}`);
  });

  test.each(Object.entries(INVISIBLE))('%s in front of = ＝ + ＠ does not hide it', (_, mark) => {
    for (const sign of ['=', '\uFF1D', '+', '-', '@', '\uFF20', '\uFE66']) {
      const cell = `${mark}${sign}1+1`;
      expect(guardCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
      // Several of them, too.
      expect(guardCell(`${mark}${mark}${cell}`)).toBe(`'${mark}${mark}${cell}`);
    }
  });

  test('text with these characters elsewhere, and plain numbers, are left alone', () => {
    for (const cell of ['中国＝China', 'a\u200B=b', '北京＋上海', '\u200B中国', 'x＠y', '１２３']) {
      expect(guardCell(cell)).toBe(cell);
    }
    expect(guardCell('-138')).toBe('-138');
    expect(guardCell('+1,234.5')).toBe('+1,234.5');
    expect(guardCell('\u200B-138')).toBe("'\u200B-138");
  });

  test('the file parses back to the guarded cells', () => {
    const csv = toCsv(
      [{ v: '\uFF1D1+1' }, { v: '\u200B\uFE6Bcmd' }],
      [{ header: '\uFF0B标题', value: (r: { v: string }) => r.v }],
    );
    expect(csvParseRows(csv.slice(1).trimEnd())).toEqual([["'\uFF0B标题"], ["'\uFF1D1+1"], ["'\u200B\uFE6Bcmd"]]);
  });
});
