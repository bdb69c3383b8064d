// The interfaces command: GetIpInterfaceTable, a column per setting people look at.
import { getIpInterfaceTable, type IpHelperSymbols } from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { type FamilyArgs, familyName, parseFamily } from "./_family.ts";
import type { Cell, Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Index", align: "right" },
  { header: "Family" },
  { header: "LUID" },
  { header: "Metric", align: "right" },
  { header: "Auto Metric" },
  { header: "MTU", align: "right" },
  { header: "Connected" },
  { header: "Forwarding" },
  { header: "Advertising" },
  { header: "Reachable ms", align: "right" },
];

const yesNo = (value: boolean): Cell => value ? { text: "yes" } : { text: "no", style: "dim" };

/** Reads the interfaces of `args.family`. */
function view(args: FamilyArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const rows = getIpInterfaceTable({ family: args.family, ...(symbols && { symbols }) });
  return {
    columns: [...COLUMNS],
    rows: rows.map((row) => ({
      key: `${row.family} ${row.interfaceIndex}`,
      cells: [
        { text: String(row.interfaceIndex) },
        { text: familyName(row.family) },
        { text: `0x${row.interfaceLuid.toString(16)}` },
        { text: String(row.metric) },
        yesNo(row.useAutomaticMetric),
        { text: String(row.nlMtu) },
        row.connected ? { text: "yes", style: "green" } : { text: "no", style: "red" },
        yesNo(row.forwardingEnabled),
        yesNo(row.advertisingEnabled),
        { text: String(row.reachableTime) },
      ],
      data: row,
    })),
    notes: [],
  };
}

/** `interfaces`. */
export const interfacesCommand = defineCommand<FamilyArgs>({
  name: "interfaces",
  summary: "the IP interfaces (Get-NetIPInterface)",
  help: `Usage: iphlpapi interfaces [options]

The IP interfaces, from GetIpInterfaceTable: index, family, LUID, metric, MTU,
connected, forwarding, router advertisements, reachable time. --json gives
every member of each row.

  --family F        ipv4, ipv6 or all (the default)`,
  options: ["family"],
  parse: parseFamily,
  view,
});
