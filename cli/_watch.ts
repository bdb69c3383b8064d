// --watch: read the table again and again, redrawing it in place like
// TCPView, with the rows that appeared, changed or closed since the last
// refresh marked; Ctrl-C ends it cleanly.
import type { Paint, Style } from "./_color.ts";
import { writeOut } from "./_output.ts";
import { renderTable } from "./_table.ts";
import { escapeControls } from "./_text.ts";
import type { Cell, Row, View } from "./_view.ts";

/** How a row differs from the last refresh: new, changed, closed, or the same. */
export type Mark = "+" | "~" | "-" | " ";

/** A row and its mark. */
export interface MarkedRow {
  /** The mark. */
  mark: Mark;
  /** The row; for a closed row, as it was last seen. */
  row: Row;
}

/**
 * Marks the rows of `current` against `previous` (matched by key): `+` new,
 * `~` changed (its cells differ, a state change for one), ` ` the same; then
 * the rows of `previous` that are gone, marked `-`. With no previous
 * refresh, nothing is marked.
 */
export function markChanges(
  previous: readonly Row[] | undefined,
  current: readonly Row[],
): MarkedRow[] {
  if (previous === undefined) return current.map((row) => ({ mark: " ", row }));
  const text = (row: Row) => row.cells.map((cell) => cell.text).join("\0");
  const before = new Map(previous.map((row) => [row.key, text(row)]));
  const now = new Set(current.map((row) => row.key));
  return [
    ...current.map((row): MarkedRow => {
      const was = before.get(row.key);
      return { mark: was === undefined ? "+" : was === text(row) ? " " : "~", row };
    }),
    ...previous.filter((row) => !now.has(row.key)).map((row): MarkedRow => ({ mark: "-", row })),
  ];
}

const MARK_STYLES: Readonly<Record<Mark, Style | undefined>> = {
  "+": "green",
  "~": "yellow",
  "-": "red",
  " ": undefined,
};

/** What is shown above the table and how often it is read. */
export interface WatchOptions {
  /** The first words of the status line: the command and where the data comes from. */
  title: string;
  /** Seconds between refreshes. */
  seconds: number;
  /** Colours, or nothing when colour is off. */
  paint: Paint;
}

function frame(view: View, marked: readonly MarkedRow[], options: WatchOptions): string[] {
  const { paint } = options;
  const count = (mark: Mark) => marked.filter((m) => m.mark === mark).length;
  const status = `${options.title} at ${new Date().toTimeString().slice(0, 8)}: ` +
    `rows ${view.rows.length}, new ${count("+")}, changed ${count("~")}, closed ${count("-")}; ` +
    `every ${options.seconds} s, Ctrl-C quits`;
  const cells = marked.map(({ mark, row }): Cell[] => [
    { text: mark, style: MARK_STYLES[mark] },
    ...(mark === "-"
      ? row.cells.map((cell) => ({ text: cell.text, style: "dim" as const }))
      : row.cells),
  ]);
  // The title names the capture file, the notes may quote Windows: both escaped.
  return [
    paint("bold", escapeControls(status)),
    ...view.notes.map((note) => paint("dim", escapeControls(note))),
    "",
    // The marks' column is one wide even when empty, so the table never shifts.
    ...renderTable([{ header: " " }, ...view.columns], cells, paint),
  ];
}

// Terminal control: hide the cursor and stop wrapping long lines (so each
// line takes one row and the frame stays put), then home, clear to end of
// line, clear to end of screen.
const START = "\x1b[?25l\x1b[?7l\x1b[2J";
const END = "\x1b[?7h\x1b[?25h\n";
const HOME = "\x1b[H";
const CLEAR_LINE = "\x1b[K";
const CLEAR_BELOW = "\x1b[J";

/** The lines that fit a terminal of `height` rows, the last saying how many did not. */
function fit(lines: string[], height: number): string[] {
  if (lines.length <= height) return lines;
  return [...lines.slice(0, height - 1), `... ${lines.length - height + 1} more lines`];
}

/** The terminal's height, or 24 when it will not say (a console reporting 0 rows, say). */
function terminalRows(): number {
  try {
    const { rows } = Deno.consoleSize();
    return rows >= 2 ? rows : 24;
  } catch {
    return 24;
  }
}

/** Shows the cursor and wraps lines again, if standard output can still be written to. */
function restoreTerminal(): void {
  try {
    writeOut(END);
  } catch {
    // Standard output is gone or failing: that error is already on its way out.
  }
}

/**
 * Calls `read` every `options.seconds` and prints each result with its rows
 * marked, until Ctrl-C. On a terminal each refresh is drawn in place; else
 * refreshes follow each other, separated by a blank line.
 *
 * @throws Whatever `read` or {@linkcode writeOut} throws (`OutputClosed` when
 * the reader of a pipe has gone), after restoring the terminal.
 */
export async function watch(read: () => View, options: WatchOptions): Promise<void> {
  const inPlace = Deno.stdout.isTerminal();
  let stopped = false;
  let wake = () => {};
  const onInterrupt = () => {
    stopped = true;
    wake();
  };
  Deno.addSignalListener("SIGINT", onInterrupt);
  if (inPlace) writeOut(START);
  try {
    let previous: Row[] | undefined;
    while (!stopped) {
      const view = read();
      const lines = frame(view, markChanges(previous, view.rows), options);
      previous = view.rows;
      writeOut(
        inPlace
          ? HOME + fit(lines, terminalRows()).join(CLEAR_LINE + "\n") + CLEAR_LINE +
            CLEAR_BELOW
          : lines.join("\n") + "\n\n",
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.seconds * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    Deno.removeSignalListener("SIGINT", onInterrupt);
    if (inPlace) restoreTerminal();
  }
}
