import { TCP_TABLE2 as SHAPE } from "./_shapes.ts";
import { ipv4TextStats } from "./_address.ts";
import { encodeCheckedRows } from "./_fields.ts";
import { openTable } from "./_table.ts";
import { MOSTLY_NEW, readTcpRow2, readTcpRow2Fresh, STRETCH, writeTcpRow } from "./_tcp_row.ts";
import { MIB_TCPROW2 as R } from "./layout.ts";
import type { TcpRow2 } from "./tcp_row.ts";

// Module constants, not imported bindings, in the loop: see _tcp_row.ts.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const readRow = readTcpRow2;
const readRowFresh = readTcpRow2Fresh;
const stats = ipv4TextStats;

/**
 * Decodes a `MIB_TCPTABLE2`, as filled by `GetTcpTable2`. A LISTEN row's remote
 * members, which Windows leaves undefined, read as `"0.0.0.0"` and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode TcpRow2} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 *
 * @example
 * ```ts
 * import { decodeTcpTable2 } from "@iphlpapi/iphlpapi";
 * import { encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcpTable2([{
 *   state: 5, localAddr: "10.0.0.2", localPort: 50000, remoteAddr: "192.0.2.7",
 *   remotePort: 443, owningPid: 4242, offloadState: 0,
 * }]);
 * console.log(decodeTcpTable2(bytes)[0]?.remotePort); // 443
 * ```
 */
export function decodeTcpTable2(bytes: Uint8Array): TcpRow2[] {
  // decodeTcpRows (_tcp_row.ts), written out: there, the call of the row
  // reader is shared by every table kind, so V8 cannot inline it. The switch
  // to fresh texts is a function of its own, so that this loop inlines one
  // row reader only.
  const { view, count } = openTable(bytes, SHAPE);
  const rows = new Array<TcpRow2>(count);
  let made = stats.made;
  for (let i = 0, o = ROWS_AT; i < count; i++, o += ROW_SIZE) {
    rows[i] = readRow(view, o);
    if ((i & (STRETCH - 1)) === STRETCH - 1) {
      if (stats.made - made > MOSTLY_NEW) return decodeFresh(view, rows, i + 1);
      made = stats.made;
    }
  }
  return rows;
}

/** The rest of the table from row `i` on, remote addresses made anew but for every 16th row. */
function decodeFresh(view: DataView, rows: TcpRow2[], i: number): TcpRow2[] {
  for (let o = ROWS_AT + i * ROW_SIZE; i < rows.length; i++, o += ROW_SIZE) {
    rows[i] = (i & 15) === 0 ? readRow(view, o) : readRowFresh(view, o);
  }
  return rows;
}

/**
 * Encodes rows as a `MIB_TCPTABLE2`: the inverse of {@linkcode decodeTcpTable2}.
 *
 * @param rows The rows; addresses are dotted quads.
 * @returns The table bytes.
 *
 * @example
 * ```ts
 * import { encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcpTable2([]).length); // 4
 * ```
 */
export function encodeTcpTable2(rows: readonly TcpRow2[]): Uint8Array {
  return encodeCheckedRows("encodeTcpTable2", rows, SHAPE, (w, row) => {
    writeTcpRow(w, row);
    w.u32(R.dwOwningPid, row.owningPid, "owningPid");
    w.u32(R.dwOffloadState, row.offloadState, "offloadState");
  });
}
