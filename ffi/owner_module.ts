import {
  decodeOwnerModuleBasicInfo,
  type OwnerModuleBasicInfo,
} from "../structs/owner_module_basic_info.ts";
import type { TcpRowOwnerModule } from "../structs/tcp_row.ts";
import { encodeTcpRowOwnerModule } from "../structs/tcp_table_owner_module.ts";
import {
  type AnySymbols,
  callerAllocated,
  type Plan,
  runAsync,
  runSync,
  sizeCache,
} from "./_call.ts";
import { addressOf } from "./_pointer.ts";
import { loadIpHelper, loadNonblockingIpHelper } from "./library.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/** `TCPIP_OWNER_MODULE_INFO_BASIC`: the only class Windows defines. */
const TCPIP_OWNER_MODULE_INFO_BASIC = 0;

function plan(symbols: AnySymbols, row: TcpRowOwnerModule): Plan<Uint8Array> {
  const entry = encodeTcpRowOwnerModule(row);
  return callerAllocated(
    "GetOwnerModuleFromTcpEntry",
    "GetOwnerModuleFromTcpEntry",
    sizeCache(symbols),
    (buffer, size) => [entry, TCPIP_OWNER_MODULE_INFO_BASIC, buffer, size],
  );
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
  options: SymbolsOption = {},
): OwnerModuleBasicInfo {
  const symbols = options.symbols ?? loadIpHelper();
  return decode(runSync(plan(symbols, row), symbols));
}

/**
 * {@linkcode getOwnerModuleFromTcpEntry} with the DLL call on a worker thread.
 *
 * @param row A row from `getExtendedTcpTable({ owner: "module" })`.
 * @param options `symbols` to use a mock instead of the DLL.
 * @returns The module's name and full path.
 * @throws {IpHelperError} If Windows fails; `ERROR_PROC_NOT_FOUND` where the DLL lacks the function (Wine).
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
  options: AsyncSymbolsOption = {},
): Promise<OwnerModuleBasicInfo> {
  const symbols = options.symbols ?? loadNonblockingIpHelper();
  return decode(await runAsync(plan(symbols, row), symbols));
}
