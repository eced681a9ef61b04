import type { DbClient } from '../data/client';
import type { FilePayload, ImportMode, ImportProgressDetail, ImportResult, Preview } from '../data/import-protocol';
import {
  applyChange,
  forgetImports,
  loadBatches,
  putBatch,
  saveBatch,
  supersede,
  type BatchMeta,
  type StoredBatch,
  type StoredFile,
} from '../data/import-store';
import { emptyReport, type FileReport } from '../import/report';
import type { FileOptions } from '../import/structure';
import { chooseSheet, pendingBytes, type PendingWorkbook } from './workbook-file';

/** Past this a tab runs out of memory decoding and checking the file: refused before it is read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface PendingFile {
  /** Generated when the file is chosen: two files may have the same name. */
  id: number;
  file: File;
  options: FileOptions;
  preview: Preview | null;
  /** A workbook: its sheets, and the one read as CSV (workbook-file.ts). */
  workbook?: PendingWorkbook;
}

/** A file whose rows the tables hold now. */
export interface DataFile {
  name: string;
  table: string;
  rows: number;
  at: number;
}

/** The last import's report, its files in the order they were chosen, and whether it changed the data. */
export interface ImportReportState extends ImportResult {
  mode: ImportMode;
  /** For each file sent to the worker, its index in `files` (the rejected rows name files by the former). */
  sent: number[];
}

/** A file the preview refused (a workbook, binary, empty, too large): it is not sent, only reported. */
export function failed(pending: PendingFile): boolean {
  return pending.preview?.ok === false;
}

const metaOf = (key: number, batch: StoredBatch): BatchMeta => ({
  key,
  mode: batch.mode,
  at: batch.at,
  files: batch.files.map(({ name, table, rows, superseded }) => ({ name, table, rows, superseded })),
});

/**
 * The import panel's state: files picked and their previews, the run with its progress, the
 * last report, and what the loaded data is (the sample, or which files with how many rows).
 * `version` changes whenever the tables do, so the dashboard re-queries.
 */
export class ImportState {
  files = $state<PendingFile[]>([]);
  mode = $state<ImportMode>('replace');
  running = $state(false);
  progress = $state<ImportProgressDetail | null>(null);
  result = $state.raw<ImportReportState | null>(null);
  error = $state<string | null>(null);
  source = $state<'sample' | 'imported'>('sample');
  /** The imported files whose rows the tables hold, in import order. */
  current = $state.raw<DataFile[]>([]);
  version = $state(0);
  restored = $state(false);
  storageFailed = $state(false);
  /** The stored batches, without their bytes, as IndexedDB holds them. */
  #stored: BatchMeta[] = [];
  #nextId = 1;

  async add(client: DbClient, files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const pending: PendingFile = { id: this.#nextId++, file, options: {}, preview: null };
      if (file.size > MAX_FILE_BYTES) pending.preview = { ok: false, error: 'too-large', items: [] };
      this.files.push(pending);
      if (!pending.preview) await this.#preview(client, pending.id);
    }
  }

  remove(id: number): void {
    this.files = this.files.filter((f) => f.id !== id);
  }

  /** The user changed the encoding, header row, table or mapping: read the preview again. */
  async setOptions(client: DbClient, id: number, options: FileOptions): Promise<void> {
    const pending = this.files.find((f) => f.id === id);
    if (!pending) return;
    pending.options = options;
    await this.#preview(client, id);
  }

  /** Another sheet of a workbook: read it, and its preview. */
  async setSheet(client: DbClient, id: number, sheet: string): Promise<void> {
    const pending = this.files.find((f) => f.id === id);
    if (!pending?.workbook) return;
    chooseSheet(pending, sheet);
    await this.#preview(client, id);
  }

