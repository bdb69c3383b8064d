import { FieldWriter } from "./_fields.ts";
import { TCP_STATS, TCP_STATS2 } from "./_shapes.ts";
import { openStruct } from "./_struct.ts";
import { MIB_TCPSTATS as S, MIB_TCPSTATS2 as S2 } from "./layout.ts";

/**
 * Decoded TCP statistics of one address family: a `MIB_TCPSTATS2`
 * (`GetTcpStatisticsEx2`, 64-bit segment counters) or a `MIB_TCPSTATS`
 * (`GetTcpStatisticsEx`, 32-bit ones, widened), member names without their
 * `dw`/`dw64` prefix.
 */
export interface TcpStatistics {
  /**
   * The retransmission timeout algorithm, raw: 1 other, 2 constant, 3 MIL-STD-1778
   * (RSRE), 4 Van Jacobson's (`MIB_TCP_RTO_*`).
   */
  rtoAlgorithm: number;
  /** Minimum retransmission timeout, ms. */
  rtoMin: number;
  /** Maximum retransmission timeout, ms. */
  rtoMax: number;
  /** Maximum number of connections; 4294967295 (`MIB_TCP_MAXCONN_DYNAMIC`, -1) when dynamic. */
  maxConn: number;
  /** Active opens: connections this host initiated (SYN_SENT from CLOSED). */
  activeOpens: number;
  /** Passive opens: connections this host accepted (SYN_RCVD from LISTEN). */
  passiveOpens: number;
  /** Failed connection attempts. */
  attemptFails: number;
  /** Established connections that were reset. */
  estabResets: number;
  /** Connections now in ESTABLISHED or CLOSE_WAIT. */
  currEstab: number;
  /** Segments received. */
  inSegs: bigint;
  /** Segments sent, retransmissions excluded. */
  outSegs: bigint;
  /** Segments retransmitted. */
  retransSegs: number;
  /** Segments received with errors. */
  inErrs: number;
  /** Segments sent with the RST flag. */
  outRsts: number;
  /** Connections in the TCP table. */
  numConns: number;
}

/** The DWORD members (not the segment counters), at their offsets in each form. */
const DWORDS = [
  ["rtoAlgorithm", S.dwRtoAlgorithm, S2.RtoAlgorithm],
  ["rtoMin", S.dwRtoMin, S2.dwRtoMin],
  ["rtoMax", S.dwRtoMax, S2.dwRtoMax],
  ["maxConn", S.dwMaxConn, S2.dwMaxConn],
  ["activeOpens", S.dwActiveOpens, S2.dwActiveOpens],
  ["passiveOpens", S.dwPassiveOpens, S2.dwPassiveOpens],
  ["attemptFails", S.dwAttemptFails, S2.dwAttemptFails],
  ["estabResets", S.dwEstabResets, S2.dwEstabResets],
  ["currEstab", S.dwCurrEstab, S2.dwCurrEstab],
  ["retransSegs", S.dwRetransSegs, S2.dwRetransSegs],
  ["inErrs", S.dwInErrs, S2.dwInErrs],
  ["outRsts", S.dwOutRsts, S2.dwOutRsts],
  ["numConns", S.dwNumConns, S2.dwNumConns],
] as const satisfies readonly (readonly [keyof TcpStatistics, number, number])[];

/**
 * Decodes a `MIB_TCPSTATS2`, as filled by `GetTcpStatisticsEx2` (Windows 10
 * 1709 and later): the TCP counters of one address family, with 64-bit
 * segment counters. Bytes 36..40 are padding and never read.
 *
 * @param bytes The structure (72 bytes); a view at any byte offset. Bytes after it are ignored.
 * @returns The statistics.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` is shorter than the structure.
 *
 * @example
 * ```ts
 * import { decodeTcpStatistics2 } from "@iphlpapi/iphlpapi";
 * import { encodeTcpStatistics2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcpStatistics2({
 *   rtoAlgorithm: 4, rtoMin: 300, rtoMax: 120000, maxConn: 0xffffffff, activeOpens: 12,
 *   passiveOpens: 3, attemptFails: 1, estabResets: 2, currEstab: 5, inSegs: 5_000_000_000n,
 *   outSegs: 4_000_000_000n, retransSegs: 40, inErrs: 0, outRsts: 7, numConns: 9,
 * });
 * console.log(decodeTcpStatistics2(bytes).inSegs); // 5000000000n
 * ```
 */
export function decodeTcpStatistics2(bytes: Uint8Array): TcpStatistics {
  const v = openStruct(bytes, TCP_STATS2);
  const u32 = (at: number) => v.getUint32(at, true);
  return {
    rtoAlgorithm: u32(S2.RtoAlgorithm),
    rtoMin: u32(S2.dwRtoMin),
    rtoMax: u32(S2.dwRtoMax),
    maxConn: u32(S2.dwMaxConn),
    activeOpens: u32(S2.dwActiveOpens),
    passiveOpens: u32(S2.dwPassiveOpens),
    attemptFails: u32(S2.dwAttemptFails),
    estabResets: u32(S2.dwEstabResets),
    currEstab: u32(S2.dwCurrEstab),
    inSegs: v.getBigUint64(S2.dw64InSegs, true),
    outSegs: v.getBigUint64(S2.dw64OutSegs, true),
    retransSegs: u32(S2.dwRetransSegs),
    inErrs: u32(S2.dwInErrs),
    outRsts: u32(S2.dwOutRsts),
    numConns: u32(S2.dwNumConns),
  };
}

