// The little of @uwdata/vgplot 0.12 (untyped JavaScript) that the Mosaic peer page uses.
declare module '@uwdata/vgplot' {
  type Directive = unknown;
  export interface Connector {
    query(query: { type?: string; sql: string }): Promise<unknown>;
  }
  export function wasmConnector(options: { duckdb: unknown; connection?: unknown }): Connector;
  export function coordinator(): {
    databaseConnector(connector: Connector): void;
    exec(sql: string | string[]): Promise<unknown>;
  };
  export const Selection: { crossfilter(): unknown };
  export function plot(...directives: Directive[]): HTMLElement;
  export function from(table: string, options?: { filterBy?: unknown }): Directive;
  export function barX(data: Directive, options: Record<string, unknown>): Directive;
  export function barY(data: Directive, options: Record<string, unknown>): Directive;
  export function dot(data: Directive, options: Record<string, unknown>): Directive;
  export function sum(column: string): Directive;
  export function toggleY(options: { as: unknown }): Directive;
  export function width(value: number): Directive;
  export function height(value: number): Directive;
  export function marginLeft(value: number): Directive;
}
