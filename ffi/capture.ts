import { tableLength, type TableShape } from "../structs/_table.ts";
import * as shapes from "../structs/_shapes.ts";
import { DecodeError } from "../structs/decode_error.ts";
import { decodeOwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
import {
  type Capture,
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CapturedCall,
  type CapturedFunction,
} from "../mock/capture.ts";
import { addressOf, copyTable } from "./_pointer.ts";
import { getAnycastIpAddressTable } from "./anycast_ip_address_table.ts";
import { getExtendedTcpTable } from "./extended_tcp_table.ts";
import { getIpInterfaceTable } from "./ip_interface_table.ts";
import { IpHelperError } from "./ip_helper_error.ts";
import { loadIpHelper } from "./library.ts";
import type { Family } from "./options.ts";
import { getOwnerModuleFromTcpEntry } from "./owner_module.ts";
import { IpHelperStatus as S } from "./status.ts";
import type { IpHelperSymbols } from "./symbols.ts";
import { getTcpTable, getTcpTable2 } from "./tcp_table.ts";

/** Options of {@linkcode recordCapture}. */
export interface RecordCaptureOptions {
  /** The functions to record; defaults to the live DLL ({@linkcode loadIpHelper}). */
  symbols?: IpHelperSymbols;
  /**
   * Also record `GetOwnerModuleFromTcpEntry` for the first
   * {@linkcode MAX_MODULE_ROWS} owner-module rows: module names and full paths,
   * which may include user names. Default true.
   */
  modules?: boolean;
}

/** What {@linkcode recordCapture} produced. */
export interface RecordedCapture {
  /** The capture, ready for `JSON.stringify`. */
  capture: Capture;
  /** Each call that failed, with its error message (its status is in the capture too). */
  failures: string[];
}

/** How many owner-module rows get their module recorded. */
export const MAX_MODULE_ROWS = 256;

const TCP_CLASS_SHAPES: readonly TableShape[] = [
  shapes.TCP_TABLE, // TCP_TABLE_BASIC_*
  shapes.TCP_TABLE_OWNER_PID,
  shapes.TCP_TABLE_OWNER_MODULE,
];

/** The bytes a caller-allocated table occupies (all of `buffer` if its count overruns it). */
function tableBytes(buffer: Uint8Array, shape: TableShape): Uint8Array {
  const count = new DataView(buffer.buffer, buffer.byteOffset).getUint32(0, true);
  return buffer.subarray(0, Math.min(tableLength(count, shape), buffer.length));
}

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

/**
 * Wraps `real` so that every call is recorded; the last call of each
 * function and argument set wins, which is the one the API acted on.
 */
function recorder(real: IpHelperSymbols, record: (call: CapturedCall) => void): IpHelperSymbols {
  const missing = (fn: CapturedFunction) => {
    record({ function: fn, args: {}, status: "missing" });
    return null;
  };
  const b64 = (bytes: Uint8Array) => bytes.toBase64();
  const tcp = (fn: "GetTcpTable" | "GetTcpTable2", shape: TableShape) => {
    const f = real[fn];
    if (!f) return missing(fn);
    return (
      buffer: AllowSharedBufferSource | null,
      size: AllowSharedBufferSource | null,
      order: number,
    ) => {
      const status = f(buffer, size, order);
      const cell = size as Uint32Array;
      record({
        function: fn,
        args: { order: order !== 0 },
        status,
        size: cell[0]!,
        ...(status === S.ERROR_SUCCESS && { data: b64(tableBytes(buffer as Uint8Array, shape)) }),
      });
      return status;
    };
  };
  const osTable = (fn: "GetIpInterfaceTable" | "GetAnycastIpAddressTable", shape: TableShape) => {
    const f = real[fn];
    if (!f) return missing(fn);
    return (family: number, out: AllowSharedBufferSource | null) => {
      const status = f(family, out);
      const address = (out as BigUint64Array)[0]!;
      record({
        function: fn,
        args: { family },
        status,
        ...(status === S.ERROR_SUCCESS && address !== 0n &&
          { data: b64(copyTable(address, shape)) }),
      });
      return status;
    };
  };
  const extended = real.GetExtendedTcpTable;
  const owner = real.GetOwnerModuleFromTcpEntry;
  return {
    GetTcpTable: tcp("GetTcpTable", shapes.TCP_TABLE),
    GetTcpTable2: tcp("GetTcpTable2", shapes.TCP_TABLE2),
    GetExtendedTcpTable: extended
      ? (buffer, size, order, family, tableClass, reserved) => {
        const status = extended(buffer, size, order, family, tableClass, reserved);
        const shape = TCP_CLASS_SHAPES[Math.floor(tableClass / 3)] ?? shapes.TCP_TABLE;
        record({
          function: "GetExtendedTcpTable",
          args: { order: order !== 0, family, tableClass },
          status,
          size: (size as Uint32Array)[0]!,
          ...(status === S.ERROR_SUCCESS && { data: b64(tableBytes(buffer as Uint8Array, shape)) }),
        });
        return status;
      }
      : missing("GetExtendedTcpTable"),
    GetOwnerModuleFromTcpEntry: owner
      ? (entry, infoClass, buffer, size) => {
        const status = owner(entry, infoClass, buffer, size);
        const bytes = buffer as Uint8Array;
        const base = addressOf(bytes);
        record({
          function: "GetOwnerModuleFromTcpEntry",
          args: { row: b64(entry as Uint8Array) },
          status,
          size: (size as Uint32Array)[0]!,
          ...(status === S.ERROR_SUCCESS && {
            data: b64(ownerModuleBytes(bytes, base)),
            address: `0x${base.toString(16)}`,
          }),
        });
        return status;
      }
      : missing("GetOwnerModuleFromTcpEntry"),
    GetIpInterfaceTable: osTable("GetIpInterfaceTable", shapes.IP_INTERFACE_TABLE),
    GetAnycastIpAddressTable: osTable("GetAnycastIpAddressTable", shapes.ANYCAST_IP_ADDRESS_TABLE),
    FreeMibTable: real.FreeMibTable,
  };
}

const FAMILIES: readonly Family[] = ["all", "ipv4", "ipv6"];

/**
 * Records every supported function of the live DLL into a capture, for the
 * mock to replay: both TCP tables, the owner-PID and owner-module extended
 * tables, the owning module of each owner-module row (unless `modules` is
 * false), and the interface and anycast tables for each family. A call that
 * fails is recorded with its status and listed in `failures`.
 *
 * A capture holds the tables and nothing else: addresses, ports, PIDs,
 * interface settings, and (with `modules`) module names and paths.
 *
 * @param options `modules`, and `symbols` to record something other than the live DLL.
 * @returns The capture and the failures.
 *
 * @example
 * ```ts ignore
 * import { recordCapture } from "@iphlpapi/iphlpapi";
 *
 * const { capture, failures } = recordCapture();
 * await Deno.writeTextFile("machine.capture.json", JSON.stringify(capture, null, 2));
 * for (const failure of failures) console.error(failure);
 * ```
 */
export function recordCapture(options: RecordCaptureOptions = {}): RecordedCapture {
  const calls = new Map<string, CapturedCall>();
  const symbols = recorder(options.symbols ?? loadIpHelper(), (call) => {
    calls.set(`${call.function} ${JSON.stringify(call.args)}`, call);
  });
  const failures: string[] = [];
  const attempt = <T>(label: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof IpHelperError || error instanceof DecodeError)) throw error;
      failures.push(`${label}: ${error.message}`);
      return undefined;
    }
  };
  attempt("GetTcpTable", () => getTcpTable({ symbols, sorted: true }));
  attempt("GetTcpTable2", () => getTcpTable2({ symbols, sorted: true }));
  attempt("GetExtendedTcpTable (owner PID)", () => getExtendedTcpTable({ symbols, sorted: true }));
  const moduleRows = attempt(
    "GetExtendedTcpTable (owner module)",
    () => getExtendedTcpTable({ symbols, sorted: true, owner: "module" }),
  );
  if (symbols.GetOwnerModuleFromTcpEntry === null) {
    failures.push(
      "GetOwnerModuleFromTcpEntry: " + new IpHelperError(
        "GetOwnerModuleFromTcpEntry",
        S.ERROR_PROC_NOT_FOUND,
      ).message,
    );
  } else if (options.modules ?? true) {
    for (const row of (moduleRows ?? []).slice(0, MAX_MODULE_ROWS)) {
      attempt(
        `GetOwnerModuleFromTcpEntry (${row.localAddr}:${row.localPort}, PID ${row.owningPid})`,
        () => getOwnerModuleFromTcpEntry(row, { symbols }),
      );
    }
  }
  for (const family of FAMILIES) {
    attempt(`GetIpInterfaceTable (${family})`, () => getIpInterfaceTable({ symbols, family }));
    attempt(
      `GetAnycastIpAddressTable (${family})`,
      () => getAnycastIpAddressTable({ symbols, family }),
    );
  }
  return {
    capture: {
      format: CAPTURE_FORMAT,
      version: CAPTURE_VERSION,
      producer: `iphlpapi capture tool, Deno ${Deno.version.deno} (${Deno.build.target})`,
      calls: [...calls.values()],
    },
    failures,
  };
}
