/**
 * The data model now lives in src/domain (enums, each column's rules, the tables); this module
 * re-exports it for the code that still imports it from here.
 */
export * from '../domain/enums';
export * from '../domain/columns';
export * from '../domain/tables';
