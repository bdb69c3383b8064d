// Process names: the executable image of a PID, from kernel32's OpenProcess
// and QueryFullProcessImageNameW. Used to name the owningPid of a connection
// row, as netstat -b, TCPView and psutil's Process(pid).name() do.
import { readUtf16 } from "../structs/_utf16.ts";
import { checkFunctions, checkOptions, describeValue } from "./_check.ts";
import { IpHelperError } from "./ip_helper_error.ts";
import { requireWindows } from "./library.ts";
import { IpHelperStatus as S } from "./status.ts";

/**
 * The `kernel32.dll` functions {@linkcode getProcessImageName} calls, as
 * `Deno.dlopen` symbol definitions, with the C prototype beside each one.
 * Every symbol is `optional`: a missing one raises an `IpHelperError` with
 * `ERROR_PROC_NOT_FOUND` when it is needed, not when the DLL is opened.
 *
 * @example
 * ```ts ignore
 * import { kernel32Symbols } from "@iphlpapi/iphlpapi";
 *
 * const kernel32 = Deno.dlopen("kernel32.dll", kernel32Symbols);
 * kernel32.close();
 * ```
 */
export const kernel32Symbols = {
  /** `HANDLE OpenProcess(DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwProcessId)` */
  OpenProcess: {
    parameters: [
      "u32", // DWORD dwDesiredAccess: PROCESS_QUERY_LIMITED_INFORMATION
      "i32", // BOOL bInheritHandle: FALSE
      "u32", // DWORD dwProcessId
    ],
    result: "pointer", // HANDLE: NULL on failure (GetLastError says why)
    optional: true,
  },
  /**
   * `BOOL QueryFullProcessImageNameW(HANDLE hProcess, DWORD dwFlags, LPWSTR
   * lpExeName, PDWORD lpdwSize)`
   */
  QueryFullProcessImageNameW: {
    parameters: [
      "pointer", // HANDLE hProcess: from OpenProcess
      "u32", // DWORD dwFlags: 0, the Win32 path format
      "buffer", // LPWSTR lpExeName: out, caller-allocated, Uint16Array
      "buffer", // PDWORD lpdwSize: in: lpExeName's size in WCHARs; out: the path's, without NUL
    ],
    result: "i32", // BOOL: FALSE on failure (GetLastError says why)
    optional: true,
  },
  /** `BOOL CloseHandle(HANDLE hObject)` */
  CloseHandle: {
    parameters: [
      "pointer", // HANDLE hObject
    ],
    result: "i32", // BOOL
    optional: true,
  },
  /** `DWORD GetLastError(void)` */
  GetLastError: {
    parameters: [],
    result: "u32", // DWORD: the calling thread's last-error code
    optional: true,
  },
} as const satisfies Deno.ForeignLibraryInterface;

/**
 * The bound functions of {@linkcode kernel32Symbols}: what `Deno.dlopen`
 * returns in `.symbols`, and what a mock supplies instead (`createMock(capture).kernel32`).
 * A missing optional symbol is `null`.
 */
export type Kernel32Symbols = Deno.DynamicLibrary<typeof kernel32Symbols>["symbols"];

/** The `kernel32` seam of the process-name functions. */
export interface Kernel32Option {
  /**
   * The functions to call instead of the live `kernel32.dll`: a mock's
   * `kernel32` (see `@iphlpapi/iphlpapi/mock`). Defaults to {@linkcode loadKernel32}.
   */
  kernel32?: Kernel32Symbols;
}

/** The name of a process, as {@linkcode getProcessNames} found it. */
export interface NamedProcess {
  /** Always `"ok"`. */
  status: "ok";
  /**
   * The image's file name (`"svchost.exe"`), or `"System Idle Process"` for
   * PID 0 and `"System"` for PID 4, as Task Manager shows them.
   */
  name: string;
  /** The image's full path; null for PIDs 0 and 4, which have no image file. */
  path: string | null;
}

/** A process {@linkcode getProcessNames} could not name, and why. */
export interface UnnamedProcess {
  /**
   * `"access denied"` (a protected or other user's process, and this program
   * is not elevated), `"no such process"` (it exited, or the ID was never a
   * process's: Windows answers `ERROR_INVALID_PARAMETER`), or `"failed"`
   * (any other error).
   */
  status: "access denied" | "no such process" | "failed";
  /** Always null. */
  name: null;
  /** Always null. */
  path: null;
  /** The error {@linkcode getProcessImageName} throws for this PID: function, code, advice. */
  error: IpHelperError;
}

/** What {@linkcode getProcessNames} says about one PID. */
export type ProcessName = NamedProcess | UnnamedProcess;

const KERNEL32_FUNCTIONS = Object.keys(kernel32Symbols) as (keyof Kernel32Symbols)[];

/** Kernel32 symbols that are all present. */
type Kernel32 = { [F in keyof Kernel32Symbols]: NonNullable<Kernel32Symbols[F]> };

