import { TCP_TABLE_OWNER_MODULE as SHAPE } from "./_shapes.ts";
import { encodeCheckedRow, encodeCheckedRows, type FieldWriter } from "./_fields.ts";
import { writeOwnerModule } from "./_owner_module_row.ts";
import {
  decodeTcpRows,
  readTcpRowOwnerModule,
  readTcpRowOwnerModuleFresh,
  writeTcpRow,
} from "./_tcp_row.ts";
import { MIB_TCPROW_OWNER_MODULE as R } from "./layout.ts";
import type { TcpRowOwnerModule } from "./tcp_row.ts";

function writeRow(w: FieldWriter, row: TcpRowOwnerModule): void {
  writeTcpRow(w, row);
  writeOwnerModule(w, R, row);
}

/**
 * Decodes a `MIB_TCPTABLE_OWNER_MODULE`, as filled by `GetExtendedTcpTable`
 * with a `TCP_TABLE_OWNER_MODULE_*` class. The rows start at offset 8: bytes
 * 4..8 are padding. A LISTEN row's remote members, which Windows leaves
 * undefined, read as `"0.0.0.0"` and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode TcpRowOwnerModule} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 *
 * @example
 * ```ts
 * import { decodeTcpTableOwnerModule } from "@iphlpapi/iphlpapi";
 *
 * console.log(decodeTcpTableOwnerModule(new Uint8Array(8))); // []
 * ```
 */
export function decodeTcpTableOwnerModule(bytes: Uint8Array): TcpRowOwnerModule[] {
  return decodeTcpRows(bytes, SHAPE, readTcpRowOwnerModule, readTcpRowOwnerModuleFresh);
}

/**
 * Encodes rows as a `MIB_TCPTABLE_OWNER_MODULE`: the inverse of
 * {@linkcode decodeTcpTableOwnerModule}.
 *
 * @param rows The rows; addresses are dotted quads, `owningModuleInfo` has up to 16 words.
 * @returns The table bytes.
 *
 * @example
 * ```ts
 * import { encodeTcpTableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcpTableOwnerModule([]).length); // 8
 * ```
 */
export function encodeTcpTableOwnerModule(rows: readonly TcpRowOwnerModule[]): Uint8Array {
  return encodeCheckedRows("encodeTcpTableOwnerModule", rows, SHAPE, writeRow);
}

/**
 * Encodes one `MIB_TCPROW_OWNER_MODULE`, the row `GetOwnerModuleFromTcpEntry`
 * takes.
 *
 * @param row The row; addresses are dotted quads, `owningModuleInfo` has up to 16 words.
 * @returns The row's bytes.
 * @throws {TypeError} Naming the field, for a value its C type cannot hold.
 *
 * @example
 * ```ts
 * import { encodeTcpRowOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const row = encodeTcpRowOwnerModule({
 *   state: 2, localAddr: "0.0.0.0", localPort: 80, remoteAddr: "0.0.0.0", remotePort: 0,
 *   owningPid: 4, createTimestamp: 0n, owningModuleInfo: [],
 * });
 * console.log(row.length); // 160
 * ```
 */
export function encodeTcpRowOwnerModule(row: TcpRowOwnerModule): Uint8Array {
  return encodeCheckedRow("encodeTcpRowOwnerModule", row, R.size, writeRow);
}
