import { FieldWriter } from "./_fields.ts";
import { UDP_STATS, UDP_STATS2 } from "./_shapes.ts";
import { openStruct } from "./_struct.ts";
import { MIB_UDPSTATS as S, MIB_UDPSTATS2 as S2 } from "./layout.ts";

/**
 * Decoded UDP statistics of one address family: a `MIB_UDPSTATS2`
 * (`GetUdpStatisticsEx2`, 64-bit datagram counters) or a `MIB_UDPSTATS`
 * (`GetUdpStatisticsEx`, 32-bit ones, widened), member names without their
 * `dw`/`dw64` prefix.
 */
export interface UdpStatistics {
  /** Datagrams received. */
  inDatagrams: bigint;
  /** Datagrams discarded because no one listened on their port. */
  noPorts: number;
  /** Erroneous datagrams received, `noPorts` excluded. */
  inErrors: number;
  /** Datagrams sent. */
  outDatagrams: bigint;
  /** Entries in the UDP listener table. */
  numAddrs: number;
}

/**
 * Decodes a `MIB_UDPSTATS2`, as filled by `GetUdpStatisticsEx2` (Windows 10
 * 1709 and later): the UDP counters of one address family, with 64-bit
 * datagram counters. Bytes 28..32 are padding and never read.
 *
 * @param bytes The structure (32 bytes); a view at any byte offset. Bytes after it are ignored.
 * @returns The statistics.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` is shorter than the structure.
 *
 * @example
 * ```ts
 * import { decodeUdpStatistics2 } from "@iphlpapi/iphlpapi";
 * import { encodeUdpStatistics2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpStatistics2({
 *   inDatagrams: 6_000_000_000n, noPorts: 12, inErrors: 0, outDatagrams: 42n, numAddrs: 7,
 * });
 * console.log(decodeUdpStatistics2(bytes).inDatagrams); // 6000000000n
 * ```
 */
export function decodeUdpStatistics2(bytes: Uint8Array): UdpStatistics {
  const v = openStruct(bytes, UDP_STATS2);
  return {
    inDatagrams: v.getBigUint64(S2.dw64InDatagrams, true),
    noPorts: v.getUint32(S2.dwNoPorts, true),
    inErrors: v.getUint32(S2.dwInErrors, true),
    outDatagrams: v.getBigUint64(S2.dw64OutDatagrams, true),
    numAddrs: v.getUint32(S2.dwNumAddrs, true),
  };
}

/**
 * Decodes a `MIB_UDPSTATS`, as filled by `GetUdpStatisticsEx`: the UDP
 * counters of one address family, with 32-bit datagram counters (widened to
 * bigint, so both forms decode to one {@linkcode UdpStatistics}).
 *
 * @param bytes The structure (20 bytes); a view at any byte offset. Bytes after it are ignored.
 * @returns The statistics.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` is shorter than the structure.
 *
 * @example
 * ```ts
 * import { decodeUdpStatistics } from "@iphlpapi/iphlpapi";
 *
 * console.log(decodeUdpStatistics(new Uint8Array(20)).outDatagrams); // 0n
 * ```
 */
export function decodeUdpStatistics(bytes: Uint8Array): UdpStatistics {
  const v = openStruct(bytes, UDP_STATS);
  return {
    inDatagrams: BigInt(v.getUint32(S.dwInDatagrams, true)),
    noPorts: v.getUint32(S.dwNoPorts, true),
    inErrors: v.getUint32(S.dwInErrors, true),
    outDatagrams: BigInt(v.getUint32(S.dwOutDatagrams, true)),
    numAddrs: v.getUint32(S.dwNumAddrs, true),
  };
}

/**
 * Encodes statistics as a `MIB_UDPSTATS2`: the inverse of
 * {@linkcode decodeUdpStatistics2}. Padding bytes are zero.
 *
 * @param statistics The statistics.
 * @returns The 32 bytes of the structure.
 * @throws {TypeError} Naming the field, if a DWORD member is not an integer
 * from 0 to 4294967295 or a datagram counter not a bigint from 0 to 2^64-1.
 *
 * @example
 * ```ts
 * import { encodeUdpStatistics2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpStatistics2({
 *   inDatagrams: 0n, noPorts: 0, inErrors: 0, outDatagrams: 0n, numAddrs: 0,
 * });
 * console.log(bytes.length); // 32
 * ```
 */
export function encodeUdpStatistics2(statistics: UdpStatistics): Uint8Array {
  const bytes = new Uint8Array(S2.size);
  const w = new FieldWriter(new DataView(bytes.buffer), 0, "MIB_UDPSTATS2");
  w.u64(S2.dw64InDatagrams, statistics.inDatagrams, "inDatagrams");
  w.u32(S2.dwNoPorts, statistics.noPorts, "noPorts");
  w.u32(S2.dwInErrors, statistics.inErrors, "inErrors");
  w.u64(S2.dw64OutDatagrams, statistics.outDatagrams, "outDatagrams");
  w.u32(S2.dwNumAddrs, statistics.numAddrs, "numAddrs");
  return bytes;
}

/**
 * Encodes statistics as a `MIB_UDPSTATS`: the inverse of
 * {@linkcode decodeUdpStatistics}.
 *
 * @param statistics The statistics.
 * @returns The 20 bytes of the structure.
 * @throws {TypeError} Naming the field, if a member is not an integer from 0
 * to 4294967295: the datagram counters too, which this form holds in 32 bits
 * (a larger count is refused, not wrapped).
 *
 * @example
 * ```ts
 * import { encodeUdpStatistics } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeUdpStatistics({
 *   inDatagrams: 4294967295n, noPorts: 0, inErrors: 0, outDatagrams: 0n, numAddrs: 0,
 * });
 * console.log(bytes.length); // 20
 * ```
 */
export function encodeUdpStatistics(statistics: UdpStatistics): Uint8Array {
  const bytes = new Uint8Array(S.size);
  const w = new FieldWriter(new DataView(bytes.buffer), 0, "MIB_UDPSTATS");
  w.u32n(S.dwInDatagrams, statistics.inDatagrams, "inDatagrams");
  w.u32(S.dwNoPorts, statistics.noPorts, "noPorts");
  w.u32(S.dwInErrors, statistics.inErrors, "inErrors");
  w.u32n(S.dwOutDatagrams, statistics.outDatagrams, "outDatagrams");
  w.u32(S.dwNumAddrs, statistics.numAddrs, "numAddrs");
  return bytes;
}
