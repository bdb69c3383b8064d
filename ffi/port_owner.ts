// Which process holds a port, and which ports a process holds: the two
// questions people ask of the connection tables most ("what is on 8080?").
import { TcpState } from "../structs/tcp_state.ts";
import { describeValue } from "./_check.ts";
import { checkPid } from "./process_name.ts";
import {
  type AsyncConnectionsOptions,
  type Connection,
  type ConnectionsOptions,
  readConnections,
  readConnectionsAsync,
} from "./connections.ts";

/** The local ports a process holds, by protocol, each list ascending and without repeats. */
export interface PidPorts {
  /** Local ports of its TCP sockets: listeners and both ends of connections. */
  tcp: number[];
  /** Local ports of its UDP sockets. */
  udp: number[];
}

const TIME_WAIT = TcpState.TIME_WAIT;

/**
 * Whether a row is a socket a process holds: every row but TCP `TIME_WAIT`,
 * which Windows keeps after the process has closed the socket and reports
 * with PID 0.
 */
const held = (row: Connection) => row.state !== TIME_WAIT;

/** Ascending, without repeats. */
const ascending = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

function checkPort(api: string, port: unknown): number {
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
    throw new TypeError(`${api}: port must be an integer 1..65535, found ${describeValue(port)}`);
  }
  return port as number;
}

const owners = (rows: Connection[], port: number) =>
  ascending(rows.filter((row) => row.localPort === port && held(row)).map((row) => row.owningPid));

function ports(rows: Connection[], pid: number): PidPorts {
  const mine = rows.filter((row) => row.owningPid === pid && held(row));
  const of = (protocol: Connection["protocol"]) =>
    ascending(mine.filter((row) => row.protocol === protocol).map((row) => row.localPort));
  return { tcp: of("tcp"), udp: of("udp") };
}

/**
 * The processes holding a local port: the PID of every socket bound to
 * `port` (a TCP listener, the server end of its connections, a client
 * connection's local end, a UDP socket), from the tables
 * {@linkcode getConnections} reads. TCP rows in `TIME_WAIT` are left out:
 * no process holds them (Windows reports them with PID 0).
 *
 * @param port The local port, 1..65535.
 * @param options `kind` (`"inet"`, the default: TCP and UDP, both families;
 * `"tcp"`, `"udp4"`, …), and `symbols` to use a mock.
 * @returns The PIDs, ascending, without repeats; empty when nothing holds the port.
 * @throws {ConnectionsError} If Windows refused one of the tables (the answer could be incomplete).
 * @throws {TypeError} If `port` or an option is not valid.
 *
 * @example Who is listening on 8080?
 * ```ts ignore
 * import { getPortOwners, getProcessNames } from "@iphlpapi/iphlpapi";
 *
 * const pids = getPortOwners(8080, { kind: "tcp" });
 * for (const [pid, process] of getProcessNames(pids)) console.log(pid, process.name);
 * ```
 */
export function getPortOwners(port: number, options?: ConnectionsOptions): number[] {
  const api = "getPortOwners";
  checkPort(api, port);
  return owners(readConnections(api, options), port);
}

/**
 * {@linkcode getPortOwners} with the DLL calls on worker threads.
 *
 * @param port The local port, 1..65535.
 * @param options `kind`, and `symbols` to use a mock.
 * @returns The PIDs, ascending, without repeats; empty when nothing holds the port.
 * @throws {ConnectionsError} If Windows refused one of the tables.
 * @throws {TypeError} If `port` or an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getPortOwnersAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log(await getPortOwnersAsync(53, { kind: "udp" }));
 * ```
 */
export async function getPortOwnersAsync(
  port: number,
  options?: AsyncConnectionsOptions,
): Promise<number[]> {
  const api = "getPortOwnersAsync";
  checkPort(api, port);
  return owners(await readConnectionsAsync(api, options), port);
}

/**
 * The local ports a process holds, TCP and UDP apart: the local port of
 * each of its sockets (listeners, both ends of its connections, UDP
 * sockets), from the tables {@linkcode getConnections} reads.
 *
 * @param pid The process ID.
 * @param options `kind` (`"inet"`, the default; `"tcp4"`, `"udp"`, …), and `symbols` to use a mock.
 * @returns Its TCP and UDP ports, each ascending without repeats; empty lists when it holds none.
 * @throws {ConnectionsError} If Windows refused one of the tables (the answer could be incomplete).
 * @throws {TypeError} If `pid` or an option is not valid.
 *
 * @example The ports this program has open
 * ```ts ignore
 * import { getPidPorts } from "@iphlpapi/iphlpapi";
 *
 * const { tcp, udp } = getPidPorts(Deno.pid);
 * console.log(`TCP ${tcp.join(", ")}; UDP ${udp.join(", ")}`);
 * ```
 */
export function getPidPorts(pid: number, options?: ConnectionsOptions): PidPorts {
  const api = "getPidPorts";
  checkPid(api, "pid", pid);
  return ports(readConnections(api, options), pid);
}

/**
 * {@linkcode getPidPorts} with the DLL calls on worker threads.
 *
 * @param pid The process ID.
 * @param options `kind`, and `symbols` to use a mock.
 * @returns Its TCP and UDP ports, each ascending without repeats.
 * @throws {ConnectionsError} If Windows refused one of the tables.
 * @throws {TypeError} If `pid` or an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getPidPortsAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getPidPortsAsync(Deno.pid, { kind: "tcp" })).tcp);
 * ```
 */
export async function getPidPortsAsync(
  pid: number,
  options?: AsyncConnectionsOptions,
): Promise<PidPorts> {
  const api = "getPidPortsAsync";
  checkPid(api, "pid", pid);
  return ports(await readConnectionsAsync(api, options), pid);
}
