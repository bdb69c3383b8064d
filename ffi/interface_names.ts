// Names everywhere: the tables key their rows by interface (index and LUID);
// GetIfTable2 holds each interface's alias and description. One read of it
// gives a lookup, and withInterfaceNames joins it onto any such rows.
import type { IfRow2 } from "../structs/if_row2.ts";
import { decodeIfTable2 } from "../structs/if_table2.ts";
import { describeValue, netioOptions, readAsync, readSync } from "./_check.ts";
import type { AsyncIfTable2Options, IfTable2Options } from "./if_table2.ts";

/** An interface's names, from its `MIB_IF_ROW2`. */
export interface InterfaceName {
  /** The alias, for example `"Ethernet"` or `"Loopback Pseudo-Interface 1"`. */
  alias: string;
  /** The adapter's description, for example `"Intel(R) Ethernet Connection (7) I219-V"`. */
  description: string;
}

/** The names of every interface, by interface index and by `NET_LUID`. */
export interface InterfaceNames {
  /** By `interfaceIndex`. */
  byIndex: ReadonlyMap<number, InterfaceName>;
  /** By `interfaceLuid`. */
  byLuid: ReadonlyMap<bigint, InterfaceName>;
}

/** A row that says which interface it belongs to: by `NET_LUID`, or by index. */
export type InterfaceKeyed = { readonly interfaceLuid: bigint } | {
  readonly interfaceIndex: number;
};

/** A row with the names of its interface joined on. */
export type WithInterfaceNames<R> = R & {
  /** The interface's alias; undefined when the names do not hold the interface. */
  interfaceAlias: string | undefined;
  /** The interface's description; undefined when the names do not hold the interface. */
  interfaceDescription: string | undefined;
};

/**
 * The names of the interfaces in `rows` (a `GetIfTable2` table), by index
 * and by LUID: for when the table is already at hand.
 *
 * @param rows Rows of {@linkcode getIfTable2}.
 * @returns The lookup.
 * @throws {TypeError} If `rows` is not an array of interface rows.
 *
 * @example
 * ```ts ignore
 * import { getIfTable2, interfaceNames } from "@iphlpapi/iphlpapi";
 *
 * const interfaces = getIfTable2();
 * const names = interfaceNames(interfaces); // no second GetIfTable2 call
 * console.log(interfaces.length === names.byLuid.size); // true
 * ```
 */
export function interfaceNames(rows: readonly IfRow2[]): InterfaceNames {
  const fail = (what: string, value: unknown): never => {
    throw new TypeError(`interfaceNames: ${what}, found ${describeValue(value)}`);
  };
  if (!Array.isArray(rows)) fail("rows must be an array of GetIfTable2 rows", rows);
  const byIndex = new Map<number, InterfaceName>();
  const byLuid = new Map<bigint, InterfaceName>();
  rows.forEach((row: Partial<IfRow2>, i) => {
    if (typeof row !== "object" || row === null) fail(`rows[${i}] must be an object`, row);
    const { interfaceIndex, interfaceLuid, alias, description } = row;
    if (typeof interfaceIndex !== "number") {
      fail(`rows[${i}].interfaceIndex must be a number`, interfaceIndex);
    }
    if (typeof interfaceLuid !== "bigint") {
      fail(`rows[${i}].interfaceLuid must be a bigint`, interfaceLuid);
    }
    if (typeof alias !== "string") fail(`rows[${i}].alias must be a string`, alias);
    if (typeof description !== "string") {
      fail(`rows[${i}].description must be a string`, description);
    }
    const name = { alias: alias!, description: description! };
    byIndex.set(interfaceIndex!, name);
    byLuid.set(interfaceLuid!, name);
  });
  return { byIndex, byLuid };
}

/**
 * The names of every interface, from one `GetIfTable2` read: a lookup by
 * index and by LUID, for {@linkcode withInterfaceNames}.
 *
 * @param options `symbols`, to use a mock.
 * @returns The lookup.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getInterfaceNames } from "@iphlpapi/iphlpapi";
 *
 * const names = getInterfaceNames();
 * console.log(names.byIndex.get(1)?.alias); // "Loopback Pseudo-Interface 1"
 * ```
 */
