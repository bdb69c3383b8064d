import { ipv6Text, readPort } from "./_address.ts";
import { encodeCheckedRow, encodeCheckedRows, type FieldWriter } from "./_fields.ts";
import { readModuleInfo, writeOwnerModule } from "./_owner_module_row.ts";
import { TCP6_TABLE_OWNER_MODULE as SHAPE } from "./_shapes.ts";
import { requireBytes } from "./_struct.ts";
import { decodeRows } from "./_table.ts";
import { type Tcp6Offsets, writeTcp6Row } from "./_tcp6_row.ts";
import { MIB_TCP6ROW_OWNER_MODULE as R } from "./layout.ts";
import type { Tcp6RowOwnerModule } from "./tcp6_row.ts";
import { TcpState } from "./tcp_state.ts";

// Module constants, not imported bindings: see _tcp_row.ts.
const LISTEN = TcpState.LISTEN;
const ipv6 = ipv6Text;
const port = readPort;
const {
  ucLocalAddr: LOCAL_ADDR,
  dwLocalScopeId: LOCAL_SCOPE_ID,
  dwLocalPort: LOCAL_PORT,
  ucRemoteAddr: REMOTE_ADDR,
  dwRemoteScopeId: REMOTE_SCOPE_ID,
  dwRemotePort: REMOTE_PORT,
  dwState: STATE,
  dwOwningPid: OWNING_PID,
  liCreateTimestamp: CREATE_TIMESTAMP,
  OwningModuleInfo: OWNING_MODULE_INFO,
  OwningModuleInfoCount: OWNING_MODULE_INFO_COUNT,
} = R;

/** Decodes the `MIB_TCP6ROW_OWNER_MODULE` at `o`: one literal; a listener's remote end is `::`. */
function readRow(view: DataView, o: number): Tcp6RowOwnerModule {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID, true),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? "::" : ipv6(view, o + REMOTE_ADDR),
    remoteScopeId: listen ? 0 : view.getUint32(o + REMOTE_SCOPE_ID, true),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
    state,
    owningPid: view.getUint32(o + OWNING_PID, true),
    createTimestamp: view.getBigInt64(o + CREATE_TIMESTAMP, true),
    owningModuleInfo: readModuleInfo(view, o + OWNING_MODULE_INFO, OWNING_MODULE_INFO_COUNT),
  };
}

const AT: Tcp6Offsets = {
  state: R.dwState,
  localAddr: R.ucLocalAddr,
  localScopeId: R.dwLocalScopeId,
  localPort: R.dwLocalPort,
  remoteAddr: R.ucRemoteAddr,
  remoteScopeId: R.dwRemoteScopeId,
  remotePort: R.dwRemotePort,
};

function writeRow(w: FieldWriter, row: Tcp6RowOwnerModule): void {
  writeTcp6Row(w, AT, row);
  writeOwnerModule(w, R, row);
}

/**
 * Decodes a `MIB_TCP6TABLE_OWNER_MODULE`, as filled by `GetExtendedTcpTable`
 * with `AF_INET6` and a `TCP_TABLE_OWNER_MODULE_*` class. The rows start at
 * offset 8: bytes 4..8 are padding. A LISTEN row's remote members, which
 * Windows leaves undefined, read as `"::"`, 0 and 0.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode Tcp6RowOwnerModule} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 *
 * @example
 * ```ts
 * import { decodeTcp6TableOwnerModule } from "@iphlpapi/iphlpapi";
 * import { encodeTcp6TableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6TableOwnerModule([{
 *   localAddr: "::1", localScopeId: 0, localPort: 5432,
 *   remoteAddr: "::1", remoteScopeId: 0, remotePort: 59256,
 *   state: 5, owningPid: 284, createTimestamp: 133700000000000000n, owningModuleInfo: [7n],
 * }]);
 * console.log(decodeTcp6TableOwnerModule(bytes)[0]?.createTimestamp); // 133700000000000000n
 * ```
 */
export function decodeTcp6TableOwnerModule(bytes: Uint8Array): Tcp6RowOwnerModule[] {
  requireBytes(bytes, "decodeTcp6TableOwnerModule");
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_TCP6TABLE_OWNER_MODULE`: the inverse of
 * {@linkcode decodeTcp6TableOwnerModule}. Values are written as given (a
 * listener's remote members too); padding stays zero.
 *
 * @param rows The rows; addresses are IPv6 text, `owningModuleInfo` has up to
 * 16 words (the rest are zero).
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (ports 0..65535, states, scope IDs and PIDs 0..0xFFFFFFFF, addresses valid
 * IPv6 text, `createTimestamp` a bigint in int64 range, `owningModuleInfo` at
 * most 16 bigints in 0..2⁶⁴-1).
 *
 * @example
 * ```ts
 * import { encodeTcp6TableOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeTcp6TableOwnerModule([]).length); // 8
 * ```
 */
export function encodeTcp6TableOwnerModule(rows: readonly Tcp6RowOwnerModule[]): Uint8Array {
  return encodeCheckedRows("encodeTcp6TableOwnerModule", rows, SHAPE, writeRow);
}

/**
 * Encodes one `MIB_TCP6ROW_OWNER_MODULE`, the row `GetOwnerModuleFromTcp6Entry` takes.
 *
 * @param row The row, as {@linkcode encodeTcp6TableOwnerModule} takes it.
 * @returns The row's 192 bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member.
 *
 * @example
 * ```ts
 * import { encodeTcp6RowOwnerModule } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcp6RowOwnerModule({
 *   localAddr: "::", localScopeId: 0, localPort: 135,
 *   remoteAddr: "::", remoteScopeId: 0, remotePort: 0,
 *   state: 2, owningPid: 1024, createTimestamp: 0n, owningModuleInfo: [],
 * });
 * console.log(bytes.length); // 192
 * ```
 */
export function encodeTcp6RowOwnerModule(row: Tcp6RowOwnerModule): Uint8Array {
  return encodeCheckedRow("encodeTcp6RowOwnerModule", row, R.size, writeRow);
}
