/**
 * The capture format: what the recorder writes on Windows and what the mock
 * replays. One JSON document:
 *
 * ```json
 * { "format": "iphlpapi-capture", "version": 1, "producer": "...",
 *   "calls": [{ "function": "GetTcpTable2", "args": { "order": true },
 *               "status": 0, "size": 88, "data": "<base64>" }] }
 * ```
 *
 * Each call is the last call the recorder saw of one function with one set of
 * arguments: its status (or `"missing"` when the DLL does not export it), the
 * size Windows wrote back, and the exact bytes of the table. An optional
 * `"processes"` member maps the PIDs of the connection tables to their image
 * paths (`{ "1024": "C:\\Windows\\System32\\svchost.exe", "668": 5 }`: a
 * number is the Win32 error Windows refused with). Nothing else about the
 * machine is recorded.
 *
 * @module
 */
import { type Declaration, extendedCodec, type TableFunction, TABLES } from "../ffi/_tables.ts";
import { MAX_TABLE_BYTES } from "../ffi/_pointer.ts";
import type { IpHelperFunction } from "../ffi/symbols.ts";
import { tableLength } from "../structs/_table.ts";
import { DecodeError } from "../structs/decode_error.ts";
import { decodeOwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
import { AF_INET, AF_INET6, AF_UNSPEC } from "../structs/socket_address.ts";
import { base64ToBytes } from "./base64.ts";

/** The `format` member of every capture. */
export const CAPTURE_FORMAT = "iphlpapi-capture";
/** The capture format version this module reads and writes. */
export const CAPTURE_VERSION = 1;
/** Most calls a capture may hold. */
export const MAX_CAPTURE_CALLS = 10_000;
/** Most processes a capture may name. */
export const MAX_CAPTURE_PROCESSES = 10_000;
/** Longest image path a capture may hold, in UTF-16 units (the longest Win32 path). */
const MAX_PATH_UNITS = 32_767;

/** A function a capture can record: every bound function but `FreeMibTable`. */
export type CapturedFunction = Exclude<IpHelperFunction, "FreeMibTable">;

/** The arguments of a recorded call that select what it returns. */
export interface CapturedArgs {
  /** `Order` / `bOrder` (the caller-allocated tables). */
  order?: boolean;
  /** `ulAf`, `Family` or `dwFamily`: 0 (AF_UNSPEC), 2 (AF_INET) or 23 (AF_INET6). */
  family?: number;
  /** `TableClass` (`GetExtendedTcpTable`, `GetExtendedUdpTable`). */
  tableClass?: number;
  /** Base64 of the row passed to a `GetOwnerModuleFrom*Entry` function. */
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
  /** `GetOwnerModuleFrom*Entry`: the buffer's address, `"0x..."`, to resolve its pointers. */
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
  /**
   * The processes of the connection tables, by PID (decimal text): each
   * one's image path, as `QueryFullProcessImageNameW` gave it, or the Win32
   * error code Windows refused it with (5, `ERROR_ACCESS_DENIED`; 87,
   * `ERROR_INVALID_PARAMETER` for a process that has exited). At most
   * {@linkcode MAX_CAPTURE_PROCESSES}.
   */
  processes?: Record<string, string | number>;
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

/** A checked call with its bytes decoded: the mock's own copy. */
export interface ReplayCall {
  /** The call, as a fresh plain object. */
  call: CapturedCall;
  /** The bytes of `data`, when it has some. */
  data?: Uint8Array;
  /** The bytes of `args.row`, when it has one. */
  row?: Uint8Array;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An integer from 0 to 0xFFFFFFFF. */
export const isDword = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;

/** `fn (family 23, tableClass 5)`: a call's name in messages. */
export function describeCall(fn: string, family?: number, tableClass?: number): string {
  const parts = [
    family === undefined ? "" : `family ${family}`,
    tableClass === undefined ? "" : `tableClass ${tableClass}`,
  ].filter(Boolean);
  return parts.length ? `${fn} (${parts.join(", ")})` : fn;
}

/** Longest `producer` and `source` text. */
const MAX_TEXT = 4096;
/** Longest base64 text of one call's data: {@linkcode MAX_TABLE_BYTES} bytes. */
const MAX_BASE64 = Math.ceil(MAX_TABLE_BYTES / 3) * 4;

/** The bytes of a base64 member, or a CaptureError naming it. */
function base64Bytes(text: unknown, where: string): Uint8Array {
  if (typeof text !== "string") throw new CaptureError(`${where}: expected a base64 string`);
  if (text.length > MAX_BASE64) {
    throw new CaptureError(`${where}: longer than the ${MAX_TABLE_BYTES}-byte limit`);
  }
  try {
    return base64ToBytes(text);
  } catch (error) {
    throw new CaptureError(`${where}: not valid base64: ${(error as Error).message}`);
  }
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new CaptureError(
        `${where}: unexpected member ${JSON.stringify(key).slice(0, 60)}; expected ${
          allowed.join(", ")
        }`,
      );
    }
  }
}

const FAMILIES: Readonly<Record<string, readonly number[]>> = {
  netio: [AF_UNSPEC, AF_INET, AF_INET6],
  fixed: [AF_INET, AF_INET6],
};

/** Runs a decoder on captured bytes; its DecodeError becomes a CaptureError. */
function decodes(where: string, decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    if (error instanceof DecodeError) throw new CaptureError(`${where}: ${error.message}`);
    throw error;
  }
}

