// The one writer: everything the tool prints goes through writeOut (standard
// output) or writeErr (standard error), and printing a view once, in the
// format asked for.
import type { Format } from "./_command.ts";
import type { Paint } from "./_color.ts";
import { toCsv } from "./_csv.ts";
import { CliError, OutputClosed } from "./_errors.ts";
import { toJson } from "./_json.ts";
import { renderTable } from "./_table.ts";
import { escapeControls, truncate } from "./_text.ts";
import type { View } from "./_view.ts";

const encoder = new TextEncoder();

/** The longest line written to stderr, in UTF-16 code units: a hostile capture cannot flood it. */
export const MAX_MESSAGE = 4096;

/** Waits a moment without returning to the event loop, for a non-blocking stdout that is full. */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/**
 * Writes all of `bytes` to `file`, retrying interrupted and would-block
 * writes; anything else is thrown.
 */
function writeAll(file: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) {
    try {
      done += file.writeSync(bytes.subarray(done));
    } catch (error) {
      if (error instanceof Deno.errors.Interrupted) continue;
      if (error instanceof Deno.errors.WouldBlock) {
        pause();
        continue;
      }
      throw error;
    }
  }
}

/** Set by the first failed write to stdout, and thrown again by every later one. */
let stdoutFailure: Error | undefined;

/**
 * Writes all of `text` to standard output, as is (CSV needs its CRLFs kept;
 * callers escape what they did not make themselves).
 *
 * @throws {OutputClosed} When the reader has gone (a closed pipe, as with
 * `| head -1`): the tool ends quietly, exit 0.
 * @throws {CliError} For any other write error (a full disk): one line, exit 1.
 */
export function writeOut(text: string): void {
  if (stdoutFailure !== undefined) throw stdoutFailure;
  try {
    writeAll(Deno.stdout, encoder.encode(text));
  } catch (error) {
    stdoutFailure = error instanceof Deno.errors.BrokenPipe ||
        error instanceof Deno.errors.ConnectionReset
      ? new OutputClosed("standard output was closed")
      : new CliError(
        `cannot write to standard output: ${error instanceof Error ? error.message : error}`,
      );
    throw stdoutFailure;
  }
}

/** Whether stderr has failed; then nothing more is written to it. */
let stderrFailed = false;

/**
 * Writes `message` to standard error as one line: escaped (a newline in it
 * shows as `\n`), cut to {@linkcode MAX_MESSAGE}. A failure to write is
 * ignored: there is nowhere left to report it, and the exit code still tells.
 */
export function writeErr(message: string): void {
  if (stderrFailed) return;
  try {
    writeAll(Deno.stderr, encoder.encode(truncate(escapeControls(message), MAX_MESSAGE) + "\n"));
  } catch {
    stderrFailed = true;
  }
}

/**
 * Prints `view`: its notes on stderr, its rows on stdout as an aligned table,
 * one JSON document of full rows, or CSV.
 */
export function printView(view: View, format: Format, paint: Paint): void {
  for (const note of view.notes) writeErr(note);
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
