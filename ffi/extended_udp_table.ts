import type {
  Udp6RowOwnerModule,
  Udp6RowOwnerPid,
  UdpRowOwnerModule,
  UdpRowOwnerPid,
} from "../structs/udp_row.ts";
import { extendedOptions, readAsync, readSync, type TableClasses } from "./_check.ts";
import type { SocketFamilyOption } from "./extended_tcp_table.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** What `GetExtendedUdpTable` reports besides each row: the owning process, or also its module. */
export type UdpOwner = "pid" | "module";

/** What selects the `UDP_TABLE_CLASS`. */
export interface UdpTableClassOptions {
  /** `"pid"` (`UDP_TABLE_OWNER_PID`, the default) or `"module"` (`UDP_TABLE_OWNER_MODULE`). */
  owner?: UdpOwner;
}

/** Options of {@linkcode getExtendedUdpTable}. */
export interface ExtendedUdpTableOptions
  extends SocketFamilyOption, UdpTableClassOptions, SortedOption, SymbolsOption {}

/** Options of {@linkcode getExtendedUdpTableAsync}. */
export interface AsyncExtendedUdpTableOptions
  extends SocketFamilyOption, UdpTableClassOptions, SortedOption, AsyncSymbolsOption {}

/** The rows of any `GetExtendedUdpTable` table this module reads. */
export type ExtendedUdpRows =
  | UdpRowOwnerPid[]
  | UdpRowOwnerModule[]
  | Udp6RowOwnerPid[]
  | Udp6RowOwnerModule[];

/** `UDP_TABLE_CLASS` of each owner. */
const CLASSES: TableClasses = {
  owner: {
    pid: 1, // UDP_TABLE_OWNER_PID
    module: 2, // UDP_TABLE_OWNER_MODULE
  },
};

/**
 * The IPv6 UDP endpoints with the owning module of each, from
 * `GetExtendedUdpTable` with `AF_INET6` and `UDP_TABLE_OWNER_MODULE`. Pass a
 * row to {@linkcode getOwnerModuleFromUdp6Entry} for the module's name and path.
 *
 * @param options `family: "ipv6"`, `owner: "module"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable } from "@iphlpapi/iphlpapi";
 *
 * const rows = getExtendedUdpTable({ family: "ipv6", owner: "module" });
 * console.log(rows.filter((row) => row.specificPortBind).length);
 * ```
 */
export function getExtendedUdpTable(
  options: ExtendedUdpTableOptions & { family: "ipv6"; owner: "module" },
): Udp6RowOwnerModule[];
/**
 * The IPv6 UDP endpoints with the owning process of each, from
 * `GetExtendedUdpTable` with `AF_INET6` and `UDP_TABLE_OWNER_PID`.
 *
 * @param options `family: "ipv6"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable } from "@iphlpapi/iphlpapi";
 *
 * const rows = getExtendedUdpTable({ family: "ipv6" });
 * console.log(rows.map((row) => `[${row.localAddr}]:${row.localPort} ${row.owningPid}`));
 * ```
 */
export function getExtendedUdpTable(
  options: ExtendedUdpTableOptions & { family: "ipv6"; owner?: "pid" },
): Udp6RowOwnerPid[];
/**
 * The IPv4 UDP endpoints with the owning module of each, from
 * `GetExtendedUdpTable` with `UDP_TABLE_OWNER_MODULE`. Pass a row to
 * {@linkcode getOwnerModuleFromUdpEntry} for the module's name and path.
 *
 * @param options `owner: "module"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable } from "@iphlpapi/iphlpapi";
 *
 * const rows = getExtendedUdpTable({ owner: "module" });
 * console.log(rows[0]?.createTimestamp);
 * ```
 */
export function getExtendedUdpTable(
  options: ExtendedUdpTableOptions & { family?: "ipv4"; owner: "module" },
): UdpRowOwnerModule[];
/**
 * The IPv4 UDP endpoints with the owning process of each, from
 * `GetExtendedUdpTable` with `UDP_TABLE_OWNER_PID`: what psutil's
 * `net_connections` reads for UDP.
 *
 * @param options `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable } from "@iphlpapi/iphlpapi";
 *
 * const dns = getExtendedUdpTable().filter((row) => row.localPort === 53);
 * console.log(dns.map((row) => row.owningPid));
 * ```
 */