/** A table's bytes must hold exactly the rows its count announces. */
function checkTable(
  bytes: Uint8Array,
  codec: { shape: Parameters<typeof tableLength>[1]; decode: (b: Uint8Array) => unknown },
  where: string,
): void {
  if (bytes.length < 4) {
    throw new CaptureError(`${where}: ${bytes.length} bytes cannot hold a row count`);
  }
  const count = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  const length = tableLength(count, codec.shape);
  // An empty table may also carry the padding before where its rows would start.
  if (bytes.length !== length && !(count === 0 && bytes.length === codec.shape.rowsAt)) {
    throw new CaptureError(
      `${where}: a ${codec.shape.structure} of ${count} rows is ${length} bytes, found ${bytes.length}`,
    );
  }
  decodes(where, () => codec.decode(bytes));
}

/** Checks one call completely and returns the mock's own copy of it. */
function checkCall(value: unknown, where: string): ReplayCall {
  if (!isRecord(value)) throw new CaptureError(`${where}: expected an object`);
  checkKeys(value, ["function", "args", "status", "size", "data", "address", "source"], where);
  const { function: fn, args, status, size, data, address, source } = value;
  if (typeof fn !== "string" || !Object.hasOwn(TABLES, fn)) {
    throw new CaptureError(
      `${where}.function: ${JSON.stringify(fn)?.slice(0, 60)} is not a recorded function`,
    );
  }
  const declaration = TABLES[fn as TableFunction] as Declaration;
  const kind = declaration.kind;
  if (!isRecord(args)) throw new CaptureError(`${where}.args: expected an object`);
  if (status !== "missing" && !isDword(status)) {
    throw new CaptureError(`${where}.status: expected a DWORD or "missing"`);
  }
  if (size !== undefined && !isDword(size)) {
    throw new CaptureError(`${where}.size: expected a DWORD`);
  }
  if (source !== undefined && (typeof source !== "string" || source.length > MAX_TEXT)) {
    throw new CaptureError(`${where}.source: expected a string of at most ${MAX_TEXT} characters`);
  }
  const call: CapturedCall = { function: fn as TableFunction, args: {}, status };
  if (size !== undefined) call.size = size;
  if (source !== undefined) call.source = source as string;

  if (status === "missing") {
    checkKeys(args, [], `${where}.args`);
    if (data !== undefined || address !== undefined) {
      throw new CaptureError(`${where}: a missing function has no data`);
    }
    return { call };
  }
  // The arguments each kind selects its answer by.
  const argKeys: readonly string[] = {
    ordered: ["order"],
    extended: ["order", "family", "tableClass"],
    netio: "family" in declaration && declaration.family ? ["family"] : [],
    fixed: ["family"],
    ownerModule: ["row"],
  }[kind];
  checkKeys(args, argKeys, `${where}.args`);
  if (args.order !== undefined) {
    if (typeof args.order !== "boolean") {
      throw new CaptureError(`${where}.args.order: expected a boolean`);
    }
    call.args.order = args.order;
  }
  for (const key of ["family", "tableClass"] as const) {
    if (!argKeys.includes(key)) continue;
    if (!isDword(args[key])) throw new CaptureError(`${where}.args.${key}: expected a DWORD`);
    call.args[key] = args[key];
  }
  if (
    argKeys.includes("family") && kind in FAMILIES && !FAMILIES[kind]!.includes(call.args.family!)
  ) {
    throw new CaptureError(
      `${where}.args.family: ${fn} takes family ${
        FAMILIES[kind]!.join(", ")
      }, found ${call.args.family}`,
    );
  }
  const replay: ReplayCall = { call };
  if (kind === "extended") {
    if (extendedCodec(fn as never, call.args.family!, call.args.tableClass!) === undefined) {
      throw new CaptureError(
        `${where}.args: ${fn} has no table class ${call.args.tableClass} for family ${call.args.family}`,
      );
    }
  }
  if (kind === "ownerModule") {
    const row = base64Bytes(args.row, `${where}.args.row`);
    if (row.length !== declaration.rowSize) {
      throw new CaptureError(
        `${where}.args.row: expected ${declaration.rowSize} bytes, found ${row.length}`,
      );
    }
    call.args.row = args.row as string;
    replay.row = row;
  }

  if (status === 0 && data === undefined) {
    throw new CaptureError(`${where}.data: a successful call needs its bytes`);
  }
  if (status !== 0 && data !== undefined) {
    throw new CaptureError(`${where}.data: only a successful call has bytes`);
  }
  if (kind === "ownerModule" && data !== undefined) {
    if (typeof address !== "string" || !/^0x[0-9a-f]{1,16}$/i.test(address)) {
      throw new CaptureError(`${where}.address: expected "0x" and up to 16 hex digits`);
    }
    call.address = address;
  } else if (address !== undefined) {
    throw new CaptureError(`${where}.address: only an owner-module call has an address`);
  }
  if (data !== undefined) {
    const bytes = base64Bytes(data, `${where}.data`);
    const at = `${where}.data`;
    switch (declaration.kind) {
      case "ordered":
      case "netio":
        checkTable(bytes, declaration.codec, at);
        break;
      case "extended":
        checkTable(
          bytes,
          extendedCodec(fn as never, call.args.family!, call.args.tableClass!)!,
          at,
        );
        break;
      case "fixed":
        if (bytes.length !== declaration.size) {
          throw new CaptureError(
            `${at}: expected ${declaration.size} bytes, found ${bytes.length}`,
          );
        }
        decodes(at, () => declaration.decode(bytes));
        break;
      case "ownerModule":
        decodes(at, () => decodeOwnerModuleBasicInfo(bytes, BigInt(address as string)));
        break;
    }
    call.data = data as string;
    replay.data = bytes;
  }
  return replay;
}

