/**
 * The importer's part of the worker protocol (protocol.ts joins it to the rest): previews,
 * imports with their progress, the rejected rows, the catalog and the read-only console.
 */
import type { FileReport, FileError } from '../import/report';
import type { RejectedRow } from '../import/stage';
import type { FileOptions, Structure } from '../import/structure';
import type { UnknownValues } from '../import/value-mapping';
import type { ConsoleResult } from './console';
import type { ImportStage, ImportSteps } from './import-run';

export interface FilePayload {
  name: string;
  /** Transferred, not copied: the page reads the file again for the next request. */
  bytes: ArrayBuffer;
  options: FileOptions;
}

export type ImportMode = 'replace' | 'append';

export type ImportRequest =
  | { id: number; type: 'preview'; file: FilePayload }
  | { id: number; type: 'import'; files: FilePayload[]; mode: ImportMode; replacesSample: boolean }
  | { id: number; type: 'restore'; files: StoredRows[] }
  | { id: number; type: 'rejects' }
  | { id: number; type: 'catalog' }
  | { id: number; type: 'console'; sql: string };

export type Preview =
  | {
      ok: true;
      structure: Structure;
      /** Per coded column, the values the import would not read, for the user to map (null: too large to list). */
      values?: UnknownValues[] | null;
    }
  | { ok: false; error: FileError; items: string[]; structure?: Partial<Structure> };

export interface ImportResult {
  files: FileReport[];
  /** False when nothing was loaded: the tables are as they were. */
  changed: boolean;
  ms: number;
  /** Each file that loaded rows (by its index): those rows as the table holds them, for this browser to keep. */
  kept: { index: number; csv: string }[];
  /** Milliseconds per step of the import (import-run.ts), for the bench. */
  steps?: ImportSteps;
}

/** Rows kept in this browser (src/data/stored-rows.ts): a CSV of the table's columns. */
export interface StoredRows {
  table: string;
  csv: string;
}

export interface RejectedFile {
  /** The file's index in the import (names may repeat). */
  index: number;
  file: string;
  headers: string[];
  rows: RejectedRow[];
}

export interface CatalogTable {
  table: string;
  rows: number;
  columns: { name: string; type: string }[];
}

export interface ImportProgressDetail {
  stage: ImportStage;
  file: string;
  bytes: number;
  totalBytes: number;
  rows: number;
}

export type ImportResponse =
  | { id: number; type: 'preview'; preview: Preview }
  | { id: number; type: 'imported'; result: ImportResult }
  | { id: number; type: 'restored'; rows: number }
  | { id: number; type: 'rejects'; files: RejectedFile[] }
  | { id: number; type: 'catalog'; tables: CatalogTable[] }
  | { id: number; type: 'console'; result: ConsoleResult };
