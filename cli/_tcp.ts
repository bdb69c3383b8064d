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
import type { TcpArgs } from "./_args.ts";
import type { Style } from "./_color.ts";
import { formatEndpoint, localEndpoint, remoteEndpoint } from "./_endpoint.ts";
import { keep } from "./_filter.ts";
import { withModules } from "./_owner.ts";
import { sortRows } from "./_sort.ts";
import type { Cell, Column, Row, View } from "./_view.ts";

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
 *
 * @param args The parsed `tcp` command line.
 * @param symbols A mock's functions, or undefined for the live DLL.
 * @returns The view; its note says why module names are hidden, if they are.
 * @throws {IpHelperError} If Windows fails.
 */
export function tcpView(args: TcpArgs, symbols: IpHelperSymbols | undefined): View {
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
