// The addresses command: GetUnicastIpAddressTable, per address its interface,
// prefix, origins, lifetimes and duplicate address detection state, like
// ipconfig and Get-NetIPAddress.
import { getUnicastIpAddressTable, type IpHelperSymbols } from "../mod.ts";
import type { Style } from "./_color.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { familyName } from "./_family.ts";
import { DAD_STATES, nameOf, PREFIX_ORIGINS, SUFFIX_ORIGINS } from "./_names.ts";
import {
  addressText,
  inFamily,
  interfaceCell,
  type NetioArgs,
  parseNetio,
  rowsOnInterface,
} from "./_netio.ts";
import type { Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Interface" },
  { header: "Address" },
  { header: "Family" },
  { header: "Prefix Origin" },
  { header: "Suffix Origin" },
  { header: "Valid" },
  { header: "Preferred" },
  { header: "DAD State" },
];

/** `NL_DAD_STATE` colours: preferred is the normal state, the rest stand out. */
const DAD_STYLES: Readonly<Partial<Record<number, Style>>> = {
  0: "red",
  1: "yellow",
  2: "red",
  3: "dim",
  4: "green",
};

/** The lifetime that never ends (`NL_INFINITE_LIFETIME`). */
const INFINITE = 0xffffffff;

const UNITS: readonly [number, string][] = [[86400, "d"], [3600, "h"], [60, "m"], [1, "s"]];

/** A lifetime in seconds as `infinite`, or days, hours, minutes, seconds: `"1d 2h"`, `"0s"`. */
export function lifetimeText(seconds: number): string {
  if (seconds === INFINITE) return "infinite";
  let left = seconds;
  const parts = UNITS.flatMap(([size, unit]) => {
    const count = Math.floor(left / size);
    left -= count * size;
    return count === 0 ? [] : [`${count}${unit}`];
  });
  return parts.length === 0 ? "0s" : parts.join(" ");
}

/** Reads the unicast addresses, keeps those `args` asks for, and lays them out. */
function view(args: NetioArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  // Every family at once, filtered here: one read, whatever --family says.
  const all = getUnicastIpAddressTable({ family: "all", ...(symbols && { symbols }) });
  const { rows, notes } = rowsOnInterface(
    args,
    all.filter((row) => inFamily(args.family, row.address.family)),
    symbols,
  );
  return {
    columns: [...COLUMNS],
    rows: rows.map((row) => ({
      key: `${row.address.address} ${row.interfaceLuid}`,
      cells: [
        interfaceCell(row),
        { text: `${addressText(row.address)}/${row.onLinkPrefixLength}` },
        { text: familyName(row.address.family) },
        { text: nameOf(PREFIX_ORIGINS, row.prefixOrigin) },
        { text: nameOf(SUFFIX_ORIGINS, row.suffixOrigin) },
        { text: lifetimeText(row.validLifetime) },
        { text: lifetimeText(row.preferredLifetime) },
        { text: nameOf(DAD_STATES, row.dadState), style: DAD_STYLES[row.dadState] },
      ],
      data: {
        ...row,
        prefixOriginName: nameOf(PREFIX_ORIGINS, row.prefixOrigin),
        suffixOriginName: nameOf(SUFFIX_ORIGINS, row.suffixOrigin),
        dadStateName: nameOf(DAD_STATES, row.dadState),
      },
    })),
    notes,
  };
}

/** `addresses`. */
export const addressesCommand = defineCommand<NetioArgs>({
  name: "addresses",
  summary: "the unicast IP addresses (ipconfig, Get-NetIPAddress)",
  help: `Usage: iphlpapi addresses [options]

This machine's unicast IP addresses, as ipconfig and Get-NetIPAddress show
them, from GetUnicastIpAddressTable; interface names from GetIfTable2.

Columns: Interface (its alias; its index if GetIfTable2 fails, which a note
says), Address (address/on-link prefix length; an IPv6 address with a zone as
fe80::1%12/64), Family, Prefix Origin (Other, Manual, WellKnown, Dhcp,
RouterAdvertisement), Suffix Origin (Other, Manual, WellKnown, Dhcp,
LinkLayerAddress, Random), Valid and Preferred (lifetimes: 1d 2h 3m 4s, or
infinite), DAD State (Invalid, Tentative, Duplicate, Deprecated, Preferred).
--json gives every member of each row, the enumerations as their raw numbers
with a ...Name beside each, and the interface's alias and description.

Rows:
  --family F        ipv4, ipv6 or all (the default)
  --interface NAME  only the interface with this alias (any case) or index`,
  examples: `  iphlpapi addresses --family ipv4
  iphlpapi addresses --interface Ethernet --json`,
  options: ["family", "interface"],
  parse: parseNetio,
  view,
});
