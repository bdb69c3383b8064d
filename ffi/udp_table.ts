import type { Udp6Row, UdpRow } from "../structs/udp_row.ts";
import { decodeUdpTable } from "../structs/udp_table.ts";
import { decodeUdp6Table } from "../structs/udp6_table.ts";
import { orderedOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getUdpTable} and {@linkcode getUdp6Table}. */
export interface UdpTableOptions extends SortedOption, SymbolsOption {}

/** Options of {@linkcode getUdpTableAsync} and {@linkcode getUdp6TableAsync}. */
export interface AsyncUdpTableOptions extends SortedOption, AsyncSymbolsOption {}

/**
 * The IPv4 UDP endpoints, from `GetUdpTable`: the local address and port of
 * every bound UDP socket.
 *
 * @param options `sorted` (by local address, then port), and `symbols` to use a mock.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getUdpTable } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getUdpTable({ sorted: true })) console.log(`${row.localAddr}:${row.localPort}`);
 * ```
 */
export function getUdpTable(options?: UdpTableOptions): UdpRow[] {
  const api = "getUdpTable";
  return decodeUdpTable(readSync(api, ...orderedOptions(api, "GetUdpTable", options)));
}

/**
 * {@linkcode getUdpTable} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getUdpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getUdpTableAsync()).length);
 * ```
 */
export async function getUdpTableAsync(options?: AsyncUdpTableOptions): Promise<UdpRow[]> {
  const api = "getUdpTableAsync";
  return decodeUdpTable(await readAsync(api, ...orderedOptions(api, "GetUdpTable", options)));
}

/**
 * The IPv6 UDP endpoints, from `GetUdp6Table`: the local address, scope ID
 * and port of every bound UDP socket.
 *
 * @param options `sorted` (by local address, then port), and `symbols` to use a mock.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getUdp6Table } from "@iphlpapi/iphlpapi";
 *
 * const dns = getUdp6Table().filter((row) => row.localPort === 53);
 * console.log(dns.map((row) => `[${row.localAddr}]:${row.localPort}`));
 * ```
 */
export function getUdp6Table(options?: UdpTableOptions): Udp6Row[] {
  const api = "getUdp6Table";
  return decodeUdp6Table(readSync(api, ...orderedOptions(api, "GetUdp6Table", options)));
}

/**
 * {@linkcode getUdp6Table} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per socket.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getUdp6TableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getUdp6TableAsync()).length);
 * ```
 */
export async function getUdp6TableAsync(options?: AsyncUdpTableOptions): Promise<Udp6Row[]> {
  const api = "getUdp6TableAsync";
  return decodeUdp6Table(await readAsync(api, ...orderedOptions(api, "GetUdp6Table", options)));
}
