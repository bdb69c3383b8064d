import { TCP6_TABLE as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { readTcp6Row, TCP6ROW_AT, writeTcp6Row } from "./_tcp6_row.ts";
import type { Tcp6Row } from "./tcp6_row.ts";

/**
 * Decodes a `MIB_TCP6TABLE`, as filled by `GetTcp6Table`. A LISTEN row's
 * remote members, which Windows leaves undefined, read as `"::"`, 0 and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Tcp6Row} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeTcp6Table } from "@iphlpapi/iphlpapi";
 * import { encodeTcp6Table } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6Table([{
 *   state: 5, localAddr: "2001:db8::2", localScopeId: 0, localPort: 50000,
 *   remoteAddr: "2001:db8::7", remoteScopeId: 0, remotePort: 443,
 * }]);
 * console.log(decodeTcp6Table(bytes)[0]?.remoteAddr); // "2001:db8::7"
 * ```
 */
export function decodeTcp6Table(bytes: Uint8Array): Tcp6Row[] {
  requireBytes(bytes, "decodeTcp6Table");
  return decodeRows(bytes, SHAPE, readTcp6Row);
}

/**
 * Encodes rows as a `MIB_TCP6TABLE`: the inverse of {@linkcode decodeTcp6Table}.
 * Values are written as given (a listener's remote members too).
 *
 * @param rows The rows; addresses are IPv6 text.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, states and scope IDs 0..0xFFFFFFFF, addresses valid IPv6 text).
 *
 * @example
 * ```ts
 * import { encodeTcp6Table } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6Table([{
 *   state: 2, localAddr: "::", localScopeId: 0, localPort: 80,
 *   remoteAddr: "::", remoteScopeId: 0, remotePort: 0,
 * }]);
 * console.log(bytes.length); // 56
 * ```
 */
export function encodeTcp6Table(rows: readonly Tcp6Row[]): Uint8Array {
  return encodeCheckedRows(
    "encodeTcp6Table",
    rows,
    SHAPE,
    (w, row) => writeTcp6Row(w, TCP6ROW_AT, row),
  );
}
