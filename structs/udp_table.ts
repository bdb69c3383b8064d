import { UDP_TABLE as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { readUdpRow, type UdpOffsets, writeUdpRow } from "./_udp_row.ts";
import { MIB_UDPROW as R } from "./layout.ts";
import type { UdpRow } from "./udp_row.ts";

const AT: UdpOffsets = { localAddr: R.dwLocalAddr, localPort: R.dwLocalPort };

/**
 * Decodes a `MIB_UDPTABLE`, as filled by `GetUdpTable`.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode UdpRow} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdpTable } from "@iphlpapi/iphlpapi";
 * import { encodeUdpTable } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpTable([{ localAddr: "0.0.0.0", localPort: 5353 }]);
 * console.log(decodeUdpTable(bytes)); // [ { localAddr: "0.0.0.0", localPort: 5353 } ]
 * ```
 */
export function decodeUdpTable(bytes: Uint8Array): UdpRow[] {
  requireBytes(bytes, "decodeUdpTable");
  return decodeRows(bytes, SHAPE, readUdpRow);
}

/**
 * Encodes rows as a `MIB_UDPTABLE`: the inverse of {@linkcode decodeUdpTable}.
 *
 * @param rows The rows; addresses are dotted quads.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, addresses valid dotted quads).
 *
 * @example
 * ```ts
 * import { encodeUdpTable } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdpTable([{ localAddr: "127.0.0.1", localPort: 53 }]).length); // 12
 * ```
 */
export function encodeUdpTable(rows: readonly UdpRow[]): Uint8Array {
  return encodeCheckedRows(
    "encodeUdpTable",
    rows,
    SHAPE,
    (w, row) => writeUdpRow(w, AT, row),
  );
}
