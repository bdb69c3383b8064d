// The Process column of the tables with a PID: the name of the executable
// each PID runs, as TCPView's Process column and Task Manager show it.
import { getProcessNames, IpHelperError, type IpHelperSymbols, type ProcessName } from "../mod.ts";
import { kernel32For } from "./_source.ts";
import type { Cell, Column } from "./_view.ts";

/** The columns of a row's owner: the PID and its process's name. */
export const PID_COLUMNS: readonly Column[] = [
  { header: "PID", align: "right" },
  { header: "Process" },
];

/** The processes of a view's rows. */
export interface Processes {
  /** The cells of {@linkcode PID_COLUMNS} for `pid`: the PID, and its name or why it has none. */
  cells(pid: number): Cell[];
  /** The name for `--json`: null when it is not known. */
  name(pid: number): string | null;
  /** Why no process is named, when none is. */
  note?: string;
}

/** What the Process column says of a process Windows would not name: why. */
function unnamedText(process: Exclude<ProcessName, { status: "ok" }>): string {
  switch (process.status) {
    case "access denied":
      return "<access denied>";
    case "no such process":
      return "<exited>";
    case "failed":
      return `<error ${process.error.code}>`;
  }
}

/** Empty cells and null names, and `note` saying why. */
function noNames(note: string): Processes {
  return { cells: (pid) => [{ text: String(pid) }, { text: "" }], name: () => null, note };
}

/**
 * Names the processes of `pids` (each looked up once) with the live
 * kernel32, or the replayed capture's. A process Windows will not name shows
 * why (`<access denied>`, `<exited>`); PIDs 0 and 4 are "System Idle Process"
 * and "System". When none can be named (a capture without process names, a
 * kernel32 without the functions) the cells are empty and the note says why:
 * the rows are still shown.
 *
 * @param pids The PIDs of the rows shown.
 * @param symbols A mock's functions, or undefined for the live DLL.
 */
export function processNames(
  pids: Iterable<number>,
  symbols: IpHelperSymbols | undefined,
): Processes {
  const kernel32 = kernel32For(symbols);
  if (kernel32 === null) {
    return noNames(
      "iphlpapi: process names not shown: the capture records none " +
        "(made with --no-modules, or by an older version)",
    );
  }
  let names: Map<number, ProcessName>;
  try {
    names = getProcessNames(pids, { ...(kernel32 && { kernel32 }) });
  } catch (error) {
    if (!(error instanceof IpHelperError)) throw error;
    return noNames(`iphlpapi: process names not shown: ${error.message}`);
  }
  return {
    cells: (pid) => {
      const process = names.get(pid)!;
      return [
        { text: String(pid) },
        process.status === "ok"
          ? { text: process.name }
          : { text: unnamedText(process), style: "dim" },
      ];
    },
    name: (pid) => names.get(pid)!.name,
  };
}
