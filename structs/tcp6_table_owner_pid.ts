import { TCP6_TABLE_OWNER_PID as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { openTable } from "./_table.ts";
import { readTcp6RowOwnerPid, TCP6ROW_OWNER_PID_AT, writeTcp6Row } from "./_tcp6_row.ts";
import { MIB_TCP6ROW_OWNER_PID as R } from "./layout.ts";
import type { Tcp6RowOwnerPid } from "./tcp6_row.ts";

// Module constants, not imported bindings, in the loop: see _tcp_row.ts.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const readRow = readTcp6RowOwnerPid;

/**
 * Decodes a `MIB_TCP6TABLE_OWNER_PID`, as filled by `GetExtendedTcpTable` with
 * `AF_INET6` and a `TCP_TABLE_OWNER_PID_*` class. A LISTEN row's remote
 * members, which Windows leaves undefined, read as `"::"`, 0 and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Tcp6RowOwnerPid} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeTcp6TableOwnerPid } from "@iphlpapi/iphlpapi";
 * import { encodeTcp6TableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6TableOwnerPid([{
 *   localAddr: "::", localScopeId: 0, localPort: 443,
 *   remoteAddr: "::", remoteScopeId: 0, remotePort: 0, state: 2, owningPid: 4,
 * }]);
 * console.log(decodeTcp6TableOwnerPid(bytes)[0]?.localPort); // 443
 * ```
 */
export function decodeTcp6TableOwnerPid(bytes: Uint8Array): Tcp6RowOwnerPid[] {
  requireBytes(bytes, "decodeTcp6TableOwnerPid");
  // Its own loop rather than decodeRows, so that V8 can inline the row reader.
  const { view, count } = openTable(bytes, SHAPE);
  const rows = new Array<Tcp6RowOwnerPid>(count);
  for (let i = 0, o = ROWS_AT; i < count; i++, o += ROW_SIZE) rows[i] = readRow(view, o);
  return rows;
}

/**
 * Encodes rows as a `MIB_TCP6TABLE_OWNER_PID`: the inverse of
 * {@linkcode decodeTcp6TableOwnerPid}. Values are written as given (a
 * listener's remote members too).
 *
 * @param rows The rows; addresses are IPv6 text.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, states, scope IDs and PIDs 0..0xFFFFFFFF, addresses valid IPv6 text).
 *
 * @example
 * ```ts
 * import { encodeTcp6TableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcp6TableOwnerPid([]).length); // 4
 * ```
 */
export function encodeTcp6TableOwnerPid(rows: readonly Tcp6RowOwnerPid[]): Uint8Array {
  return encodeCheckedRows("encodeTcp6TableOwnerPid", rows, SHAPE, (w, row) => {
    writeTcp6Row(w, TCP6ROW_OWNER_PID_AT, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
  });
}
