import { addressOf, addressOfPointer } from "../ffi/_pointer.ts";
import { readTcpRow } from "../structs/_tcp_row.ts";
import { IpHelperStatus as S } from "../ffi/status.ts";
import type { IpHelperFunction, IpHelperSymbols } from "../ffi/symbols.ts";
import {
  MIB_TCPROW_OWNER_MODULE as ROW,
  TCPIP_OWNER_MODULE_BASIC_INFO as INFO,
} from "../structs/layout.ts";
import {
  base64Bytes,
  type Capture,
  type CapturedArgs,
  type CapturedCall,
  type CapturedFunction,
  CaptureError,
  parseCapture,
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
}

/** A mock `iphlpapi.dll`: symbols to pass as the `symbols` option, and what it saw. */
export interface IpHelperMock {
  /** Functions with the exact type of the live DLL's. */
  symbols: IpHelperSymbols;
  /** Calls, allocations and frees so far. */
  stats: MockStats;
}

/** How much a table grows per `grow` fault: one owner-module row, the largest. */
const GROWTH = ROW.size;

/** The owner-module row's identity: addresses, ports and PID; not its state or junk bits. */
function rowKey(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { localAddr, localPort, remoteAddr, remotePort } = readTcpRow(view, 0);
  return `${localAddr}:${localPort} ${remoteAddr}:${remotePort} ${
    view.getUint32(ROW.dwOwningPid, true)
  }`;
}

function matches(call: CapturedCall, fn: CapturedFunction, args: CapturedArgs): boolean {
  return call.function === fn &&
    (args.family === undefined || call.args.family === args.family) &&
    (args.tableClass === undefined || call.args.tableClass === args.tableClass);
}

function describe(fn: CapturedFunction, args: CapturedArgs): string {
  const parts = Object.entries(args).map(([k, v]) => `${k} ${v}`);
  return parts.length ? `${fn} (${parts.join(", ")})` : fn;
}

/**
 * A mock `iphlpapi.dll` that replays a capture through the same code path as
 * the live DLL: pass its `symbols` as the `symbols` option of any table
 * function. It answers size probes with `ERROR_INSUFFICIENT_BUFFER` and the
 * needed size, hands OS-allocated tables out by real pointer and counts their
 * `FreeMibTable`s, resolves owner-module pointers against the caller's
 * buffer, and injects {@linkcode MockFaults}.
 *
 * Calls are matched on function, family and table class, first match
 * wins (so captures layer: `[...override.calls, ...base.calls]`); any
 * `order` is answered with the recorded rows. A function is missing when
 * its first call in the capture is recorded as `"missing"`. `GetOwnerModuleFromTcpEntry` is matched on
 * the row's addresses, ports and PID and answers `ERROR_NOT_FOUND` for a row
 * the capture lacks, as Windows does for a closed connection.
 *
 * @param capture A capture (parsed JSON; it is validated here).
 * @param faults Faults to inject.
 * @returns The mock's symbols and stats.
 * @throws {CaptureError} If the capture is invalid; and from a call the capture holds no answer for.
 *
 * @example Testing code that reads the TCP table, on any OS
 * ```ts
 * import { getTcpTable2 } from "@iphlpapi/iphlpapi";
 * import { createMock, encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const mock = createMock({
 *   format: "iphlpapi-capture", version: 1, producer: "my test",
 *   calls: [{
 *     function: "GetTcpTable2", args: {}, status: 0,
 *     data: encodeTcpTable2([{
 *       state: 2, localAddr: "0.0.0.0", localPort: 8080, remoteAddr: "0.0.0.0",
 *       remotePort: 0, owningPid: 1234, offloadState: 0,
 *     }]).toBase64(),
 *   }],
 * });
 * const rows = getTcpTable2({ symbols: mock.symbols });
 * console.log(rows[0]?.localPort); // 8080
 * ```
 */
