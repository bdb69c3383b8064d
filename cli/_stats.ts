// The stats command: the TCP and UDP statistics of IPv4 and IPv6, like
// netstat -s, one row per counter and one column per family; under --watch
// the counters are per-second rates.
import {
  getTcpStatistics,
  getUdpStatistics,
  type IpHelperSymbols,
  type TcpStatistics,
  type UdpStatistics,
} from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { type FamilyArgs, parseFamily } from "./_family.ts";
import { nameOf, RTO_ALGORITHMS } from "./_names.ts";
import { ratesSince, si } from "./_rate.ts";
import type { Column, View } from "./_view.ts";

/** The families of the statistics functions, as columns. */
const FAMILIES = [["ipv4", "IPv4"], ["ipv6", "IPv6"]] as const;

/**
 * How a statistic is shown: `counter` ones only grow (rates under --watch),
 * the others are shown as they are (`text` when they need a name or unit).
 */
interface Statistic<K extends string = string> {
  /** The member. */
  key: K;
  /** The label, as netstat -s words it where it has the counter. */
  label: string;
  /** It counts events: a rate under --watch. */
  counter?: true;
  /** Its text, when not its number. */
  text?: (value: number) => string;
}

const TCP: readonly Statistic<keyof TcpStatistics>[] = [
  { key: "rtoAlgorithm", label: "RTO Algorithm", text: (v) => nameOf(RTO_ALGORITHMS, v) },
  { key: "rtoMin", label: "RTO Min (ms)" },
  { key: "rtoMax", label: "RTO Max (ms)" },
  {
    key: "maxConn",
    label: "Max Connections",
    text: (v) => v === 0xffffffff ? "dynamic" : String(v),
  },
  { key: "activeOpens", label: "Active Opens", counter: true },
  { key: "passiveOpens", label: "Passive Opens", counter: true },
  { key: "attemptFails", label: "Failed Connection Attempts", counter: true },
  { key: "estabResets", label: "Reset Connections", counter: true },
  { key: "currEstab", label: "Current Connections" },
  { key: "inSegs", label: "Segments Received", counter: true },
  { key: "outSegs", label: "Segments Sent", counter: true },
  { key: "retransSegs", label: "Segments Retransmitted", counter: true },
  { key: "inErrs", label: "Segments Received with Errors", counter: true },
  { key: "outRsts", label: "Resets Sent", counter: true },
  { key: "numConns", label: "Connections in Table" },
];

const UDP: readonly Statistic<keyof UdpStatistics>[] = [
  { key: "inDatagrams", label: "Datagrams Received", counter: true },
  { key: "noPorts", label: "No Ports", counter: true },
  { key: "inErrors", label: "Receive Errors", counter: true },
  { key: "outDatagrams", label: "Datagrams Sent", counter: true },
  { key: "numAddrs", label: "Listeners" },
];

/** One row: a statistic of one protocol, its value in each family shown. */
interface StatRow {
  /** The protocol. */
  protocol: "TCP" | "UDP";
  /** The statistic. */
  statistic: Statistic;
  /** Its value in each family shown, in the columns' order. */
  values: (number | bigint)[];
}

/** Reads the statistics of the families `args` asks for, and lays them out. */
function view(args: FamilyArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const families = FAMILIES.filter(([family]) => args.family === "all" || args.family === family);
  const options = (family: "ipv4" | "ipv6") => ({ family, ...(symbols && { symbols }) });
  const tcp = families.map(([family]) => getTcpStatistics(options(family)));
  const udp = families.map(([family]) => getUdpStatistics(options(family)));
  const rows: StatRow[] = [
    ...TCP.map((s) => ({
      protocol: "TCP" as const,
      statistic: s,
      values: tcp.map((t) => t[s.key]),
    })),
    ...UDP.map((s) => ({
      protocol: "UDP" as const,
      statistic: s,
      values: udp.map((u) => u[s.key]),
    })),
  ];
  const keyOf = (row: StatRow) => `${row.protocol} ${row.statistic.key}`;
  const counters = rows.filter((row) => row.statistic.counter)
    .map((row) => [keyOf(row), row.values.map((value) => BigInt(value))] as const);
  const rates = args.watch === undefined
    ? undefined
    : ratesSince(args, new Map(counters), performance.now());
  return {
    columns: [
      { header: "Protocol" },
      { header: "Statistic" },
      ...families.map(([, name]): Column => ({ header: name, align: "right" })),
    ],
    rows: rows.map((row) => {
      const { protocol, statistic, values } = row;
      const rate = rates?.get(keyOf(row));
      return {
        key: keyOf(row),
        cells: [
          { text: protocol },
          { text: statistic.label },
          ...values.map((value, i) => {
            const perSecond = rate?.[i];
            if (perSecond !== undefined) return { text: si(perSecond, "/s") };
            return { text: statistic.text?.(Number(value)) ?? String(value) };
          }),
        ],
        data: {
          protocol,
          statistic: statistic.key,
          ...Object.fromEntries(families.map(([family], i) => [family, values[i]])),
        },
      };
    }),
    notes: [],
  };
}

/** `stats`. */
export const statsCommand = defineCommand<FamilyArgs>({
  name: "stats",
  summary: "the TCP and UDP statistics (netstat -s)",
  help: `Usage: iphlpapi stats [options]

The TCP and UDP statistics of IPv4 and IPv6, as netstat -s -p tcp and -p udp
show them, from GetTcpStatisticsEx2 and GetUdpStatisticsEx2 (64-bit segment
and datagram counters), or GetTcpStatisticsEx and GetUdpStatisticsEx where the
DLL lacks those (Wine, Windows before 10 1709; their 32-bit counters wrap).

One row per statistic (Protocol, Statistic), one column per family (IPv4,
IPv6). The RTO algorithm is shown by name (Other, Constant, Rsre: MIL-STD-1778,
Vanj: Van Jacobson's), a dynamic connection limit as dynamic. With --watch,
the counters (opens, resets, segments, errors, datagrams) are per-second rates
since the previous refresh ("12.3k/s"); the first refresh shows the totals.
--json gives one object per row: protocol, statistic (the member's name) and
the raw value of each family shown (64-bit counters as decimal strings).

  --family F        ipv4, ipv6 or all (the default): the columns shown`,
  examples: `  iphlpapi stats --family ipv4
  iphlpapi stats --watch 5`,
  options: ["family"],
  parse: parseFamily,
  view,
});
