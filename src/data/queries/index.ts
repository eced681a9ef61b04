/** The SQL builders, one query per file; every value is bound. */
export * from './year-span';
export * from './kpis';
export * from './active-agreements';
export * from './trend-by-year';
export * from './top-countries';
export * from './trend-stack';
export * from './ranked';
export * from './categories';
export * from './net-flow';
export * from './duration-bands';
export * from './rollups';
export * from './agreements-timeline';
export * from './events-timeline';
export * from './reference-names';
export * from './flows';
export * from './breakdown';
