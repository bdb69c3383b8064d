import type { Tcp6Row, Tcp6Row2 } from "../structs/tcp6_row.ts";
import { decodeTcp6Table } from "../structs/tcp6_table.ts";
import { decodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import { orderedOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, SortedOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getTcp6Table} and {@linkcode getTcp6Table2}. */
export interface Tcp6TableOptions extends SortedOption, SymbolsOption {}

/** Options of {@linkcode getTcp6TableAsync} and {@linkcode getTcp6Table2Async}. */
export interface AsyncTcp6TableOptions extends SortedOption, AsyncSymbolsOption {}

/**
 * The IPv6 TCP connection table, from `GetTcp6Table`: state, endpoints and
 * scope IDs of every connection and listener. A listener's remote end reads
 * `"::"`, scope 0, port 0.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcp6Table, tcpStateName } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getTcp6Table({ sorted: true })) {
 *   console.log(tcpStateName(row.state), `[${row.localAddr}]:${row.localPort}`);
 * }
 * ```
 */
export function getTcp6Table(options?: Tcp6TableOptions): Tcp6Row[] {
  const api = "getTcp6Table";
  return decodeTcp6Table(readSync(api, ...orderedOptions(api, "GetTcp6Table", options)));
}

/**
 * {@linkcode getTcp6Table} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcp6TableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getTcp6TableAsync()).length);
 * ```
 */
export async function getTcp6TableAsync(options?: AsyncTcp6TableOptions): Promise<Tcp6Row[]> {
  const api = "getTcp6TableAsync";
  return decodeTcp6Table(await readAsync(api, ...orderedOptions(api, "GetTcp6Table", options)));
}

/**
 * The IPv6 TCP connection table with owning process and offload state, from
 * `GetTcp6Table2`: what `netstat -ano` shows for TCP over IPv6.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcp6Table2, TcpState } from "@iphlpapi/iphlpapi";
 *
 * const listeners = getTcp6Table2({ sorted: true }).filter((row) => row.state === TcpState.LISTEN);
 * console.log(listeners.map((row) => `[${row.localAddr}]:${row.localPort} ${row.owningPid}`));
 * ```
 */
export function getTcp6Table2(options?: Tcp6TableOptions): Tcp6Row2[] {
  const api = "getTcp6Table2";
  return decodeTcp6Table2(readSync(api, ...orderedOptions(api, "GetTcp6Table2", options)));
}

/**
 * {@linkcode getTcp6Table2} with the DLL call on a worker thread.
 *
 * @param options `sorted`, and `symbols` to use a mock instead of the DLL.
 * @returns One row per connection.
 * @throws {IpHelperError} If Windows fails, or keeps growing the table past the retries.
 *
 * @example
 * ```ts ignore
 * import { getTcp6Table2Async } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getTcp6Table2Async();
 * console.log(rows.filter((row) => row.owningPid === Deno.pid));
 * ```
 */
export async function getTcp6Table2Async(options?: AsyncTcp6TableOptions): Promise<Tcp6Row2[]> {
  const api = "getTcp6Table2Async";
  return decodeTcp6Table2(await readAsync(api, ...orderedOptions(api, "GetTcp6Table2", options)));
}
