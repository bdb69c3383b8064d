// The interfaces command: GetIfTable2's adapters (alias, type, status, speed,
// MAC, traffic counters) joined to GetIpInterfaceTable's per-family settings
// (metric, MTU, forwarding); under --watch the counters are per-second rates.
import {
  getIfTable2,
  getIpInterfaceTable,
  type IfRow2,
  IpHelperError,
  type IpHelperSymbols,
  type IpInterfaceRow,
} from "../mod.ts";
import type { Style } from "./_color.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { familyName } from "./_family.ts";
import { INTERFACE_TYPES, nameOf, OPER_STATUSES } from "./_names.ts";
import { attempt, failureNote, isInterface, type NetioArgs, parseNetio, yesNo } from "./_netio.ts";
import { ratesSince, si } from "./_rate.ts";
import type { Cell, Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Index", align: "right" },
  { header: "Interface" },
  { header: "Family" },
  { header: "Type" },
  { header: "Status" },
  { header: "Speed" },
  { header: "MAC" },
  { header: "Metric", align: "right" },
  { header: "MTU", align: "right" },
  { header: "Forwarding" },
  { header: "In Bytes", align: "right" },
  { header: "Out Bytes", align: "right" },
  { header: "In Packets", align: "right" },
  { header: "Out Packets", align: "right" },
  { header: "Description", maxWidth: 40 },
];

/** `IF_OPER_STATUS` colours. */
const STATUS_STYLES: Readonly<Partial<Record<number, Style>>> = {
  1: "green",
  2: "red",
  3: "yellow",
  5: "yellow",
  6: "dim",
  7: "red",
};

/** The counters shown, in their columns' order, with the unit of their rates. */
const COUNTERS = [
  ["inOctets", "B/s"],
  ["outOctets", "B/s"],
  ["inUcastPkts", "/s"],
  ["outUcastPkts", "/s"],
] as const satisfies readonly (readonly [keyof IfRow2, string])[];

/** An interface: its GetIfTable2 row, and its settings in one family when known. */
interface Joined {
  /** Undefined for an IP interface GetIfTable2 did not list (one added between the reads). */
  adapter?: IfRow2;
  /** Undefined when GetIpInterfaceTable failed. */
  ip?: IpInterfaceRow;
}

/** The interface index of `row`. */
const indexOf = ({ adapter, ip }: Joined) => adapter?.interfaceIndex ?? ip!.interfaceIndex;

/** What identifies `row` across refreshes: its family and LUID. */
const keyOf = ({ adapter, ip }: Joined) =>
  `${ip?.family ?? ""} ${adapter?.interfaceLuid ?? ip!.interfaceLuid}`;

/** The link speed, receive and transmit, as one text when they are equal. */
function speedText({ receiveLinkSpeed: rx, transmitLinkSpeed: tx }: IfRow2): string {
  const text = (bits: bigint) => si(Number(bits), "bps");
  return rx === tx ? text(rx) : `in ${text(rx)} / out ${text(tx)}`;
}

/**
 * The interfaces of `args.family`: one row per IP interface and family,
 * with its adapter. Where GetIpInterfaceTable fails (Wine), one row per
 * adapter, --family not applied, and a note.
 */
function read(
  args: NetioArgs,
  symbols: IpHelperSymbols | undefined,
): { joined: Joined[]; notes: string[] } {
  const options = symbols ? { symbols } : {};
  const adapters = getIfTable2(options);
  const ip = attempt(() => getIpInterfaceTable({ ...options, family: args.family }));
  if (ip instanceof IpHelperError) {
    const ignored = args.family === "all" ? "" : `, --family ${args.family} not applied`;
    return {
      joined: adapters.map((adapter) => ({ adapter })),
      notes: [failureNote(`per-family columns not shown${ignored}`, ip)],
    };
  }
  const byLuid = new Map(adapters.map((adapter) => [adapter.interfaceLuid, adapter]));
  return {
    joined: ip.map((row) => {
      const adapter = byLuid.get(row.interfaceLuid);
      return adapter === undefined ? { ip: row } : { adapter, ip: row };
    }),
    notes: [],
  };
}

