import { TCP6_TABLE2 as SHAPE } from "./_shapes.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { requireBytes } from "./_struct.ts";
import { openTable } from "./_table.ts";
import { readTcp6Row2, TCP6ROW2_AT, writeTcp6Row } from "./_tcp6_row.ts";
import { MIB_TCP6ROW2 as R } from "./layout.ts";
import type { Tcp6Row2 } from "./tcp6_row.ts";

// Module constants, not imported bindings, in the loop: see _tcp_row.ts.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const readRow = readTcp6Row2;

/**
 * Decodes a `MIB_TCP6TABLE2`, as filled by `GetTcp6Table2`. A LISTEN row's
 * remote members, which Windows leaves undefined, read as `"::"`, 0 and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Tcp6Row2} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeTcp6Table2 } from "@iphlpapi/iphlpapi";
 * import { encodeTcp6Table2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6Table2([{
 *   localAddr: "fe80::2", localScopeId: 12, localPort: 50000,
 *   remoteAddr: "fe80::7", remoteScopeId: 12, remotePort: 443,
 *   state: 5, owningPid: 4242, offloadState: 0,
 * }]);
 * console.log(decodeTcp6Table2(bytes)[0]?.owningPid); // 4242
 * ```
 */
export function decodeTcp6Table2(bytes: Uint8Array): Tcp6Row2[] {
  requireBytes(bytes, "decodeTcp6Table2");
  // Its own loop rather than decodeRows, so that V8 can inline the row reader.
  const { view, count } = openTable(bytes, SHAPE);
  const rows = new Array<Tcp6Row2>(count);
  for (let i = 0, o = ROWS_AT; i < count; i++, o += ROW_SIZE) rows[i] = readRow(view, o);
  return rows;
}

/**
 * Encodes rows as a `MIB_TCP6TABLE2`: the inverse of {@linkcode decodeTcp6Table2}.
 * Values are written as given (a listener's remote members too).
 *
 * @param rows The rows; addresses are IPv6 text.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, states, scope IDs, PIDs and offload states 0..0xFFFFFFFF,
 * addresses valid IPv6 text).
 *
 * @example
 * ```ts
 * import { encodeTcp6Table2 } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcp6Table2([]).length); // 4
 * ```
 */
export function encodeTcp6Table2(rows: readonly Tcp6Row2[]): Uint8Array {
  return encodeCheckedRows("encodeTcp6Table2", rows, SHAPE, (w, row) => {
    writeTcp6Row(w, TCP6ROW2_AT, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
    w.u32(R.dwOffloadState, row.offloadState, "offloadState");
  });
}
