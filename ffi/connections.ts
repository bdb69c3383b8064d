// Every socket of the four owner-PID tables (TCP and UDP, IPv4 and IPv6) as
// one row type, the way psutil's net_connections lists them.
import { DecodeError } from "../structs/decode_error.ts";
import { AF_INET, AF_INET6 } from "../structs/socket_address.ts";
import type { TcpRowOwnerPid } from "../structs/tcp_row.ts";
import type { Tcp6RowOwnerPid } from "../structs/tcp6_row.ts";
import { TcpState } from "../structs/tcp_state.ts";
import type { Udp6RowOwnerPid, UdpRowOwnerPid } from "../structs/udp_row.ts";
import { type AnySymbols, extendedPlan } from "./_call.ts";
import { checkChoice, checkOptions, readAsync, readSync } from "./_check.ts";
import { extendedCodec, type ExtendedFunction } from "./_tables.ts";
import { IpHelperError } from "./ip_helper_error.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/**
 * Which sockets {@linkcode getConnections} lists, as psutil's `kind`:
 * `"inet"` (all four tables), `"inet4"`, `"inet6"`, `"tcp"`, `"tcp4"`,
 * `"tcp6"`, `"udp"`, `"udp4"`, `"udp6"`.
 */
export type ConnectionKind =
  | "inet"
  | "inet4"
  | "inet6"
  | "tcp"
  | "tcp4"
  | "tcp6"
  | "udp"
  | "udp4"
  | "udp6";

/**
 * One socket of any of the four connection tables. Every row has every
 * member, so TCP and UDP, IPv4 and IPv6 rows mix in one array (and one JSON
 * or CSV shape):
 *
 * - `remoteAddr`, `remotePort` and `remoteScopeId` are null when the socket
 *   has no peer: every UDP socket, and TCP listeners (whose remote members
 *   Windows leaves undefined).
 * - `localScopeId` is 0 on IPv4 rows, and `remoteScopeId` 0 on IPv4 TCP rows
 *   with a peer: IPv4 has no zones, and 0 is Windows' "no scope".
 * - `state` is null for UDP, which has no connection state.
 */
export interface Connection {
  /** `"tcp"` or `"udp"`. */
  protocol: "tcp" | "udp";
  /** `AF_INET` (2) or `AF_INET6` (23). */
  family: 2 | 23;
  /** Local address: a dotted quad, or RFC 5952 IPv6 text. */
  localAddr: string;
  /** The local address's IPv6 scope (zone) ID; 0 on IPv4 rows. */
  localScopeId: number;
  /** Local port, host order. */
  localPort: number;
  /** Remote address; null for UDP and for TCP listeners. */
  remoteAddr: string | null;
  /** The remote address's IPv6 scope ID (0 on IPv4 rows); null for UDP and for TCP listeners. */
  remoteScopeId: number | null;
  /** Remote port, host order; null for UDP and for TCP listeners. */
  remotePort: number | null;
  /** The raw `MIB_TCP_STATE` (see `tcpStateName`); null for UDP. */
  state: number | null;
  /**
   * The owning process. Windows reports 0 for TCP connections in
   * `TIME_WAIT`, which no process holds any more.
   */
  owningPid: number;
}

/** One table {@linkcode getConnections} could not read. */
export interface ConnectionTableFailure {
  /** The table's protocol. */
  protocol: "tcp" | "udp";
  /** The table's address family: `AF_INET` (2) or `AF_INET6` (23). */
  family: 2 | 23;
  /** Why: Windows' error, or bytes that are not the table they claim to be. */
  error: IpHelperError | DecodeError;
}

/** How a table is named in a {@linkcode ConnectionsError}'s message. */
const TABLE_NAMES = {
  tcp: { [AF_INET]: "TCP over IPv4", [AF_INET6]: "TCP over IPv6" },
  udp: { [AF_INET]: "UDP over IPv4", [AF_INET6]: "UDP over IPv6" },
} as const;