/**
 * Decodes a `MIB_TCPSTATS`, as filled by `GetTcpStatisticsEx`: the TCP
 * counters of one address family, with 32-bit segment counters (widened to
 * bigint, so both forms decode to one {@linkcode TcpStatistics}).
 *
 * @param bytes The structure (60 bytes); a view at any byte offset. Bytes after it are ignored.
 * @returns The statistics.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` is shorter than the structure.
 *
 * @example
 * ```ts
 * import { decodeTcpStatistics } from "@iphlpapi/iphlpapi";
 *
 * const bytes = new Uint8Array(60);
 * new DataView(bytes.buffer).setInt32(12, -1, true); // dwMaxConn: MIB_TCP_MAXCONN_DYNAMIC
 * console.log(decodeTcpStatistics(bytes).maxConn); // 4294967295
 * ```
 */
export function decodeTcpStatistics(bytes: Uint8Array): TcpStatistics {
  const v = openStruct(bytes, TCP_STATS);
  const u32 = (at: number) => v.getUint32(at, true);
  return {
    rtoAlgorithm: u32(S.dwRtoAlgorithm),
    rtoMin: u32(S.dwRtoMin),
    rtoMax: u32(S.dwRtoMax),
    maxConn: u32(S.dwMaxConn),
    activeOpens: u32(S.dwActiveOpens),
    passiveOpens: u32(S.dwPassiveOpens),
    attemptFails: u32(S.dwAttemptFails),
    estabResets: u32(S.dwEstabResets),
    currEstab: u32(S.dwCurrEstab),
    inSegs: BigInt(u32(S.dwInSegs)),
    outSegs: BigInt(u32(S.dwOutSegs)),
    retransSegs: u32(S.dwRetransSegs),
    inErrs: u32(S.dwInErrs),
    outRsts: u32(S.dwOutRsts),
    numConns: u32(S.dwNumConns),
  };
}

/**
 * Encodes statistics as a `MIB_TCPSTATS2`: the inverse of
 * {@linkcode decodeTcpStatistics2}. Padding bytes are zero.
 *
 * @param statistics The statistics.
 * @returns The 72 bytes of the structure.
 * @throws {TypeError} Naming the field, if a DWORD member is not an integer
 * from 0 to 4294967295 or a segment counter not a bigint from 0 to 2^64-1.
 *
 * @example
 * ```ts
 * import { encodeTcpStatistics2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeTcpStatistics2({
 *   rtoAlgorithm: 4, rtoMin: 300, rtoMax: 120000, maxConn: 0xffffffff, activeOpens: 0,
 *   passiveOpens: 0, attemptFails: 0, estabResets: 0, currEstab: 0, inSegs: 0n, outSegs: 0n,
 *   retransSegs: 0, inErrs: 0, outRsts: 0, numConns: 0,
 * });
 * console.log(bytes.length); // 72
 * ```
 */
export function encodeTcpStatistics2(statistics: TcpStatistics): Uint8Array {
  const bytes = new Uint8Array(S2.size);
  const w = new FieldWriter(new DataView(bytes.buffer), 0, "MIB_TCPSTATS2");
  for (const [field, , at] of DWORDS) w.u32(at, statistics[field], field);
  w.u64(S2.dw64InSegs, statistics.inSegs, "inSegs");
  w.u64(S2.dw64OutSegs, statistics.outSegs, "outSegs");
  return bytes;
}

/**
 * Encodes statistics as a `MIB_TCPSTATS`: the inverse of
 * {@linkcode decodeTcpStatistics}.
 *
 * @param statistics The statistics.
 * @returns The 60 bytes of the structure.
 * @throws {TypeError} Naming the field, if a member is not an integer from 0
 * to 4294967295: the segment counters too, which this form holds in 32 bits
 * (a larger count is refused, not wrapped).
 *
 * @example
 * ```ts
 * import { encodeTcpStatistics } from "@iphlpapi/iphlpapi/mock";
 *
 * try {
 *   encodeTcpStatistics({
 *     rtoAlgorithm: 4, rtoMin: 300, rtoMax: 120000, maxConn: 0xffffffff, activeOpens: 0,
 *     passiveOpens: 0, attemptFails: 0, estabResets: 0, currEstab: 0, inSegs: 2n ** 32n,
 *     outSegs: 0n, retransSegs: 0, inErrs: 0, outRsts: 0, numConns: 0,
 *   });
 * } catch (error) {
 *   console.log((error as TypeError).message);
 *   // "MIB_TCPSTATS.inSegs: expected a bigint from 0 to 4294967295, found 4294967296n"
 * }
 * ```
 */
export function encodeTcpStatistics(statistics: TcpStatistics): Uint8Array {
  const bytes = new Uint8Array(S.size);
  const w = new FieldWriter(new DataView(bytes.buffer), 0, "MIB_TCPSTATS");
  for (const [field, at] of DWORDS) w.u32(at, statistics[field], field);
  w.u32n(S.dwInSegs, statistics.inSegs, "inSegs");
  w.u32n(S.dwOutSegs, statistics.outSegs, "outSegs");
  return bytes;
}
