import type { DbClient } from '../data/client';
import type { ImportMode, ImportProgressDetail, ImportResult, Preview } from '../data/import-protocol';
import { forgetImports, loadBatches, saveBatch, type StoredFile } from '../data/import-store';
import type { FileOptions } from '../import/structure';

/** Past this a tab runs out of memory decoding and checking the file: refused before it is read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface PendingFile {
  id: number;
  file: File;
  options: FileOptions;
  preview: Preview | null;
}

/**
 * The import panel's state: files picked and their previews, the run with its progress, the
 * last report, and where the loaded data came from. `version` changes whenever the tables do,
 * so the dashboard re-queries.
 */
export class ImportState {
  files = $state<PendingFile[]>([]);
  mode = $state<ImportMode>('replace');
  running = $state(false);
  progress = $state<ImportProgressDetail | null>(null);
  result = $state.raw<ImportResult | null>(null);
  error = $state<string | null>(null);
  source = $state<'sample' | 'imported'>('sample');
  version = $state(0);
  restored = $state(false);
  storageFailed = $state(false);
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

  async #preview(client: DbClient, id: number): Promise<void> {
    const pending = this.files.find((f) => f.id === id);
    if (!pending) return;
    try {
      const bytes = await pending.file.arrayBuffer();
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

  get ready(): boolean {
    return this.files.length > 0 && !this.running && this.files.every((f) => f.file.size <= MAX_FILE_BYTES);
  }

  async run(client: DbClient): Promise<boolean> {
    if (!this.ready) return false;
    this.running = true;
    this.error = null;
    this.progress = null;
    try {
      const stored: StoredFile[] = [];
      for (const pending of this.files) {
        stored.push({
          name: pending.file.name,
          bytes: await pending.file.arrayBuffer(),
          options: $state.snapshot(pending.options),
        });
      }
      // The worker takes its own copies: the stored bytes stay here for IndexedDB.
      const payload = stored.map((f) => ({ ...f, bytes: f.bytes.slice(0) }));
      const result = await client.importFiles(payload, this.mode, this.source === 'sample', (p) => (this.progress = p));
      this.result = result;
      if (result.changed) {
        this.source = 'imported';
        this.version++;
        this.files = [];
        try {
          await saveBatch({ files: stored, mode: this.mode, at: Date.now() });
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
    for (const batch of batches) {
      try {
        const result = await client.importFiles(batch.files, batch.mode, this.source === 'sample');
        if (result.changed) this.source = 'imported';
      } catch (error) {
        // A stored file that no longer imports must not keep the dashboard from opening.
        console.error(error);
        this.storageFailed = true;
      }
    }
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
    this.result = null;
    this.files = [];
    this.restored = false;
    await reload();
    this.source = 'sample';
    this.version++;
  }
}
