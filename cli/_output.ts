// Printing a view once, in the format asked for.
import type { Format } from "./_args.ts";
import type { Paint } from "./_color.ts";
import { toCsv } from "./_csv.ts";
import { toJson } from "./_json.ts";
import { renderTable } from "./_table.ts";
import type { View } from "./_view.ts";

const encoder = new TextEncoder();

/** Writes all of `text` to standard output, as is (CSV needs its CRLFs kept). */
export function writeOut(text: string): void {
  const bytes = encoder.encode(text);
  for (let done = 0; done < bytes.length;) done += Deno.stdout.writeSync(bytes.subarray(done));
}

/**
 * Prints `view`: its notes on stderr, its rows on stdout as an aligned table,
 * one JSON document of full rows, or CSV.
 */
export function printView(view: View, format: Format, paint: Paint): void {
  for (const note of view.notes) console.error(note);
  switch (format) {
    case "json":
      return writeOut(toJson(view.rows.map((row) => row.data)) + "\n");
    case "csv":
      return writeOut(toCsv(
        view.columns.map((column) => column.header),
        view.rows.map((row) => row.cells.map((cell) => cell.text)),
      ));
    case "table": {
      const lines = renderTable(view.columns, view.rows.map((row) => row.cells), paint);
      return writeOut(lines.join("\n") + "\n");
    }
  }
}
