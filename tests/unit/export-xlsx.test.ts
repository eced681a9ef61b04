import { read, SSF, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { csvParseRows } from 'd3';
import { describe, expect, test } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { CHARTS, type ChartDef } from '../../src/charts/registry';
import type { TableData } from '../../src/charts/table';
import { defaultFilters } from '../../src/data/filters';
import { publicQueryOf } from '../../src/disclosure/public-cells';
import { mapTableData } from '../../src/export/map-table';
import { exportView, tableCsv } from '../../src/export/view';
import { parseDateText, xlsxBytes, type Locale, type XlsxMeta } from '../../src/export/xlsx';
import { countryName } from '../../src/reference/countries';
import { formatDate, translate } from '../../src/i18n/translate';
import { useBundledEngine } from '../helpers/bundled-engine';

// The .xlsx export is the CSV export typed: built here from the real chart rows (the bundled data in
// the real engine), written with SheetJS and read back with it, cell by cell against the CSV.

const db = useBundledEngine();

/** The context the export menu draws a CSV with: the page's words, plain numbers. */
const plain = (locale: Locale): ChartContext => ({
  t: (key, params) => translate(locale, key, params),
  n: (v) => String(v),
  country: (code) => countryName(code, locale),
  width: 640,
  locale,
});

const meta = (locale: Locale, rule: string): XlsxMeta => ({
  labels: {
    title: translate(locale, 'export.meta.title'),
    filters: translate(locale, 'export.meta.filters'),
    source: translate(locale, 'export.meta.source'),
    date: translate(locale, 'export.meta.date'),
    rule: translate(locale, 'export.meta.rule'),
  },
  sheetNames: { data: translate(locale, 'export.sheet.data'), about: translate(locale, 'export.sheet.about') },
  title: locale === 'en' ? 'Person-trips by country or region' : '各国家和地区交流人次',
  filters: '2014–2025',
  source: 'data/exchanges.csv',
  date: '2026-12-01',
  rule,
});

const chart = (id: string) => CHARTS.find((c) => c.id === id)! as ChartDef<unknown>;
const FILTERS = defaultFilters(2000, 2100);

async function chartTable(id: string, locale: Locale, open: boolean): Promise<TableData> {
  const def = chart(id);
  const q = open ? publicQueryOf(def.query(FILTERS)) : def.query(FILTERS);
  const rows = (await db().query(q.sql, q.params)) as unknown[];
  const view = exportView(def, rows, plain(locale), open, rows)!;
  return def.table(view.rows, view.ctx);
}

const book = (bytes: ArrayBuffer): WorkBook => read(new Uint8Array(bytes), { type: 'array', cellNF: true });
const csvBody = (data: TableData) => csvParseRows(tableCsv(data).replace(/^\uFEFF/, ''));
/** Every cell of a sheet, row by row, as the objects SheetJS reads. */
function cells(wb: WorkBook, name: string): (CellObject | undefined)[][] {
  const sheet = wb.Sheets[name]!;
  const range = utils.decode_range(sheet['!ref']!);
  const out: (CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[utils.encode_cell({ r, c })]);
    out.push(row);
  }
  return out;
}