/**
 * Thrown by {@linkcode getConnections} when Windows refused one or more of
 * the tables it reads. Nothing is dropped silently: `failures` says which
 * tables failed and why (`errors` holds the same errors), and `rows` holds
 * the rows of the tables that were read, for a caller that can make do
 * with them.
 *
 * @example Using the tables that could be read
 * ```ts ignore
 * import { ConnectionsError, getConnections } from "@iphlpapi/iphlpapi";
 *
 * let rows;
 * try {
 *   rows = getConnections();
 * } catch (error) {
 *   if (!(error instanceof ConnectionsError)) throw error;
 *   console.error(error.message);
 *   rows = error.rows;
 * }
 * ```
 */
export class ConnectionsError extends AggregateError {
  /** Always `"ConnectionsError"`. */
  override name = "ConnectionsError";
  /** The rows of the tables that were read, in the order {@linkcode getConnections} gives them. */
  readonly rows: Connection[];
  /** The tables that failed, in table order: TCP before UDP, IPv4 before IPv6. */
  readonly failures: ConnectionTableFailure[];

  /**
   * Makes the error of `api` for `failures`, carrying `rows`.
   *
   * @param api The function that failed, for the message.
   * @param rows The rows of the tables that were read.
   * @param failures The tables that failed, and why.
   * @param tables How many tables were asked for.
   */
  constructor(
    api: string,
    rows: Connection[],
    failures: ConnectionTableFailure[],
    tables: number,
  ) {
    const list = failures.map((f) => `${TABLE_NAMES[f.protocol][f.family]}: ${f.error.message}`);
    super(
      failures.map((f) => f.error),
      `${api}: ${failures.length} of ${tables} connection tables failed (error.rows holds the ${rows.length} rows of the others): ${
        list.join("; ")
      }`,
    );
    this.rows = rows;
    this.failures = failures;
  }
}

/** Options of {@linkcode getConnections}. */
export interface ConnectionsOptions extends SymbolsOption {
  /** Which sockets: `"inet"` (the default, all of them), `"tcp4"`, `"udp6"`, … */
  kind?: ConnectionKind;
}

/** Options of {@linkcode getConnectionsAsync}. */
export interface AsyncConnectionsOptions extends AsyncSymbolsOption {
  /** Which sockets: `"inet"` (the default, all of them), `"tcp4"`, `"udp6"`, … */
  kind?: ConnectionKind;
}

/** One of the four tables: how to read it and how its rows become connections. */
interface Table {
  protocol: "tcp" | "udp";
  family: 2 | 23;
  fn: ExtendedFunction;
  tableClass: number;
  connections: (rows: readonly unknown[]) => Connection[];
}

const LISTEN = TcpState.LISTEN;
/** `TCP_TABLE_OWNER_PID_ALL` and `UDP_TABLE_OWNER_PID`. */
const TCP_TABLE_OWNER_PID_ALL = 5;
const UDP_TABLE_OWNER_PID = 1;

// Each builder writes the members in the same order, so that every row has
// the same shape (one hidden class for the whole array).

function tcp4(row: TcpRowOwnerPid): Connection {
  const peer = row.state !== LISTEN;
  return {
    protocol: "tcp",
    family: AF_INET,
    localAddr: row.localAddr,
    localScopeId: 0,
    localPort: row.localPort,
    remoteAddr: peer ? row.remoteAddr : null,
    remoteScopeId: peer ? 0 : null,
    remotePort: peer ? row.remotePort : null,
    state: row.state,
    owningPid: row.owningPid,
  };
}

function tcp6(row: Tcp6RowOwnerPid): Connection {
  const peer = row.state !== LISTEN;
  return {
    protocol: "tcp",
    family: AF_INET6,
    localAddr: row.localAddr,
    localScopeId: row.localScopeId,
    localPort: row.localPort,
    remoteAddr: peer ? row.remoteAddr : null,
    remoteScopeId: peer ? row.remoteScopeId : null,
    remotePort: peer ? row.remotePort : null,
    state: row.state,
    owningPid: row.owningPid,
  };
}

