/**
 * The capture format: what `cli.ts capture` records on Windows and what the
 * mock replays. One JSON document:
 *
 * ```json
 * { "format": "iphlpapi-capture", "version": 1, "producer": "...",
 *   "calls": [{ "function": "GetTcpTable2", "args": { "order": true },
 *               "status": 0, "size": 88, "data": "<base64>" }] }
 * ```
 *
 * Each call is the last call the recorder saw of one function with one set of
 * arguments: its status (or `"missing"` when the DLL does not export it), the
 * size Windows wrote back, and the exact bytes of the table. Nothing else
 * about the machine is recorded.
 *
 * @module
 */
import { ANYCAST_IP_ADDRESS_TABLE, IP_INTERFACE_TABLE } from "../structs/_shapes.ts";
import { openTable, type TableShape } from "../structs/_table.ts";
import { DecodeError } from "../structs/decode_error.ts";
import { MIB_TCPROW_OWNER_MODULE } from "../structs/layout.ts";
import type { IpHelperFunction } from "../ffi/symbols.ts";

/** The `format` member of every capture. */
export const CAPTURE_FORMAT = "iphlpapi-capture";
/** The capture format version this module reads and writes. */
export const CAPTURE_VERSION = 1;

/** A function a capture can record: every bound function but `FreeMibTable`. */
export type CapturedFunction = Exclude<IpHelperFunction, "FreeMibTable">;

/** The arguments of a recorded call that select what it returns. */
export interface CapturedArgs {
  /** `Order` / `bOrder` (TCP tables). */
  order?: boolean;
  /** `ulAf` or `Family`: 0, 2 (AF_INET) or 23 (AF_INET6). */
  family?: number;
  /** `TableClass` (`GetExtendedTcpTable`). */
  tableClass?: number;
  /** Base64 of the `MIB_TCPROW_OWNER_MODULE` passed to `GetOwnerModuleFromTcpEntry`. */
  row?: string;
}

/** One recorded call. */
export interface CapturedCall {
  /** The function. */
  function: CapturedFunction;
  /** The arguments that select the answer. */
  args: CapturedArgs;
  /** The status it returned, or `"missing"` when the DLL does not export it. */
  status: number | "missing";
  /** What it wrote to the size argument (caller-allocated functions). */
  size?: number;
  /** Base64 of the table (or owner-module buffer) it returned, when it succeeded. */
  data?: string;
  /** `GetOwnerModuleFromTcpEntry`: the buffer's address, `"0x..."`, to resolve its pointers. */
  address?: string;
  /** Where the bytes came from when that differs from the capture's producer. */
  source?: string;
}

/** A whole capture. */
export interface Capture {
  /** Always {@linkcode CAPTURE_FORMAT}. */
  format: typeof CAPTURE_FORMAT;
  /** Always {@linkcode CAPTURE_VERSION}. */
  version: typeof CAPTURE_VERSION;
  /** What recorded it, on what: tool, Deno and OS versions. */
  producer: string;
  /** The recorded calls. */
  calls: CapturedCall[];
}

/**
 * Thrown when a capture is not a valid capture, or when a mock is asked for a
 * call its capture does not hold. The message says which call and what is wrong.
 *
 * @example
 * ```ts
 * import { CaptureError, parseCapture } from "@iphlpapi/iphlpapi/mock";
 *
 * try {
 *   parseCapture({ format: "something-else" });
 * } catch (error) {
 *   if (error instanceof CaptureError) console.error(error.message);
 * }
 * ```
 */
export class CaptureError extends Error {
  /** Always `"CaptureError"`. */
  override name = "CaptureError";
}

const FUNCTIONS: ReadonlySet<string> = new Set<CapturedFunction>([
  "GetTcpTable",
  "GetTcpTable2",
  "GetExtendedTcpTable",
  "GetOwnerModuleFromTcpEntry",
  "GetIpInterfaceTable",
  "GetAnycastIpAddressTable",
]);

