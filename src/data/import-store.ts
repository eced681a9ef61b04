/**
 * What this browser keeps of imports, in IndexedDB, so a reload shows the same data: the rows the
 * tables hold, nothing more. Each file whose rows the tables hold is kept as those rows, in the
 * table's own columns (stored-rows.ts); the file itself, its other columns (names, passport and
 * phone numbers…), its rejected rows and every file a later import replaced are not kept.
 * Nothing leaves the browser; `forgetImports` deletes it all.
 *
 * One record, `files`, holds the kept rows; `meta` describes them without the rows, with a number
 * that goes up with every save, so tabs can tell which of them saved last (src/state/tabs.svelte.ts).
 * A save writes both in one transaction, the last save wins whole.
 */
import type { FileOptions } from '../import/structure';
import type { ImportMode, ImportResult } from './import-protocol';

/** A file whose rows the tables hold, as this browser keeps it. */
export interface StoredFile {
  name: string;
  table: string;
  rows: number;
  /** When it was imported (ms since 1970). */
  at: number;
  /** The size of the file imported, which is not kept. */
  size: number;
  /** The UTF-8 size of `csv`: what this browser keeps for it. */
  bytes: number;
  /** Its rows as the table holds them: a CSV of the table's columns (stored-rows.ts). */
  csv: string;
}

export type StoredFileMeta = Omit<StoredFile, 'csv'>;

/**
 * A file as IndexedDB holds it: the rows as a UTF-8 Blob, kept apart from the record. Chromium
 * refuses a record whose serialised value passes ≈ 133 MB, and a string of Chinese text counts two
 * bytes a character: the rows of a 1M-row file (127 MB of UTF-8, 254 MB as a string) were refused
 * whole. Records of earlier versions hold a string, read as it is.
 */
type StoredRecord = StoredFileMeta & { csv: string | Blob };

export interface StoredMeta {
  /** One more with every save or forget, whichever tab made it: the highest is the latest. */
  seq: number;
  /** The tab that saved (an id made when the page opened). */
  tab: string;
  savedAt: number;
  files: StoredFileMeta[];
}

/** A record of the first versions, which kept each import's files whole. Read once, replayed, then deleted. */
export interface LegacyBatch {
  files: { name: string; bytes: ArrayBuffer; options: FileOptions; table?: string; rows?: number }[];
  mode: ImportMode;
  at: number;
}

export const metaOf = ({ csv: _csv, ...meta }: StoredFile): StoredFileMeta => meta;

/**
 * The files whose rows the tables hold after an import that loaded `added`: over the sample, only
 * those; a replace drops the files of the tables it wrote; an append keeps them all.
 */
export function afterImport(
  before: readonly StoredFile[],
  added: readonly StoredFile[],
  mode: ImportMode,
  replacesSample: boolean,
): StoredFile[] {
  if (replacesSample) return [...added];
  const replaced = new Set(mode === 'replace' ? added.map((f) => f.table) : []);
  return [...before.filter((f) => !replaced.has(f.table)), ...added];
}

/** A file sent to the worker, by its index in the import. */
export interface SentFile {
  name: string;
  size: number;
}

/** The files of an import that loaded rows, as this browser keeps them. */
export function keptFiles(result: ImportResult, sent: readonly SentFile[], at: number): StoredFile[] {
  return result.kept.flatMap(({ index, csv }) => {
    const report = result.files.find((r) => r.index === index);
    const file = sent[index];
    if (!report || !file || report.loaded <= 0) return [];
    return [{ name: file.name, table: report.table, rows: report.loaded, at, size: file.size, bytes: utf8Bytes(csv), csv }];
  });
}

/** The UTF-8 size of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const DB_NAME = 'exchange-dashboard-imports';
const STATE = 'state';
/** The store of the first versions (whole files, one record per import). */
const LEGACY = 'batches';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STATE)) request.result.createObjectStore(STATE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

/** Runs `work` in one transaction over the stores that exist; resolves with its result once committed. */
async function transact<T>(mode: IDBTransactionMode, work: (stores: Map<string, IDBObjectStore>) => () => T): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const names = [STATE, LEGACY].filter((n) => db.objectStoreNames.contains(n));
      const tx = db.transaction(names, mode);
      const result = work(new Map(names.map((n) => [n, tx.objectStore(n)])));
      tx.oncomplete = () => resolve(result());
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

const EMPTY: StoredMeta = { seq: 0, tab: '', savedAt: 0, files: [] };

/** Replaces what is kept by `files` (none: forgets); the records of the first versions go too. */
function write(files: readonly StoredFile[], tab: string) {
  return transact('readwrite', (stores) => {
    const state = stores.get(STATE)!;
    let previous: StoredMeta = EMPTY;
    let meta: StoredMeta = EMPTY;
    const get = state.get('meta') as IDBRequest<StoredMeta | undefined>;
    get.onsuccess = () => {
      previous = get.result ?? EMPTY;
      meta = { seq: previous.seq + 1, tab, savedAt: Date.now(), files: files.map(metaOf) };
      state.put(meta, 'meta');
      if (files.length) state.put(files.map(toRecord), 'files');
      else state.delete('files');
    };
    stores.get(LEGACY)?.clear();
    return () => ({ meta, previous });
  });
}

/** Keeps `files` as what the tables hold; returns what is kept now and what was before (maybe another tab's). */
export function saveFiles(files: readonly StoredFile[], tab: string): Promise<{ meta: StoredMeta; previous: StoredMeta }> {
  return write(files, tab);
}

/** Deletes every import kept in this browser. */
export function forgetImports(tab = ''): Promise<{ meta: StoredMeta; previous: StoredMeta }> {
  return write([], tab);
}

/** What is kept, without the rows; null when nothing was ever saved. */
export function loadMeta(): Promise<StoredMeta | null> {
  return transact('readonly', (stores) => {
    const get = stores.get(STATE)!.get('meta') as IDBRequest<StoredMeta | undefined>;
    return () => get.result ?? null;
  });
}

const toRecord = (file: StoredFile): StoredRecord => ({ ...file, csv: new Blob([file.csv], { type: 'text/csv' }) });

async function fromRecord(record: StoredRecord): Promise<StoredFile> {
  return { ...record, csv: typeof record.csv === 'string' ? record.csv : await record.csv.text() };
}

/** What is kept, with the rows. */
export async function loadFiles(): Promise<{ meta: StoredMeta; files: StoredFile[] } | null> {
  const kept = await transact('readonly', (stores) => {
    const meta = stores.get(STATE)!.get('meta') as IDBRequest<StoredMeta | undefined>;
    const files = stores.get(STATE)!.get('files') as IDBRequest<StoredRecord[] | undefined>;
    return () => (meta.result ? { meta: meta.result, files: files.result ?? [] } : null);
  });
  return kept && { meta: kept.meta, files: await Promise.all(kept.files.map(fromRecord)) };
}

/** The records of the first versions, in the order they were imported (none once replayed and saved anew). */
export function loadLegacy(): Promise<LegacyBatch[]> {
  return transact('readonly', (stores) => {
    const all = stores.get(LEGACY)?.getAll() as IDBRequest<LegacyBatch[]> | undefined;
    return () => all?.result ?? [];
  });
}

/** Whether any import is kept, without reading its rows. */
export async function hasStoredImports(): Promise<boolean> {
  const [meta, legacy] = await Promise.all([
    loadMeta(),
    transact('readonly', (stores) => {
      const count = stores.get(LEGACY)?.count();
      return () => count?.result ?? 0;
    }),
  ]);
  return (meta?.files.length ?? 0) > 0 || legacy > 0;
}
