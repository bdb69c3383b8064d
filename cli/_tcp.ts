// The tcp command: the IPv4 and IPv6 TCP tables from one of three pairs of
// functions, in one list, filtered, sorted, and laid out like netstat.
import {
  AF_INET,
  type Family,
  getExtendedTcpTable,
  getOwnerModuleFromTcp6Entry,
  getOwnerModuleFromTcpEntry,
  getTcp6Table,
  getTcp6Table2,
  getTcpTable,
  getTcpTable2,
  type IpHelperSymbols,
  type Tcp6Row,
  type TcpRow,
  TcpState,
  tcpStateName,
} from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import type { Style } from "./_color.ts";
import { formatEndpoint, localEndpoint, remoteEndpoint } from "./_endpoint.ts";
import { parseFilter, type SocketFilter } from "./_filter.ts";
import { oneOf, type OptionValues, refuse } from "./_parse.ts";
import { withModules } from "./_owner.ts";
import { PID_COLUMNS, processNames } from "./_process.ts";
import { parseFamilies, readFamilies, select } from "./_sockets.ts";
import { SORT_KEYS, type SortKey } from "./_sort.ts";
import type { Cell, Column, Row, View } from "./_view.ts";

/** The `tcp` command's own options. */
export interface TcpArgs {
  /**
   * `GetTcpTable2` and `GetTcp6Table2` (default), `GetTcpTable` and
   * `GetTcp6Table` (`--basic`) or the owner-module tables (`--owner`).
   */
  table: "tcp2" | "basic" | "owner";
  /** `-4`, `-6`, `--family`: which families; both by default. */
  family: Family;
  /** `--state`, `--port`, `--pid`. */
  filter: SocketFilter;
  /** `--sort`: ask Windows for sorted rows and sort by this key. */
  sort?: SortKey;
}

