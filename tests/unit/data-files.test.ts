/** The data files the page preloads (src/config/data-files.ts) are those the tables declare, in order. */
import { expect, test } from 'vitest';
import { DATA_FILES } from '../../src/config/data-files';
import { TABLES } from '../../src/domain/tables';

test('the preloaded data files are the declared tables’ files', () => {
  expect(DATA_FILES).toEqual(TABLES.map((spec) => spec.file));
});