/** `PROCESS_QUERY_LIMITED_INFORMATION`: the least access that can read the image name. */
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;

/** Room for the longest Win32 path, 32,767 UTF-16 units, and its NUL. */
const PATH_UNITS = 32_768;

/** Names Windows tools give the two processes without an image. */
const PSEUDO_PROCESSES: ReadonlyMap<number, string> = new Map([
  [0, "System Idle Process"],
  [4, "System"],
]);

let library: Deno.DynamicLibrary<typeof kernel32Symbols> | undefined;

/**
 * The live `kernel32.dll` functions of {@linkcode kernel32Symbols}, opened on
 * the first call by name (kernel32.dll is a KnownDLL: the loader maps it only
 * from the system directory). Needs `--allow-ffi`.
 *
 * @returns The bound symbols.
 * @throws {IpHelperError} `ERROR_MOD_NOT_FOUND` when not on Windows.
 *
 * @example
 * ```ts ignore
 * import { getProcessImageName, loadKernel32 } from "@iphlpapi/iphlpapi";
 *
 * console.log(getProcessImageName(Deno.pid, { kernel32: loadKernel32() }));
 * ```
 */
export function loadKernel32(): Kernel32Symbols {
  requireWindows("kernel32.dll", "kernel32");
  library ??= Deno.dlopen("kernel32.dll", kernel32Symbols);
  return library.symbols;
}

/**
 * `options.kernel32` of `api`, checked to have every function (a function,
 * or null where the DLL lacks it), or the live kernel32 when undefined.
 */
export function checkKernel32(api: string, value: unknown): Kernel32Symbols {
  if (value === undefined) return loadKernel32();
  checkFunctions(
    api,
    "kernel32",
    value,
    KERNEL32_FUNCTIONS,
    "the symbols of kernel32.dll or a mock's kernel32",
  );
  return value as Kernel32Symbols;
}

/** `kernel32` with every function present, or the `ERROR_PROC_NOT_FOUND` of the first missing one. */
export function present(kernel32: Kernel32Symbols): Kernel32 {
  for (const fn of KERNEL32_FUNCTIONS) {
    if (kernel32[fn] === null) {
      throw new IpHelperError(
        fn,
        S.ERROR_PROC_NOT_FOUND,
        "Not supported on this system: its kernel32.dll does not export the function.",
      );
    }
  }
  return kernel32 as Kernel32;
}

/** The error of `fn` failing with last-error `code`, with advice where there is some. */
function failure(fn: string, code: number): IpHelperError {
  if (code === 0) {
    return new IpHelperError(
      fn,
      code,
      "It failed without a last-error code (lost before it could be read); call again.",
    );
  }
  if (fn === "OpenProcess" && code === S.ERROR_INVALID_PARAMETER) {
    return new IpHelperError(fn, code, "No process has this ID: it exited, or never existed.");
  }
  return new IpHelperError(fn, code);
}

/** A scratch buffer for {@linkcode imagePath}: reused across the PIDs of one call. */
export interface PathBuffer {
  units: Uint16Array;
  size: Uint32Array;
}

/** A fresh {@linkcode PathBuffer} for the longest path. */
export function pathBuffer(): PathBuffer {
  return { units: new Uint16Array(PATH_UNITS), size: new Uint32Array(1) };
}

/**
 * The image path of `pid`: OpenProcess, QueryFullProcessImageNameW,
 * CloseHandle (always, in a `finally`). GetLastError is called right after
 * a call fails, before any other FFI call: Deno keeps no last-error of its
 * own, and any later Windows call on this thread may overwrite it.
 */
export function imagePath(kernel32: Kernel32, pid: number, buffer: PathBuffer): string {
  const handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
  if (handle === null) throw failure("OpenProcess", kernel32.GetLastError());
  try {
    const { units, size } = buffer;
    size[0] = units.length;
    if (kernel32.QueryFullProcessImageNameW(handle, 0, units, size) === 0) {
      throw failure("QueryFullProcessImageNameW", kernel32.GetLastError());
    }
    // Unit by unit, keeping lone surrogates: a path is an opaque WCHAR string.
    const view = new DataView(units.buffer, units.byteOffset, units.byteLength);
    return readUtf16(view, 0, Math.min(size[0]!, units.length));
  } finally {
    kernel32.CloseHandle(handle);
  }
}

/** A process ID: an integer 0..0xFFFFFFFF, or a TypeError of `api` naming `what`. */
export function checkPid(api: string, what: string, pid: unknown): number {
  if (!Number.isInteger(pid) || (pid as number) < 0 || (pid as number) > 0xffffffff) {
    throw new TypeError(
      `${api}: ${what} must be a process ID (an integer 0..4294967295), found ${
        describeValue(pid)
      }`,
    );
  }
  return pid as number;
}