export function createMock(capture: Capture, faults: MockFaults = {}): IpHelperMock {
  const { calls } = parseCapture(capture);
  const live = new Map<bigint, Uint8Array>();
  const stats: MockStats = {
    calls: {
      GetTcpTable: 0,
      GetTcpTable2: 0,
      GetExtendedTcpTable: 0,
      GetOwnerModuleFromTcpEntry: 0,
      GetIpInterfaceTable: 0,
      GetAnycastIpAddressTable: 0,
      FreeMibTable: 0,
    },
    allocations: 0,
    frees: 0,
    get live() {
      return live.size;
    },
  };
  const statuses = new Map(Object.entries(faults.statuses ?? {}).map(([fn, s]) => [fn, [...s]]));
  const grow = new Map(Object.entries(faults.grow ?? {}));

  const find = (fn: CapturedFunction, args: CapturedArgs): CapturedCall => {
    const call = calls.find((c) => matches(c, fn, args));
    if (!call) throw new CaptureError(`the capture holds no ${describe(fn, args)} call to replay`);
    return call;
  };

  /** A scripted status for this call of `fn`, if one is due. */
  const scripted = (fn: CapturedFunction): number | undefined => {
    stats.calls[fn]++;
    return statuses.get(fn)?.shift();
  };

  /** Copies `data` into a caller-allocated buffer, or asks for a bigger one. */
  const fill = (
    fn: CapturedFunction,
    call: CapturedCall,
    buffer: AllowSharedBufferSource | null,
    sizeCell: AllowSharedBufferSource | null,
    place: (target: Uint8Array, data: Uint8Array) => void,
  ): number => {
    if (call.status !== 0) return call.status as number;
    const data = base64Bytes(call.data, fn);
    const size = sizeCell as Uint32Array;
    const given = size[0]!;
    const growths = grow.get(fn) ?? 0;
    if (buffer !== null && given >= data.length && growths > 0) {
      grow.set(fn, growths - 1);
      size[0] = given + GROWTH;
      return S.ERROR_INSUFFICIENT_BUFFER;
    }
    if (buffer === null || given < data.length) {
      size[0] = data.length;
      return S.ERROR_INSUFFICIENT_BUFFER;
    }
    place(buffer as Uint8Array, data);
    size[0] = call.size ?? data.length;
    return S.ERROR_SUCCESS;
  };

  const copy = (target: Uint8Array, data: Uint8Array) => target.set(data);

  const callerTable = (fn: "GetTcpTable" | "GetTcpTable2") =>
  (
    buffer: AllowSharedBufferSource | null,
    size: AllowSharedBufferSource | null,
    _order: number,
  ): number => scripted(fn) ?? fill(fn, find(fn, {}), buffer, size, copy);

  const osTable =
    (fn: "GetIpInterfaceTable" | "GetAnycastIpAddressTable") =>
    (family: number, out: AllowSharedBufferSource | null): number => {
      const status = scripted(fn) ?? find(fn, { family }).status as number;
      if (status !== S.ERROR_SUCCESS) return status;
      const table = base64Bytes(find(fn, { family }).data, fn).slice();
      const address = addressOf(table);
      live.set(address, table);
      stats.allocations++;
      (out as BigUint64Array)[0] = address;
      return status;
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

  const symbols: { -readonly [F in IpHelperFunction]: IpHelperSymbols[F] } = {
    GetTcpTable: callerTable("GetTcpTable"),
    GetTcpTable2: callerTable("GetTcpTable2"),
    GetExtendedTcpTable: (buffer, size, _order, family, tableClass, _reserved) =>
      scripted("GetExtendedTcpTable") ??
        fill(
          "GetExtendedTcpTable",
          find("GetExtendedTcpTable", { family, tableClass }),
          buffer,
          size,
          copy,
        ),
    GetOwnerModuleFromTcpEntry: (entry, _infoClass, buffer, size) => {
      const fn = "GetOwnerModuleFromTcpEntry";
      const status = scripted(fn);
      if (status !== undefined) return status;
      const key = rowKey(entry as Uint8Array);
      const call = calls.find((c) =>
        c.function === fn && c.args.row !== undefined && rowKey(base64Bytes(c.args.row, fn)) === key
      );
      if (!call) return S.ERROR_NOT_FOUND;
      return fill(fn, call, buffer, size, rebase(BigInt(call.address ?? 0)));
    },
    GetIpInterfaceTable: osTable("GetIpInterfaceTable"),
    GetAnycastIpAddressTable: osTable("GetAnycastIpAddressTable"),
    FreeMibTable: (pointer) => {
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

  // A function the DLL lacks: named in the faults, or first recorded as "missing".
  for (const fn of Object.keys(stats.calls) as IpHelperFunction[]) {
    if (
      faults.missing?.includes(fn) || calls.find((c) => c.function === fn)?.status === "missing"
    ) {
      symbols[fn] = null;
    }
  }
  return { symbols, stats };
}
