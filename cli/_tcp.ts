// The tcp command: the IPv4 TCP table from one of three functions, filtered,
// sorted, and laid out like netstat.
import {
  getExtendedTcpTable,
  getTcpTable,
  getTcpTable2,
  type IpHelperSymbols,
  type TcpRow,
  type TcpRowOwnerPid,
  TcpState,
  tcpStateName,
} from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import type { Style } from "./_color.ts";
import { formatEndpoint, localEndpoint, remoteEndpoint } from "./_endpoint.ts";
import { keep, parseStates, type TcpFilter } from "./_filter.ts";
import { integer, oneOf, type OptionValues, ports, refuse } from "./_parse.ts";
import { withModules } from "./_owner.ts";
import { SORT_KEYS, type SortKey, sortRows } from "./_sort.ts";
import type { Cell, Column, Row, View } from "./_view.ts";

/** The `tcp` command's own options. */
export interface TcpArgs {
  /** `GetTcpTable2` (default), `GetTcpTable` (`--basic`) or the owner-module table (`--owner`). */
  table: "tcp2" | "basic" | "owner";
  /** `--state`, `--port`, `--pid`. */
  filter: TcpFilter;
  /** `--sort`: ask Windows for sorted rows and sort by this key. */
  sort?: SortKey;
}

/** Reads the `tcp` flags. */
function parse({ text, flag, list }: OptionValues): TcpArgs {
  if (flag("basic") && flag("owner")) refuse(["--basic", "--owner"]);
  const table = flag("basic") ? "basic" : flag("owner") ? "owner" : "tcp2";
  const [states, port, pid, sortText] = [list("state"), list("port"), text("pid"), text("sort")];
  const sort = sortText === undefined ? undefined : oneOf(sortText, "--sort", SORT_KEYS);
  if (table === "basic" && pid !== undefined) {
    refuse(["--basic", "--pid"], "GetTcpTable has no PID");
  }
  if (table === "basic" && sort === "pid") {
    refuse(["--basic", "--sort pid"], "GetTcpTable has no PID");
  }
  return {
    table,
    filter: {
      ...(states !== undefined && { states: parseStates(states) }),
      ...(port !== undefined && { ports: ports(port) }),
      ...(pid !== undefined && { pid: integer(pid, "--pid", 0, 0xffffffff) }),
    },
    ...(sort !== undefined && { sort }),
  };
}

const STATE_STYLES: Readonly<Partial<Record<number, Style>>> = {
  [TcpState.CLOSED]: "red",
  [TcpState.LISTEN]: "cyan",
  [TcpState.SYN_SENT]: "yellow",
  [TcpState.SYN_RCVD]: "yellow",
  [TcpState.ESTABLISHED]: "green",
  [TcpState.FIN_WAIT1]: "dim",
  [TcpState.FIN_WAIT2]: "dim",
  [TcpState.CLOSE_WAIT]: "magenta",
  [TcpState.CLOSING]: "dim",
  [TcpState.LAST_ACK]: "dim",
  [TcpState.TIME_WAIT]: "dim",
  [TcpState.DELETE_TCB]: "red",
};

/** `TCP_CONNECTION_OFFLOAD_STATE` names, without their `TcpConnectionOffloadState` prefix. */
const OFFLOAD = ["InHost", "Offloading", "Offloaded", "Uploading"];

const COLUMNS: readonly Column[] = [
  { header: "Proto" },
  { header: "Local Address" },
  { header: "Foreign Address" },
  { header: "State" },
];
const PID: Column = { header: "PID", align: "right" };

/** The cells every table has: protocol, endpoints, state. */
function endpointCells(row: TcpRow): Cell[] {
  return [
    { text: "TCP" },
    { text: formatEndpoint(localEndpoint(row)) },
    { text: formatEndpoint(remoteEndpoint(row)) },
    { text: tcpStateName(row.state), style: STATE_STYLES[row.state] },
  ];
}

