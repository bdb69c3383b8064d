import { formatIpv4, readPort } from "./_address.ts";
import { TCP_TABLE2 as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import { writeTcpRow } from "./_tcp_row.ts";
import { MIB_TCPROW2 as R } from "./layout.ts";
import type { TcpRow2 } from "./tcp_row.ts";

// Written out member by member (not built on readTcpRow) so each row is one
// object literal: this is the decoder monitoring agents call every second.
function readRow(view: DataView, o: number): TcpRow2 {
  return {
    state: view.getUint32(o + R.dwState, true),
    localAddr: formatIpv4(view, o + R.dwLocalAddr),
    localPort: readPort(view, o + R.dwLocalPort),
    remoteAddr: formatIpv4(view, o + R.dwRemoteAddr),
    remotePort: readPort(view, o + R.dwRemotePort),
    owningPid: view.getUint32(o + R.dwOwningPid, true),
    offloadState: view.getUint32(o + R.dwOffloadState, true),
  };
}

/**
 * Decodes a `MIB_TCPTABLE2`, as filled by `GetTcpTable2`.
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
  return decodeRows(bytes, SHAPE, readRow);
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
  return encodeRows(rows, SHAPE, (view, o, row) => {
    writeTcpRow(view, o, row);
    view.setUint32(o + R.dwOwningPid, row.owningPid, true);
    view.setUint32(o + R.dwOffloadState, row.offloadState, true);
  });
}
