import { ipv6Text, readPort } from "./_address.ts";
import { encodeCheckedRow, encodeCheckedRows, type FieldWriter } from "./_fields.ts";
import { readModuleInfo, writeOwnerModule } from "./_owner_module_row.ts";
import { UDP6_TABLE_OWNER_MODULE as SHAPE } from "./_shapes.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { type Udp6Offsets, writeFlags, writeUdp6Row } from "./_udp_row.ts";
import { MIB_UDP6ROW_OWNER_MODULE as R, MIB_UDP6ROW_OWNER_MODULE_BITS as BITS } from "./layout.ts";
import type { Udp6RowOwnerModule } from "./udp_row.ts";

// Module constants, not imported bindings: see _tcp_row.ts.
const ipv6 = ipv6Text;
const port = readPort;
const {
  ucLocalAddr: LOCAL_ADDR,
  dwLocalScopeId: LOCAL_SCOPE_ID,
  dwLocalPort: LOCAL_PORT,
  dwOwningPid: OWNING_PID,
  liCreateTimestamp: CREATE_TIMESTAMP,
  dwFlags: FLAGS,
  OwningModuleInfo: OWNING_MODULE_INFO,
  OwningModuleInfoCount: OWNING_MODULE_INFO_COUNT,
} = R;
const SPECIFIC_PORT_BIND = BITS.SpecificPortBind;

/** Decodes the `MIB_UDP6ROW_OWNER_MODULE` at `o`: one literal. */
function readRow(view: DataView, o: number): Udp6RowOwnerModule {
  const flags = view.getInt32(o + FLAGS, true);
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID, true),
    localPort: port(view, o + LOCAL_PORT),
    owningPid: view.getUint32(o + OWNING_PID, true),
    createTimestamp: view.getBigInt64(o + CREATE_TIMESTAMP, true),
    specificPortBind: ((flags >>> SPECIFIC_PORT_BIND) & 1) === 1,
    flags,
    owningModuleInfo: readModuleInfo(view, o + OWNING_MODULE_INFO, OWNING_MODULE_INFO_COUNT),
  };
}

const AT: Udp6Offsets = {
  localAddr: R.ucLocalAddr,
  localScopeId: R.dwLocalScopeId,
  localPort: R.dwLocalPort,
};

function writeRow(w: FieldWriter, row: Udp6RowOwnerModule): void {
  writeUdp6Row(w, AT, row);
  writeOwnerModule(w, R, row);
  writeFlags(w, R.dwFlags, row, BITS.SpecificPortBind);
}

/**
 * Decodes a `MIB_UDP6TABLE_OWNER_MODULE`, as filled by `GetExtendedUdpTable`
 * with `AF_INET6` and `UDP_TABLE_OWNER_MODULE`. The rows start at offset 8:
 * bytes 4..8 are padding, and so are bytes 28..32 and 44..48 of each row.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Udp6RowOwnerModule} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeUdp6TableOwnerModule } from "@iphlpapi/iphlpapi";
 * import { encodeUdp6TableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdp6TableOwnerModule([{
 *   localAddr: "::1", localScopeId: 0, localPort: 53, owningPid: 3000,
 *   createTimestamp: 133700000000000000n, specificPortBind: false, flags: 6,
 *   owningModuleInfo: [1n, 2n],
 * }]);
 * console.log(decodeUdp6TableOwnerModule(bytes)[0]?.flags); // 6
 * ```
 */
export function decodeUdp6TableOwnerModule(bytes: Uint8Array): Udp6RowOwnerModule[] {
  requireBytes(bytes, "decodeUdp6TableOwnerModule");
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_UDP6TABLE_OWNER_MODULE`: the inverse of
 * {@linkcode decodeUdp6TableOwnerModule}. `flags` is written as the whole
 * union; `specificPortBind` must agree with its bit 0. Padding stays zero.
 *
 * @param rows The rows; addresses are IPv6 text, `owningModuleInfo` has up
 * to 16 words (the rest are zero).
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, scope IDs and PIDs 0..0xFFFFFFFF, addresses valid IPv6
 * text, `createTimestamp` a bigint in int64 range, `flags` a signed 32-bit
 * integer whose bit 0 is `specificPortBind`, `owningModuleInfo` at most 16
 * bigints in 0..2⁶⁴-1).
 *
 * @example
 * ```ts
 * import { encodeUdp6TableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUdp6TableOwnerModule([]).length); // 8
 * ```
 */
export function encodeUdp6TableOwnerModule(rows: readonly Udp6RowOwnerModule[]): Uint8Array {
  return encodeCheckedRows("encodeUdp6TableOwnerModule", rows, SHAPE, writeRow);
}

/**
 * Encodes one `MIB_UDP6ROW_OWNER_MODULE`, the row `GetOwnerModuleFromUdp6Entry` takes.
 *
 * @param row The row, as {@linkcode encodeUdp6TableOwnerModule} takes it.
 * @returns The row's 176 bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member.
 *
 * @example
 * ```ts
 * import { encodeUdp6RowOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdp6RowOwnerModule({
 *   localAddr: "::", localScopeId: 0, localPort: 5353, owningPid: 2112,
 *   createTimestamp: 0n, specificPortBind: false, flags: 0, owningModuleInfo: [],
 * });
 * console.log(bytes.length); // 176
 * ```
 */
export function encodeUdp6RowOwnerModule(row: Udp6RowOwnerModule): Uint8Array {
  return encodeCheckedRow("encodeUdp6RowOwnerModule", row, R.size, writeRow);
}