export function getExtendedUdpTable(
  options?: ExtendedUdpTableOptions & { family?: "ipv4"; owner?: "pid" },
): UdpRowOwnerPid[];
/**
 * `GetExtendedUdpTable` with options known only at run time: the row type
 * follows `family` and `owner` as in the overloads above.
 *
 * @param options `family` (`"ipv4"`, the default, or `"ipv6"`), `owner`
 * (`"pid"`, the default, or `"module"`), `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable, type SocketFamily } from "@iphlpapi/iphlpapi";
 *
 * const family: SocketFamily = Deno.args.includes("-6") ? "ipv6" : "ipv4";
 * console.log(getExtendedUdpTable({ family }).length);
 * ```
 */
export function getExtendedUdpTable(options?: ExtendedUdpTableOptions): ExtendedUdpRows;
export function getExtendedUdpTable(options?: ExtendedUdpTableOptions): ExtendedUdpRows {
  const api = "getExtendedUdpTable";
  return readSync(
    api,
    ...extendedOptions(api, "GetExtendedUdpTable", options, CLASSES),
  ) as ExtendedUdpRows;
}

/**
 * {@linkcode getExtendedUdpTable} for the IPv6 owner-module class, with the
 * DLL call on a worker thread.
 *
 * @param options `family: "ipv6"`, `owner: "module"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedUdpTableAsync({ family: "ipv6", owner: "module" });
 * ```
 */
export function getExtendedUdpTableAsync(
  options: AsyncExtendedUdpTableOptions & { family: "ipv6"; owner: "module" },
): Promise<Udp6RowOwnerModule[]>;
/**
 * {@linkcode getExtendedUdpTable} for the IPv6 owner-PID class, with the DLL
 * call on a worker thread.
 *
 * @param options `family: "ipv6"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedUdpTableAsync({ family: "ipv6" });
 * ```
 */
export function getExtendedUdpTableAsync(
  options: AsyncExtendedUdpTableOptions & { family: "ipv6"; owner?: "pid" },
): Promise<Udp6RowOwnerPid[]>;
/**
 * {@linkcode getExtendedUdpTable} for the IPv4 owner-module class, with the
 * DLL call on a worker thread.
 *
 * @param options `owner: "module"`, and `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedUdpTableAsync({ owner: "module" });
 * ```
 */
export function getExtendedUdpTableAsync(
  options: AsyncExtendedUdpTableOptions & { family?: "ipv4"; owner: "module" },
): Promise<UdpRowOwnerModule[]>;
/**
 * {@linkcode getExtendedUdpTable} for the IPv4 owner-PID class, with the DLL
 * call on a worker thread.
 *
 * @param options `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getExtendedUdpTableAsync();
 * ```
 */
export function getExtendedUdpTableAsync(
  options?: AsyncExtendedUdpTableOptions & { family?: "ipv4"; owner?: "pid" },
): Promise<UdpRowOwnerPid[]>;
/**
 * {@linkcode getExtendedUdpTable} with options known only at run time, with
 * the DLL call on a worker thread.
 *
 * @param options `family`, `owner`, `sorted`, `symbols`.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync, type SocketFamily } from "@iphlpapi/iphlpapi";
 *
 * const family: SocketFamily = Deno.args.includes("-6") ? "ipv6" : "ipv4";
 * console.log((await getExtendedUdpTableAsync({ family })).length);
 * ```
 */
export function getExtendedUdpTableAsync(
  options?: AsyncExtendedUdpTableOptions,
): Promise<ExtendedUdpRows>;
export async function getExtendedUdpTableAsync(
  options?: AsyncExtendedUdpTableOptions,
): Promise<ExtendedUdpRows> {
  const api = "getExtendedUdpTableAsync";
  return await readAsync(
    api,
    ...extendedOptions(api, "GetExtendedUdpTable", options, CLASSES),
  ) as ExtendedUdpRows;
}