describe('xlsx export', () => {
  test.each([
    ['zh-CN', true],
    ['en', true],
    ['en', false],
  ] as const)('countries chart (%s, public %s): typed cells equal the CSV export', async (locale, open) => {
    const data = await chartTable('countries', locale, open);
    expect(data.rows.length).toBeGreaterThan(3);
    const wb = book(xlsxBytes(data, meta(locale, 'rule'), locale));
    const names = locale === 'en' ? ['Data', 'About'] : ['数据', '说明'];
    expect(wb.SheetNames).toEqual(names);
    const sheet = cells(wb, names[0]!);
    const csv = csvBody(data);
    expect(sheet.length).toBe(csv.length);
    // The header row: text, the CSV's.
    expect(sheet[0]!.map((c) => [c?.t, c?.v])).toEqual(csv[0]!.map((h) => ['s', h]));
    const numeric = data.columns.map((c) => c.numeric === true);
    expect(numeric.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    for (let r = 1; r < csv.length; r++) {
      csv[r]!.forEach((text, c) => {
        const cell = sheet[r]![c];
        if (numeric[c]) {
          expect(cell?.t).toBe('n');
          expect(cell?.v).toBe(Number(text));
          if (open) expect((cell!.v as number) % 5).toBe(0);
        } else {
          expect(cell?.t).toBe('s');
          expect(cell?.v).toBe(text);
        }
      });
    }
  });

  test('public and internal workbooks differ where the CSVs do', async () => {
    const pub = cells(book(xlsxBytes(await chartTable('countries', 'en', true), meta('en', 'p'), 'en')), 'Data');
    const exact = cells(book(xlsxBytes(await chartTable('countries', 'en', false), meta('en', 'i'), 'en')), 'Data');
    const values = (s: typeof pub) =>
      s.slice(1).flatMap((r) => r.filter((c) => c?.t === 'n').map((c) => c!.v as number));
    expect(values(pub).every((v) => v % 5 === 0)).toBe(true);
    expect(values(exact).some((v) => v % 5 !== 0)).toBe(true);
  });

  test.each(['zh-CN', 'en'] as const)(
    'agreements chart (%s): dates are dates, open-ended stays text',
    async (locale) => {
      const data = await chartTable('agreements', locale, false);
      const sheet = cells(book(xlsxBytes(data, meta(locale, 'r'), locale)), translate(locale, 'export.sheet.data'));
      const signed = data.columns.findIndex((c) => c.label === translate(locale, 'col.signed'));
      const end = data.columns.findIndex((c) => c.label === translate(locale, 'col.end'));
      const csv = csvBody(data);
      let dates = 0;
      let open = 0;
      for (let r = 1; r < csv.length; r++) {
        for (const c of [signed, end]) {
          const cell = sheet[r]![c]!;
          const text = csv[r]![c]!;
          if (text === translate(locale, 'chart.open')) {
            expect([cell.t, cell.v]).toEqual(['s', text]);
            open++;
            continue;
          }
          // A date-formatted serial day: the same day the CSV writes in words.
          expect(cell.t).toBe('n');
          expect(cell.z).toBe('yyyy-mm-dd');
          const iso = SSF.format(cell.z as string, cell.v as number);
          expect(formatDate(locale, iso)).toBe(text);
          dates++;
        }
      }
      expect(dates).toBeGreaterThan(10);
      expect(open).toBeGreaterThan(0);
      // Names stay text.
      expect(sheet.slice(1).every((r) => r[0]?.t === 's')).toBe(true);
    },
  );

  test('the map table: counts as numbers, places as text', async () => {
    const data = mapTableData(
      [
        { country: 'TW', outbound: 60, inbound: 30, total: 90, net: -30 },
        { country: 'DE', outbound: 20, inbound: 5, total: 25, net: -15 },
      ] as never,
      plain('zh-CN'),
    );
    const sheet = cells(book(xlsxBytes(data, meta('zh-CN', 'r'), 'zh-CN')), '数据');
    expect(sheet[1]!.map((c) => [c?.t, c?.v])).toEqual([
      ['s', countryName('TW', 'zh-CN')],
      ['n', 60],
      ['n', 30],
      ['n', 90],
      ['n', -30],
    ]);
  });

  test('text that looks like a formula stays text', () => {
    const hostile = ['=SUM(A1:A2)', '+86 851', '-cmd', '@user', '＝1+1', '=HYPERLINK("http://x","y")'];
    const data: TableData = {
      columns: [{ label: '=name' }, { label: 'n', numeric: true }],
      rows: hostile.map((name, i) => ({ cells: [name, String(i)] })),
    };
    const wb = book(xlsxBytes(data, meta('en', 'r'), 'en'));
    const sheet = cells(wb, 'Data');
    expect(sheet[0]![0]).toMatchObject({ t: 's', v: '=name' });
    hostile.forEach((name, i) => {
      expect(sheet[i + 1]![0]!.t).toBe('s');
      expect(sheet[i + 1]![0]!.v).toBe(name);
      expect(sheet[i + 1]![0]!.f).toBeUndefined();
    });
    expect(sheet.flat().some((c) => c?.f !== undefined)).toBe(false);
  });

  test('the metadata sheet states title, filters, source, date and rule', () => {
    const rule = translate('zh-CN', 'export.protected', { n: 5 });
    const wb = book(xlsxBytes(null, meta('zh-CN', rule), 'zh-CN'));
    const about = cells(wb, '说明');
    expect(about.map((r) => r[0]?.v)).toEqual(['标题', '筛选条件', '数据来源', '导出日期', '公开规则']);
    expect(about[0]![1]!.v).toBe('各国家和地区交流人次');
    expect(about[1]![1]!.v).toBe('2014–2025');
    expect(about[2]![1]!.v).toBe('data/exchanges.csv');
    expect(SSF.format(about[3]![1]!.z as string, about[3]![1]!.v as number)).toBe('2026-12-01');
    expect(about[4]![1]!.v).toBe(rule);
  });

  test('dates in the page long form are read back, others are not', () => {
    expect(parseDateText(formatDate('zh-CN', '2018-05-01'), 'zh-CN')).toBe('2018-05-01');
    expect(parseDateText(formatDate('en', '2018-12-31'), 'en')).toBe('2018-12-31');
    expect(parseDateText('2018年13月1日', 'zh-CN')).toBeNull();
    expect(parseDateText('Fooyin University', 'en')).toBeNull();
  });
});
