/**
 * Imported files kept in this browser's IndexedDB, so a reload replays them over the sample.
 * Nothing leaves the browser; `forgetImports` deletes them all.
 *
 * One record per import (a batch), in import order. Only files that loaded rows are kept, each
 * with the table it filled and its rows, and a replace drops the files it superseded
 * (`supersede`), so a reload replays what the tables hold now and nothing older.
 */
import type { FileOptions } from '../import/structure';
import type { ImportMode } from './import-protocol';
import { TABLES } from './schema';

export interface StoredFile {
  name: string;
  bytes: ArrayBuffer;
  options: FileOptions;
  /** The table it filled and the rows it loaded (absent in records stored by older versions). */
  table?: string;
  rows?: number;
  /**
   * Its rows were replaced by a later import, but a file imported after it matched partners or
   * programs against them: it is replayed for that, and not described as current data.
   */
  superseded?: boolean;
}

export interface StoredBatch {
  files: StoredFile[];
  mode: ImportMode;
  at: number;
}

/** A batch as the page keeps it in memory: its key and its files without their bytes. */
export interface BatchMeta {
  key: number;
  mode: ImportMode;
  at: number;
  files: { name: string; table?: string; rows?: number; superseded?: boolean }[];
}

/** What one stored batch becomes after a later import: files dropped, others marked superseded. */
export interface BatchChange {
  key: number;
  drop: number[];
  supersede: number[];
}

/** The tables whose values a table's rows are matched against on import (partner, program). */
export function referencedTables(table: string): string[] {
  const spec = TABLES.find((t) => t.table === table);
  if (!spec) return [];
  const out: string[] = [];
  if (table !== 'partners' && spec.columns.some((c) => c.name === 'partner')) out.push('partners');
  if (table !== 'programs' && spec.columns.some((c) => c.name === 'program')) out.push('programs');
  return out;
}

/**
 * The stored files an import makes obsolete. `replaced` are the tables it replaced (empty when it
 * appended); `all` when it replaced the sample, so nothing stored before is current. A file of a
 * replaced table is dropped, unless a file kept after it was matched against its rows (partners,
 * programs): then it stays, marked superseded, for the replay to give the same result.
 */
export function supersede(batches: readonly BatchMeta[], replaced: readonly string[], all = false): BatchChange[] {
  const needed = new Set<string>();
  const changes: BatchChange[] = [];
  for (let b = batches.length - 1; b >= 0; b--) {
    const batch = batches[b]!;
    const change: BatchChange = { key: batch.key, drop: [], supersede: [] };
    for (let f = batch.files.length - 1; f >= 0; f--) {
      const file = batch.files[f]!;
      const stale = all || file.superseded === true || (file.table !== undefined && replaced.includes(file.table));
      if (stale && !(file.table !== undefined && needed.has(file.table))) change.drop.push(f);
      else if (stale) {
        if (!file.superseded) change.supersede.push(f);
      } else if (file.table !== undefined) for (const t of referencedTables(file.table)) needed.add(t);
      // A file of unknown table (an older record) keeps whatever it may have matched against.
      else for (const t of ['partners', 'programs']) needed.add(t);
    }
    if (change.drop.length || change.supersede.length) changes.unshift(change);
  }
  return changes;
}

/** The batch after a change; null when none of its files is left. */
export function applyChange<T extends BatchMeta | StoredBatch>(batch: T, change: BatchChange): T | null {
  const files = batch.files
    .map((file, i) => (change.supersede.includes(i) ? { ...file, superseded: true } : file))
    .filter((_, i) => !change.drop.includes(i));
  return files.length ? { ...batch, files } : null;
}

const DB_NAME = 'exchange-dashboard-imports';
const STORE = 'batches';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/**
 * Stores an import and, in the same transaction, applies the changes it makes to earlier batches.
 * Returns the new batch's key.
 */
export async function saveBatch(batch: StoredBatch, changes: readonly BatchChange[] = []): Promise<number> {
  return Number(
    await withStore('readwrite', (store) => {
      for (const change of changes) {
        const get = store.get(change.key) as IDBRequest<StoredBatch | undefined>;
        get.onsuccess = () => {
          if (!get.result) return;
          const next = applyChange(get.result, change);
          if (next) store.put(next, change.key);
          else store.delete(change.key);
        };
      }
      return store.add(batch);
    }),
  );
}

/** Rewrites one batch (the files' tables and rows learnt by replaying an older record). */
export async function putBatch(key: number, batch: StoredBatch): Promise<void> {
  await withStore('readwrite', (store) => store.put(batch, key));
}

/** The batches in the order they were imported, with their keys. */
export async function loadBatches(): Promise<{ key: number; batch: StoredBatch }[]> {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const out: { key: number; batch: StoredBatch }[] = [];
      const tx = db.transaction(STORE, 'readonly');
      const cursor = tx.objectStore(STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        out.push({ key: Number(c.key), batch: c.value as StoredBatch });
        c.continue();
      };
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

export async function forgetImports(): Promise<void> {
  await withStore('readwrite', (store) => store.clear());
}

/** Whether any import is stored, without reading the files. */
export async function hasStoredImports(): Promise<boolean> {
  return (await withStore('readonly', (store) => store.count())) > 0;
}
