import { addressOf, addressOfPointer } from "../ffi/_pointer.ts";
import {
  type Declaration,
  decodeEntry,
  extendedCodec,
  type OwnerModuleFunction,
  TABLE_FUNCTIONS,
  type TableFunction,
  TABLES,
} from "../ffi/_tables.ts";
import type { Kernel32Symbols } from "../ffi/process_name.ts";
import { IpHelperStatus as S } from "../ffi/status.ts";
import type { BufferArgument, IpHelperFunction, IpHelperSymbols } from "../ffi/symbols.ts";
import { TCPIP_OWNER_MODULE_BASIC_INFO as INFO } from "../structs/layout.ts";
import {
  type Capture,
  type CapturedFunction,
  CaptureError,
  checkCapture,
  describeCall,
  isDword,
  type ReplayCall,
} from "./capture.ts";

/** Faults a mock injects in front of the replayed capture. */
export interface MockFaults {
  /** Functions the mock DLL does not export: their symbols are `null`. */
  missing?: IpHelperFunction[];
  /**
   * Per function, statuses the next calls return, in order, before the
   * capture is replayed: `[0xC0000001, 0xC0000001]` is two `STATUS_UNSUCCESSFUL`s.
   */
  statuses?: Partial<Record<CapturedFunction, number[]>>;
  /**
   * Per function, how many times in a row the table grows between the size
   * probe and the call: a big enough buffer is answered
   * `ERROR_INSUFFICIENT_BUFFER` with a larger size. `Infinity` never stops.
   */
  grow?: Partial<Record<CapturedFunction, number>>;
}

/** What a mock has seen. */
export interface MockStats {
  /** Calls per function, `FreeMibTable` included. */
  calls: Record<CapturedFunction | "FreeMibTable", number>;
  /** Tables handed out by the OS-allocated functions. */
  allocations: number;
  /** Tables released by `FreeMibTable`. */
  frees: number;
  /** Tables handed out and not yet freed. */
  readonly live: number;
  /** Process handles handed out by `kernel32.OpenProcess`. */
  opens: number;
  /** Process handles closed by `kernel32.CloseHandle` (`opens - closes` are still open). */
  closes: number;
}

/** A mock `iphlpapi.dll`: symbols to pass as the `symbols` option, and what it saw. */
export interface IpHelperMock {
  /** Functions with the exact type of the live DLL's. */
  symbols: IpHelperSymbols;
  /**
   * A mock `kernel32.dll` naming the capture's `processes`: pass it as the
   * `kernel32` option of `getProcessImageName` and `getProcessNames`.
   */
  kernel32: Kernel32Symbols;
  /** Calls, allocations and frees so far. */
  stats: MockStats;
}

/** How much a table grows per `grow` fault: one row of the largest kind. */
const GROWTH = 1352;

type Buffer = BufferArgument;

/** Checks `faults` completely (a typo is an error, not a fault silently not injected). */
function checkFaults(faults: unknown): Required<MockFaults> {
  const fail = (detail: string): never => {
    throw new TypeError(`createMock: faults${detail}`);
  };
  if (faults === undefined) return { missing: [], statuses: {}, grow: {} };
  if (typeof faults !== "object" || faults === null || Array.isArray(faults)) {
    return fail(": expected an object");
  }
  const known: readonly string[] = [...TABLE_FUNCTIONS, "FreeMibTable"];
  const { missing = [], statuses = {}, grow = {}, ...rest } = faults as MockFaults;
  for (const key of Object.keys(rest)) {
    fail(`: unknown member ${JSON.stringify(key)}; expected missing, statuses, grow`);
  }
  if (!Array.isArray(missing)) fail(".missing: expected an array of function names");
  for (const fn of missing) {
    if (!known.includes(fn)) fail(`.missing: ${JSON.stringify(fn)} is not a bound function`);
  }
  const perFunction = (name: string, record: unknown, check: (value: unknown) => boolean) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      fail(`.${name}: expected an object keyed by function name`);
    }
    for (const [fn, value] of Object.entries(record as object)) {
      if (!(TABLE_FUNCTIONS as readonly string[]).includes(fn)) {
        fail(`.${name}: ${JSON.stringify(fn)} is not a table function`);
      }
      if (!check(value)) fail(`.${name}.${fn}: invalid value`);
    }
  };
  perFunction("statuses", statuses, (v) => Array.isArray(v) && v.every(isDword));
  perFunction(
    "grow",
    grow,
    (v) => v === Infinity || (Number.isInteger(v) && (v as number) >= 0),
  );
  return { missing, statuses, grow };
}