/** Reads the `tcp` flags. */
function parse(values: OptionValues): TcpArgs {
  const { text, flag } = values;
  if (flag("basic") && flag("owner")) refuse(["--basic", "--owner"]);
  const table = flag("basic") ? "basic" : flag("owner") ? "owner" : "tcp2";
  const sortText = text("sort");
  const sort = sortText === undefined ? undefined : oneOf(sortText, "--sort", SORT_KEYS);
  if (table === "basic" && text("pid") !== undefined) {
    refuse(["--basic", "--pid"], "GetTcpTable has no PID");
  }
  if (table === "basic" && sort === "pid") {
    refuse(["--basic", "--sort pid"], "GetTcpTable has no PID");
  }
  return {
    table,
    family: parseFamilies(values),
    filter: parseFilter(values),
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

/** A row of either family, tagged with it; with its owner but from `--basic`. */
type AnyTcpRow = (TcpRow | Tcp6Row) & { family: number; owningPid?: number };

/** The cells every table has: protocol, endpoints, state. */
function endpointCells(row: AnyTcpRow): Cell[] {
  return [
    { text: "TCP" },
    { text: formatEndpoint(localEndpoint(row)) },
    { text: formatEndpoint(remoteEndpoint(row)) },
    { text: tcpStateName(row.state), style: STATE_STYLES[row.state] },
  ];
}

/** What identifies a connection across refreshes: its endpoints and owner. */
function keyOf(row: AnyTcpRow): string {
  const endpoints = `${formatEndpoint(localEndpoint(row))} ${formatEndpoint(remoteEndpoint(row))}`;
  return row.owningPid === undefined ? endpoints : `${endpoints} ${row.owningPid}`;
}

/**
 * A view of `rows`: the common columns, then `extra` columns and their
 * `cells(row)`. Each row's JSON is all its members, its state's name and `more(row)`.
 */
function tableView<R extends AnyTcpRow>(
  rows: readonly R[],
  extra: readonly Column[],
  cells: (row: R) => Cell[],
  more: (row: R) => object,
  notes: (string | undefined)[],
): View {
  return {
    columns: [...COLUMNS, ...extra],
    rows: rows.map((row): Row => ({
      key: keyOf(row),
      cells: [...endpointCells(row), ...cells(row)],
      data: { ...row, stateName: tcpStateName(row.state), ...more(row) },
    })),
    notes: notes.filter((note) => note !== undefined),
  };
}

/**
 * Reads the TCP tables `args` selects, of the families it selects:
 * `GetTcpTable2`, `GetTcpTable` (`--basic`) or the owner-module tables and
 * each row's module (`--owner`). Its notes say why module or process names
 * are not shown, if they are not.
 */
function view(args: TcpArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const options = { sorted: args.sort !== undefined, ...(symbols && { symbols }) };
  if (args.table === "basic") {
    const { rows, notes } = readFamilies(
      args.family,
      () => getTcpTable(options),
      () => getTcp6Table(options),
    );
    return tableView(select(rows, args.filter, args.sort), [], () => [], () => ({}), notes);
  }
  if (args.table === "owner") {
    const read = readFamilies(
      args.family,
      () => getExtendedTcpTable({ ...options, owner: "module" }),
      () => getExtendedTcpTable({ ...options, family: "ipv6", owner: "module" }),
    );
    // Modules are looked up for the rows shown only: one DLL call per row.
    const lookup = { ...(symbols && { symbols }) };
    const { rows, note } = withModules(
      select(read.rows, args.filter, args.sort),
      (row) =>
        row.family === AF_INET
          ? getOwnerModuleFromTcpEntry(row, lookup)
          : getOwnerModuleFromTcp6Entry(row, lookup),
    );
    const processes = processNames(rows.map((row) => row.owningPid), symbols);
    return tableView(
      rows,
      [...PID_COLUMNS, { header: "Module" }, { header: "Path" }],
      (row) => [
        ...processes.cells(row.owningPid),
        { text: row.moduleName ?? "" },
        { text: row.modulePath ?? "" },
      ],
      (row) => ({ processName: processes.name(row.owningPid) }),
      [...read.notes, note, processes.note],
    );
  }
  const read = readFamilies(
    args.family,
    () => getTcpTable2(options),
    () => getTcp6Table2(options),
  );
  const rows = select(read.rows, args.filter, args.sort);
  const processes = processNames(rows.map((row) => row.owningPid), symbols);
  return tableView(
    rows,
    [...PID_COLUMNS, { header: "Offload" }],
    (row) => [
      ...processes.cells(row.owningPid),
      { text: OFFLOAD[row.offloadState] ?? `Unknown(${row.offloadState})` },
    ],
    (row) => ({ processName: processes.name(row.owningPid) }),
    [...read.notes, processes.note],
  );
}

/** `tcp`: the TCP connection tables, netstat style. */
export const tcpCommand = defineCommand<TcpArgs>({
  name: "tcp",
  summary: "the TCP connections and listeners, IPv4 and IPv6 (netstat -ano -p tcp)",
  help: `Usage: iphlpapi tcp [options]

The TCP connections and listeners of IPv4 and IPv6 in one table, from
GetTcpTable2 and GetTcp6Table2: Proto, Local Address, Foreign Address, State,
PID, Process, Offload. As in netstat, IPv4 rows come first, an IPv6 endpoint
is bracketed, with the scope ID of a link-local address ([fe80::1%12]:80),
and a listener's foreign address is 0.0.0.0:0 or [::]:0 (in the CSV and JSON
too). Process is the executable's name, as TCPView shows it: System Idle
Process for PID 0, System for PID 4, <access denied> for a process Windows
will not open (run elevated to see it), <exited> for one that has ended.
--json gives every member of each row, with family (2 IPv4, 23 IPv6),
stateName and processName (null when unknown).

Families:
  -4, --ipv4        IPv4 only
  -6, --ipv6        IPv6 only
  --family F        ipv4, ipv6 or all (the default)

Table:
  --basic           GetTcpTable and GetTcp6Table instead: no PID or Process
  --owner           GetExtendedTcpTable and GetOwnerModuleFromTcpEntry (or
                    Tcp6Entry): adds the Module and Path of each connection's
                    owner; names Windows hides (run elevated to see them all)
                    are left empty

Rows:
  --state LIST      keep these states, comma-separated, any case, underscores
                    optional: LISTEN, ESTABLISHED, TIME_WAIT, ... (netstat's
                    LISTENING and PowerShell's TimeWait, SynReceived work too)
  --port N          keep rows with local or remote port N; repeat it (or give
                    N,M) to keep rows with any of the ports
  --pid N           keep rows owned by process N
  --sort [KEY]      ask Windows for sorted rows and sort by KEY: local (the
                    default), remote, state or pid; addresses in numeric
                    order, IPv4 before IPv6`,
  examples: `  iphlpapi tcp --state listening --sort
  iphlpapi tcp -6 --port 443 --owner
  iphlpapi tcp --port 80 --port 443 --state TimeWait
  iphlpapi tcp --pid 1234 --json
  iphlpapi tcp --watch 2`,
  options: ["basic", "owner", "state", "port", "pid", "sort", "family", "ipv4", "ipv6"],
  parse,
  view,
});
