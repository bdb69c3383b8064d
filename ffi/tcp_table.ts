import { decodeTcpTable } from "../structs/tcp_table.ts";
import { decodeTcpTable2 } from "../structs/tcp_table2.ts";
import type { TcpRow, TcpRow2 } from "../structs/tcp_row.ts";
import { TcpTable2View } from "../structs/tcp_table_view.ts";
import { orderedOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getTcpTable} and {@linkcode getTcpTable2}. */
export interface TcpTableOptions extends SortedOption, SymbolsOption {}

/** Options of {@linkcode getTcpTableAsync} and {@linkcode getTcpTable2Async}. */
export interface AsyncTcpTableOptions extends SortedOption, AsyncSymbolsOption {}

/**
 * The IPv4 TCP connection table, from `GetTcpTable`: state and endpoints of
 * every connection and listener.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable, tcpStateName } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getTcpTable({ sorted: true })) {
 *   console.log(tcpStateName(row.state), `${row.localAddr}:${row.localPort}`);
 * }
 * ```
 */
export function getTcpTable(options?: TcpTableOptions): TcpRow[] {
  const api = "getTcpTable";
  return decodeTcpTable(readSync(api, ...orderedOptions(api, "GetTcpTable", options)));
}

/**
 * {@linkcode getTcpTable} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getTcpTableAsync()).length);
 * ```
 */
export async function getTcpTableAsync(options?: AsyncTcpTableOptions): Promise<TcpRow[]> {
  const api = "getTcpTableAsync";
  return decodeTcpTable(await readAsync(api, ...orderedOptions(api, "GetTcpTable", options)));
}

/**
 * The IPv4 TCP connection table with owning process and offload state, from
 * `GetTcpTable2`: what `netstat -ano` shows for TCP over IPv4.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2, TcpState } from "@iphlpapi/iphlpapi";
 *
 * const https = getTcpTable2().filter((row) =>
 *   row.state === TcpState.ESTABLISHED && row.remotePort === 443
 * );
 * console.log(`${https.length} HTTPS connections`);
 * ```
 */
export function getTcpTable2(options?: TcpTableOptions): TcpRow2[] {
  const api = "getTcpTable2";
  return decodeTcpTable2(readSync(api, ...orderedOptions(api, "GetTcpTable2", options)));
}

/**
 * {@linkcode getTcpTable2} with the DLL call on a worker thread, for servers
 * that must not stall their event loop on a large table.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2Async } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getTcpTable2Async();
 * console.log(rows.filter((row) => row.owningPid === Deno.pid));
 * ```
 */
export async function getTcpTable2Async(options?: AsyncTcpTableOptions): Promise<TcpRow2[]> {
  const api = "getTcpTable2Async";
  return decodeTcpTable2(await readAsync(api, ...orderedOptions(api, "GetTcpTable2", options)));
}

/**
 * The `GetTcpTable2` table as a zero-copy {@linkcode TcpTable2View}, without
 * decoding a row: for scans of big tables ("how many ESTABLISHED connections
 * to port 443?") that would otherwise build an object per row.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns A view over the table Windows filled.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2View, TcpState } from "@iphlpapi/iphlpapi";
 *
 * const ESTABLISHED = TcpState.ESTABLISHED;
 * const table = getTcpTable2View();
 * let https = 0;
 * for (let i = 0; i < table.length; i++) {
 *   if (table.state(i) === ESTABLISHED && table.remotePort(i) === 443) https++;
 * }
 * ```
 */
export function getTcpTable2View(options?: TcpTableOptions): TcpTable2View {
  const api = "getTcpTable2View";
  return new TcpTable2View(readSync(api, ...orderedOptions(api, "GetTcpTable2", options)));
}

/**
 * {@linkcode getTcpTable2View} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns A view over the table Windows filled.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2ViewAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getTcpTable2ViewAsync()).length);
 * ```
 */
export async function getTcpTable2ViewAsync(
  options?: AsyncTcpTableOptions,
): Promise<TcpTable2View> {
  const api = "getTcpTable2ViewAsync";
  return new TcpTable2View(await readAsync(api, ...orderedOptions(api, "GetTcpTable2", options)));
}