/** The identity of a row passed to an owner-module lookup: its members but the state and module words. */
function rowKey(fn: TableFunction, row: Uint8Array): string {
  const {
    state: _state,
    createTimestamp: _created,
    owningModuleInfo: _module,
    ...identity
  } = decodeEntry(fn as OwnerModuleFunction, row);
  return JSON.stringify(identity);
}

/** `ERROR_INVALID_HANDLE`: a handle the mock did not hand out. */
const ERROR_INVALID_HANDLE = 6;

/** Fake process handles start here and step by 4, as real handles do. */
const FIRST_HANDLE = 0x7000_0000n;

/**
 * A mock `kernel32.dll` answering from `processes` (PID → image path, or the
 * Win32 error Windows refused it with): `OpenProcess` hands out a fake handle
 * for a named PID and otherwise fails with the recorded error, or
 * `ERROR_INVALID_PARAMETER` (no such process) for a PID the capture lacks;
 * `GetLastError` replays the error of the last failed call; `CloseHandle`
 * counts closes and throws on a handle it never handed out or already closed.
 */
function mockKernel32(
  processes: Readonly<Record<string, string | number>>,
  stats: MockStats,
): Kernel32Symbols {
  const open = new Map<bigint, string>();
  let next = FIRST_HANDLE;
  let lastError = 0;
  const fail = (code: number) => {
    lastError = code;
    return 0;
  };
  return {
    OpenProcess: (_access, _inherit, pid) => {
      const answer = Object.hasOwn(processes, String(pid))
        ? processes[String(pid)]!
        : S.ERROR_INVALID_PARAMETER;
      if (typeof answer === "number") {
        lastError = answer;
        return null;
      }
      const handle = next;
      next += 4n;
      open.set(handle, answer);
      stats.opens++;
      return Deno.UnsafePointer.create(handle);
    },
    QueryFullProcessImageNameW: (handle, flags, buffer, size) => {
      const path = open.get(addressOfPointer(handle));
      if (path === undefined) return fail(ERROR_INVALID_HANDLE);
      if (flags !== 0 || !ArrayBuffer.isView(buffer) || !(size instanceof Uint32Array)) {
        return fail(S.ERROR_INVALID_PARAMETER);
      }
      const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const capacity = Math.min(size[0]!, view.byteLength >> 1);
      if (path.length + 1 > capacity) return fail(S.ERROR_INSUFFICIENT_BUFFER);
      for (let i = 0; i < path.length; i++) view.setUint16(2 * i, path.charCodeAt(i), true);
      view.setUint16(2 * path.length, 0, true);
      size[0] = path.length;
      return 1;
    },
    CloseHandle: (handle) => {
      const address = addressOfPointer(handle);
      if (!open.delete(address)) {
        throw new Error(
          `CloseHandle(0x${
            address.toString(16)
          }): not a handle this mock handed out, or closed twice`,
        );
      }
      stats.closes++;
      return 1;
    },
    GetLastError: () => lastError,
  };
}

/** The key a call is found by: its function and the arguments that select its answer. */
function callKey(fn: string, family?: number, tableClass?: number): string {
  return `${fn}/${family ?? ""}/${tableClass ?? ""}`;
}

