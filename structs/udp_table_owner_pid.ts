import { UDP_TABLE_OWNER_PID as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { openTable } from "./_table.ts";
import { readUdpRowOwnerPid, type UdpOffsets, writeUdpRow } from "./_udp_row.ts";
import { MIB_UDPROW_OWNER_PID as R } from "./layout.ts";
import type { UdpRowOwnerPid } from "./udp_row.ts";

// Module constants, not imported bindings, in the loop: see _tcp_row.ts.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const readRow = readUdpRowOwnerPid;
const AT: UdpOffsets = { localAddr: R.dwLocalAddr, localPort: R.dwLocalPort };

/**
 * Decodes a `MIB_UDPTABLE_OWNER_PID`, as filled by `GetExtendedUdpTable` with
 * `AF_INET` and `UDP_TABLE_OWNER_PID`.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode UdpRowOwnerPid} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdpTableOwnerPid } from "@iphlpapi/iphlpapi";
 * import { encodeUdpTableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpTableOwnerPid([{ localAddr: "0.0.0.0", localPort: 123, owningPid: 996 }]);
 * console.log(decodeUdpTableOwnerPid(bytes)[0]?.owningPid); // 996
 * ```
 */
export function decodeUdpTableOwnerPid(bytes: Uint8Array): UdpRowOwnerPid[] {
  requireBytes(bytes, "decodeUdpTableOwnerPid");
  // Its own loop rather than decodeRows, so that V8 can inline the row reader.
  const { view, count } = openTable(bytes, SHAPE);
  const rows = new Array<UdpRowOwnerPid>(count);
  for (let i = 0, o = ROWS_AT; i < count; i++, o += ROW_SIZE) rows[i] = readRow(view, o);
  return rows;
}

/**
 * Encodes rows as a `MIB_UDPTABLE_OWNER_PID`: the inverse of
 * {@linkcode decodeUdpTableOwnerPid}.
 *
 * @param rows The rows; addresses are dotted quads.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, PIDs 0..0xFFFFFFFF, addresses valid dotted quads).
 *
 * @example
 * ```ts
 * import { encodeUdpTableOwnerPid } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdpTableOwnerPid([]).length); // 4
 * ```
 */
export function encodeUdpTableOwnerPid(rows: readonly UdpRowOwnerPid[]): Uint8Array {
  return encodeCheckedRows("encodeUdpTableOwnerPid", rows, SHAPE, (w, row) => {
    writeUdpRow(w, AT, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
  });
}
