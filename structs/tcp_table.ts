import { TCP_TABLE as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { decodeTcpRows, readTcpRow, readTcpRowFresh, writeTcpRow } from "./_tcp_row.ts";
import type { TcpRow } from "./tcp_row.ts";

/**
 * Decodes a `MIB_TCPTABLE`, as filled by `GetTcpTable`. A LISTEN row's remote
 * members, which Windows leaves undefined, read as `"0.0.0.0"` and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode TcpRow} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 *
 * @example
 * ```ts
 * import { decodeTcpTable } from "@iphlpapi/iphlpapi";
 *
 * const empty = new Uint8Array(4); // dwNumEntries = 0
 * console.log(decodeTcpTable(empty)); // []
 * ```
 */
export function decodeTcpTable(bytes: Uint8Array): TcpRow[] {
  return decodeTcpRows(bytes, SHAPE, readTcpRow, readTcpRowFresh);
}

/**
 * Encodes rows as a `MIB_TCPTABLE`: the inverse of {@linkcode decodeTcpTable}.
 *
 * @param rows The rows; addresses are dotted quads.
 * @returns The table bytes.
 *
 * @example
 * ```ts
 * import { encodeTcpTable } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcpTable([
 *   { state: 2, localAddr: "0.0.0.0", localPort: 80, remoteAddr: "0.0.0.0", remotePort: 0 },
 * ]);
 * console.log(bytes.length); // 24
 * ```
 */
export function encodeTcpTable(rows: readonly TcpRow[]): Uint8Array {
  return encodeCheckedRows("encodeTcpTable", rows, SHAPE, writeTcpRow);
}
