import {
  decodeUnicastIpAddressTable,
  type UnicastIpAddressRow,
} from "../structs/unicast_ip_address_table.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, FamilyOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getUnicastIpAddressTable}. */
export interface UnicastIpAddressTableOptions extends FamilyOption, SymbolsOption {}

/** Options of {@linkcode getUnicastIpAddressTableAsync}. */
export interface AsyncUnicastIpAddressTableOptions extends FamilyOption, AsyncSymbolsOption {}

/**
 * The unicast IP addresses of this machine, from `GetUnicastIpAddressTable`:
 * per address, its interface, prefix length, origin, lifetimes and duplicate
 * address detection state (what `Get-NetIPAddress` shows). Windows allocates
 * the table; it is copied out and freed with `FreeMibTable` before this
 * returns.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per address; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getUnicastIpAddressTable } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getUnicastIpAddressTable({ family: "ipv4" })) {
 *   console.log(`${row.address.address}/${row.onLinkPrefixLength}`, row.interfaceIndex);
 * }
 * ```
 */
export function getUnicastIpAddressTable(
  options?: UnicastIpAddressTableOptions,
): UnicastIpAddressRow[] {
  const api = "getUnicastIpAddressTable";
  return decodeUnicastIpAddressTable(
    readSync(api, ...netioOptions(api, "GetUnicastIpAddressTable", options)),
  );
}

/**
 * {@linkcode getUnicastIpAddressTable} with the DLL call on a worker thread.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per address; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getUnicastIpAddressTableAsync } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getUnicastIpAddressTableAsync({ family: "ipv6" });
 * console.log(rows.map((row) => row.address.address));
 * ```
 */
export async function getUnicastIpAddressTableAsync(
  options?: AsyncUnicastIpAddressTableOptions,
): Promise<UnicastIpAddressRow[]> {
  const api = "getUnicastIpAddressTableAsync";
  return decodeUnicastIpAddressTable(
    await readAsync(api, ...netioOptions(api, "GetUnicastIpAddressTable", options)),
  );
}
