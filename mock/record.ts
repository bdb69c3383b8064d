import {
  extendedPlan,
  fixedPlan,
  netioPlan,
  orderedPlan,
  ownerModulePlan,
  type Plan,
  runSync,
  usedBytes,
} from "../ffi/_call.ts";
import { checkOptions, describeValue } from "../ffi/_check.ts";
import { addressOf, copyTable } from "../ffi/_pointer.ts";
import {
  type Declaration,
  decodeEntry,
  extendedCodec,
  TABLE_FUNCTIONS,
  type TableCodec,
  type TableFunction,
  TABLES,
} from "../ffi/_tables.ts";
import { IpHelperError } from "../ffi/ip_helper_error.ts";
import { loadIpHelper } from "../ffi/library.ts";
import {
  checkKernel32,
  imagePath,
  type Kernel32Symbols,
  loadKernel32,
  pathBuffer,
  present,
} from "../ffi/process_name.ts";
import { IpHelperStatus as S } from "../ffi/status.ts";
import type { BufferArgument, IpHelperSymbols } from "../ffi/symbols.ts";
import { DecodeError } from "../structs/decode_error.ts";
import { decodeOwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
import { AF_INET, AF_INET6, AF_UNSPEC } from "../structs/socket_address.ts";
import { base64ToBytes, bytesToBase64 } from "./base64.ts";
import {
  type Capture,
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CapturedArgs,
  type CapturedCall,
  CaptureError,
  describeCall,
  MAX_CAPTURE_PROCESSES,
} from "./capture.ts";

/** Options of {@linkcode recordCapture}. */
export interface RecordCaptureOptions {
  /** The functions to record; defaults to the live DLL. */
  symbols?: IpHelperSymbols;
  /**
   * Also record the `GetOwnerModuleFrom*Entry` lookups for the first
   * {@linkcode MAX_MODULE_ROWS} owner-module rows of each table, and the
   * image path of each process in the connection tables: module names and
   * full paths, which may include user names. Default true.
   */
  modules?: boolean;
  /**
   * The `kernel32.dll` functions to name the processes with; defaults to the
   * live kernel32 on Windows. Elsewhere, without this, no processes are recorded.
   */
  kernel32?: Kernel32Symbols;
}

/** What {@linkcode recordCapture} produced. */
export interface RecordedCapture {
  /** The capture, ready for `JSON.stringify`. */
  capture: Capture;
  /** Each call that failed, with its error message (its status is in the capture too). */
  failures: string[];
}

/** How many owner-module rows of each table get their module recorded. */
export const MAX_MODULE_ROWS = 256;

type Buffer = BufferArgument;

/** The bytes an owner-module buffer's strings occupy (all of it if they cannot be decoded). */
function ownerModuleBytes(buffer: Uint8Array, base: bigint): Uint8Array {
  try {
    const info = decodeOwnerModuleBasicInfo(buffer, base);
    const view = new DataView(buffer.buffer, buffer.byteOffset);
    const end = (at: number, text: string) =>
      Number(view.getBigUint64(at, true) - base) + 2 * (text.length + 1);
    return buffer.subarray(0, Math.max(end(0, info.moduleName), end(8, info.modulePath)));
  } catch (error) {
    if (error instanceof DecodeError) return buffer;
    throw error;
  }
}

/** Wraps each function of `real` so that every call is recorded, by its call kind. */
function recorder(real: IpHelperSymbols, record: (call: CapturedCall) => void): IpHelperSymbols {
  const wrap = (fn: TableFunction, declaration: Declaration): unknown => {
    const f = real[fn] as ((...args: unknown[]) => number) | null;
    if (f === null) {
      record({ function: fn, args: {}, status: "missing" });
      return null;
    }
    const table = (
      args: CapturedArgs,
      status: number,
      buffer: Buffer,
      size: Buffer,
      codec: TableCodec,
    ) =>
      record({
        function: fn,
        args,
        status,
        size: (size as Uint32Array)[0]!,
        ...(status === S.ERROR_SUCCESS && {
          data: bytesToBase64(
            (buffer as Uint8Array).subarray(0, usedBytes(buffer as Uint8Array, codec.shape)),
          ),
        }),
      });
    switch (declaration.kind) {
      case "ordered":
        return (buffer: Buffer, size: Buffer, order: number) => {
          const status = f(buffer, size, order);
          table({ order: order !== 0 }, status, buffer, size, declaration.codec);
          return status;
        };
      case "extended":
        return (
          buffer: Buffer,
          size: Buffer,
          order: number,
          family: number,
          tableClass: number,
          reserved: number,
        ) => {
          const status = f(buffer, size, order, family, tableClass, reserved);
          const codec = extendedCodec(fn as never, family, tableClass)!;
          table({ order: order !== 0, family, tableClass }, status, buffer, size, codec);
          return status;
        };
      case "netio": {
        const { codec } = declaration;
        const handOut = (args: CapturedArgs, status: number, out: Buffer) => {
          const address = (out as BigUint64Array)[0]!;
          record({
            function: fn,
            args,
            status,
            ...(status === S.ERROR_SUCCESS && address !== 0n &&
              { data: bytesToBase64(copyTable(address, codec.shape)) }),
          });
          return status;
        };
        return declaration.family
          ? (family: number, out: Buffer) => handOut({ family }, f(family, out), out)
          : (out: Buffer) => handOut({}, f(out), out);
      }
      case "fixed":
        return (buffer: Buffer, family: number) => {
          const status = f(buffer, family);
          record({
            function: fn,
            args: { family },
            status,
            ...(status === S.ERROR_SUCCESS && { data: bytesToBase64(buffer as Uint8Array) }),
          });
          return status;
        };
      case "ownerModule":
        return (entry: Buffer, infoClass: number, buffer: Buffer, size: Buffer) => {
          const status = f(entry, infoClass, buffer, size);
          const bytes = buffer as Uint8Array;
          const base = addressOf(bytes);
          record({
            function: fn,
            args: { row: bytesToBase64(entry as Uint8Array) },
            status,
            size: (size as Uint32Array)[0]!,
            ...(status === S.ERROR_SUCCESS && {
              data: bytesToBase64(ownerModuleBytes(bytes, base)),
              address: `0x${base.toString(16)}`,
            }),
          });
          return status;
        };
    }
  };
  const symbols: Record<string, unknown> = { FreeMibTable: real.FreeMibTable };
  for (const fn of TABLE_FUNCTIONS) symbols[fn] = wrap(fn, TABLES[fn]);
  return symbols as unknown as IpHelperSymbols;
}

/** One call of the sweep: what to call, and how to check what it returned. */
interface SweepCall {
  args: CapturedArgs;
  plan: (symbols: IpHelperSymbols) => Plan<Uint8Array>;
  check: (bytes: Uint8Array) => unknown;
}

/** The calls that record every answer of a table function (owner-module lookups aside). */
function sweep(fn: TableFunction): SweepCall[] {
  const declaration = TABLES[fn] as Declaration;
  switch (declaration.kind) {
    case "ordered":
      return [{
        args: { order: true },
        plan: (symbols) => orderedPlan(symbols, fn as never, true),
        check: declaration.codec.decode,
      }];
    case "extended":
      return Object.entries(declaration.classes).flatMap(([family, classes]) =>
        classes.flatMap((codec, tableClass) =>
          codec === undefined ? [] : [{
            args: { family: Number(family), tableClass },
            plan: (symbols: IpHelperSymbols) =>
              extendedPlan(symbols, fn as never, Number(family), tableClass, true),
            check: codec.decode,
          }]
        )
      );
    case "netio":
      return (declaration.family ? [AF_UNSPEC, AF_INET, AF_INET6] : [undefined]).map((
        family,
      ) => ({
        args: family === undefined ? {} : { family },
        plan: (symbols) => netioPlan(symbols, fn as never, family),
        check: declaration.codec.decode,
      }));
    case "fixed":
      return [AF_INET, AF_INET6].map((family) => ({
        args: { family },
        plan: (symbols) => fixedPlan(symbols, fn as never, family),
        check: declaration.decode,
      }));
    case "ownerModule":
      return [];
  }
}

/**
 * Records every function of the registry from the live DLL (or `symbols`)
 * into a capture, for the mock to replay: each caller-allocated table (every
 * family and table class of the extended ones), each Windows-allocated table
 * for every family, the statistics for IPv4 and IPv6, and the owning module
 * of the first {@linkcode MAX_MODULE_ROWS} rows of each owner-module table
 * and the image path of every process those tables name (unless `modules`
 * is false; the paths come from `kernel32`, the live one on Windows, and are
 * not recorded elsewhere unless `kernel32` is given). A call that fails is
 * recorded with its status and listed in `failures`; a process Windows would
 * not name is recorded with its error code and listed as `process PID: …`.
 *
 * A capture holds the tables and nothing else: addresses, ports, PIDs,
 * interface settings and names, counters, and (with `modules`) module names
 * and paths and process image paths.
 *
 * @param options `modules`, `symbols` to record something other than the
 * live DLL, and `kernel32` to name processes with something other than the live kernel32.
 * @returns The capture and the failures.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { recordCapture } from "@iphlpapi/iphlpapi/mock";
 *
 * const { capture, failures } = recordCapture();
 * await Deno.writeTextFile("machine.capture.json", JSON.stringify(capture, null, 2));
 * for (const failure of failures) console.error(failure);
 * ```
 */
export function recordCapture(options?: RecordCaptureOptions): RecordedCapture {
  const checked = checkOptions("recordCapture", options, ["symbols", "modules", "kernel32"]);
  if (checked.modules !== undefined && typeof checked.modules !== "boolean") {
    throw new TypeError(
      `recordCapture: options.modules must be a boolean, found ${describeValue(checked.modules)}`,
    );
  }
  const given = checked.kernel32 === undefined
    ? undefined
    : checkKernel32("recordCapture", checked.kernel32);
  const calls = new Map<string, CapturedCall>();
  const key = (call: CapturedCall) => `${call.function} ${JSON.stringify(call.args)}`;
  let last = "";
  const symbols = recorder(checked.symbols ?? loadIpHelper(), (call) => {
    last = key(call);
    calls.set(last, call);
  });
  const failures: string[] = [];
  const attempt = (label: string, read: () => unknown): void => {
    try {
      read();
    } catch (error) {
      if (
        !(error instanceof IpHelperError || error instanceof DecodeError ||
          error instanceof CaptureError)
      ) throw error;
      failures.push(`${label}: ${error.message}`);
      // Bytes that do not decode are not replayable: keep the failure, not the call.
      if (error instanceof DecodeError) calls.delete(last);
    }
  };
  // The processes of the connection tables: every owningPid of every table read.
  const pids = new Set<number>();
  for (const fn of TABLE_FUNCTIONS) {
    for (const { args, plan, check } of sweep(fn)) {
      attempt(describeCall(fn, args.family, args.tableClass), () => {
        const decoded = check(runSync(plan(symbols), symbols));
        if (!Array.isArray(decoded)) return;
        for (const row of decoded as { owningPid?: unknown }[]) {
          if (typeof row.owningPid === "number") pids.add(row.owningPid);
        }
      });
    }
  }
  for (const fn of TABLE_FUNCTIONS) {
    const declaration = TABLES[fn] as Declaration;
    if (declaration.kind !== "ownerModule") continue;
    if (symbols[fn] === null) {
      failures.push(`${fn}: ${new IpHelperError(fn, S.ERROR_PROC_NOT_FOUND).message}`);
      continue;
    }
    if (checked.modules === false) continue;
    const { fn: source, family, tableClass } = declaration.source;
    const table = calls.get(
      key({ function: source, args: { order: true, family, tableClass }, status: 0 }),
    );
    if (table?.data === undefined) continue;
    const { shape } = extendedCodec(source as never, family, tableClass)!;
    const bytes = base64ToBytes(table.data);
    const count = Math.min(new DataView(bytes.buffer).getUint32(0, true), MAX_MODULE_ROWS);
    for (let i = 0; i < count; i++) {
      const at = shape.rowsAt + i * shape.rowSize;
      const row = bytes.slice(at, at + declaration.rowSize);
      const entry = decodeEntry(fn as never, row);
      const label = `${fn} (${entry.localAddr}:${entry.localPort}, PID ${entry.owningPid})`;
      attempt(label, () => {
        const buffer = runSync(ownerModulePlan(symbols, fn as never, row), symbols);
        decodeOwnerModuleBasicInfo(buffer, addressOf(buffer));
      });
    }
  }
  let processes: Record<string, string | number> | undefined;
  const kernel32 = checked.modules === false
    ? undefined
    : given ?? (Deno.build.os === "windows" ? loadKernel32() : undefined);
  if (kernel32 !== undefined) {
    attempt("processes", () => {
      processes = recordProcesses(present(kernel32), pids, failures);
    });
  }
  return {
    capture: {
      format: CAPTURE_FORMAT,
      version: CAPTURE_VERSION,
      producer: `iphlpapi capture tool, Deno ${Deno.version.deno} (${Deno.build.target})`,
      calls: [...calls.values()],
      ...(processes !== undefined && { processes }),
    },
    failures,
  };
}

/**
 * The image path of each of the first {@linkcode MAX_CAPTURE_PROCESSES}
 * `pids` (ascending), or the Win32 error Windows refused it with (also listed
 * in `failures`). PIDs 0 and 4 have no image and are left out; so is a
 * failure whose last-error code was lost (0).
 */
function recordProcesses(
  kernel32: ReturnType<typeof present>,
  pids: ReadonlySet<number>,
  failures: string[],
): Record<string, string | number> {
  const processes: Record<string, string | number> = {};
  const buffer = pathBuffer();
  const named = [...pids].filter((pid) => pid !== 0 && pid !== 4).sort((a, b) => a - b);
  for (const pid of named.slice(0, MAX_CAPTURE_PROCESSES)) {
    try {
      processes[pid] = imagePath(kernel32, pid, buffer);
    } catch (error) {
      if (!(error instanceof IpHelperError)) throw error;
      if (error.code !== 0) processes[pid] = error.code;
      failures.push(`process ${pid}: ${error.message}`);
    }
  }
  return processes;
}
