import { decodeIpNetTable2, type IpNetRow2 } from "../structs/ip_net_table2.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, FamilyOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getIpNetTable2}. */
export interface IpNetTable2Options extends FamilyOption, SymbolsOption {}

/** Options of {@linkcode getIpNetTable2Async}. */
export interface AsyncIpNetTable2Options extends FamilyOption, AsyncSymbolsOption {}

/**
 * The neighbours (the ARP cache for IPv4, the neighbour discovery cache for
 * IPv6), from `GetIpNetTable2`: per neighbour, its IP and physical addresses,
 * interface and state (what `arp -a` and `Get-NetNeighbor` show). Windows
 * allocates the table; it is copied out and freed with `FreeMibTable` before
 * this returns, also when Windows reports an error with a table allocated.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per neighbour; empty when there are none.
 * @throws {IpHelperError} If Windows fails (Wine 10 answers `ERROR_INVALID_FUNCTION` for
 * `"all"` and `"ipv6"`).
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIpNetTable2 } from "@iphlpapi/iphlpapi";
 *
 * for (const neighbour of getIpNetTable2({ family: "ipv4" })) {
 *   console.log(neighbour.address.address, neighbour.physicalAddress, neighbour.state);
 * }
 * ```
 */
export function getIpNetTable2(options?: IpNetTable2Options): IpNetRow2[] {
  const api = "getIpNetTable2";
  return decodeIpNetTable2(readSync(api, ...netioOptions(api, "GetIpNetTable2", options)));
}

/**
 * {@linkcode getIpNetTable2} with the DLL call on a worker thread.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per neighbour; empty when there are none.
 * @throws {IpHelperError} If Windows fails (Wine 10 answers `ERROR_INVALID_FUNCTION` for
 * `"all"` and `"ipv6"`).
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIpNetTable2Async } from "@iphlpapi/iphlpapi";
 *
 * const neighbours = await getIpNetTable2Async({ family: "ipv4" });
 * console.log(neighbours.filter((neighbour) => neighbour.isRouter).length);
 * ```
 */
export async function getIpNetTable2Async(
  options?: AsyncIpNetTable2Options,
): Promise<IpNetRow2[]> {
  const api = "getIpNetTable2Async";
  return decodeIpNetTable2(await readAsync(api, ...netioOptions(api, "GetIpNetTable2", options)));
}
