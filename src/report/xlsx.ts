/**
 * The annual report as an Excel workbook: the table in Chinese, the same table in English, and the
 * records behind the figures. SheetJS CE (`@e965/xlsx`), imported on demand by the view. Numbers are
 * number cells; text is always a string cell, never a formula.
 */
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { ReportSheet } from './layout';

function sheetOf(sheet: ReportSheet): WorkSheet {
  const ws: WorkSheet = {};
  sheet.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const cell: CellObject = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
      ws[utils.encode_cell({ r, c })] = cell;
    }),
  );
  ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: sheet.rows.length - 1, c: sheet.width - 1 } });
  ws['!merges'] = sheet.mergedRows.map((r) => ({ s: { r, c: 0 }, e: { r, c: sheet.width - 1 } }));
  ws['!cols'] = Array.from({ length: sheet.width }, (_, c) => ({
    wch: Math.min(
      70,
      Math.max(8, ...sheet.rows.filter((_, r) => !sheet.mergedRows.includes(r)).map((row) => widthOf(row[c]))),
    ),
  }));
  return ws;
}

/** A cell's width in characters: CJK characters count twice. */
function widthOf(value: string | number | null | undefined): number {
  let width = 0;
  for (const ch of String(value ?? '')) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width + 2;
}

/** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';

export function reportXlsxBytes(sheets: readonly ReportSheet[]): ArrayBuffer {
  const book = utils.book_new();
  for (const sheet of sheets) utils.book_append_sheet(book, sheetOf(sheet), sheetName(sheet.name));
  return write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}
