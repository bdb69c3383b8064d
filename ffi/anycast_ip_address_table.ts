import {
  type AnycastIpAddressRow,
  decodeAnycastIpAddressTable,
} from "../structs/anycast_ip_address_table.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, FamilyOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getAnycastIpAddressTable}. */
export interface AnycastIpAddressTableOptions extends FamilyOption, SymbolsOption {}

/** Options of {@linkcode getAnycastIpAddressTableAsync}. */
export interface AsyncAnycastIpAddressTableOptions extends FamilyOption, AsyncSymbolsOption {}

/**
 * The anycast IP addresses, from `GetAnycastIpAddressTable`. Windows
 * allocates the table; it is copied out and freed with `FreeMibTable` before
 * this returns.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per anycast address; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 *
 * @example
 * ```ts ignore
 * import { getAnycastIpAddressTable } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getAnycastIpAddressTable()) {
 *   console.log(row.address.address, row.interfaceIndex);
 * }
 * ```
 */
export function getAnycastIpAddressTable(
  options?: AnycastIpAddressTableOptions,
): AnycastIpAddressRow[] {
  const api = "getAnycastIpAddressTable";
  return decodeAnycastIpAddressTable(
    readSync(api, ...netioOptions(api, "GetAnycastIpAddressTable", options)),
  );
}

/**
 * {@linkcode getAnycastIpAddressTable} with the DLL call on a worker thread.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per anycast address; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 *
 * @example
 * ```ts ignore
 * import { getAnycastIpAddressTableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log(await getAnycastIpAddressTableAsync({ family: "ipv6" }));
 * ```
 */
export async function getAnycastIpAddressTableAsync(
  options?: AsyncAnycastIpAddressTableOptions,
): Promise<AnycastIpAddressRow[]> {
  const api = "getAnycastIpAddressTableAsync";
  return decodeAnycastIpAddressTable(
    await readAsync(api, ...netioOptions(api, "GetAnycastIpAddressTable", options)),
  );
}
