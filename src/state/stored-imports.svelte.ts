/**
 * What this browser keeps of the imports (src/data/import-store.ts), as one tab knows it: the files
 * whose rows the tables hold, with their rows and sizes, kept after every import that changed the
 * tables and replayed after a reload. It hears the other tabs (tabs.ts): when one of them saved
 * since this tab read what is kept, `elsewhere` says what is kept now, until this tab shows it; when
 * this tab's save replaced another tab's that it had not shown, `overwrote` says what was replaced.
 */
import type { DbClient } from '../data/client';
import type { ImportMode } from '../data/import-protocol';
import {
  afterImport,
  forgetImports,
  keptFiles,
  loadFiles,
  loadLegacy,
  metaOf,
  saveFiles,
  type StoredFile,
  type StoredFileMeta,
  type StoredMeta,
} from '../data/import-store';
import { newTabId, TabSync } from './tabs';

export class StoredImports {
  /** The files whose rows the tables hold, in import order, as kept in this browser. */
  files = $state.raw<StoredFileMeta[]>([]);
  /** This browser could not keep or read the imports. */
  failed = $state(false);
  /** What is kept now, saved by another tab after this one read it; null when this tab shows it. */
  elsewhere = $state.raw<StoredMeta | null>(null);
  /** What another tab had kept, replaced by this tab's last save before this tab showed it. */
  overwrote = $state.raw<StoredMeta | null>(null);
  readonly tab = newTabId();
  /** The same files with their rows, for the next save. */
  #files: StoredFile[] = [];
  /** The number of the save whose data this tab shows. */
  #seq = 0;
  #sync: TabSync | null = null;

  #set(files: StoredFile[]): void {
    this.#files = files;
    this.files = files.map(metaOf);
  }

  #heard(meta: StoredMeta): void {
    if (meta.seq > this.#seq) this.elsewhere = meta;
  }

  /** Replays what is kept into the tables (over the sample just loaded); true when there was something. */
  async restore(client: DbClient): Promise<boolean> {
    if (!this.#sync && typeof document !== 'undefined') this.#sync = new TabSync(this.tab, (m) => this.#heard(m));
    let kept: Awaited<ReturnType<typeof loadFiles>>;
    try {
      kept = await loadFiles();
    } catch (error) {
      console.error(error);
      this.failed = true;
      return false;
    }
    this.#seq = kept?.meta.seq ?? 0;
    let restored = false;
    if (kept?.files.length) {
      try {
        await client.restore(kept.files.map(({ table, csv }) => ({ table, csv })));
        this.#set(kept.files);
        restored = true;
      } catch (error) {
        // Rows that no longer fit must not keep the dashboard from opening: the sample stays.
        console.error(error);
        this.failed = true;
      }
    } else if (!kept) {
      restored = await this.#replayLegacy(client);
    }
    // A save by another tab while this one was reading.
    await this.#sync?.check();
    return restored;
  }

  /** The whole files the first versions kept: imported again, then kept as rows and deleted. */
  async #replayLegacy(client: DbClient): Promise<boolean> {
    let batches;
    try {
      batches = await loadLegacy();
    } catch (error) {
      console.error(error);
      return false;
    }
    if (!batches.length) return false;
    let files: StoredFile[] = [];
    let overSample = true;
    for (const batch of batches) {
      try {
        const payload = batch.files.map((f) => ({ name: f.name, bytes: f.bytes.slice(0), options: f.options }));
        const result = await client.importFiles(payload, batch.mode, overSample);
        if (!result.changed) continue;
        const sent = batch.files.map((f) => ({ name: f.name, size: f.bytes.byteLength }));
        files = afterImport(files, keptFiles(result, sent, batch.at), batch.mode, overSample);
        overSample = false;
      } catch (error) {
        console.error(error);
        this.failed = true;
      }
    }
    this.#set(files);
    await this.#write(() => saveFiles(files, this.tab));
    return !overSample;
  }

  /** Keeps what an import loaded: the files it replaced go. */
  async save(added: readonly StoredFile[], mode: ImportMode, replacesSample: boolean): Promise<void> {
    this.#set(afterImport(this.#files, added, mode, replacesSample));
    const files = this.#files;
    await this.#write(() => saveFiles(files, this.tab));
  }

  /** Deletes what is kept (the tables are the caller's to reload). */
  async forget(): Promise<void> {
    this.#set([]);
    await this.#write(() => forgetImports(this.tab));
    this.overwrote = null;
  }

  /** Shows what another tab kept: the sample loaded again by `loadSample`, then what is kept replayed. */
  async apply(client: DbClient, loadSample: () => Promise<void>): Promise<boolean> {
    await loadSample();
    this.#set([]);
    this.elsewhere = null;
    this.overwrote = null;
    return this.restore(client);
  }

  async #write(save: () => ReturnType<typeof saveFiles>): Promise<void> {
    const known = this.#seq;
    try {
      const { meta, previous } = await save();
      this.#seq = meta.seq;
      this.elsewhere = null;
      // Another tab saved data after this one read what was kept: this save replaced it.
      this.overwrote = previous.seq !== known && previous.files.length > 0 ? previous : null;
      this.#sync?.announce(meta);
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }
}
