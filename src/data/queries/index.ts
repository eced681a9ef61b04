/** The SQL builders, one query per file; every value is bound. */
export * from './year-span';
export * from './kpis';
export * from './active-agreements';
export * from './trend-by-year';
export * from './top-countries';
