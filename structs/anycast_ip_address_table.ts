import { readSocketAddress, writeSocketAddress } from "./_address.ts";
import { ANYCAST_IP_ADDRESS_TABLE as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import { MIB_ANYCASTIPADDRESS_ROW as R } from "./layout.ts";
import type { SocketAddress } from "./socket_address.ts";

/** A decoded `MIB_ANYCASTIPADDRESS_ROW`. */
export interface AnycastIpAddressRow {
  /** The anycast address (`SOCKADDR_INET`). */
  address: SocketAddress;
  /** `NET_LUID` of the interface the address is on. */
  interfaceLuid: bigint;
  /** Index of the interface the address is on. */
  interfaceIndex: number;
  /** `SCOPE_ID` of the address (its zone and level, as one 32-bit value). */
  scopeId: number;
}

/**
 * Decodes a `MIB_ANYCASTIPADDRESS_TABLE`, as returned by
 * `GetAnycastIpAddressTable`. Rows start at offset 8 (bytes 4..8 are padding).
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode AnycastIpAddressRow} per entry, in table order.
 * @throws {DecodeError} If `bytes` cannot hold the rows it announces, or an
 * address family is neither `AF_INET` nor `AF_INET6`.
 *
 * @example
 * ```ts
 * import { decodeAnycastIpAddressTable } from "@iphlpapi/iphlpapi";
 *
 * console.log(decodeAnycastIpAddressTable(new Uint8Array(8))); // []
 * ```
 */
export function decodeAnycastIpAddressTable(bytes: Uint8Array): AnycastIpAddressRow[] {
  return decodeRows(bytes, SHAPE, (view, o, i) => ({
    address: readSocketAddress(view, o + R.Address, SHAPE.structure, i),
    interfaceLuid: view.getBigUint64(o + R.InterfaceLuid, true),
    interfaceIndex: view.getUint32(o + R.InterfaceIndex, true),
    scopeId: view.getUint32(o + R.ScopeId, true),
  }));
}

/**
 * Encodes rows as a `MIB_ANYCASTIPADDRESS_TABLE`: the inverse of
 * {@linkcode decodeAnycastIpAddressTable}. Padding bytes are zero.
 *
 * @param rows The rows.
 * @returns The table bytes.
 *
 * @example
 * ```ts
 * import { encodeAnycastIpAddressTable } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeAnycastIpAddressTable([{
 *   address: { family: 23, address: "2001:db8::1", port: 0, flowInfo: 0, scopeId: 0 },
 *   interfaceLuid: 0x6000001000000n, interfaceIndex: 12, scopeId: 0,
 * }]);
 * console.log(bytes.length); // 56
 * ```
 */
export function encodeAnycastIpAddressTable(rows: readonly AnycastIpAddressRow[]): Uint8Array {
  return encodeRows(rows, SHAPE, (view, o, row) => {
    writeSocketAddress(view, o + R.Address, row.address);
    view.setBigUint64(o + R.InterfaceLuid, row.interfaceLuid, true);
    view.setUint32(o + R.InterfaceIndex, row.interfaceIndex, true);
    view.setUint32(o + R.ScopeId, row.scopeId, true);
  });
}
