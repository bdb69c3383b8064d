// The aligned, human-readable table.
import type { Paint } from "./_color.ts";
import type { Cell, Column } from "./_view.ts";

/** Columns are separated by this. */
const GAP = "  ";

/**
 * Renders rows as aligned lines under a bold header, coloured through
 * `paint`. Widths are measured on the plain text, so colour never shifts a
 * column; the last column is not padded, so lines have no trailing blanks.
 *
 * @param columns The columns.
 * @param rows One array of cells per row, one cell per column.
 * @param paint Colours a cell (or does nothing when colour is off).
 * @returns The lines, header first.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  paint: Paint,
): string[] {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((cells) => cells[i]?.text.length ?? 0))
  );
  const line = (cells: readonly Cell[], header: boolean) =>
    columns.map((column, i) => {
      const cell = cells[i] ?? { text: "" };
      const last = i === columns.length - 1;
      const fill = " ".repeat(widths[i]! - cell.text.length);
      const text = paint(header ? "bold" : cell.style, cell.text);
      return column.align === "right" ? fill + text : last ? text : text + fill;
    }).join(GAP).trimEnd();
  return [
    line(columns.map((column) => ({ text: column.header })), true),
    ...rows.map((cells) => line(cells, false)),
  ];
}
