/**
 * Imported files kept in this browser's IndexedDB, so a reload replays them over the sample.
 * Nothing leaves the browser; `forgetImports` deletes them all.
 */
import type { FileOptions } from '../import/structure';
import type { ImportMode } from './import-protocol';

export interface StoredFile {
  name: string;
  bytes: ArrayBuffer;
  options: FileOptions;
}

export interface StoredBatch {
  files: StoredFile[];
  mode: ImportMode;
  at: number;
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

export async function saveBatch(batch: StoredBatch): Promise<void> {
  await withStore('readwrite', (store) => store.add(batch));
}

/** The batches in the order they were imported. */
export async function loadBatches(): Promise<StoredBatch[]> {
  return withStore('readonly', (store) => store.getAll() as IDBRequest<StoredBatch[]>);
}

export async function forgetImports(): Promise<void> {
  await withStore('readwrite', (store) => store.clear());
}

/** Whether any import is stored, without reading the files. */
export async function hasStoredImports(): Promise<boolean> {
  return (await withStore('readonly', (store) => store.count())) > 0;
}
