/** A chart's data as an accessible table: cells already formatted for the page's language. */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}

export interface TableRow {
  cells: string[];
  /** The value a keyboard user can select with this row (as a click on its bar would). */
  select?: string;
  /** The name read out for the select button. */
  name?: string;
}

export interface TableData {
  columns: TableColumn[];
  rows: TableRow[];
}
