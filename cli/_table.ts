// The aligned, human-readable table.
import type { Paint } from "./_color.ts";
import { escapeControls, truncate } from "./_text.ts";
import { type Cell, type Column, MAX_CELL_WIDTH } from "./_view.ts";

/** Columns are separated by this. */
const GAP = "  ";

/**
 * Renders rows as aligned lines under a bold header, coloured through
 * `paint`. Every header and cell is escaped (a control character shows as
 * `\n`, `\x1b`, ...) and cut to its column's `maxWidth`; widths are measured
 * on that plain text, so colour never shifts a column; the last column is
 * not padded, so lines have no trailing blanks.
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
  const shown = (cells: readonly Cell[]): Cell[] =>
    columns.map((column, i) => {
      const cell = cells[i] ?? { text: "" };
      const text = truncate(escapeControls(cell.text), column.maxWidth ?? MAX_CELL_WIDTH);
      return { text, style: cell.style };
    });
  const header = shown(columns.map((column) => ({ text: column.header, style: "bold" })));
  const body = rows.map(shown);
  const widths = columns.map((_, i) =>
    body.reduce((width, cells) => Math.max(width, cells[i]!.text.length), header[i]!.text.length)
  );
  const line = (cells: readonly Cell[]) =>
    columns.map((column, i) => {
      const cell = cells[i]!;
      const last = i === columns.length - 1;
      const fill = " ".repeat(widths[i]! - cell.text.length);
      const text = paint(cell.style, cell.text);
      return column.align === "right" ? fill + text : last ? text : text + fill;
    }).join(GAP).trimEnd();
  return [line(header), ...body.map(line)];
}
