import { UDP6_TABLE_OWNER_PID as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { openTable } from "./_table.ts";
import { readUdp6RowOwnerPid, type Udp6Offsets, writeUdp6Row } from "./_udp_row.ts";
import { MIB_UDP6ROW_OWNER_PID as R } from "./layout.ts";
import type { Udp6RowOwnerPid } from "./udp_row.ts";

// Module constants, not imported bindings, in the loop: see _tcp_row.ts.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const readRow = readUdp6RowOwnerPid;
const AT: Udp6Offsets = {
  localAddr: R.ucLocalAddr,
  localScopeId: R.dwLocalScopeId,
  localPort: R.dwLocalPort,
};

/**
 * Decodes a `MIB_UDP6TABLE_OWNER_PID`, as filled by `GetExtendedUdpTable` with
 * `AF_INET6` and `UDP_TABLE_OWNER_PID`.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Udp6RowOwnerPid} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdp6TableOwnerPid } from "@iphlpapi/iphlpapi";
 * import { encodeUdp6TableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdp6TableOwnerPid([
 *   { localAddr: "::", localScopeId: 0, localPort: 5353, owningPid: 2112 },
 * ]);
 * console.log(decodeUdp6TableOwnerPid(bytes)[0]?.localAddr); // "::"
 * ```
 */
export function decodeUdp6TableOwnerPid(bytes: Uint8Array): Udp6RowOwnerPid[] {
  requireBytes(bytes, "decodeUdp6TableOwnerPid");
  // Its own loop rather than decodeRows, so that V8 can inline the row reader.
  const { view, count } = openTable(bytes, SHAPE);
  const rows = new Array<Udp6RowOwnerPid>(count);
  for (let i = 0, o = ROWS_AT; i < count; i++, o += ROW_SIZE) rows[i] = readRow(view, o);
  return rows;
}

/**
 * Encodes rows as a `MIB_UDP6TABLE_OWNER_PID`: the inverse of
 * {@linkcode decodeUdp6TableOwnerPid}.
 *
 * @param rows The rows; addresses are IPv6 text.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, scope IDs and PIDs 0..0xFFFFFFFF, addresses valid IPv6 text).
 *
 * @example
 * ```ts
 * import { encodeUdp6TableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdp6TableOwnerPid([]).length); // 4
 * ```
 */
export function encodeUdp6TableOwnerPid(rows: readonly Udp6RowOwnerPid[]): Uint8Array {
  return encodeCheckedRows("encodeUdp6TableOwnerPid", rows, SHAPE, (w, row) => {
    writeUdp6Row(w, AT, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
  });
}
