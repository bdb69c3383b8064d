import {
  decodeOwnerModuleBasicInfo,
  type OwnerModuleBasicInfo,
} from "../structs/owner_module_basic_info.ts";
import type { TcpRowOwnerModule } from "../structs/tcp_row.ts";
import type { Tcp6RowOwnerModule } from "../structs/tcp6_row.ts";
import type { Udp6RowOwnerModule, UdpRowOwnerModule } from "../structs/udp_row.ts";
import { encodeTcpRowOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { encodeTcp6RowOwnerModule } from "../structs/tcp6_table_owner_module.ts";
import { encodeUdpRowOwnerModule } from "../structs/udp_table_owner_module.ts";
import { encodeUdp6RowOwnerModule } from "../structs/udp6_table_owner_module.ts";
import { type AnySymbols, ownerModulePlan, type Plan } from "./_call.ts";
import { checkOptions, describeValue, readAsync, readSync } from "./_check.ts";
import { addressOf } from "./_pointer.ts";
import type { OwnerModuleFunction } from "./_tables.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/** One owner-module lookup: the DLL function, its row's encoder, and where its rows come from. */
interface Lookup<R> {
  fn: OwnerModuleFunction;
  encode: (row: R) => Uint8Array;
  source: string;
}

const TCP: Lookup<TcpRowOwnerModule> = {
  fn: "GetOwnerModuleFromTcpEntry",
  encode: encodeTcpRowOwnerModule,
  source: 'getExtendedTcpTable({ owner: "module" })',
};
const TCP6: Lookup<Tcp6RowOwnerModule> = {
  fn: "GetOwnerModuleFromTcp6Entry",
  encode: encodeTcp6RowOwnerModule,
  source: 'getExtendedTcpTable({ family: "ipv6", owner: "module" })',
};
const UDP: Lookup<UdpRowOwnerModule> = {
  fn: "GetOwnerModuleFromUdpEntry",
  encode: encodeUdpRowOwnerModule,
  source: 'getExtendedUdpTable({ owner: "module" })',
};
const UDP6: Lookup<Udp6RowOwnerModule> = {
  fn: "GetOwnerModuleFromUdp6Entry",
  encode: encodeUdp6RowOwnerModule,
  source: 'getExtendedUdpTable({ family: "ipv6", owner: "module" })',
};

/** Checks the row and options for `api`; returns the options and the plan. */
function plan<R>(
  api: string,
  lookup: Lookup<R>,
  row: R,
  options: SymbolsOption | AsyncSymbolsOption | undefined,
) {
  if (typeof row !== "object" || row === null) {
    throw new TypeError(
      `${api}: row must be a row of ${lookup.source}, found ${describeValue(row)}`,
    );
  }
  let entry: Uint8Array;
  try {
    entry = lookup.encode(row);
  } catch (error) {
    throw new TypeError(`${api}: ${(error as Error).message}`);
  }
  const checked = checkOptions(api, options, ["symbols"]);
  const make = (symbols: AnySymbols): Plan<Uint8Array> =>
    ownerModulePlan(symbols, lookup.fn, entry);
  return [checked, make] as const;
}

// The strings' pointers are absolute: resolve them against the address the
// buffer has now, which is where Windows wrote them.
function decode(buffer: Uint8Array): OwnerModuleBasicInfo {
  return decodeOwnerModuleBasicInfo(buffer, addressOf(buffer));
}

/**
 * The module (executable or service DLL) that owns a connection, from
 * `GetOwnerModuleFromTcpEntry`: what TCPView shows as the process name.
 *
 * Windows answers `ERROR_PARTIAL_COPY` for System and protected processes
 * unless the caller is elevated, and `ERROR_NOT_FOUND` when the connection
 * closed after the table was read; both throw, with that advice.
 *
 * @param row A row from `getExtendedTcpTable({ owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row (a value out of its member's range).
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable, getOwnerModuleFromTcpEntry } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getExtendedTcpTable({ owner: "module", include: "listener" })) {
 *   console.log(row.localPort, getOwnerModuleFromTcpEntry(row).moduleName);
 * }
 * ```
 */
export function getOwnerModuleFromTcpEntry(
  row: TcpRowOwnerModule,
  options?: SymbolsOption,
): OwnerModuleBasicInfo {
  const api = "getOwnerModuleFromTcpEntry";
  return decode(readSync(api, ...plan(api, TCP, row, options)));
}

/**
 * {@linkcode getOwnerModuleFromTcpEntry} with the DLL call on a worker thread.
 *
 * @param row A row from `getExtendedTcpTable({ owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync, getOwnerModuleFromTcpEntryAsync } from "@iphlpapi/iphlpapi";
 *
 * const [row] = await getExtendedTcpTableAsync({ owner: "module" });
 * if (row) console.log((await getOwnerModuleFromTcpEntryAsync(row)).modulePath);
 * ```
 */
export async function getOwnerModuleFromTcpEntryAsync(
  row: TcpRowOwnerModule,
  options?: AsyncSymbolsOption,
): Promise<OwnerModuleBasicInfo> {
  const api = "getOwnerModuleFromTcpEntryAsync";
  return decode(await readAsync(api, ...plan(api, TCP, row, options)));
}

/**
 * The module that owns an IPv6 TCP connection, from
 * `GetOwnerModuleFromTcp6Entry`. Windows answers as for
 * {@linkcode getOwnerModuleFromTcpEntry}: `ERROR_PARTIAL_COPY` for System and
 * protected processes unless elevated, `ERROR_NOT_FOUND` once the connection
 * has closed.
 *
 * @param row A row from `getExtendedTcpTable({ family: "ipv6", owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable, getOwnerModuleFromTcp6Entry } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getExtendedTcpTable({ family: "ipv6", owner: "module", include: "listener" })) {
 *   console.log(row.localPort, getOwnerModuleFromTcp6Entry(row).moduleName);
 * }
 * ```
 */
export function getOwnerModuleFromTcp6Entry(
  row: Tcp6RowOwnerModule,
  options?: SymbolsOption,
): OwnerModuleBasicInfo {
  const api = "getOwnerModuleFromTcp6Entry";
  return decode(readSync(api, ...plan(api, TCP6, row, options)));
}

/**
 * {@linkcode getOwnerModuleFromTcp6Entry} with the DLL call on a worker thread.
 *
 * @param row A row from `getExtendedTcpTable({ family: "ipv6", owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTableAsync, getOwnerModuleFromTcp6EntryAsync } from "@iphlpapi/iphlpapi";
 *
 * const [row] = await getExtendedTcpTableAsync({ family: "ipv6", owner: "module" });
 * if (row) console.log((await getOwnerModuleFromTcp6EntryAsync(row)).modulePath);
 * ```
 */
export async function getOwnerModuleFromTcp6EntryAsync(
  row: Tcp6RowOwnerModule,
  options?: AsyncSymbolsOption,
): Promise<OwnerModuleBasicInfo> {
  const api = "getOwnerModuleFromTcp6EntryAsync";
  return decode(await readAsync(api, ...plan(api, TCP6, row, options)));
}

/**
 * The module that owns an IPv4 UDP socket, from `GetOwnerModuleFromUdpEntry`.
 * Windows answers `ERROR_PARTIAL_COPY` for System and protected processes
 * unless elevated, and `ERROR_NOT_FOUND` once the socket has closed.
 *
 * @param row A row from `getExtendedUdpTable({ owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable, getOwnerModuleFromUdpEntry } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getExtendedUdpTable({ owner: "module" })) {
 *   console.log(row.localPort, getOwnerModuleFromUdpEntry(row).moduleName);
 * }
 * ```
 */
export function getOwnerModuleFromUdpEntry(
  row: UdpRowOwnerModule,
  options?: SymbolsOption,
): OwnerModuleBasicInfo {
  const api = "getOwnerModuleFromUdpEntry";
  return decode(readSync(api, ...plan(api, UDP, row, options)));
}

/**
 * {@linkcode getOwnerModuleFromUdpEntry} with the DLL call on a worker thread.
 *
 * @param row A row from `getExtendedUdpTable({ owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync, getOwnerModuleFromUdpEntryAsync } from "@iphlpapi/iphlpapi";
 *
 * const [row] = await getExtendedUdpTableAsync({ owner: "module" });
 * if (row) console.log((await getOwnerModuleFromUdpEntryAsync(row)).modulePath);
 * ```
 */
export async function getOwnerModuleFromUdpEntryAsync(
  row: UdpRowOwnerModule,
  options?: AsyncSymbolsOption,
): Promise<OwnerModuleBasicInfo> {
  const api = "getOwnerModuleFromUdpEntryAsync";
  return decode(await readAsync(api, ...plan(api, UDP, row, options)));
}

/**
 * The module that owns an IPv6 UDP socket, from
 * `GetOwnerModuleFromUdp6Entry`. Windows answers `ERROR_PARTIAL_COPY` for
 * System and protected processes unless elevated, and `ERROR_NOT_FOUND` once
 * the socket has closed.
 *
 * @param row A row from `getExtendedUdpTable({ family: "ipv6", owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTable, getOwnerModuleFromUdp6Entry } from "@iphlpapi/iphlpapi";
 *
 * for (const row of getExtendedUdpTable({ family: "ipv6", owner: "module" })) {
 *   console.log(row.localPort, getOwnerModuleFromUdp6Entry(row).moduleName);
 * }
 * ```
 */
export function getOwnerModuleFromUdp6Entry(
  row: Udp6RowOwnerModule,
  options?: SymbolsOption,
): OwnerModuleBasicInfo {
  const api = "getOwnerModuleFromUdp6Entry";
  return decode(readSync(api, ...plan(api, UDP6, row, options)));
}

/**
 * {@linkcode getOwnerModuleFromUdp6Entry} with the DLL call on a worker thread.
 *
 * @param row A row from `getExtendedUdpTable({ family: "ipv6", owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
 * @throws {TypeError} If `row` is not such a row.
 *
 * @example
 * ```ts ignore
 * import { getExtendedUdpTableAsync, getOwnerModuleFromUdp6EntryAsync } from "@iphlpapi/iphlpapi";
 *
 * const [row] = await getExtendedUdpTableAsync({ family: "ipv6", owner: "module" });
 * if (row) console.log((await getOwnerModuleFromUdp6EntryAsync(row)).modulePath);
 * ```
 */
export async function getOwnerModuleFromUdp6EntryAsync(
  row: Udp6RowOwnerModule,
  options?: AsyncSymbolsOption,
): Promise<OwnerModuleBasicInfo> {
  const api = "getOwnerModuleFromUdp6EntryAsync";
  return decode(await readAsync(api, ...plan(api, UDP6, row, options)));
}
