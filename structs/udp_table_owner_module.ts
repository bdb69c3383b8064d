import { formatIpv4, readPort } from "./_address.ts";
import { encodeCheckedRow, encodeCheckedRows, type FieldWriter } from "./_fields.ts";
import { readModuleInfo, writeOwnerModule } from "./_owner_module_row.ts";
import { UDP_TABLE_OWNER_MODULE as SHAPE } from "./_shapes.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { type UdpOffsets, writeFlags, writeUdpRow } from "./_udp_row.ts";
import { MIB_UDPROW_OWNER_MODULE as R, MIB_UDPROW_OWNER_MODULE_BITS as BITS } from "./layout.ts";
import type { UdpRowOwnerModule } from "./udp_row.ts";

// Module constants, not imported bindings: see _tcp_row.ts.
const ipv4 = formatIpv4;
const port = readPort;
const {
  dwLocalAddr: LOCAL_ADDR,
  dwLocalPort: LOCAL_PORT,
  dwOwningPid: OWNING_PID,
  liCreateTimestamp: CREATE_TIMESTAMP,
  dwFlags: FLAGS,
  OwningModuleInfo: OWNING_MODULE_INFO,
  OwningModuleInfoCount: OWNING_MODULE_INFO_COUNT,
} = R;
const SPECIFIC_PORT_BIND = BITS.SpecificPortBind;

/** Decodes the `MIB_UDPROW_OWNER_MODULE` at `o`: one literal. */
function readRow(view: DataView, o: number): UdpRowOwnerModule {
  const flags = view.getInt32(o + FLAGS, true);
  return {
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    owningPid: view.getUint32(o + OWNING_PID, true),
    createTimestamp: view.getBigInt64(o + CREATE_TIMESTAMP, true),
    specificPortBind: ((flags >>> SPECIFIC_PORT_BIND) & 1) === 1,
    flags,
    owningModuleInfo: readModuleInfo(view, o + OWNING_MODULE_INFO, OWNING_MODULE_INFO_COUNT),
  };
}

const AT: UdpOffsets = { localAddr: R.dwLocalAddr, localPort: R.dwLocalPort };

function writeRow(w: FieldWriter, row: UdpRowOwnerModule): void {
  writeUdpRow(w, AT, row);
  writeOwnerModule(w, R, row);
  writeFlags(w, R.dwFlags, row, BITS.SpecificPortBind);
}

/**
 * Decodes a `MIB_UDPTABLE_OWNER_MODULE`, as filled by `GetExtendedUdpTable`
 * with `AF_INET` and `UDP_TABLE_OWNER_MODULE`. The rows start at offset 8:
 * bytes 4..8 are padding, and so are bytes 12..16 and 28..32 of each row.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode UdpRowOwnerModule} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdpTableOwnerModule } from "@iphlpapi/iphlpapi";
 * import { encodeUdpTableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpTableOwnerModule([{
 *   localAddr: "0.0.0.0", localPort: 500, owningPid: 3000, createTimestamp: 0n,
 *   specificPortBind: true, flags: 1, owningModuleInfo: [],
 * }]);
 * console.log(decodeUdpTableOwnerModule(bytes)[0]?.specificPortBind); // true
 * ```
 */
export function decodeUdpTableOwnerModule(bytes: Uint8Array): UdpRowOwnerModule[] {
  requireBytes(bytes, "decodeUdpTableOwnerModule");
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_UDPTABLE_OWNER_MODULE`: the inverse of
 * {@linkcode decodeUdpTableOwnerModule}. `flags` is written as the whole
 * union; `specificPortBind` must agree with its bit 0. Padding stays zero.
 *
 * @param rows The rows; addresses are dotted quads, `owningModuleInfo` has up
 * to 16 words (the rest are zero).
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, PIDs 0..0xFFFFFFFF, addresses valid dotted quads,
 * `createTimestamp` a bigint in int64 range, `flags` a signed 32-bit integer
 * whose bit 0 is `specificPortBind`, `owningModuleInfo` at most 16 bigints in
 * 0..2⁶⁴-1).
 *
 * @example
 * ```ts
 * import { encodeUdpTableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdpTableOwnerModule([]).length); // 8
 * ```
 */
export function encodeUdpTableOwnerModule(rows: readonly UdpRowOwnerModule[]): Uint8Array {
  return encodeCheckedRows("encodeUdpTableOwnerModule", rows, SHAPE, writeRow);
}

/**
 * Encodes one `MIB_UDPROW_OWNER_MODULE`, the row `GetOwnerModuleFromUdpEntry` takes.
 *
 * @param row The row, as {@linkcode encodeUdpTableOwnerModule} takes it.
 * @returns The row's 160 bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member.
 *
 * @example
 * ```ts
 * import { encodeUdpRowOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpRowOwnerModule({
 *   localAddr: "0.0.0.0", localPort: 123, owningPid: 996, createTimestamp: 0n,
 *   specificPortBind: false, flags: 0, owningModuleInfo: [],
 * });
 * console.log(bytes.length); // 160
 * ```
 */
export function encodeUdpRowOwnerModule(row: UdpRowOwnerModule): Uint8Array {
  return encodeCheckedRow("encodeUdpRowOwnerModule", row, R.size, writeRow);
}
