/**
 * The user's mappings of coded values, remembered in this browser (localStorage, one small list)
 * for the next import: set in a file's preview, exported to and imported from a CSV file, forgotten
 * on request. The rules are in src/import/value-mapping.ts; this only keeps the list.
 */
import {
  fromStored,
  mappingsForTable,
  mergeMappings,
  readValue,
  setMapping,
  toStored,
  type ValueMapping,
} from '../import/value-mapping';
import { readStored, writeStored } from './stored';

export const MAPPINGS_KEY = 'exchange-dashboard-value-mappings';

export class ValueMappingsState {
  list = $state.raw<ValueMapping[]>(fromStored(readStored(MAPPINGS_KEY)));

  /** The code the user mapped `value` of `column` to, or null (a built-in reading is not the user's). */
  codeOf(column: string, value: string): string | null {
    const reading = readValue(column, value, this.list);
    return reading?.via === 'user' ? reading.code : null;
  }

  set(column: string, value: string, code: string | null): void {
    this.#save(setMapping(this.list, column, value, code));
  }

  /** Adds mappings read from a file; a value mapped before takes the file's code. */
  merge(mappings: readonly ValueMapping[]): void {
    this.#save(mergeMappings(this.list, mappings));
  }

  forget(): void {
    this.#save([]);
  }

  /** The mappings an import of a file of `table` carries. */
  forTable(table: string): ValueMapping[] {
    return mappingsForTable(this.list, table);
  }

  #save(list: ValueMapping[]): void {
    this.list = list;
    writeStored(MAPPINGS_KEY, list.length ? toStored(list) : null);
  }
}

export const valueMappings = new ValueMappingsState();
