import { UDP6_TABLE as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { readUdp6Row, type Udp6Offsets, writeUdp6Row } from "./_udp_row.ts";
import { MIB_UDP6ROW as R } from "./layout.ts";
import type { Udp6Row } from "./udp_row.ts";

const AT: Udp6Offsets = {
  localAddr: R.dwLocalAddr,
  localScopeId: R.dwLocalScopeId,
  localPort: R.dwLocalPort,
};

/**
 * Decodes a `MIB_UDP6TABLE`, as filled by `GetUdp6Table`.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Udp6Row} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdp6Table } from "@iphlpapi/iphlpapi";
 * import { encodeUdp6Table } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdp6Table([{ localAddr: "fe80::1", localScopeId: 12, localPort: 546 }]);
 * console.log(decodeUdp6Table(bytes)[0]?.localScopeId); // 12
 * ```
 */
export function decodeUdp6Table(bytes: Uint8Array): Udp6Row[] {
  requireBytes(bytes, "decodeUdp6Table");
  return decodeRows(bytes, SHAPE, readUdp6Row);
}

/**
 * Encodes rows as a `MIB_UDP6TABLE`: the inverse of {@linkcode decodeUdp6Table}.
 *
 * @param rows The rows; addresses are IPv6 text.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, scope IDs 0..0xFFFFFFFF, addresses valid IPv6 text).
 *
 * @example
 * ```ts
 * import { encodeUdp6Table } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdp6Table([]).length); // 4
 * ```
 */
export function encodeUdp6Table(rows: readonly Udp6Row[]): Uint8Array {
  return encodeCheckedRows(
    "encodeUdp6Table",
    rows,
    SHAPE,
    (w, row) => writeUdp6Row(w, AT, row),
  );
}
