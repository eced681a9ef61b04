/**
 * A workbook among the files chosen for import: it is read in its own worker (workbook-client.ts)
 * into its sheet as CSV text, and that text is what the preview and the import are given in place
 * of the file's bytes, with the notices reading it gave (FileOptions.notices). Choosing another
 * sheet reads the workbook again.
 */
import { readWorkbookFile } from '../data/workbook-client';
import type { Preview } from '../data/import-protocol';
import type { FileOptions } from '../import/structure';
import type { SheetInfo } from '../import/workbook';
import { fileWorkbookKind } from '../import/workbook-kind';

export interface PendingWorkbook {
  sheets: SheetInfo[];
  /** The sheet read (or asked for and refused). */
  sheet: string | null;
  /** That sheet as UTF-8 CSV, line N its row N; null when it could not be read. */
  csv: ArrayBuffer | null;
}

/** The part of a pending file this module reads and sets. */
interface Pending {
  file: File;
  options: FileOptions;
  preview: Preview | null;
  workbook?: PendingWorkbook;
}

/**
 * The bytes to preview and import: the file's own, or for a workbook its sheet as CSV (read once
 * per sheet). Null when the workbook cannot be read; `pending.preview` then says why.
 */
export async function pendingBytes(pending: Pending): Promise<ArrayBuffer | null> {
  if (!pending.workbook && !(await fileWorkbookKind(pending.file))) return pending.file.arrayBuffer();
  // A copy each time: the database worker takes the bytes it is sent.
  if (pending.workbook?.csv) return pending.workbook.csv.slice(0);
  const asked = pending.workbook?.sheet ?? undefined;
  const read = await readWorkbookFile(await pending.file.arrayBuffer(), asked);
  if (!read.ok) {
    pending.workbook = { sheets: read.sheets, sheet: asked ?? null, csv: null };
    pending.preview = { ok: false, error: read.error, items: read.items };
    return null;
  }
  const csv = new TextEncoder().encode(read.csv).buffer as ArrayBuffer;
  pending.workbook = { sheets: read.sheets, sheet: read.sheet, csv };
  pending.options = { ...pending.options, notices: read.notices };
  return csv.slice(0);
}

/** Another sheet of the workbook: read afresh, with the header row, table and mapping guessed again. */
export function chooseSheet(pending: Pending, sheet: string): void {
  pending.workbook = { sheets: pending.workbook?.sheets ?? [], sheet, csv: null };
  pending.options = {};
  pending.preview = null;
}