/**
 * A mock `iphlpapi.dll` that replays a capture through the same code path as
 * the live DLL: pass its `symbols` as the `symbols` option of any table
 * function. It answers size probes with `ERROR_INSUFFICIENT_BUFFER` and the
 * needed size, hands OS-allocated tables out by real pointer and counts their
 * `FreeMibTable`s, resolves owner-module pointers against the caller's
 * buffer, and injects {@linkcode MockFaults}.
 *
 * The capture is checked completely here and the mock keeps its own copy:
 * changing `capture` afterwards changes nothing. Calls are matched on
 * function, family and table class, first match wins (so captures layer:
 * `[...override.calls, ...base.calls]`); any `order` is answered with the
 * recorded rows. A function is missing when its first call in the capture is
 * recorded as `"missing"`. A `GetOwnerModuleFrom*Entry` call is matched on
 * the row's addresses, ports and PID and answers `ERROR_NOT_FOUND` for a row
 * the capture lacks, as Windows does for a closed connection. Arguments
 * Windows would reject (an unknown family or table class) get
 * `ERROR_INVALID_PARAMETER`.
 *
 * Its `kernel32` names the capture's `processes` for `getProcessImageName`
 * and `getProcessNames`: a recorded path, the recorded error, or
 * `ERROR_INVALID_PARAMETER` (no such process) for a PID the capture lacks;
 * `stats.opens` and `stats.closes` count the process handles.
 *
 * @param capture A capture (parsed JSON; it is validated here).
 * @param faults Faults to inject.
 * @returns The mock's symbols, kernel32 and stats.
 * @throws {CaptureError} If the capture is invalid; and from a call the capture holds no answer for.
 * @throws {TypeError} If `faults` is not valid.
 *
 * @example Testing code that reads the TCP table, on any OS
 * ```ts
 * import { getTcpTable2 } from "@iphlpapi/iphlpapi";
 * import { bytesToBase64, createMock, encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const mock = createMock({
 *   format: "iphlpapi-capture", version: 1, producer: "my test",
 *   calls: [{
 *     function: "GetTcpTable2", args: {}, status: 0,
 *     data: bytesToBase64(encodeTcpTable2([{
 *       state: 2, localAddr: "0.0.0.0", localPort: 8080, remoteAddr: "0.0.0.0",
 *       remotePort: 0, owningPid: 1234, offloadState: 0,
 *     }])),
 *   }],
 * });
 * const rows = getTcpTable2({ symbols: mock.symbols });
 * console.log(rows[0]?.localPort); // 8080
 * ```
 */
