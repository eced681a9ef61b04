/**
 * Whether a chosen file is a workbook, from its first bytes (and, for the text formats Excel also
 * opens, its name). Small and free of the parser: the page asks this of every file, and loads the
 * parser (in its own worker) only when the answer is yes.
 */
export type WorkbookKind = 'xlsx' | 'xls';

/** Excel 2007+ / WPS `.xlsx` (and `.xlsm`, `.ods`) are ZIP files; `.xls` is an OLE2 compound file. */
export function workbookKind(head: Uint8Array): WorkbookKind | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b)) return 'xls';
  return null;
}

/** The kind of a File by its first 8 bytes: the name does not decide (an .xlsx renamed .csv is a workbook). */
export async function fileWorkbookKind(file: Blob): Promise<WorkbookKind | null> {
  return workbookKind(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
}

/** What the file input offers: CSV and text exports, and Excel / WPS workbooks. */
export const ACCEPTED_FILES = [
  '.csv',
  '.txt',
  '.tsv',
  '.xlsx',
  '.xlsm',
  '.xls',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
].join(',');