/** The functions whose tables Windows allocates; their row counts are checked here. */
const OS_ALLOCATED: Partial<Record<CapturedFunction, TableShape>> = {
  GetIpInterfaceTable: IP_INTERFACE_TABLE,
  GetAnycastIpAddressTable: ANYCAST_IP_ADDRESS_TABLE,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isDword = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;

/** The bytes of a base64 member, or a CaptureError naming it. */
export function base64Bytes(text: unknown, where: string): Uint8Array {
  if (typeof text !== "string") throw new CaptureError(`${where}: expected a base64 string`);
  try {
    return Uint8Array.fromBase64(text);
  } catch {
    throw new CaptureError(`${where}: not valid base64`);
  }
}

function checkCall(value: unknown, where: string): CapturedCall {
  if (!isRecord(value)) throw new CaptureError(`${where}: expected an object`);
  const { function: fn, args, status, size, data, address, source } = value;
  if (typeof fn !== "string" || !FUNCTIONS.has(fn)) {
    throw new CaptureError(`${where}.function: ${JSON.stringify(fn)} is not a recorded function`);
  }
  if (!isRecord(args)) throw new CaptureError(`${where}.args: expected an object`);
  if (args.order !== undefined && typeof args.order !== "boolean") {
    throw new CaptureError(`${where}.args.order: expected a boolean`);
  }
  for (const key of ["family", "tableClass"] as const) {
    if (args[key] !== undefined && !isDword(args[key])) {
      throw new CaptureError(`${where}.args.${key}: expected a DWORD`);
    }
  }
  if (args.row !== undefined) {
    const row = base64Bytes(args.row, `${where}.args.row`);
    if (row.length !== MIB_TCPROW_OWNER_MODULE.size) {
      throw new CaptureError(
        `${where}.args.row: expected ${MIB_TCPROW_OWNER_MODULE.size} bytes, found ${row.length}`,
      );
    }
  }
  if (status !== "missing" && !isDword(status)) {
    throw new CaptureError(`${where}.status: expected a DWORD or "missing"`);
  }
  if (size !== undefined && !isDword(size)) {
    throw new CaptureError(`${where}.size: expected a DWORD`);
  }
  if (status === 0 && data === undefined) {
    throw new CaptureError(`${where}.data: a successful call needs its bytes`);
  }
  if (data !== undefined) {
    const bytes = base64Bytes(data, `${where}.data`);
    const shape = OS_ALLOCATED[fn as CapturedFunction];
    // The mock hands these tables out by pointer: their row count must not
    // promise more bytes than there are.
    if (shape) {
      try {
        openTable(bytes, shape);
      } catch (error) {
        if (error instanceof DecodeError) throw new CaptureError(`${where}.data: ${error.message}`);
        throw error;
      }
    }
  }
  if (fn === "GetOwnerModuleFromTcpEntry" && data !== undefined) {
    if (typeof address !== "string" || !/^0x[0-9a-f]{1,16}$/i.test(address)) {
      throw new CaptureError(`${where}.address: expected "0x" and up to 16 hex digits`);
    }
  }
  if (source !== undefined && typeof source !== "string") {
    throw new CaptureError(`${where}.source: expected a string`);
  }
  return value as unknown as CapturedCall;
}

/**
 * Checks that `value` (parsed JSON) is a capture this module can replay.
 *
 * @param value The parsed JSON document.
 * @returns The same value, typed.
 * @throws {CaptureError} Naming the first member that is wrong.
 *
 * @example
 * ```ts
 * import { parseCapture } from "@iphlpapi/iphlpapi/mock";
 *
 * const capture = parseCapture({
 *   format: "iphlpapi-capture", version: 1, producer: "example", calls: [],
 * });
 * console.log(capture.calls.length); // 0
 * ```
 */
export function parseCapture(value: unknown): Capture {
  if (!isRecord(value)) throw new CaptureError("capture: expected a JSON object");
  if (value.format !== CAPTURE_FORMAT) {
    throw new CaptureError(
      `capture.format: expected ${JSON.stringify(CAPTURE_FORMAT)}, found ${
        JSON.stringify(value.format)
      }`,
    );
  }
  if (value.version !== CAPTURE_VERSION) {
    throw new CaptureError(
      `capture.version: this module reads version ${CAPTURE_VERSION}, found ${
        JSON.stringify(value.version)
      }`,
    );
  }
  if (typeof value.producer !== "string") {
    throw new CaptureError("capture.producer: expected a string");
  }
  if (!Array.isArray(value.calls)) throw new CaptureError("capture.calls: expected an array");
  value.calls.forEach((call, i) => checkCall(call, `capture.calls[${i}]`));
  return value as unknown as Capture;
}
