import type { TcpRowOwnerModule, TcpRowOwnerPid } from "../structs/tcp_row.ts";
import { decodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { decodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
import { AF_INET } from "../structs/socket_address.ts";
import { type AnySymbols, extendedPlan, type Plan } from "./_call.ts";
import { checkChoice, checkOptions, checkSorted, readAsync, readSync } from "./_check.ts";
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
const OWNERS = Object.keys(FIRST_CLASS) as TcpOwner[];
const SELECTIONS = Object.keys(CLASS_OFFSET) as TcpRowSelection[];
const KEYS = ["owner", "include", "sorted", "symbols"];

/** Checks `options` for `api`; returns them, whether rows carry modules, and the plan. */
function plan(
  api: string,
  options: ExtendedTcpTableOptions | AsyncExtendedTcpTableOptions | undefined,
) {
  const checked = checkOptions(api, options, KEYS);
  const owner = checkChoice(api, "owner", checked.owner, OWNERS, "pid");
  const include = checkChoice(api, "include", checked.include, SELECTIONS, "all");
  const sorted = checkSorted(api, checked.sorted);
  const tableClass = FIRST_CLASS[owner] + CLASS_OFFSET[include];
  const make = (symbols: AnySymbols): Plan<Uint8Array> =>
    extendedPlan(symbols, "GetExtendedTcpTable", AF_INET, tableClass, sorted);
  return { checked, module: owner === "module", make };
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
  options?: ExtendedTcpTableOptions,
): TcpRowOwnerPid[] | TcpRowOwnerModule[] {
  const { checked, module, make } = plan("getExtendedTcpTable", options);
  const bytes = readSync("getExtendedTcpTable", checked, make);
  return module ? decodeTcpTableOwnerModule(bytes) : decodeTcpTableOwnerPid(bytes);
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
  options?: AsyncExtendedTcpTableOptions,
): Promise<TcpRowOwnerPid[] | TcpRowOwnerModule[]> {
  const { checked, module, make } = plan("getExtendedTcpTableAsync", options);
  const bytes = await readAsync("getExtendedTcpTableAsync", checked, make);
  return module ? decodeTcpTableOwnerModule(bytes) : decodeTcpTableOwnerPid(bytes);
}