export function getInterfaceNames(options?: IfTable2Options): InterfaceNames {
  const api = "getInterfaceNames";
  return interfaceNames(
    decodeIfTable2(readSync(api, ...netioOptions(api, "GetIfTable2", options))),
  );
}

/**
 * {@linkcode getInterfaceNames} with the DLL call on a worker thread.
 *
 * @param options `symbols`, to use a mock.
 * @returns The lookup.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getInterfaceNamesAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log([...(await getInterfaceNamesAsync()).byLuid.values()].map((n) => n.alias));
 * ```
 */
export async function getInterfaceNamesAsync(
  options?: AsyncIfTable2Options,
): Promise<InterfaceNames> {
  const api = "getInterfaceNamesAsync";
  return interfaceNames(
    decodeIfTable2(await readAsync(api, ...netioOptions(api, "GetIfTable2", options))),
  );
}

/**
 * `rows` with the alias and description of each row's interface joined on,
 * as `interfaceAlias` and `interfaceDescription`: new objects, the rows are
 * not changed. A row is matched by its `interfaceLuid` when it has one (a
 * LUID is never reused; an index can be, once its interface is gone), else by
 * its `interfaceIndex`. The names are undefined for an interface the lookup
 * does not hold (one added or removed between the two reads).
 *
 * @param rows Rows of any table keyed by interface: unicast and anycast
 * addresses, routes, neighbours, IP interfaces.
 * @param names The lookup, from {@linkcode getInterfaceNames}.
 * @returns The rows, named, in the same order.
 * @throws {TypeError} If `rows` is not an array of rows with an interface
 * LUID or index, or `names` is not a lookup.
 *
 * @example Joining by hand-made names
 * ```ts
 * import { withInterfaceNames } from "@iphlpapi/iphlpapi";
 *
 * const ethernet = { alias: "Ethernet", description: "Intel(R) Ethernet Connection I219-V" };
 * const names = {
 *   byIndex: new Map([[12, ethernet]]),
 *   byLuid: new Map([[0x6000001000000n, ethernet]]),
 * };
 * const [route] = withInterfaceNames([{ interfaceLuid: 0x6000001000000n, metric: 25 }], names);
 * console.log(route?.interfaceAlias, route?.metric); // "Ethernet" 25
 * ```
 *
 * @example The unicast addresses with their interfaces' names
 * ```ts ignore
 * import {
 *   getInterfaceNames,
 *   getUnicastIpAddressTable,
 *   withInterfaceNames,
 * } from "@iphlpapi/iphlpapi";
 *
 * const names = getInterfaceNames();
 * for (const row of withInterfaceNames(getUnicastIpAddressTable(), names)) {
 *   console.log(row.interfaceAlias, row.address.address);
 * }
 * ```
 */
export function withInterfaceNames<R extends InterfaceKeyed>(
  rows: readonly R[],
  names: InterfaceNames,
): WithInterfaceNames<R>[] {
  const fail = (what: string, value: unknown): never => {
    throw new TypeError(`withInterfaceNames: ${what}, found ${describeValue(value)}`);
  };
  if (!Array.isArray(rows)) fail("rows must be an array", rows);
  if (
    typeof names !== "object" || names === null || !(names.byIndex instanceof Map) ||
    !(names.byLuid instanceof Map)
  ) {
    fail("names must be a lookup from getInterfaceNames", names);
  }
  return rows.map((row, i) => {
    if (typeof row !== "object" || row === null) fail(`rows[${i}] must be an object`, row);
    const { interfaceLuid, interfaceIndex } = row as Partial<{
      interfaceLuid: unknown;
      interfaceIndex: unknown;
    }>;
    let name: InterfaceName | undefined;
    if (typeof interfaceLuid === "bigint") name = names.byLuid.get(interfaceLuid);
    else if (typeof interfaceIndex === "number") name = names.byIndex.get(interfaceIndex);
    else fail(`rows[${i}] must have an interfaceLuid (a bigint) or an interfaceIndex`, row);
    return { ...row, interfaceAlias: name?.alias, interfaceDescription: name?.description };
  });
}