/** Reads the interfaces, keeps those `args` asks for, and lays them out. */
function view(args: NetioArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const { joined, notes } = read(args, symbols);
  const shown = joined.filter((row) => isInterface(args, row.adapter?.alias ?? null, indexOf(row)));
  const rates = args.watch === undefined ? undefined : ratesSince(
    args,
    new Map(
      shown.flatMap((row) =>
        row.adapter ? [[keyOf(row), COUNTERS.map(([key]) => row.adapter![key])]] : []
      ),
    ),
    performance.now(),
  );
  return {
    columns: [...COLUMNS],
    rows: shown.map((row) => {
      const { adapter, ip } = row;
      const rate = rates?.get(keyOf(row));
      const counters = COUNTERS.map(([key, unit], i): Cell => {
        if (adapter === undefined) return { text: "" };
        const perSecond = rate?.[i];
        return { text: perSecond === undefined ? String(adapter[key]) : si(perSecond, unit) };
      });
      return {
        key: keyOf(row),
        cells: [
          { text: String(indexOf(row)) },
          { text: adapter?.alias ?? "" },
          { text: ip === undefined ? "" : familyName(ip.family) },
          { text: adapter === undefined ? "" : nameOf(INTERFACE_TYPES, adapter.type) },
          adapter === undefined ? { text: "" } : {
            text: nameOf(OPER_STATUSES, adapter.operStatus),
            style: STATUS_STYLES[adapter.operStatus],
          },
          { text: adapter === undefined ? "" : speedText(adapter) },
          { text: adapter?.physicalAddress ?? "" },
          { text: ip === undefined ? "" : String(ip.metric) },
          { text: String(ip?.nlMtu ?? adapter!.mtu) },
          ip === undefined ? { text: "" } : yesNo(ip.forwardingEnabled),
          ...counters,
          { text: adapter?.description ?? "" },
        ],
        data: {
          ...(adapter && {
            ...adapter,
            typeName: nameOf(INTERFACE_TYPES, adapter.type),
            operStatusName: nameOf(OPER_STATUSES, adapter.operStatus),
          }),
          ...ip,
        },
      };
    }),
    notes,
  };
}

/** `interfaces`. */
export const interfacesCommand = defineCommand<NetioArgs>({
  name: "interfaces",
  summary: "the network interfaces and their traffic (Get-NetAdapter, netstat -e)",
  help: `Usage: iphlpapi interfaces [options]

The network interfaces, as Get-NetAdapter, Get-NetIPInterface and netstat -e
show them: GetIfTable2's adapters joined to GetIpInterfaceTable's settings,
one row per interface and family (as Get-NetIPInterface lists them: adapters
without IP, such as NDIS filter modules, are left out).

Columns: Index, Interface (the alias), Family, Type (ethernetCsmacd,
softwareLoopback, ieee80211, tunnel, ...: the IANA ifType name, else the
number), Status (Up, Down, Testing, Unknown, Dormant, NotPresent,
LowerLayerDown), Speed (the link speed: "1 Gbps", or "in ... / out ..." when
receive and transmit differ), MAC, Metric (the interface metric, which Windows
adds to a route's), MTU, Forwarding, In Bytes, Out Bytes, In Packets and Out
Packets (unicast), Description. With --watch the four counters are per-second
rates since the previous refresh ("12.3 kB/s", "45/s"); the first refresh
shows the totals. --json gives every member of both rows (64-bit counters as
decimal strings), typeName and operStatusName.

Where GetIpInterfaceTable fails (Wine does not implement it), a note says so
and every adapter of GetIfTable2 is shown once, without Family, Metric and
Forwarding, and MTU is the adapter's: --family cannot be applied then.

Rows:
  --family F        ipv4, ipv6 or all (the default): the families of the rows
  --interface NAME  only the interface with this alias (any case) or index`,
  examples: `  iphlpapi interfaces --family ipv4
  iphlpapi interfaces --interface Ethernet --watch`,
  options: ["family", "interface"],
  parse: parseNetio,
  view,
});
