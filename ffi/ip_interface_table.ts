import type { IpInterfaceRow } from "../structs/ip_interface_row.ts";
import { decodeIpInterfaceTable } from "../structs/ip_interface_table.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, FamilyOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getIpInterfaceTable}. */
export interface IpInterfaceTableOptions extends FamilyOption, SymbolsOption {}

/** Options of {@linkcode getIpInterfaceTableAsync}. */
export interface AsyncIpInterfaceTableOptions extends FamilyOption, AsyncSymbolsOption {}

/**
 * The IP interfaces, from `GetIpInterfaceTable`: per interface and family,
 * its metric, MTU, forwarding and neighbor-discovery settings, offloads, and
 * more (what `Get-NetIPInterface` shows). Windows allocates the table; it is
 * copied out and freed with `FreeMibTable` before this returns.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per interface and family; empty when there are none.
 * @throws {IpHelperError} If Windows fails (`ERROR_NOT_SUPPORTED` under Wine).
 *
 * @example
 * ```ts ignore
 * import { getIpInterfaceTable } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getIpInterfaceTable({ family: "ipv4" })) {
 *   console.log(row.interfaceIndex, row.metric, row.nlMtu, row.connected);
 * }
 * ```
 */
export function getIpInterfaceTable(options?: IpInterfaceTableOptions): IpInterfaceRow[] {
  const api = "getIpInterfaceTable";
  return decodeIpInterfaceTable(
    readSync(api, ...netioOptions(api, "GetIpInterfaceTable", options)),
  );
}

/**
 * {@linkcode getIpInterfaceTable} with the DLL call on a worker thread.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per interface and family; empty when there are none.
 * @throws {IpHelperError} If Windows fails (`ERROR_NOT_SUPPORTED` under Wine).
 *
 * @example
 * ```ts ignore
 * import { getIpInterfaceTableAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getIpInterfaceTableAsync({ family: "ipv6" })).length);
 * ```
 */
export async function getIpInterfaceTableAsync(
  options?: AsyncIpInterfaceTableOptions,
): Promise<IpInterfaceRow[]> {
  const api = "getIpInterfaceTableAsync";
  return decodeIpInterfaceTable(
    await readAsync(api, ...netioOptions(api, "GetIpInterfaceTable", options)),
  );
}