function udp4(row: UdpRowOwnerPid): Connection {
  return {
    protocol: "udp",
    family: AF_INET,
    localAddr: row.localAddr,
    localScopeId: 0,
    localPort: row.localPort,
    remoteAddr: null,
    remoteScopeId: null,
    remotePort: null,
    state: null,
    owningPid: row.owningPid,
  };
}

function udp6(row: Udp6RowOwnerPid): Connection {
  return {
    protocol: "udp",
    family: AF_INET6,
    localAddr: row.localAddr,
    localScopeId: row.localScopeId,
    localPort: row.localPort,
    remoteAddr: null,
    remoteScopeId: null,
    remotePort: null,
    state: null,
    owningPid: row.owningPid,
  };
}

/** A table and how its rows (decoded as `R`) become connections. */
const table = <R>(
  protocol: Table["protocol"],
  family: Table["family"],
  fn: ExtendedFunction,
  tableClass: number,
  connection: (row: R) => Connection,
): Table => ({
  protocol,
  family,
  fn,
  tableClass,
  connections: (rows) => (rows as R[]).map(connection),
});

const TCP4 = table("tcp", AF_INET, "GetExtendedTcpTable", TCP_TABLE_OWNER_PID_ALL, tcp4);
const TCP6 = table("tcp", AF_INET6, "GetExtendedTcpTable", TCP_TABLE_OWNER_PID_ALL, tcp6);
const UDP4 = table("udp", AF_INET, "GetExtendedUdpTable", UDP_TABLE_OWNER_PID, udp4);
const UDP6 = table("udp", AF_INET6, "GetExtendedUdpTable", UDP_TABLE_OWNER_PID, udp6);

/** The tables of each kind, in the order their rows are returned. */
const KINDS: Readonly<Record<ConnectionKind, readonly Table[]>> = {
  inet: [TCP4, TCP6, UDP4, UDP6],
  inet4: [TCP4, UDP4],
  inet6: [TCP6, UDP6],
  tcp: [TCP4, TCP6],
  tcp4: [TCP4],
  tcp6: [TCP6],
  udp: [UDP4, UDP6],
  udp4: [UDP4],
  udp6: [UDP6],
};
const KIND_NAMES = Object.keys(KINDS) as ConnectionKind[];

/** Checks `options` for `api`; returns them and the tables their `kind` selects. */
function tablesOf<O extends ConnectionsOptions | AsyncConnectionsOptions>(
  api: string,
  options: O | undefined,
): [O, readonly Table[]] {
  const checked = checkOptions(api, options, ["kind", "symbols"]);
  return [checked, KINDS[checkChoice(api, "kind", checked.kind, KIND_NAMES, "inet")]];
}

/** The plan that reads `table`. */
const planOf = (table: Table) => (symbols: AnySymbols) =>
  extendedPlan(symbols, table.fn, table.family, table.tableClass, false);

/** Decodes `bytes` as `table`'s rows and turns them into connections. */
function decode(table: Table, bytes: Uint8Array): Connection[] {
  return table.connections(extendedCodec(table.fn, table.family, table.tableClass)!.decode(bytes));
}

/**
 * Whether `error` is a failure of `table` itself (Windows refusing the call,
 * or bytes that do not decode), rather than of everything (no DLL, a bad
 * option, a mock without the answer), which is thrown as it is.
 */
function isTableFailure(table: Table, error: unknown): error is IpHelperError | DecodeError {
  return error instanceof DecodeError ||
    (error instanceof IpHelperError && error.functionName === table.fn);
}

/** The rows of `tables`, in order, or a {@linkcode ConnectionsError} if any failed. */
function collect(
  api: string,
  tables: readonly Table[],
  outcomes: ({ rows: Connection[] } | { error: unknown })[],
): Connection[] {
  const rows: Connection[] = [];
  const failures: ConnectionTableFailure[] = [];
  tables.forEach((table, i) => {
    const outcome = outcomes[i]!;
    if ("rows" in outcome) {
      for (const row of outcome.rows) rows.push(row);
    } else if (isTableFailure(table, outcome.error)) {
      failures.push({ protocol: table.protocol, family: table.family, error: outcome.error });
    } else {
      throw outcome.error;
    }
  });
  if (failures.length > 0) throw new ConnectionsError(api, rows, failures, tables.length);
  return rows;
}

