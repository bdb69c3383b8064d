import { readAddressMember } from "./_address_member.ts";
import { FieldWriter } from "./_fields.ts";
import { IP_FORWARD_TABLE2 as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import { IP_ADDRESS_PREFIX as P, MIB_IPFORWARD_ROW2 as R } from "./layout.ts";
import type { SocketAddress } from "./socket_address.ts";

/** A decoded `IP_ADDRESS_PREFIX`: an address and how many of its leading bits count. */
export interface IpAddressPrefix {
  /** The prefix's address (`SOCKADDR_INET`): `"0.0.0.0"` or `"::"` for a default route. */
  prefix: SocketAddress;
  /** Its length in bits: 0 for a default route, 32 or 128 for a host route. */
  prefixLength: number;
}

/** A decoded `MIB_IPFORWARD_ROW2`: every member, named as in netioapi.h, lowerCamelCase. */
export interface IpForwardRow2 {
  /** `NET_LUID` of the interface the route goes through. */
  interfaceLuid: bigint;
  /** Index of the interface the route goes through. */
  interfaceIndex: number;
  /** The destination: `0.0.0.0/0` or `::/0` for the default route. */
  destinationPrefix: IpAddressPrefix;
  /** The next hop (`SOCKADDR_INET`): the unspecified address for on-link routes. */
  nextHop: SocketAddress;
  /** Site prefix length, bits. */
  sitePrefixLength: number;
  /** Valid lifetime, seconds; 4294967295 (0xFFFFFFFF) is infinite. */
  validLifetime: number;
  /** Preferred lifetime, seconds; 4294967295 (0xFFFFFFFF) is infinite. */
  preferredLifetime: number;
  /** The route metric (added to the interface metric; lower is preferred). */
  metric: number;
  /**
   * The raw `NL_ROUTE_PROTOCOL`: 1 other, 2 local, 3 network management
   * (static), 4 ICMP redirect, ..., 13 OSPF, 14 BGP, 10002 NT autostatic,
   * 10006 NT static, 10007 NT static non-demand-dial.
   */
  protocol: number;
  /** The route is a loopback route. */
  loopback: boolean;
  /** The route is used to autoconfigure addresses (router advertisements). */
  autoconfigureAddress: boolean;
  /** The route is published in router advertisements. */
  publish: boolean;
  /** The route does not expire. */
  immortal: boolean;
  /** How long the route has existed, seconds. */
  age: number;
  /**
   * The raw `NL_ROUTE_ORIGIN`: 0 manual, 1 well-known, 2 DHCP, 3 router
   * advertisement, 4 6to4.
   */
  origin: number;
}

const STRUCTURE = SHAPE.structure;
const PREFIX = R.DestinationPrefix + P.Prefix;
const PREFIX_LENGTH = R.DestinationPrefix + P.PrefixLength;

function readRow(v: DataView, o: number, i: number): IpForwardRow2 {
  return {
    interfaceLuid: v.getBigUint64(o + R.InterfaceLuid, true),
    interfaceIndex: v.getUint32(o + R.InterfaceIndex, true),
    destinationPrefix: {
      prefix: readAddressMember(v, o + PREFIX, STRUCTURE, i, "DestinationPrefix.Prefix"),
      prefixLength: v.getUint8(o + PREFIX_LENGTH),
    },
    nextHop: readAddressMember(v, o + R.NextHop, STRUCTURE, i, "NextHop"),
    sitePrefixLength: v.getUint8(o + R.SitePrefixLength),
    validLifetime: v.getUint32(o + R.ValidLifetime, true),
    preferredLifetime: v.getUint32(o + R.PreferredLifetime, true),
    metric: v.getUint32(o + R.Metric, true),
    protocol: v.getInt32(o + R.Protocol, true),
    loopback: v.getUint8(o + R.Loopback) !== 0,
    autoconfigureAddress: v.getUint8(o + R.AutoconfigureAddress) !== 0,
    publish: v.getUint8(o + R.Publish) !== 0,
    immortal: v.getUint8(o + R.Immortal) !== 0,
    age: v.getUint32(o + R.Age, true),
    origin: v.getInt32(o + R.Origin, true),
  };
}

function writeRow(v: DataView, o: number, row: IpForwardRow2): void {
  const w = new FieldWriter(v, o, "MIB_IPFORWARD_ROW2");
  w.u64(R.InterfaceLuid, row.interfaceLuid, "interfaceLuid");
  w.u32(R.InterfaceIndex, row.interfaceIndex, "interfaceIndex");
  const prefix = row.destinationPrefix;
  if (typeof prefix !== "object" || prefix === null) {
    throw new TypeError(`${w.name("destinationPrefix")}: expected { prefix, prefixLength }`);
  }
  w.address(PREFIX, prefix.prefix, "destinationPrefix.prefix");
  w.u8(PREFIX_LENGTH, prefix.prefixLength, "destinationPrefix.prefixLength");
  w.address(R.NextHop, row.nextHop, "nextHop");
  w.u8(R.SitePrefixLength, row.sitePrefixLength, "sitePrefixLength");
  w.u32(R.ValidLifetime, row.validLifetime, "validLifetime");
  w.u32(R.PreferredLifetime, row.preferredLifetime, "preferredLifetime");
  w.u32(R.Metric, row.metric, "metric");
  w.i32(R.Protocol, row.protocol, "protocol");
  w.bool(R.Loopback, row.loopback, "loopback");
  w.bool(R.AutoconfigureAddress, row.autoconfigureAddress, "autoconfigureAddress");
  w.bool(R.Publish, row.publish, "publish");
  w.bool(R.Immortal, row.immortal, "immortal");
  w.u32(R.Age, row.age, "age");
  w.i32(R.Origin, row.origin, "origin");
}

/**
 * Decodes a `MIB_IPFORWARD_TABLE2` (the routing table), as returned by
 * `GetIpForwardTable2`. Rows start at offset 8 (bytes 4..8 are padding);
 * padding inside rows is never read; a BOOLEAN is true for any non-zero
 * byte; enums are read as C ints.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode IpForwardRow2} per route, in table order.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` cannot hold the rows it announces, or the
 * family of a destination or next hop is neither `AF_INET` nor `AF_INET6`.
 *
 * @example
 * ```ts
 * import { decodeIpForwardTable2 } from "@iphlpapi/iphlpapi";
 * import { encodeIpForwardTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeIpForwardTable2([{
 *   interfaceLuid: 0x6000001000000n, interfaceIndex: 12,
 *   destinationPrefix: { prefix: { family: 2, address: "0.0.0.0", port: 0 }, prefixLength: 0 },
 *   nextHop: { family: 2, address: "192.168.1.1", port: 0 },
 *   sitePrefixLength: 0, validLifetime: 0xffffffff, preferredLifetime: 0xffffffff, metric: 0,
 *   protocol: 3, loopback: false, autoconfigureAddress: false, publish: false, immortal: false,
 *   age: 3600, origin: 0,
 * }]);
 * const { prefix, prefixLength } = decodeIpForwardTable2(bytes)[0]!.destinationPrefix;
 * console.log(`${prefix.address}/${prefixLength}`); // "0.0.0.0/0"
 * ```
 */
export function decodeIpForwardTable2(bytes: Uint8Array): IpForwardRow2[] {
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_IPFORWARD_TABLE2`: the inverse of
 * {@linkcode decodeIpForwardTable2}. Padding bytes are zero.
 *
 * @param rows The routes.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member
 * (a prefix length above 255, a metric above 4294967295, an address that is
 * not an address, ...).
 *
 * @example
 * ```ts
 * import { encodeIpForwardTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(encodeIpForwardTable2([]).length); // 8
 * ```
 */
export function encodeIpForwardTable2(rows: readonly IpForwardRow2[]): Uint8Array {
  return encodeRows(rows, SHAPE, writeRow);
}
