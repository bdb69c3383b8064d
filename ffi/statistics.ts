import {
  decodeTcpStatistics,
  decodeTcpStatistics2,
  type TcpStatistics,
} from "../structs/tcp_statistics.ts";
import {
  decodeUdpStatistics,
  decodeUdpStatistics2,
  type UdpStatistics,
} from "../structs/udp_statistics.ts";
import { type AnySymbols, fixedPlan, type Plan } from "./_call.ts";
import { checkFamily, checkOptions, readAsync, readSync, SOCKET_FAMILIES } from "./_check.ts";
import type { FixedFunction } from "./_tables.ts";
import type { AsyncSymbolsOption, SymbolsOption } from "./options.ts";

/** The `family` option of the statistics functions. */
export interface StatisticsFamilyOption {
  /** `"ipv4"` (AF_INET, the default) or `"ipv6"` (AF_INET6). */
  family?: "ipv4" | "ipv6";
}

/** Options of {@linkcode getTcpStatistics} and {@linkcode getUdpStatistics}. */
export interface StatisticsOptions extends StatisticsFamilyOption, SymbolsOption {}

/** Options of {@linkcode getTcpStatisticsAsync} and {@linkcode getUdpStatisticsAsync}. */
export interface AsyncStatisticsOptions extends StatisticsFamilyOption, AsyncSymbolsOption {}

/** A statistics function and the decoder of the structure it fills. */
type Form<T> = readonly [FixedFunction, (bytes: Uint8Array) => T];

/** Each protocol's forms: the 64-bit one first, then the one it falls back to. */
const TCP: readonly [Form<TcpStatistics>, Form<TcpStatistics>] = [
  ["GetTcpStatisticsEx2", decodeTcpStatistics2],
  ["GetTcpStatisticsEx", decodeTcpStatistics],
];
const UDP: readonly [Form<UdpStatistics>, Form<UdpStatistics>] = [
  ["GetUdpStatisticsEx2", decodeUdpStatistics2],
  ["GetUdpStatisticsEx", decodeUdpStatistics],
];

/** The 64-bit form when the DLL exports it, else the 32-bit one; decoded. */
function* statisticsPlan<T>(
  symbols: AnySymbols,
  [wide, narrow]: readonly [Form<T>, Form<T>],
  family: number,
): Plan<T> {
  const [fn, decode] = symbols[wide[0]] !== null ? wide : narrow;
  return decode(yield* fixedPlan(symbols, fn, family));
}

const KEYS = ["family", "symbols"];

/** Checks `options` for `api`; returns them and the plan. */
function plan<T>(
  api: string,
  options: StatisticsOptions | AsyncStatisticsOptions | undefined,
  forms: readonly [Form<T>, Form<T>],
) {
  const checked = checkOptions(api, options, KEYS);
  const family = checkFamily(api, checked.family, "ipv4", SOCKET_FAMILIES);
  return [checked, (symbols: AnySymbols) => statisticsPlan(symbols, forms, family)] as const;
}

/**
 * The TCP statistics of one address family: opens, resets, segments in and
 * out, retransmissions, connections (what `netstat -s -p tcp` shows). From
 * `GetTcpStatisticsEx2`, whose segment counters are 64-bit, where the DLL
 * exports it (Windows 10 1709 and later); otherwise from
 * `GetTcpStatisticsEx`, whose 32-bit counters wrap (Wine, older Windows).
 * Both give one {@linkcode TcpStatistics}.
 *
 * @param options `family` (`"ipv4"`, the default, or `"ipv6"`), and `symbols` to use a mock.
 * @returns The statistics.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getTcpStatistics } from "@iphlpapi/iphlpapi";
 *
 * const { activeOpens, passiveOpens, currEstab, inSegs } = getTcpStatistics({ family: "ipv6" });
 * console.log(activeOpens, passiveOpens, currEstab, inSegs);
 * ```
 */
export function getTcpStatistics(options?: StatisticsOptions): TcpStatistics {
  const api = "getTcpStatistics";
  return readSync(api, ...plan(api, options, TCP));
}

/**
 * {@linkcode getTcpStatistics} with the DLL call on a worker thread.
 *
 * @param options `family` (`"ipv4"`, the default, or `"ipv6"`), and `symbols` to use a mock.
 * @returns The statistics.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getTcpStatisticsAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getTcpStatisticsAsync()).retransSegs);
 * ```
 */
export async function getTcpStatisticsAsync(
  options?: AsyncStatisticsOptions,
): Promise<TcpStatistics> {
  const api = "getTcpStatisticsAsync";
  return await readAsync(api, ...plan(api, options, TCP));
}

/**
 * The UDP statistics of one address family: datagrams in and out, datagrams
 * to ports no one listens on, errors, listeners (what `netstat -s -p udp`
 * shows). From `GetUdpStatisticsEx2`, whose datagram counters are 64-bit,
 * where the DLL exports it (Windows 10 1709 and later); otherwise from
 * `GetUdpStatisticsEx`, whose 32-bit counters wrap (Wine, older Windows).
 * Both give one {@linkcode UdpStatistics}.
 *
 * @param options `family` (`"ipv4"`, the default, or `"ipv6"`), and `symbols` to use a mock.
 * @returns The statistics.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getUdpStatistics } from "@iphlpapi/iphlpapi";
 *
 * const { inDatagrams, outDatagrams, noPorts } = getUdpStatistics();
 * console.log(inDatagrams, outDatagrams, noPorts);
 * ```
 */
export function getUdpStatistics(options?: StatisticsOptions): UdpStatistics {
  const api = "getUdpStatistics";
  return readSync(api, ...plan(api, options, UDP));
}

/**
 * {@linkcode getUdpStatistics} with the DLL call on a worker thread.
 *
 * @param options `family` (`"ipv4"`, the default, or `"ipv6"`), and `symbols` to use a mock.
 * @returns The statistics.
 * @throws {IpHelperError} If Windows fails.
 * @throws {TypeError} If an option is not valid.
 *
 * @example
 * ```ts ignore
 * import { getUdpStatisticsAsync } from "@iphlpapi/iphlpapi";
 *
 * console.log((await getUdpStatisticsAsync({ family: "ipv6" })).numAddrs);
 * ```
 */
export async function getUdpStatisticsAsync(
  options?: AsyncStatisticsOptions,
): Promise<UdpStatistics> {
  const api = "getUdpStatisticsAsync";
  return await readAsync(api, ...plan(api, options, UDP));
}
