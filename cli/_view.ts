// What a table command produces, before it is printed as a table, as CSV or
// as JSON, once or in a watch loop.
import type { Style } from "./_color.ts";

/** A column of the human-readable table and of the CSV. */
export interface Column {
  /** The header, also the CSV header. */
  header: string;
  /** Numbers are right-aligned; the default is left. */
  align?: "right";
}

/** One cell: its text and, for people, its colour. */
export interface Cell {
  /** The text, the same for the table and the CSV. */
  text: string;
  /** The colour in the table, when colour is on. */
  style?: Style | undefined;
}

/** One row of a view. */
export interface Row {
  /** What identifies the row across refreshes (`--watch`): a connection's endpoints. */
  key: string;
  /** One cell per column. */
  cells: Cell[];
  /** The full row for `--json`. */
  data: unknown;
}

/** What a table command read: columns, rows, and notes for stderr. */
export interface View {
  /** The columns. */
  columns: Column[];
  /** The rows, filtered and in display order. */
  rows: Row[];
  /** One-line notes about the rows (for example why module names are hidden). */
  notes: string[];
}
