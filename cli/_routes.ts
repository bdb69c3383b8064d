// The routes command: GetIpForwardTable2, like route print and Get-NetRoute,
// with each route's effective metric where GetIpInterfaceTable says the
// interface's metric.
import {
  getIpForwardTable2,
  getIpInterfaceTable,
  IpHelperError,
  type IpHelperSymbols,
  type SocketAddress,
} from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { nameOf, ROUTE_PROTOCOLS } from "./_names.ts";
import {
  addressText,
  attempt,
  failureNote,
  inFamily,
  interfaceCell,
  type NetioArgs,
  parseNetio,
  rowsOnInterface,
} from "./_netio.ts";
import type { Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Destination" },
  { header: "Next Hop" },
  { header: "Interface" },
  { header: "Metric", align: "right" },
  { header: "Effective", align: "right" },
  { header: "Protocol" },
];

/** A next hop as route print shows it: `on-link` for the unspecified address. */
function nextHopText(nextHop: SocketAddress): string {
  return nextHop.address === "0.0.0.0" || nextHop.address === "::"
    ? "on-link"
    : addressText(nextHop);
}

/** Reads the routes, keeps those `args` asks for, and lays them out. */
function view(args: NetioArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const options = symbols ? { symbols } : {};
  const all = getIpForwardTable2({ ...options, family: "all" });
  const shown = rowsOnInterface(
    args,
    all.filter((row) => inFamily(args.family, row.destinationPrefix.prefix.family)),
    symbols,
  );
  // The interface metrics, by family and LUID; Wine lacks the function: then no effective metric.
  const interfaces = attempt(() => getIpInterfaceTable({ ...options, family: "all" }));
  const metrics = new Map(
    interfaces instanceof IpHelperError
      ? []
      : interfaces.map((row) => [`${row.family} ${row.interfaceLuid}`, row.metric]),
  );
  const notes = [
    ...shown.notes,
    ...(interfaces instanceof IpHelperError
      ? [failureNote("effective metrics not shown", interfaces)]
      : []),
  ];
  return {
    columns: [...COLUMNS],
    rows: shown.rows.map((row) => {
      const { prefix, prefixLength } = row.destinationPrefix;
      const destination = `${addressText(prefix)}/${prefixLength}`;
      const interfaceMetric = metrics.get(`${prefix.family} ${row.interfaceLuid}`) ?? null;
      const effectiveMetric = interfaceMetric === null ? null : row.metric + interfaceMetric;
      return {
        key: `${destination} ${addressText(row.nextHop)} ${row.interfaceLuid}`,
        cells: [
          { text: destination },
          { text: nextHopText(row.nextHop) },
          interfaceCell(row),
          { text: String(row.metric) },
          { text: effectiveMetric === null ? "" : String(effectiveMetric) },
          { text: nameOf(ROUTE_PROTOCOLS, row.protocol) },
        ],
        data: {
          ...row,
          protocolName: nameOf(ROUTE_PROTOCOLS, row.protocol),
          interfaceMetric,
          effectiveMetric,
        },
      };
    }),
    notes,
  };
}

/** `routes`. */
export const routesCommand = defineCommand<NetioArgs>({
  name: "routes",
  summary: "the routing table (route print, Get-NetRoute)",
  help: `Usage: iphlpapi routes [options]

The routing table, as route print and Get-NetRoute show it, from
GetIpForwardTable2; interface names from GetIfTable2, interface metrics from
GetIpInterfaceTable.

Columns: Destination (prefix/length: 0.0.0.0/0 and ::/0 are default routes),
Next Hop (on-link when the route needs none), Interface (its alias; its index
if GetIfTable2 fails, which a note says), Metric (the route's own metric),
Effective (what Windows compares to choose a route: the route's metric plus
its interface's metric, as route print shows it; empty, with a note, where
GetIpInterfaceTable fails, as under Wine), Protocol (how the route was made,
as Get-NetRoute names it: Local for a connected route, NetMgmt for a static
one, Dhcp, Other, ..., NtAutostatic, NtStatic, NtStaticNonDod).
--json gives every member of each route, protocolName, interfaceMetric and
effectiveMetric (null when unknown), and the interface's alias and description.

Rows:
  --family F        ipv4, ipv6 or all (the default)
  --interface NAME  only routes through the interface with this alias (any
                    case) or index`,
  examples: `  iphlpapi routes --family ipv4
  iphlpapi routes --interface Ethernet --csv`,
  options: ["family", "interface"],
  parse: parseNetio,
  view,
});