export function createMock(capture: Capture, faults?: MockFaults): IpHelperMock {
  const { capture: checked, calls } = checkCapture(capture);
  const { missing, statuses: scriptedStatuses, grow: growFaults } = checkFaults(faults);
  const live = new Map<bigint, Uint8Array>();
  const callCounts = Object.fromEntries(
    [...TABLE_FUNCTIONS, "FreeMibTable"].map((fn) => [fn, 0]),
  ) as MockStats["calls"];
  const stats: MockStats = {
    calls: callCounts,
    allocations: 0,
    frees: 0,
    get live() {
      return live.size;
    },
    opens: 0,
    closes: 0,
  };
  const statuses = new Map(Object.entries(scriptedStatuses).map(([fn, s]) => [fn, [...s!]]));
  const grow = new Map(Object.entries(growFaults));

  // Indexes built once: every lookup is one Map access, whatever the capture holds.
  const byKey = new Map<string, ReplayCall>();
  const byRow = new Map<string, ReplayCall>();
  const first = new Map<string, ReplayCall>();
  for (const replay of calls) {
    const { call } = replay;
    if (!first.has(call.function)) first.set(call.function, replay);
    if (replay.row) {
      const key = `${call.function} ${rowKey(call.function, replay.row)}`;
      if (!byRow.has(key)) byRow.set(key, replay);
    } else {
      const key = callKey(call.function, call.args.family, call.args.tableClass);
      if (!byKey.has(key)) byKey.set(key, replay);
    }
  }

  const find = (fn: TableFunction, family?: number, tableClass?: number): ReplayCall => {
    const replay = byKey.get(callKey(fn, family, tableClass));
    if (!replay) {
      throw new CaptureError(
        `the capture holds no ${describeCall(fn, family, tableClass)} call to replay`,
      );
    }
    return replay;
  };

  /** A scripted status for this call of `fn`, if one is due. */
  const scripted = (fn: TableFunction): number | undefined => {
    stats.calls[fn]++;
    return statuses.get(fn)?.shift();
  };

  /** Copies the replayed bytes into a caller-allocated buffer, or asks for a bigger one. */
  const fill = (
    fn: TableFunction,
    replay: ReplayCall,
    buffer: Buffer,
    sizeCell: Buffer,
    place: (target: Uint8Array, data: Uint8Array) => void = (t, d) => t.set(d),
  ): number => {
    const { call, data } = replay;
    if (call.status !== 0) return call.status as number;
    const size = sizeCell as Uint32Array;
    const given = size[0]!;
    const growths = grow.get(fn) ?? 0;
    if (buffer !== null && given >= data!.length && growths > 0) {
      grow.set(fn, growths - 1);
      size[0] = given + GROWTH;
      return S.ERROR_INSUFFICIENT_BUFFER;
    }
    const target = buffer as Uint8Array | null;
    if (target === null || given < data!.length || target.byteLength < data!.length) {
      size[0] = data!.length;
      return S.ERROR_INSUFFICIENT_BUFFER;
    }
    place(target, data!);
    size[0] = call.size ?? data!.length;
    return S.ERROR_SUCCESS;
  };

  /** Writes the captured buffer and moves its pointers to where `target` is. */
  const rebase = (capturedAt: bigint) => (target: Uint8Array, data: Uint8Array) => {
    target.set(data);
    const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
    const base = addressOf(target);
    for (const member of [INFO.pModuleName, INFO.pModulePath]) {
      const offset = view.getBigUint64(member, true) - capturedAt;
      if (offset >= 0n && offset < BigInt(data.length)) {
        view.setBigUint64(member, base + offset, true);
      }
    }
  };

  /** The replaying function of `fn`, by its call kind. */
  const replayer = (fn: TableFunction): unknown => {
    const declaration = TABLES[fn] as Declaration;
    switch (declaration.kind) {
      case "ordered":
        return (buffer: Buffer, size: Buffer, _order: number): number =>
          scripted(fn) ?? fill(fn, find(fn), buffer, size);
      case "extended":
        return (
          buffer: Buffer,
          size: Buffer,
          _order: number,
          family: number,
          tableClass: number,
          _reserved: number,
        ): number =>
          scripted(fn) ??
            (extendedCodec(fn as never, family, tableClass) === undefined
              ? S.ERROR_INVALID_PARAMETER
              : fill(fn, find(fn, family, tableClass), buffer, size));
      case "netio": {
        const handOut = (family: number | undefined, out: Buffer): number => {
          const status = scripted(fn);
          if (status !== undefined) return status;
          if (family !== undefined && ![0, 2, 23].includes(family)) {
            return S.ERROR_INVALID_PARAMETER;
          }
          const replay = find(fn, family);
          if (replay.call.status !== S.ERROR_SUCCESS) return replay.call.status as number;
          const table = replay.data!.slice();
          const address = addressOf(table);
          live.set(address, table);
          stats.allocations++;
          (out as BigUint64Array)[0] = address;
          return S.ERROR_SUCCESS;
        };
        return declaration.family
          ? (family: number, out: Buffer) => handOut(family, out)
          : (out: Buffer) => handOut(undefined, out);
      }
      case "fixed":
        return (buffer: Buffer, family: number): number => {
          const status = scripted(fn);
          if (status !== undefined) return status;
          if (family !== 2 && family !== 23) return S.ERROR_INVALID_PARAMETER;
          const replay = find(fn, family);
          if (replay.call.status !== S.ERROR_SUCCESS) return replay.call.status as number;
          const target = buffer as Uint8Array | null;
          if (target === null || target.byteLength < replay.data!.length) {
            return S.ERROR_INVALID_PARAMETER;
          }
          target.set(replay.data!);
          return S.ERROR_SUCCESS;
        };
      case "ownerModule":
        return (entry: Buffer, _infoClass: number, buffer: Buffer, size: Buffer): number => {
          const status = scripted(fn);
          if (status !== undefined) return status;
          const row = entry as Uint8Array | null;
          if (row === null || row.byteLength < declaration.rowSize) {
            return S.ERROR_INVALID_PARAMETER;
          }
          const replay = byRow.get(`${fn} ${rowKey(fn, row)}`);
          if (!replay) return S.ERROR_NOT_FOUND;
          return fill(fn, replay, buffer, size, rebase(BigInt(replay.call.address ?? 0)));
        };
    }
  };

  const symbols: Record<string, unknown> = {
    FreeMibTable: (pointer: Deno.PointerValue): void => {
      stats.calls.FreeMibTable++;
      const address = addressOfPointer(pointer);
      if (!live.delete(address)) {
        throw new Error(
          `FreeMibTable(0x${
            address.toString(16)
          }): not a table this mock handed out, or freed twice`,
        );
      }
      stats.frees++;
    },
  };
  for (const fn of TABLE_FUNCTIONS) symbols[fn] = replayer(fn);
  // A function the DLL lacks: named in the faults, or first recorded as "missing".
  for (const fn of Object.keys(symbols)) {
    if (
      (missing as string[]).includes(fn) || first.get(fn)?.call.status === "missing"
    ) {
      symbols[fn] = null;
    }
  }
  // Each replayer has its function's parameters (ffi/_tables.ts checks the
  // symbols against the kinds), so this is the live DLL's type.
  return {
    symbols: symbols as unknown as IpHelperSymbols,
    kernel32: mockKernel32(checked.processes ?? {}, stats),
    stats,
  };
}
