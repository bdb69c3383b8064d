import { TCP_TABLE_OWNER_PID as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import {
  decodeTcpRows,
  readTcpRowOwnerPid,
  readTcpRowOwnerPidFresh,
  writeTcpRow,
} from "./_tcp_row.ts";
import { MIB_TCPROW_OWNER_PID as R } from "./layout.ts";
import type { TcpRowOwnerPid } from "./tcp_row.ts";

/**
 * Decodes a `MIB_TCPTABLE_OWNER_PID`, as filled by `GetExtendedTcpTable` with
 * a `TCP_TABLE_OWNER_PID_*` class. A LISTEN row's remote members, which Windows
 * leaves undefined, read as `"0.0.0.0"` and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode TcpRowOwnerPid} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 *
 * @example
 * ```ts
 * import { decodeTcpTableOwnerPid } from "@iphlpapi/iphlpapi";
 *
 * console.log(decodeTcpTableOwnerPid(new Uint8Array(4))); // []
 * ```
 */
export function decodeTcpTableOwnerPid(bytes: Uint8Array): TcpRowOwnerPid[] {
  return decodeTcpRows(bytes, SHAPE, readTcpRowOwnerPid, readTcpRowOwnerPidFresh);
}

/**
 * Encodes rows as a `MIB_TCPTABLE_OWNER_PID`: the inverse of {@linkcode decodeTcpTableOwnerPid}.
 *
 * @param rows The rows; addresses are dotted quads.
 * @returns The table bytes.
 *
 * @example
 * ```ts
 * import { encodeTcpTableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcpTableOwnerPid([]).length); // 4
 * ```
 */
export function encodeTcpTableOwnerPid(rows: readonly TcpRowOwnerPid[]): Uint8Array {
  return encodeCheckedRows("encodeTcpTableOwnerPid", rows, SHAPE, (w, row) => {
    writeTcpRow(w, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
  });
}
