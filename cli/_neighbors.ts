// The neighbors command: GetIpNetTable2, the ARP and IPv6 neighbour caches,
// like arp -a and Get-NetNeighbor.
import {
  type Family,
  getIpNetTable2,
  IpHelperError,
  type IpHelperSymbols,
  type IpNetRow2,
} from "../mod.ts";
import type { Style } from "./_color.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { nameOf, NEIGHBOR_STATES } from "./_names.ts";
import {
  addressText,
  attempt,
  failureNote,
  inFamily,
  interfaceCell,
  type NetioArgs,
  parseNetio,
  rowsOnInterface,
  yesNo,
} from "./_netio.ts";
import type { Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Interface" },
  { header: "Address" },
  { header: "Physical Address" },
  { header: "State" },
  { header: "Router" },
];

/** `NL_NEIGHBOR_STATE` colours. */
const STATE_STYLES: Readonly<Partial<Record<number, Style>>> = {
  0: "red",
  1: "yellow",
  2: "yellow",
  3: "yellow",
  4: "dim",
  5: "green",
  6: "cyan",
};

/**
 * The neighbours of `family`: every family is read at once and filtered, so
 * that one read answers any --family. Wine fails that read (and IPv6's) with
 * ERROR_INVALID_FUNCTION: then each family is read on its own, and one that
 * fails is a note, unless every family asked for fails.
 */
function readNeighbors(
  family: Family,
  symbols: IpHelperSymbols | undefined,
): { rows: IpNetRow2[]; notes: string[] } {
  const read = (family: Family) => getIpNetTable2({ family, ...(symbols && { symbols }) });
  const all = attempt(() => read("all"));
  if (!(all instanceof IpHelperError)) {
    return { rows: all.filter((row) => inFamily(family, row.address.family)), notes: [] };
  }
  if (family !== "all") return { rows: read(family), notes: [] };
  const [ipv4, ipv6] = [attempt(() => read("ipv4")), attempt(() => read("ipv6"))];
  if (ipv4 instanceof IpHelperError && ipv6 instanceof IpHelperError) throw all;
  const notes = ([[ipv4, "IPv4"], [ipv6, "IPv6"]] as const).flatMap(([result, name]) =>
    result instanceof IpHelperError ? [failureNote(`${name} neighbours not shown`, result)] : []
  );
  const rows = [ipv4, ipv6].flatMap((result) => result instanceof IpHelperError ? [] : result);
  return { rows, notes };
}

/** Reads the neighbours, keeps those `args` asks for, and lays them out. */
function view(args: NetioArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const neighbors = readNeighbors(args.family, symbols);
  const shown = rowsOnInterface(args, neighbors.rows, symbols);
  return {
    columns: [...COLUMNS],
    rows: shown.rows.map((row) => ({
      key: `${addressText(row.address)} ${row.interfaceLuid}`,
      cells: [
        interfaceCell(row),
        { text: addressText(row.address) },
        { text: row.physicalAddress },
        { text: nameOf(NEIGHBOR_STATES, row.state), style: STATE_STYLES[row.state] },
        yesNo(row.isRouter),
      ],
      data: { ...row, stateName: nameOf(NEIGHBOR_STATES, row.state) },
    })),
    notes: [...neighbors.notes, ...shown.notes],
  };
}

/** `neighbors`. */
export const neighborsCommand = defineCommand<NetioArgs>({
  name: "neighbors",
  summary: "the ARP and IPv6 neighbour caches (arp -a, Get-NetNeighbor)",
  help: `Usage: iphlpapi neighbors [options]

The neighbour caches, as arp -a (IPv4) and Get-NetNeighbor (both families)
show them, from GetIpNetTable2; interface names from GetIfTable2.

Columns: Interface (its alias; its index if GetIfTable2 fails, which a note
says), Address (an IPv6 address with a zone as fe80::1%12), Physical Address
(the MAC, 00-15-5d-01-02-03; empty when unresolved), State (Unreachable,
Incomplete, Probe, Delay, Stale, Reachable, Permanent), Router (the neighbour
is a router). --json gives every member of each row, stateName, and the
interface's alias and description.

Wine cannot list every family at once, nor IPv6: the families are then read
one by one, and one that fails is a note on stderr.

Rows:
  --family F        ipv4, ipv6 or all (the default)
  --interface NAME  only the interface with this alias (any case) or index`,
  examples: `  iphlpapi neighbors --family ipv4
  iphlpapi neighbors --interface 12 --json`,
  options: ["family", "interface"],
  parse: parseNetio,
  view,
});
