import { IpHelperError } from "./ip_helper_error.ts";
import { IpHelperStatus } from "./status.ts";
import {
  type IpHelperSymbols,
  type NonblockingIpHelperSymbols,
  nonblockingSymbols,
  symbols,
} from "./symbols.ts";

let blocking: Deno.DynamicLibrary<typeof symbols> | undefined;
let nonblocking:
  | { library: Deno.DynamicLibrary<typeof nonblockingSymbols>; symbols: NonblockingIpHelperSymbols }
  | undefined;
let path: string | undefined;

/**
 * Throws `ERROR_MOD_NOT_FOUND` for `dll` when not on Windows, saying which
 * mock member to pass as `option` instead.
 */
export function requireWindows(dll: string, option: "symbols" | "kernel32"): void {
  if (Deno.build.os !== "windows") {
    throw new IpHelperError(
      `LoadLibrary(${dll})`,
      IpHelperStatus.ERROR_MOD_NOT_FOUND,
      `${dll} exists only on Windows, and this is ${Deno.build.os}. ` +
        `To run without Windows, pass a mock: \`{ ${option}: createMock(capture).${option} }\` ` +
        "from `@iphlpapi/iphlpapi/mock`.",
    );
  }
}

/** Longest path GetSystemDirectoryW can return, in UTF-16 units. */
const MAX_LONG_PATH = 32_768;

/**
 * `C:\Windows\System32\iphlpapi.dll`, from GetSystemDirectoryW. Loading by
 * absolute path keeps the loader from searching the application directory
 * first (DLL planting). kernel32.dll itself is a KnownDLL, which the loader
 * only ever maps from the system directory, so its bare name is safe.
 */
function iphlpapiPath(): string {
  requireWindows("iphlpapi.dll", "symbols");
  if (path) return path;
  const kernel32 = Deno.dlopen("kernel32.dll", {
    // UINT GetSystemDirectoryW(LPWSTR lpBuffer, UINT uSize)
    GetSystemDirectoryW: { parameters: ["buffer", "u32"], result: "u32" },
  });
  try {
    const buffer = new Uint16Array(MAX_LONG_PATH);
    const length = kernel32.symbols.GetSystemDirectoryW(buffer, buffer.length);
    if (length === 0 || length >= buffer.length) {
      throw new IpHelperError("GetSystemDirectoryW", IpHelperStatus.ERROR_MOD_NOT_FOUND);
    }
    path = `${new TextDecoder("utf-16le").decode(buffer.subarray(0, length))}\\iphlpapi.dll`;
    return path;
  } finally {
    kernel32.close();
  }
}

/**
 * The live `iphlpapi.dll` functions, blocking. The DLL is opened on the first
 * call (never at import time) from the Windows system directory, and stays
 * open until {@linkcode closeIpHelper}. Needs `--allow-ffi`.
 *
 * @returns The bound symbols.
 * @throws {IpHelperError} `ERROR_MOD_NOT_FOUND` when not on Windows.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2, loadIpHelper } from "@iphlpapi/iphlpapi";
 *
 * const rows = getTcpTable2({ symbols: loadIpHelper() }); // the same as getTcpTable2()
 * ```
 */
export function loadIpHelper(): IpHelperSymbols {
  blocking ??= Deno.dlopen(iphlpapiPath(), symbols);
  return blocking.symbols;
}

/**
 * The live `iphlpapi.dll` functions, nonblocking: the table calls run on a
 * worker thread. Opened and closed like {@linkcode loadIpHelper}.
 *
 * @returns The bound symbols.
 * @throws {IpHelperError} `ERROR_MOD_NOT_FOUND` when not on Windows.
 *
 * @example
 * ```ts ignore
 * import { getTcpTable2Async, loadNonblockingIpHelper } from "@iphlpapi/iphlpapi";
 *
 * const rows = await getTcpTable2Async({ symbols: loadNonblockingIpHelper() });
 * ```
 */
export function loadNonblockingIpHelper(): NonblockingIpHelperSymbols {
  if (!nonblocking) {
    const library = Deno.dlopen(iphlpapiPath(), nonblockingSymbols);
    // Deno (2.9) leaves a missing optional *nonblocking* symbol as a function
    // that throws TypeError("Invalid FFI symbol name") when called, not as
    // null. The blocking definitions do give null: use them to find the gaps.
    const present = loadIpHelper();
    const symbols = { ...library.symbols };
    for (const fn of Object.keys(symbols) as (keyof typeof symbols)[]) {
      if (present[fn] === null) symbols[fn] = null;
    }
    nonblocking = { library, symbols };
  }
  return nonblocking.symbols;
}

/**
 * Closes `iphlpapi.dll` if this module opened it; the next live call opens it
 * again. For tests with leak checks and for long-running programs that are
 * done with the tables. Do not call it while an async call is in flight.
 *
 * @example
 * ```ts ignore
 * import { closeIpHelper, getTcpTable2 } from "@iphlpapi/iphlpapi";
 *
 * console.log(getTcpTable2().length);
 * closeIpHelper();
 * ```
 */
export function closeIpHelper(): void {
  blocking?.close();
  nonblocking?.library.close();
  blocking = nonblocking = undefined;
}
