import type { IfRow2 } from "../structs/if_row2.ts";
import { decodeIfTable2 } from "../structs/if_table2.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getIfTable2}. */
export interface IfTable2Options extends SymbolsOption {}

/** Options of {@linkcode getIfTable2Async}. */
export interface AsyncIfTable2Options extends AsyncSymbolsOption {}

/**
 * The network interfaces, from `GetIfTable2`: per interface, its alias
 * (`"Ethernet"`), description, type, physical address, status, link speeds
 * and traffic counters (what `Get-NetAdapter` and `netsh interface show
 * interface` show). Windows allocates the table; it is copied out and freed
 * with `FreeMibTable` before this returns.
 *
 * @param options `symbols`, to use a mock.
 * @returns One row per interface.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIfTable2 } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getIfTable2()) {
 *   console.log(row.interfaceIndex, row.alias, row.description, row.inOctets, row.outOctets);
 * }
 * ```
 */
export function getIfTable2(options?: IfTable2Options): IfRow2[] {
  const api = "getIfTable2";
  return decodeIfTable2(readSync(api, ...netioOptions(api, "GetIfTable2", options)));
}

/**
 * {@linkcode getIfTable2} with the DLL call on a worker thread.
 *
 * @param options `symbols`, to use a mock.
 * @returns One row per interface.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIfTable2Async } from "@iphlpapi/iphlpapi";
 *
 * const loopback = (await getIfTable2Async()).find((row) => row.type === 24);
 * console.log(loopback?.alias);
 * ```
 */
export async function getIfTable2Async(options?: AsyncIfTable2Options): Promise<IfRow2[]> {
  const api = "getIfTable2Async";
  return decodeIfTable2(await readAsync(api, ...netioOptions(api, "GetIfTable2", options)));
}
