// The anycast command: GetAnycastIpAddressTable.
import { getAnycastIpAddressTable, type IpHelperSymbols } from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { type FamilyArgs, familyName, parseFamily } from "./_family.ts";
import type { Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Address" },
  { header: "Family" },
  { header: "Index", align: "right" },
  { header: "LUID" },
  { header: "Scope ID", align: "right" },
];

/** Reads the anycast addresses of `args.family`. */
function view(args: FamilyArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const rows = getAnycastIpAddressTable({ family: args.family, ...(symbols && { symbols }) });
  return {
    columns: [...COLUMNS],
    rows: rows.map((row) => ({
      key: `${row.address.address} ${row.interfaceIndex}`,
      cells: [
        { text: row.address.address },
        { text: familyName(row.address.family) },
        { text: String(row.interfaceIndex) },
        { text: `0x${row.interfaceLuid.toString(16)}` },
        { text: String(row.scopeId) },
      ],
      data: row,
    })),
    notes: [],
  };
}

/** `anycast`. */
export const anycastCommand = defineCommand<FamilyArgs>({
  name: "anycast",
  summary: "the anycast IP addresses",
  help: `Usage: iphlpapi anycast [options]

The anycast IP addresses, from GetAnycastIpAddressTable.

  --family F        ipv4, ipv6 or all (the default)`,
  options: ["family"],
  parse: parseFamily,
  view,
});
