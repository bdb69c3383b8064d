import {
  decodeOwnerModuleBasicInfo,
  type OwnerModuleBasicInfo,
} from "../structs/owner_module_basic_info.ts";
import type { TcpRowOwnerModule } from "../structs/tcp_row.ts";
import { encodeTcpRowOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { type AnySymbols, ownerModulePlan, type Plan } from "./_call.ts";
import { checkOptions, describeValue, readAsync, readSync } from "./_check.ts";
import { addressOf } from "./_pointer.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/** Checks the row and options for `api`; returns the options and the plan. */
function plan(
  api: string,
  row: TcpRowOwnerModule,
  options: SymbolsOption | AsyncSymbolsOption | undefined,
) {
  if (typeof row !== "object" || row === null) {
    throw new TypeError(
      `${api}: row must be a row of getExtendedTcpTable({ owner: "module" }), found ${
        describeValue(row)
      }`,
    );
  }
  let entry: Uint8Array;
  try {
    entry = encodeTcpRowOwnerModule(row);
  } catch (error) {
    throw new TypeError(`${api}: ${(error as Error).message}`);
  }
  const checked = checkOptions(api, options, ["symbols"]);
  const make = (symbols: AnySymbols): Plan<Uint8Array> =>
    ownerModulePlan(symbols, "GetOwnerModuleFromTcpEntry", entry);
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
  return decode(readSync(api, ...plan(api, row, options)));
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
  options?: AsyncSymbolsOption,
): Promise<OwnerModuleBasicInfo> {
  const api = "getOwnerModuleFromTcpEntryAsync";
  return decode(await readAsync(api, ...plan(api, row, options)));
}