  async #preview(client: DbClient, id: number): Promise<void> {
    const pending = this.files.find((f) => f.id === id);
    if (!pending) return;
    try {
      const bytes = await pendingBytes(pending);
      if (!bytes) return;
      const preview = await client.preview({
        name: pending.file.name,
        bytes,
        options: $state.snapshot(pending.options),
      });
      const current = this.files.find((f) => f.id === id);
      if (current) current.preview = preview;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Every preview is read and at least one file can be imported. */
  get ready(): boolean {
    return (
      !this.running &&
      this.files.every((f) => f.preview !== null) &&
      this.files.some((f) => !failed(f) && f.file.size <= MAX_FILE_BYTES)
    );
  }

  async run(client: DbClient): Promise<boolean> {
    if (!this.ready) return false;
    this.running = true;
    this.error = null;
    this.progress = null;
    const batch = [...this.files];
    const mode = this.mode;
    const replacesSample = this.source === 'sample';
    try {
      const sent = batch.filter((f) => !failed(f));
      const stored: StoredFile[] = [];
      for (const pending of sent) {
        stored.push({
          name: pending.file.name,
          bytes: (await pendingBytes(pending)) ?? new ArrayBuffer(0),
          options: $state.snapshot(pending.options),
        });
      }
      // The worker takes its own copies: the stored bytes stay here for IndexedDB.
      const payload: FilePayload[] = stored.map((f) => ({ name: f.name, bytes: f.bytes.slice(0), options: f.options }));
      const result = await client.importFiles(payload, mode, replacesSample, (p) => (this.progress = p));
      // The report lists every file chosen, in the order chosen: those refused by the preview too.
      const reports: FileReport[] = batch.map((pending, index) => {
        const sentAt = sent.indexOf(pending);
        const report = sentAt >= 0 ? result.files.find((r) => r.index === sentAt) : undefined;
        if (report) return { ...report, index };
        const preview = pending.preview;
        return {
          ...emptyReport(pending.file.name, '', index),
          error: preview && !preview.ok ? preview.error : 'no-data',
          errorItems: preview && !preview.ok ? preview.items : [],
        };
      });
      this.result = { ...result, files: reports, mode, sent: sent.map((f) => batch.indexOf(f)) };
      // Everything chosen has its outcome in the report: nothing waits to be imported twice.
      this.files = this.files.filter((f) => !batch.includes(f));
      if (result.changed) {
        this.source = 'imported';
        this.version++;
        const at = Date.now();
        const kept = result.files
          .filter((r) => r.loaded > 0)
          .map((r) => ({ ...stored[r.index]!, table: r.table, rows: r.loaded }));
        // The first file of a table in a replace import replaced it; later ones of the same table added to it.
        const replaced = mode === 'replace' ? kept.map((f) => f.table) : [];
        this.#record({ files: kept, mode, at }, replaced, replacesSample);
        const changes = supersede(this.#stored, replaced, replacesSample);
        try {
          const key = await saveBatch({ files: kept, mode, at }, changes);
          this.#stored = this.#stored
            .map((b) => {
              const change = changes.find((c) => c.key === b.key);
              return change ? applyChange(b, change) : b;
            })
            .filter((b) => b !== null)
            .concat(metaOf(key, { files: kept, mode, at }));
        } catch (error) {
          console.error(error);
          this.storageFailed = true;
        }
      }
      return result.changed;
    } catch (error) {
      console.error(error);
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  /** What the tables hold after an import: its files, and the earlier ones it did not replace. */
  #record(batch: StoredBatch, replaced: readonly string[], all: boolean): void {
    const before = all ? [] : this.current.filter((f) => !replaced.includes(f.table));
    const added = batch.files.map((f) => ({ name: f.name, table: f.table!, rows: f.rows ?? 0, at: batch.at }));
    this.current = [...before, ...added];
  }

  /** After the sample loads: replays what was imported in this browser before. */
  async restore(client: DbClient): Promise<void> {
    let batches;
    try {
      batches = await loadBatches();
    } catch (error) {
      console.error(error);
      this.storageFailed = true;
      return;
    }
    const current: DataFile[] = [];
    for (const { key, batch } of batches) {
      try {
        const payload = batch.files.map((f) => ({ name: f.name, bytes: f.bytes.slice(0), options: f.options }));
        const result = await client.importFiles(payload, batch.mode, this.source === 'sample');
        if (result.changed) this.source = 'imported';
        const files = batch.files.map((file, i) => {
          const report = result.files.find((r) => r.index === i);
          return report ? { ...file, table: report.table, rows: report.loaded } : file;
        });
        const learnt = batch.files.some((f, i) => f.table !== files[i]!.table || f.rows !== files[i]!.rows);
        const replaced = batch.mode === 'replace' ? files.map((f) => f.table ?? '') : [];
        const kept = current.filter((f) => !replaced.includes(f.table));
        current.length = 0;
        current.push(
          ...kept,
          ...files
            .filter((f) => !f.superseded && (f.rows ?? 0) > 0)
            .map((f) => ({ name: f.name, table: f.table!, rows: f.rows!, at: batch.at })),
        );
        const restored = { ...batch, files };
        this.#stored.push(metaOf(key, restored));
        // Records of older versions learn their files' tables, so a later replace can drop them.
        if (learnt) await putBatch(key, restored).catch((error: unknown) => console.error(error));
      } catch (error) {
        // A stored file that no longer imports must not keep the dashboard from opening.
        console.error(error);
        this.storageFailed = true;
        this.#stored.push(metaOf(key, batch));
      }
    }
    this.current = current;
    if (this.source === 'imported') {
      this.restored = true;
      this.version++;
    }
  }

  /** Deletes the stored imports; `reload` brings the bundled sample back. */
  async forget(reload: () => Promise<void>): Promise<void> {
    try {
      await forgetImports();
    } catch (error) {
      console.error(error);
    }
    this.#stored = [];
    this.current = [];
    this.result = null;
    this.files = [];
    this.restored = false;
    await reload();
    this.source = 'sample';
    this.version++;
  }
}