/** Checks `capture.processes` completely; returns a fresh copy. */
function checkProcesses(value: unknown): Record<string, string | number> {
  const where = "capture.processes";
  if (!isRecord(value)) throw new CaptureError(`${where}: expected an object keyed by PID`);
  const keys = Object.keys(value);
  if (keys.length > MAX_CAPTURE_PROCESSES) {
    throw new CaptureError(
      `${where}: ${keys.length} processes, more than the limit of ${MAX_CAPTURE_PROCESSES}`,
    );
  }
  // Keys are decimal digits only, so the copy can have no prototype key.
  const copy: Record<string, string | number> = {};
  for (const key of keys) {
    const at = `${where}[${JSON.stringify(key).slice(0, 60)}]`;
    if (!/^(?:0|[1-9][0-9]{0,9})$/.test(key) || Number(key) > 0xffffffff) {
      throw new CaptureError(`${at}: not a PID (decimal 0..4294967295 without leading zeros)`);
    }
    const path = value[key];
    const isPath = typeof path === "string" && path.length > 0 &&
      path.length <= MAX_PATH_UNITS && !path.includes("\0");
    if (!isPath && !(isDword(path) && path !== 0)) {
      throw new CaptureError(
        `${at}: expected an image path of 1 to ${MAX_PATH_UNITS} UTF-16 units without NUL, or a nonzero Win32 error code`,
      );
    }
    copy[key] = path as string | number;
  }
  return copy;
}

/** Checks a whole capture; returns a fresh copy and each call's bytes. */
export function checkCapture(value: unknown): { capture: Capture; calls: ReplayCall[] } {
  if (!isRecord(value)) throw new CaptureError("capture: expected a JSON object");
  checkKeys(value, ["format", "version", "producer", "calls", "processes"], "capture");
  if (value.format !== CAPTURE_FORMAT) {
    throw new CaptureError(
      `capture.format: expected ${JSON.stringify(CAPTURE_FORMAT)}, found ${
        JSON.stringify(value.format)?.slice(0, 60)
      }`,
    );
  }
  if (value.version !== CAPTURE_VERSION) {
    throw new CaptureError(
      `capture.version: this module reads version ${CAPTURE_VERSION}, found ${
        JSON.stringify(value.version)?.slice(0, 60)
      }`,
    );
  }
  if (typeof value.producer !== "string" || value.producer.length > MAX_TEXT) {
    throw new CaptureError(`capture.producer: expected a string of at most ${MAX_TEXT} characters`);
  }
  const list = value.calls;
  if (!Array.isArray(list)) throw new CaptureError("capture.calls: expected an array");
  if (list.length > MAX_CAPTURE_CALLS) {
    throw new CaptureError(
      `capture.calls: ${list.length} calls, more than the limit of ${MAX_CAPTURE_CALLS}`,
    );
  }
  const calls: ReplayCall[] = [];
  // An index loop, not forEach: a hole in a sparse array is an error, not skipped.
  for (let i = 0; i < list.length; i++) calls.push(checkCall(list[i], `capture.calls[${i}]`));
  const capture: Capture = {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    producer: value.producer,
    calls: calls.map((c) => c.call),
  };
  if (value.processes !== undefined) capture.processes = checkProcesses(value.processes);
  return { capture, calls };
}

/**
 * Checks that `value` (parsed JSON) is a capture this module can replay:
 * every member, every call's arguments, and every table's bytes (each row
 * count against its data, each table decoded as the structure its function
 * and class produce).
 *
 * @param value The parsed JSON document.
 * @returns A checked copy: later changes to `value` do not reach it.
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
  return checkCapture(value).capture;
}