/** Checks `options` (undefined or `{ kernel32 }`) and returns the functions to call. */
function checkKernel32Option(api: string, options: Kernel32Option | undefined): Kernel32 {
  return present(checkKernel32(api, checkOptions(api, options, ["kernel32"]).kernel32));
}

/**
 * The full path of a process's executable image (`C:\Windows\System32\svchost.exe`),
 * from `OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION)` and
 * `QueryFullProcessImageNameW`: the name behind a row's `owningPid`. The
 * process handle is closed before this returns, whatever happens.
 *
 * Windows refuses protected processes and, unless this program is elevated,
 * other users' processes (`ERROR_ACCESS_DENIED`), and answers
 * `ERROR_INVALID_PARAMETER` for a PID no process has. PIDs 0 (System Idle
 * Process) and 4 (System) have no image file; {@linkcode getProcessNames}
 * names them, and never throws per PID.
 *
 * @param pid The process ID.
 * @param options `kernel32` to use a mock instead of the DLL.
 * @returns The path, exactly as Windows holds it (unpaired surrogates kept).
 * @throws {IpHelperError} Naming `OpenProcess` or `QueryFullProcessImageNameW`
 * and the code `GetLastError` gave; `ERROR_MOD_NOT_FOUND` off Windows.
 * @throws {TypeError} If `pid` is not an integer 0..0xFFFFFFFF, or an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getExtendedTcpTable, getProcessImageName } from "@iphlpapi/iphlpapi";
 *
 * console.log(getProcessImageName(Deno.pid)); // C:\Users\me\.deno\bin\deno.exe
 * for (const row of getExtendedTcpTable({ include: "listener" })) {
 *   try {
 *     console.log(row.localPort, getProcessImageName(row.owningPid));
 *   } catch (error) {
 *     console.log(row.localPort, (error as Error).message);
 *   }
 * }
 * ```
 */
export function getProcessImageName(pid: number, options?: Kernel32Option): string {
  const api = "getProcessImageName";
  checkPid(api, "pid", pid);
  return imagePath(checkKernel32Option(api, options), pid, pathBuffer());
}

/**
 * The names of many processes at once, for labelling a connection table:
 * one entry per distinct PID, in the order given, that says the image's name
 * and path or why Windows would not tell (`"access denied"`,
 * `"no such process"`, `"failed"`, with the error). It never throws for a
 * single PID. PID 0 is `"System Idle Process"` and PID 4 `"System"` (with no
 * path), as Task Manager, netstat and psutil show them, without asking Windows.
 *
 * @param pids The process IDs; repeats are looked up once.
 * @param options `kernel32` to use a mock instead of the DLL.
 * @returns A map from each PID to its {@linkcode ProcessName}.
 * @throws {IpHelperError} If kernel32 cannot be loaded (not Windows) or lacks a function.
 * @throws {TypeError} If `pids` is not an iterable of integers 0..0xFFFFFFFF, or an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getConnections, getProcessNames } from "@iphlpapi/iphlpapi";
 *
 * const rows = getConnections();
 * const names = getProcessNames(rows.map((row) => row.owningPid));
 * for (const row of rows) {
 *   const process = names.get(row.owningPid)!;
 *   console.log(row.protocol, row.localPort, process.name ?? `(${process.status})`);
 * }
 * ```
 */
export function getProcessNames(
  pids: Iterable<number>,
  options?: Kernel32Option,
): Map<number, ProcessName> {
  const api = "getProcessNames";
  if (
    typeof pids !== "object" || pids === null ||
    typeof (pids as Iterable<number>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `${api}: pids must be an iterable of process IDs, found ${describeValue(pids)}`,
    );
  }
  const wanted = new Set<number>();
  let index = 0;
  for (const pid of pids) wanted.add(checkPid(api, `pids[${index++}]`, pid));
  const kernel32 = checkKernel32Option(api, options);
  const buffer = pathBuffer();
  const names = new Map<number, ProcessName>();
  for (const pid of wanted) {
    const pseudo = PSEUDO_PROCESSES.get(pid);
    if (pseudo !== undefined) {
      names.set(pid, { status: "ok", name: pseudo, path: null });
      continue;
    }
    try {
      const path = imagePath(kernel32, pid, buffer);
      names.set(pid, { status: "ok", name: path.slice(path.lastIndexOf("\\") + 1), path });
    } catch (error) {
      if (!(error instanceof IpHelperError)) throw error;
      names.set(pid, { status: reason(error), name: null, path: null, error });
    }
  }
  return names;
}

/** Why a process could not be named, from the error. */
function reason(error: IpHelperError): UnnamedProcess["status"] {
  if (error.code === S.ERROR_ACCESS_DENIED) return "access denied";
  if (error.functionName === "OpenProcess" && error.code === S.ERROR_INVALID_PARAMETER) {
    return "no such process";
  }
  return "failed";
}