/** {@linkcode getConnections} for `api`: the port-owner functions use it too. */
export function readConnections(api: string, options?: ConnectionsOptions): Connection[] {
  const [checked, tables] = tablesOf(api, options);
  const outcomes = tables.map((table) => {
    try {
      return { rows: decode(table, readSync(api, checked, planOf(table))) };
    } catch (error) {
      if (!isTableFailure(table, error)) throw error;
      return { error };
    }
  });
  return collect(api, tables, outcomes);
}

/** {@linkcode getConnectionsAsync} for `api`: the tables are read concurrently. */
export async function readConnectionsAsync(
  api: string,
  options?: AsyncConnectionsOptions,
): Promise<Connection[]> {
  const [checked, tables] = tablesOf(api, options);
  const outcomes = await Promise.all(tables.map(async (table) => {
    try {
      return { rows: decode(table, await readAsync(api, checked, planOf(table))) };
    } catch (error) {
      return { error };
    }
  }));
  return collect(api, tables, outcomes);
}

/**
 * Every TCP and UDP socket, IPv4 and IPv6, with its owning process, as one
 * list of {@linkcode Connection} rows: what psutil's `net_connections(kind)`
 * and `netstat -ano` list. It reads `GetExtendedTcpTable`
 * (`TCP_TABLE_OWNER_PID_ALL`) and `GetExtendedUdpTable`
 * (`UDP_TABLE_OWNER_PID`) for each family the `kind` selects; rows come TCP
 * before UDP, IPv4 before IPv6, each table in Windows' order.
 *
 * If Windows refuses any table, this throws a {@linkcode ConnectionsError}
 * naming each table that failed and why, and carrying the rows of the others
 * in `error.rows`: a partial list is never returned as if it were complete.
 * Failures that are not of one table (no DLL, an invalid option) are thrown
 * as they are.
 *
 * @param options `kind` (`"inet"`, the default, `"inet4"`, `"inet6"`,
 * `"tcp"`, `"tcp4"`, `"tcp6"`, `"udp"`, `"udp4"`, `"udp6"`), and `symbols` to use a mock.
 * @returns One row per socket.
 * @throws {ConnectionsError} If one or more tables could not be read.
 * @throws {IpHelperError} If the DLL cannot be loaded (not Windows).
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getConnections, tcpStateName } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getConnections({ kind: "inet" })) {
 *   const remote = row.remoteAddr === null ? "" : `${row.remoteAddr}:${row.remotePort}`;
 *   const state = row.state === null ? "" : tcpStateName(row.state);
 *   console.log(row.protocol, `${row.localAddr}:${row.localPort}`, remote, state, row.owningPid);
 * }
 * ```
 */
export function getConnections(options?: ConnectionsOptions): Connection[] {
  return readConnections("getConnections", options);
}

/**
 * {@linkcode getConnections} with the DLL calls on worker threads (the
 * tables are read concurrently). Fails the same way: a
 * {@linkcode ConnectionsError} carrying the rows of the tables that were read.
 *
 * @param options `kind`, and `symbols` to use a mock.
 * @returns One row per socket.
 * @throws {ConnectionsError} If one or more tables could not be read.
 * @throws {IpHelperError} If the DLL cannot be loaded (not Windows).
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getConnectionsAsync } from "@iphlpapi/iphlpapi";
 *
 * const udp = await getConnectionsAsync({ kind: "udp" });
 * console.log(udp.map((row) => `${row.localAddr}:${row.localPort} ${row.owningPid}`));
 * ```
 */
export function getConnectionsAsync(options?: AsyncConnectionsOptions): Promise<Connection[]> {
  return readConnectionsAsync("getConnectionsAsync", options);
}
