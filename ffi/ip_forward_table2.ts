import { decodeIpForwardTable2, type IpForwardRow2 } from "../structs/ip_forward_table2.ts";
import { netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncSymbolsOption, FamilyOption, SymbolsOption } from "./options.ts";

/** Options of {@linkcode getIpForwardTable2}. */
export interface IpForwardTable2Options extends FamilyOption, SymbolsOption {}

/** Options of {@linkcode getIpForwardTable2Async}. */
export interface AsyncIpForwardTable2Options extends FamilyOption, AsyncSymbolsOption {}

/**
 * The routing table, from `GetIpForwardTable2`: per route, its destination
 * prefix, next hop, interface, metric, protocol and lifetimes (what
 * `route print` and `Get-NetRoute` show). Windows allocates the table; it is
 * copied out and freed with `FreeMibTable` before this returns.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per route; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIpForwardTable2 } from "@iphlpapi/iphlpapi";
 *
 * for (const route of getIpForwardTable2({ family: "ipv4" })) {
 *   const { prefix, prefixLength } = route.destinationPrefix;
 *   console.log(`${prefix.address}/${prefixLength} via ${route.nextHop.address}`, route.metric);
 * }
 * ```
 */
export function getIpForwardTable2(options?: IpForwardTable2Options): IpForwardRow2[] {
  const api = "getIpForwardTable2";
  return decodeIpForwardTable2(readSync(api, ...netioOptions(api, "GetIpForwardTable2", options)));
}

/**
 * {@linkcode getIpForwardTable2} with the DLL call on a worker thread.
 *
 * @param options `family` (`"all"`, `"ipv4"`, `"ipv6"`), and `symbols` to use a mock.
 * @returns One row per route; empty when there are none.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getIpForwardTable2Async } from "@iphlpapi/iphlpapi";
 *
 * const routes = await getIpForwardTable2Async();
 * console.log(routes.filter((route) => route.destinationPrefix.prefixLength === 0).length);
 * ```
 */
export async function getIpForwardTable2Async(
  options?: AsyncIpForwardTable2Options,
): Promise<IpForwardRow2[]> {
  const api = "getIpForwardTable2Async";
  return decodeIpForwardTable2(
    await readAsync(api, ...netioOptions(api, "GetIpForwardTable2", options)),
  );
}
