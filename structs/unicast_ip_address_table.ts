import { readAddressMember } from "./_address_member.ts";
import { FieldWriter } from "./_fields.ts";
import { UNICAST_IP_ADDRESS_TABLE as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import { MIB_UNICASTIPADDRESS_ROW as R } from "./layout.ts";
import type { SocketAddress } from "./socket_address.ts";

/** A decoded `MIB_UNICASTIPADDRESS_ROW`: every member, named as in netioapi.h, lowerCamelCase. */
export interface UnicastIpAddressRow {
  /** The unicast address (`SOCKADDR_INET`); for IPv6, `scopeId` is its zone. */
  address: SocketAddress;
  /** `NET_LUID` of the interface the address is on. */
  interfaceLuid: bigint;
  /** Index of the interface the address is on. */
  interfaceIndex: number;
  /**
   * The raw `NL_PREFIX_ORIGIN`: 0 other, 1 manual, 2 well-known, 3 DHCP,
   * 4 router advertisement, 16 unchanged.
   */
  prefixOrigin: number;
  /**
   * The raw `NL_SUFFIX_ORIGIN`: 0 other, 1 manual, 2 well-known, 3 DHCP,
   * 4 link-layer address, 5 random, 16 unchanged.
   */
  suffixOrigin: number;
  /** Valid lifetime, seconds; 4294967295 (0xFFFFFFFF) is infinite. */
  validLifetime: number;
  /** Preferred lifetime, seconds; 4294967295 (0xFFFFFFFF) is infinite. */
  preferredLifetime: number;
  /** Length of the on-link prefix, in bits. */
  onLinkPrefixLength: number;
  /** The address is not used as a source address. */
  skipAsSource: boolean;
  /**
   * The raw `NL_DAD_STATE` of duplicate address detection: 0 invalid,
   * 1 tentative, 2 duplicate, 3 deprecated, 4 preferred.
   */
  dadState: number;
  /** `SCOPE_ID` of the address (its zone and level, as one 32-bit value). */
  scopeId: number;
  /** When the address was created: a `LARGE_INTEGER` of 100 ns ticks (FILETIME-like). */
  creationTimeStamp: bigint;
}

function readRow(v: DataView, o: number, i: number): UnicastIpAddressRow {
  return {
    address: readAddressMember(v, o + R.Address, SHAPE.structure, i, "Address"),
    interfaceLuid: v.getBigUint64(o + R.InterfaceLuid, true),
    interfaceIndex: v.getUint32(o + R.InterfaceIndex, true),
    prefixOrigin: v.getInt32(o + R.PrefixOrigin, true),
    suffixOrigin: v.getInt32(o + R.SuffixOrigin, true),
    validLifetime: v.getUint32(o + R.ValidLifetime, true),
    preferredLifetime: v.getUint32(o + R.PreferredLifetime, true),
    onLinkPrefixLength: v.getUint8(o + R.OnLinkPrefixLength),
    skipAsSource: v.getUint8(o + R.SkipAsSource) !== 0,
    dadState: v.getInt32(o + R.DadState, true),
    scopeId: v.getUint32(o + R.ScopeId, true),
    creationTimeStamp: v.getBigInt64(o + R.CreationTimeStamp, true),
  };
}

function writeRow(v: DataView, o: number, row: UnicastIpAddressRow): void {
  const w = new FieldWriter(v, o, "MIB_UNICASTIPADDRESS_ROW");
  w.address(R.Address, row.address, "address");
  w.u64(R.InterfaceLuid, row.interfaceLuid, "interfaceLuid");
  w.u32(R.InterfaceIndex, row.interfaceIndex, "interfaceIndex");
  w.i32(R.PrefixOrigin, row.prefixOrigin, "prefixOrigin");
  w.i32(R.SuffixOrigin, row.suffixOrigin, "suffixOrigin");
  w.u32(R.ValidLifetime, row.validLifetime, "validLifetime");
  w.u32(R.PreferredLifetime, row.preferredLifetime, "preferredLifetime");
  w.u8(R.OnLinkPrefixLength, row.onLinkPrefixLength, "onLinkPrefixLength");
  w.bool(R.SkipAsSource, row.skipAsSource, "skipAsSource");
  w.i32(R.DadState, row.dadState, "dadState");
  w.u32(R.ScopeId, row.scopeId, "scopeId");
  w.i64(R.CreationTimeStamp, row.creationTimeStamp, "creationTimeStamp");
}

/**
 * Decodes a `MIB_UNICASTIPADDRESS_TABLE`, as returned by
 * `GetUnicastIpAddressTable`. Rows start at offset 8 (bytes 4..8 are
 * padding); padding inside rows is never read; a BOOLEAN is true for any
 * non-zero byte; enums are read as C ints.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode UnicastIpAddressRow} per entry, in table order.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` cannot hold the rows it announces, or an
 * address family is neither `AF_INET` nor `AF_INET6`.
 *
 * @example
 * ```ts
 * import { decodeUnicastIpAddressTable } from "@iphlpapi/iphlpapi";
 * import { encodeUnicastIpAddressTable } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUnicastIpAddressTable([{
 *   address: { family: 2, address: "192.168.1.23", port: 0 },
 *   interfaceLuid: 0x6000001000000n, interfaceIndex: 12, prefixOrigin: 3, suffixOrigin: 3,
 *   validLifetime: 86400, preferredLifetime: 86400, onLinkPrefixLength: 24,
 *   skipAsSource: false, dadState: 4, scopeId: 0, creationTimeStamp: 133700000000000000n,
 * }]);
 * console.log(decodeUnicastIpAddressTable(bytes)[0]?.address.address); // "192.168.1.23"
 * ```
 */
export function decodeUnicastIpAddressTable(bytes: Uint8Array): UnicastIpAddressRow[] {
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_UNICASTIPADDRESS_TABLE`: the inverse of
 * {@linkcode decodeUnicastIpAddressTable}. Padding bytes are zero.
 *
 * @param rows The rows.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (an index above 4294967295, a prefix length above 255, a port above
 * 65535, an address that is not an address, ...).
 *
 * @example
 * ```ts
 * import { encodeUnicastIpAddressTable } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeUnicastIpAddressTable([]).length); // 8
 * ```
 */
export function encodeUnicastIpAddressTable(rows: readonly UnicastIpAddressRow[]): Uint8Array {
  return encodeRows(rows, SHAPE, writeRow);
}