/** What identifies a connection across refreshes: its endpoints and owner. */
function keyOf(row: TcpRow & Partial<TcpRowOwnerPid>): string {
  const endpoints = `${formatEndpoint(localEndpoint(row))} ${formatEndpoint(remoteEndpoint(row))}`;
  return row.owningPid === undefined ? endpoints : `${endpoints} ${row.owningPid}`;
}

/** Filters and sorts `rows` as `args` asks. */
function select<R extends TcpRow & Partial<TcpRowOwnerPid>>(rows: R[], args: TcpArgs): R[] {
  const kept = rows.filter((row) => keep(row, args.filter));
  return args.sort === undefined ? kept : sortRows(kept, args.sort);
}

/** The JSON of a row: all its members and its state's name. */
const withStateName = <R extends TcpRow>(row: R) => ({
  ...row,
  stateName: tcpStateName(row.state),
});

/** A view of `rows`: the common columns and cells, then `extra` columns and `cells(row)`. */
function tableView<R extends TcpRow>(
  rows: readonly R[],
  extra: readonly Column[],
  cells: (row: R) => Cell[],
  notes: string[] = [],
): View {
  return {
    columns: [...COLUMNS, ...extra],
    rows: rows.map((row): Row => ({
      key: keyOf(row),
      cells: [...endpointCells(row), ...cells(row)],
      data: withStateName(row),
    })),
    notes,
  };
}

/**
 * Reads the TCP table `args` selects: `GetTcpTable2`, `GetTcpTable`
 * (`--basic`) or the owner-module table and each row's module (`--owner`).
 * Its note says why module names are hidden, if they are.
 */
function view(args: TcpArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const options = { sorted: args.sort !== undefined, ...(symbols && { symbols }) };
  if (args.table === "basic") return tableView(select(getTcpTable(options), args), [], () => []);
  if (args.table === "owner") {
    // Modules are looked up for the rows shown only: one DLL call per row.
    const selected = select(getExtendedTcpTable({ ...options, owner: "module" }), args);
    const { rows, note } = withModules(selected, symbols);
    return tableView(
      rows,
      [PID, { header: "Module" }, { header: "Path" }],
      (row) => [
        { text: String(row.owningPid) },
        { text: row.moduleName ?? "" },
        { text: row.modulePath ?? "" },
      ],
      note === undefined ? [] : [note],
    );
  }
  return tableView(
    select(getTcpTable2(options), args),
    [PID, { header: "Offload" }],
    (row) => [
      { text: String(row.owningPid) },
      { text: OFFLOAD[row.offloadState] ?? `Unknown(${row.offloadState})` },
    ],
  );
}

/** `tcp`: the TCP connection table, netstat style. */
export const tcpCommand = defineCommand<TcpArgs>({
  name: "tcp",
  summary: "the IPv4 TCP connections and listeners (netstat -ano)",
  help: `Usage: iphlpapi tcp [options]

The IPv4 TCP table: from GetTcpTable2 (Proto, Local Address, Foreign Address,
State, PID, Offload). A listener's foreign address shows as 0.0.0.0:0, as in
netstat.

Table:
  --basic           GetTcpTable instead: no PID column
  --owner           GetExtendedTcpTable and GetOwnerModuleFromTcpEntry: adds the
                    Module and Path of each connection's owner; names Windows
                    hides (run elevated to see them all) are left empty

Rows:
  --state LIST      keep these states, comma-separated, any case, underscores
                    optional: LISTEN, ESTABLISHED, TIME_WAIT, ... (netstat's
                    LISTENING and PowerShell's TimeWait, SynReceived work too)
  --port N          keep rows with local or remote port N; repeat it (or give
                    N,M) to keep rows with any of the ports
  --pid N           keep rows owned by process N
  --sort [KEY]      ask Windows for sorted rows and sort by KEY: local (the
                    default), remote, state or pid`,
  examples: `  iphlpapi tcp --state listening --sort
  iphlpapi tcp --port 443 --owner
  iphlpapi tcp --port 80 --port 443 --state TimeWait
  iphlpapi tcp --pid 1234 --json
  iphlpapi tcp --watch 2`,
  options: ["basic", "owner", "state", "port", "pid", "sort"],
  parse,
  view,
});
