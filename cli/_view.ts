// What a table command produces, before it is printed as a table, as CSV or
// as JSON, once or in a watch loop.
import type { Style } from "./_color.ts";

/**
 * The widest a cell of the human-readable table is, in UTF-16 code units,
 * unless its column says otherwise: one long module name must not pad every row.
 */
export const MAX_CELL_WIDTH = 64;

/** A column of the human-readable table and of the CSV. */
export interface Column {
  /** The header, also the CSV header. */
  header: string;
  /** Numbers are right-aligned; the default is left. */
  align?: "right";
  /**
   * The widest its cells are shown in the table, longer ones cut with "…";
   * the default is {@linkcode MAX_CELL_WIDTH}. JSON and CSV are never cut.
   */
  maxWidth?: number;
}

/**
 * One cell: its text and, for people, its colour. The text is raw: the table
 * and the CSV escape its control characters (and the CSV neutralises
 * formulas), so views never need to.
 */
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
