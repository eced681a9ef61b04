import type { DbClient } from '../data/client';
import type { FilePayload, ImportMode, ImportProgressDetail, ImportResult, Preview } from '../data/import-protocol';
import { emptyReport, type FileReport } from '../import/report';
import type { FileOptions } from '../import/structure';
import { chooseSheet, pendingBytes, type PendingWorkbook } from './workbook-file';
import { keptFiles } from '../data/import-store';
import { StoredImports } from './stored-imports.svelte';
import { valueMappings } from './value-mappings.svelte';

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

const tableOf = (pending: PendingFile) => (pending.preview?.ok ? pending.preview.structure.table : '');

/** A file the preview refused (a workbook, binary, empty, too large): it is not sent, only reported. */
export function failed(pending: PendingFile): boolean {
  return pending.preview?.ok === false;
}

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
  version = $state(0);
  restored = $state(false);
  /** What this browser keeps of the imports, and what the other tabs did. */
  readonly stored = new StoredImports();
  #nextId = 1;

  /** The imported files whose rows the tables hold, in import order. */
  get current(): DataFile[] {
    return this.stored.files;
  }

  get storageFailed(): boolean {
    return this.stored.failed;
  }

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
      const payload: FilePayload[] = [];
      for (const pending of sent) {
        payload.push({
          name: pending.file.name,
          bytes: (await pendingBytes(pending)) ?? new ArrayBuffer(0),
          // The user's mappings of values the app does not know, as they are now (value-mappings.svelte.ts).
          options: { ...$state.snapshot(pending.options), values: valueMappings.forTable(tableOf(pending)) },
        });
      }
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
      this.result = { ...result, kept: [], files: reports, mode, sent: sent.map((f) => batch.indexOf(f)) };
      // Everything chosen has its outcome in the report: nothing waits to be imported twice.
      this.files = this.files.filter((f) => !batch.includes(f));
      if (result.changed) {
        this.source = 'imported';
        this.version++;
        const files = sent.map((f) => ({ name: f.file.name, size: f.file.size }));
        await this.stored.save(keptFiles(result, files, Date.now()), mode, replacesSample);
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

  /** After the sample loads: replays what was imported in this browser before. */
  async restore(client: DbClient): Promise<void> {
    if (await this.stored.restore(client)) {
      this.source = 'imported';
      this.restored = true;
      this.version++;
    }
  }

  /** Shows what another tab imported (or the sample it went back to): `reload` loads the sample first. */
  async apply(client: DbClient, reload: () => Promise<void>): Promise<void> {
    this.restored = false;
    this.result = null;
    const imported = await this.stored.apply(client, reload);
    this.source = imported ? 'imported' : 'sample';
    this.version++;
  }

  /** Deletes the stored imports; `reload` brings the bundled sample back. */
  async forget(reload: () => Promise<void>): Promise<void> {
    await this.stored.forget();
    this.result = null;
    this.files = [];
    this.restored = false;
    await reload();
    this.source = 'sample';
    this.version++;
  }
}
