import type { TcpRowOwnerModule, TcpRowOwnerPid } from "../structs/tcp_row.ts";
import type { Tcp6RowOwnerModule, Tcp6RowOwnerPid } from "../structs/tcp6_row.ts";
import { extendedOptions, readAsync, readSync, type TableClasses } from "./_check.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** The address family of a connection table: `AF_INET` or `AF_INET6`. */
export type SocketFamily = "ipv4" | "ipv6";

/** The `family` option of the connection tables that take one. */
export interface SocketFamilyOption {
  /** `"ipv4"` (AF_INET, the default) or `"ipv6"` (AF_INET6). */
  family?: SocketFamily;
}

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
  extends SocketFamilyOption, TcpTableClassOptions, SortedOption, SymbolsOption {}

/** Options of {@linkcode getExtendedTcpTableAsync}. */
export interface AsyncExtendedTcpTableOptions
  extends SocketFamilyOption, TcpTableClassOptions, SortedOption, AsyncSymbolsOption {}

/** The rows of any `GetExtendedTcpTable` table this module reads. */
export type ExtendedTcpRows =
  | TcpRowOwnerPid[]
  | TcpRowOwnerModule[]
  | Tcp6RowOwnerPid[]
  | Tcp6RowOwnerModule[];

/** `TCP_TABLE_CLASS`: each owner's `_LISTENER` class, then its `_CONNECTIONS` and `_ALL`. */
const CLASSES: TableClasses = {
  owner: {
    pid: 3, // TCP_TABLE_OWNER_PID_LISTENER
    module: 6, // TCP_TABLE_OWNER_MODULE_LISTENER
  },
  include: { listener: 0, connections: 1, all: 2 },
};

/**
 * The IPv6 TCP table with the owning module of each connection, from
 * `GetExtendedTcpTable` with `AF_INET6` and a `TCP_TABLE_OWNER_MODULE_*`
 * class. Pass a row to {@linkcode getOwnerModuleFromTcp6Entry} for the
 * module's name and path.
 *
 * @param options `family: "ipv6"`, `owner: "module"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable } from "@iphlpapi/iphlpapi";
 *
 * const rows = getExtendedTcpTable({ family: "ipv6", owner: "module" });
 * console.log(rows[0]?.localScopeId, rows[0]?.createTimestamp);
 * ```
 */
export function getExtendedTcpTable(
  options: ExtendedTcpTableOptions & { family: "ipv6"; owner: "module" },
): Tcp6RowOwnerModule[];
/**
 * The IPv6 TCP table with the owning process of each connection, from
 * `GetExtendedTcpTable` with `AF_INET6` and a `TCP_TABLE_OWNER_PID_*` class.
 *
 * @param options `family: "ipv6"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable } from "@iphlpapi/iphlpapi";
 *
 * const listeners = getExtendedTcpTable({ family: "ipv6", include: "listener" });
 * console.log(listeners.map((row) => `[${row.localAddr}]:${row.localPort} ${row.owningPid}`));
 * ```
 */
export function getExtendedTcpTable(
  options: ExtendedTcpTableOptions & { family: "ipv6"; owner?: "pid" },
): Tcp6RowOwnerPid[];
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
  options: ExtendedTcpTableOptions & { family?: "ipv4"; owner: "module" },
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
  options?: ExtendedTcpTableOptions & { family?: "ipv4"; owner?: "pid" },
): TcpRowOwnerPid[];
/**
 * `GetExtendedTcpTable` with options known only at run time: the row type
 * follows `family` and `owner` as in the overloads above.
 *
 * @param options `family`, `owner`, `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable, type SocketFamily } from "@iphlpapi/iphlpapi";
 *
 * const family: SocketFamily = Deno.args.includes("-6") ? "ipv6" : "ipv4";
 * console.log(getExtendedTcpTable({ family }).length);
 * ```
 */
export function getExtendedTcpTable(options?: ExtendedTcpTableOptions): ExtendedTcpRows;
export function getExtendedTcpTable(options?: ExtendedTcpTableOptions): ExtendedTcpRows {
  const api = "getExtendedTcpTable";
  return readSync(
    api,
    ...extendedOptions(api, "GetExtendedTcpTable", options, CLASSES),
  ) as ExtendedTcpRows;
}

/**
 * {@linkcode getExtendedTcpTable} for the IPv6 owner-module classes, with the
 * DLL call on a worker thread.
 *
 * @param options `family: "ipv6"`, `owner: "module"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedTcpTableAsync({ family: "ipv6", owner: "module" });
 * ```
 */
export function getExtendedTcpTableAsync(
  options: AsyncExtendedTcpTableOptions & { family: "ipv6"; owner: "module" },
): Promise<Tcp6RowOwnerModule[]>;
/**
 * {@linkcode getExtendedTcpTable} for the IPv6 owner-PID classes, with the DLL
 * call on a worker thread.
 *
 * @param options `family: "ipv6"`, and `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedTcpTableAsync({ family: "ipv6" });
 * ```
 */
export function getExtendedTcpTableAsync(
  options: AsyncExtendedTcpTableOptions & { family: "ipv6"; owner?: "pid" },
): Promise<Tcp6RowOwnerPid[]>;
/**
 * {@linkcode getExtendedTcpTable} for the IPv4 owner-module classes, with the
 * DLL call on a worker thread.
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
  options: AsyncExtendedTcpTableOptions & { family?: "ipv4"; owner: "module" },
): Promise<TcpRowOwnerModule[]>;
/**
 * {@linkcode getExtendedTcpTable} for the IPv4 owner-PID classes, with the DLL
 * call on a worker thread.
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
  options?: AsyncExtendedTcpTableOptions & { family?: "ipv4"; owner?: "pid" },
): Promise<TcpRowOwnerPid[]>;
/**
 * {@linkcode getExtendedTcpTable} with options known only at run time, with
 * the DLL call on a worker thread.
 *
 * @param options `family`, `owner`, `include`, `sorted`, `symbols`.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync, type SocketFamily } from "@iphlpapi/iphlpapi";
 *
 * const family: SocketFamily = Deno.args.includes("-6") ? "ipv6" : "ipv4";
 * console.log((await getExtendedTcpTableAsync({ family })).length);
 * ```
 */
export function getExtendedTcpTableAsync(
  options?: AsyncExtendedTcpTableOptions,
): Promise<ExtendedTcpRows>;
export async function getExtendedTcpTableAsync(
  options?: AsyncExtendedTcpTableOptions,
): Promise<ExtendedTcpRows> {
  const api = "getExtendedTcpTableAsync";
  return await readAsync(
    api,
    ...extendedOptions(api, "GetExtendedTcpTable", options, CLASSES),
  ) as ExtendedTcpRows;
}
