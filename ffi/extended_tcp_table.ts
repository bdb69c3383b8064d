import { AF_INET } from "../structs/socket_address.ts";
import type { TcpRowOwnerModule, TcpRowOwnerPid } from "../structs/tcp_row.ts";
import { decodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { decodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
import {
  type AnySymbols,
  callerAllocated,
  type Plan,
  runAsync,
  runSync,
  sizeCache,
} from "./_call.ts";
import { loadIpHelper, loadNonblockingIpHelper } from "./library.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** What `GetExtendedTcpTable` reports besides each row: the owning process, or also its module. */
export type TcpOwner = "pid" | "module";

/** Which rows `GetExtendedTcpTable` returns: `_ALL`, `_LISTENER` or `_CONNECTIONS` classes. */
export type TcpRowSelection = "all" | "listener" | "connections";

/** What selects the `TCP_TABLE_CLASS`. */
export interface TcpTableClassOptions {
  /** `"pid"` (`TCP_TABLE_OWNER_PID_*`, the default) or `"module"` (`TCP_TABLE_OWNER_MODULE_*`). */
  owner?: TcpOwner;
  /** `"all"` (the default), `"listener"` or `"connections"`. */
  include?: TcpRowSelection;
}

/** Options of {@linkcode getExtendedTcpTable}. */
export interface ExtendedTcpTableOptions
  extends TcpTableClassOptions, SortedOption, SymbolsOption {}

/** Options of {@linkcode getExtendedTcpTableAsync}. */
export interface AsyncExtendedTcpTableOptions
  extends TcpTableClassOptions, SortedOption, AsyncSymbolsOption {}

const FIRST_CLASS: Readonly<Record<TcpOwner, number>> = {
  pid: 3, // TCP_TABLE_OWNER_PID_LISTENER
  module: 6, // TCP_TABLE_OWNER_MODULE_LISTENER
};
const CLASS_OFFSET: Readonly<Record<TcpRowSelection, number>> = {
  listener: 0,
  connections: 1,
  all: 2,
};

/** The `TCP_TABLE_CLASS` value the options select. */
export function tcpTableClass(options: TcpTableClassOptions): number {
  return FIRST_CLASS[options.owner ?? "pid"] + CLASS_OFFSET[options.include ?? "all"];
}

function plan(
  symbols: AnySymbols,
  options: TcpTableClassOptions & SortedOption,
): Plan<Uint8Array> {
  const tableClass = tcpTableClass(options);
  return callerAllocated(
    "GetExtendedTcpTable",
    `GetExtendedTcpTable/${AF_INET}/${tableClass}`,
    sizeCache(symbols),
    (buffer, size) => [buffer, size, options.sorted ? 1 : 0, AF_INET, tableClass, 0],
  );
}

/**
 * The IPv4 TCP table with the owning module of each connection, from
 * `GetExtendedTcpTable` with a `TCP_TABLE_OWNER_MODULE_*` class. Pass a row to
 * {@linkcode getOwnerModuleFromTcpEntry} for the module's name and path.
 *
 * @param options `owner: "module"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable } from "@iphlpapi/iphlpapi";
 *
 * const rows = getExtendedTcpTable({ owner: "module", include: "listener" });
 * console.log(rows[0]?.createTimestamp);
 * ```
 */
export function getExtendedTcpTable(
  options: ExtendedTcpTableOptions & { owner: "module" },
): TcpRowOwnerModule[];
/**
 * The IPv4 TCP table with the owning process of each connection, from
 * `GetExtendedTcpTable` with a `TCP_TABLE_OWNER_PID_*` class: what psutil's
 * `net_connections` reads.
 *
 * @param options `include` (`"all"`, `"listener"`, `"connections"`), `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable } from "@iphlpapi/iphlpapi";
 *
 * const listeners = getExtendedTcpTable({ include: "listener" });
 * console.log(listeners.map((row) => `${row.localPort} ${row.owningPid}`));
 * ```
 */
export function getExtendedTcpTable(
  options?: ExtendedTcpTableOptions & { owner?: "pid" },
): TcpRowOwnerPid[];
export function getExtendedTcpTable(
  options: ExtendedTcpTableOptions = {},
): TcpRowOwnerPid[] | TcpRowOwnerModule[] {
  const symbols = options.symbols ?? loadIpHelper();
  const bytes = runSync(plan(symbols, options), symbols);
  return options.owner === "module"
    ? decodeTcpTableOwnerModule(bytes)
    : decodeTcpTableOwnerPid(bytes);
}

/**
 * {@linkcode getExtendedTcpTable} for the owner-module classes, with the DLL
 * call on a worker thread.
 *
 * @param options `owner: "module"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedTcpTableAsync({ owner: "module" });
 * ```
 */
export function getExtendedTcpTableAsync(
  options: AsyncExtendedTcpTableOptions & { owner: "module" },
): Promise<TcpRowOwnerModule[]>;
/**
 * {@linkcode getExtendedTcpTable} for the owner-PID classes, with the DLL call
 * on a worker thread.
 *
 * @param options `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedTcpTableAsync({ include: "connections" });
 * ```
 */
export function getExtendedTcpTableAsync(
  options?: AsyncExtendedTcpTableOptions & { owner?: "pid" },
): Promise<TcpRowOwnerPid[]>;
export async function getExtendedTcpTableAsync(
  options: AsyncExtendedTcpTableOptions = {},
): Promise<TcpRowOwnerPid[] | TcpRowOwnerModule[]> {
  const symbols = options.symbols ?? loadNonblockingIpHelper();
  const bytes = await runAsync(plan(symbols, options), symbols);
  return options.owner === "module"
    ? decodeTcpTableOwnerModule(bytes)
    : decodeTcpTableOwnerPid(bytes);
}
