import { readAddressMember } from "./_address_member.ts";
import { FieldWriter } from "./_fields.ts";
import { physicalAddressLength, readPhysicalAddress, writePhysicalAddress } from "./_mac.ts";
import { IP_NET_TABLE2 as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import {
  MIB_IPNET_ROW2 as R,
  MIB_IPNET_ROW2_BITS as BITS,
  MIB_IPNET_ROW2_REACHABILITY_TIME as REACHABILITY,
} from "./layout.ts";
import type { SocketAddress } from "./socket_address.ts";

/**
 * A decoded `MIB_IPNET_ROW2`: a neighbour (ARP or IPv6 neighbour cache
 * entry), every member named as in netioapi.h, lowerCamelCase.
 */
export interface IpNetRow2 {
  /** The neighbour's IP address (`SOCKADDR_INET`). */
  address: SocketAddress;
  /** Index of the interface the neighbour is on. */
  interfaceIndex: number;
  /** `NET_LUID` of the interface the neighbour is on. */
  interfaceLuid: bigint;
  /**
   * The neighbour's physical address as `arp -a` prints it: the first
   * `physicalAddressLength` bytes as lowercase hex pairs joined by "-"
   * (`"00-15-5d-01-02-03"`); `""` when the length is 0.
   */
  physicalAddress: string;
  /** How many bytes of the physical address count (at most 32). */
  physicalAddressLength: number;
  /**
   * The raw `NL_NEIGHBOR_STATE`: 0 unreachable, 1 incomplete, 2 probe,
   * 3 delay, 4 stale, 5 reachable, 6 permanent.
   */
  state: number;
  /** `IsRouter`: the neighbour is a router. */
  isRouter: boolean;
  /** `IsUnreachable`: the neighbour is unreachable. */
  isUnreachable: boolean;
  /**
   * The `ReachabilityTime` union, ms: `LastUnreachable` when `isUnreachable`,
   * else `LastReachable`.
   */
  reachabilityTime: number;
}

const STRUCTURE = SHAPE.structure;
const IS_ROUTER = 1 << BITS.IsRouter;
const IS_UNREACHABLE = 1 << BITS.IsUnreachable;
const REACHABILITY_TIME = R.ReachabilityTime + REACHABILITY.LastReachable;

function readRow(v: DataView, o: number, i: number): IpNetRow2 {
  const length = physicalAddressLength(
    v.getUint32(o + R.PhysicalAddressLength, true),
    R.PhysicalAddressCount,
    STRUCTURE,
    i,
  );
  const flags = v.getUint8(o + R.Flags);
  return {
    address: readAddressMember(v, o + R.Address, STRUCTURE, i, "Address"),
    interfaceIndex: v.getUint32(o + R.InterfaceIndex, true),
    interfaceLuid: v.getBigUint64(o + R.InterfaceLuid, true),
    physicalAddress: readPhysicalAddress(v, o + R.PhysicalAddress, length),
    physicalAddressLength: length,
    state: v.getInt32(o + R.State, true),
    isRouter: (flags & IS_ROUTER) !== 0,
    isUnreachable: (flags & IS_UNREACHABLE) !== 0,
    reachabilityTime: v.getUint32(o + REACHABILITY_TIME, true),
  };
}

function writeRow(v: DataView, o: number, row: IpNetRow2): void {
  const w = new FieldWriter(v, o, "MIB_IPNET_ROW2");
  w.address(R.Address, row.address, "address");
  w.u32(R.InterfaceIndex, row.interfaceIndex, "interfaceIndex");
  w.u64(R.InterfaceLuid, row.interfaceLuid, "interfaceLuid");
  w.u32(R.PhysicalAddressLength, row.physicalAddressLength, "physicalAddressLength");
  writePhysicalAddress(
    v,
    o + R.PhysicalAddress,
    row.physicalAddress,
    row.physicalAddressLength,
    R.PhysicalAddressCount,
    w.name("physicalAddress"),
  );
  w.i32(R.State, row.state, "state");
  w.bits(R.Flags, [
    [BITS.IsRouter, row.isRouter, "isRouter"],
    [BITS.IsUnreachable, row.isUnreachable, "isUnreachable"],
  ]);
  w.u32(REACHABILITY_TIME, row.reachabilityTime, "reachabilityTime");
}

/**
 * Decodes a `MIB_IPNET_TABLE2` (the neighbour cache: ARP for IPv4, neighbour
 * discovery for IPv6), as returned by `GetIpNetTable2`. Rows start at offset
 * 8 (bytes 4..8 are padding); padding inside rows, and the six unused bits of
 * the `Flags` byte, are never read; enums are read as C ints.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode IpNetRow2} per neighbour, in table order.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` cannot hold the rows it announces, an
 * address family is neither `AF_INET` nor `AF_INET6`, or a
 * `PhysicalAddressLength` is larger than the 32-byte array.
 *
 * @example
 * ```ts
 * import { decodeIpNetTable2 } from "@iphlpapi/iphlpapi";
 * import { encodeIpNetTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeIpNetTable2([{
 *   address: { family: 2, address: "192.168.1.1", port: 0 },
 *   interfaceIndex: 12, interfaceLuid: 0x6000001000000n,
 *   physicalAddress: "00-15-5d-01-02-03", physicalAddressLength: 6,
 *   state: 5, isRouter: true, isUnreachable: false, reachabilityTime: 1500,
 * }]);
 * console.log(decodeIpNetTable2(bytes)[0]?.physicalAddress); // "00-15-5d-01-02-03"
 * ```
 */
export function decodeIpNetTable2(bytes: Uint8Array): IpNetRow2[] {
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_IPNET_TABLE2`: the inverse of
 * {@linkcode decodeIpNetTable2}. Padding bytes and unused bits are zero.
 *
 * @param rows The neighbours.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member,
 * or `physicalAddress` is not hex pairs joined by "-" with
 * `physicalAddressLength` (at most 32) of them.
 *
 * @example
 * ```ts
 * import { encodeIpNetTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeIpNetTable2([]).length); // 8
 * ```
 */
export function encodeIpNetTable2(rows: readonly IpNetRow2[]): Uint8Array {
  return encodeRows(rows, SHAPE, writeRow);
}
