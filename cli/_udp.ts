// The udp command: the IPv4 and IPv6 UDP endpoints with their owners, in one
// list, filtered, sorted, and laid out like netstat.
import {
  AF_INET,
  type Family,
  getExtendedUdpTable,
  getOwnerModuleFromUdp6Entry,
  getOwnerModuleFromUdpEntry,
  type IpHelperSymbols,
} from "../mod.ts";
import { defineCommand, type TableArgs } from "./_command.ts";
import { formatEndpoint, localEndpoint, type LocalMembers } from "./_endpoint.ts";
import { parseFilter, type SocketFilter } from "./_filter.ts";
import { oneOf, type OptionValues } from "./_parse.ts";
import { withModules } from "./_owner.ts";
import { PID_COLUMNS, processNames } from "./_process.ts";
import { parseFamilies, readFamilies, select } from "./_sockets.ts";
import { type SortKey, UDP_SORT_KEYS } from "./_sort.ts";
import type { Cell, Column, Row, View } from "./_view.ts";

/** The `udp` command's own options. */
export interface UdpArgs {
  /** `--owner`: the owner-module tables and each row's module. */
  owner: boolean;
  /** `-4`, `-6`, `--family`: which families; both by default. */
  family: Family;
  /** `--port`, `--pid`. */
  filter: SocketFilter;
  /** `--sort`: ask Windows for sorted rows and sort by this key (local or pid). */
  sort?: SortKey;
}

/** Reads the `udp` flags. */
function parse(values: OptionValues): UdpArgs {
  const sortText = values.text("sort");
  return {
    owner: values.flag("owner"),
    family: parseFamilies(values),
    filter: parseFilter(values),
    ...(sortText !== undefined && { sort: oneOf(sortText, "--sort", UDP_SORT_KEYS) }),
  };
}

const COLUMNS: readonly Column[] = [
  { header: "Proto" },
  { header: "Local Address" },
  { header: "Foreign Address" },
  ...PID_COLUMNS,
];

/** A UDP row of either family, with its owner. */
type AnyUdpRow = LocalMembers & { owningPid: number };

/**
 * A view of `rows`: the common columns, then `extra` columns and their
 * `cells(row)`. Each row's JSON is all its members, its process's name and
 * `more(row)`.
 */
function tableView<R extends AnyUdpRow>(
  rows: readonly R[],
  symbols: IpHelperSymbols | undefined,
  extra: readonly Column[],
  cells: (row: R) => Cell[],
  notes: (string | undefined)[],
): View {
  const processes = processNames(rows.map((row) => row.owningPid), symbols);
  return {
    columns: [...COLUMNS, ...extra],
    rows: rows.map((row): Row => {
      const local = formatEndpoint(localEndpoint(row));
      return {
        key: `${local} ${row.owningPid}`,
        // A UDP socket has no peer: netstat's *:* for its foreign address.
        cells: [
          { text: "UDP" },
          { text: local },
          { text: formatEndpoint(undefined) },
          ...processes.cells(row.owningPid),
          ...cells(row),
        ],
        data: { ...row, processName: processes.name(row.owningPid) },
      };
    }),
    notes: [...notes, processes.note].filter((note) => note !== undefined),
  };
}

/**
 * Reads the UDP tables of the families `args` selects: `GetExtendedUdpTable`
 * with `UDP_TABLE_OWNER_PID`, or `UDP_TABLE_OWNER_MODULE` and each row's
 * module (`--owner`). Its notes say why module or process names are not
 * shown, if they are not.
 */
function view(args: UdpArgs & TableArgs, symbols: IpHelperSymbols | undefined): View {
  const options = { sorted: args.sort !== undefined, ...(symbols && { symbols }) };
  if (!args.owner) {
    const { rows, notes } = readFamilies(
      args.family,
      () => getExtendedUdpTable(options),
      () => getExtendedUdpTable({ ...options, family: "ipv6" }),
    );
    return tableView(select(rows, args.filter, args.sort), symbols, [], () => [], notes);
  }
  const read = readFamilies(
    args.family,
    () => getExtendedUdpTable({ ...options, owner: "module" }),
    () => getExtendedUdpTable({ ...options, family: "ipv6", owner: "module" }),
  );
  // Modules are looked up for the rows shown only: one DLL call per row.
  const lookup = { ...(symbols && { symbols }) };
  const { rows, note } = withModules(
    select(read.rows, args.filter, args.sort),
    (row) =>
      row.family === AF_INET
        ? getOwnerModuleFromUdpEntry(row, lookup)
        : getOwnerModuleFromUdp6Entry(row, lookup),
  );
  return tableView(
    rows,
    symbols,
    [{ header: "Module" }, { header: "Path" }],
    (row) => [{ text: row.moduleName ?? "" }, { text: row.modulePath ?? "" }],
    [...read.notes, note],
  );
}

/** `udp`: the UDP endpoints, netstat style. */
export const udpCommand = defineCommand<UdpArgs>({
  name: "udp",
  summary: "the UDP endpoints, IPv4 and IPv6 (netstat -ano -p udp)",
  help: `Usage: iphlpapi udp [options]

The UDP endpoints of IPv4 and IPv6 in one table, from GetExtendedUdpTable
(UDP_TABLE_OWNER_PID): Proto, Local Address, Foreign Address, PID, Process.
As in netstat, IPv4 rows come first, an IPv6 endpoint is bracketed, with the
scope ID of a link-local address ([fe80::1%12]:546), and the foreign address
is *:* (UDP has no peer; --json has no remote members). Process is the
executable's name, as TCPView shows it: System Idle Process for PID 0,
System for PID 4, <access denied> for a process Windows will not open (run
elevated to see it), <exited> for one that has ended. --json gives every
member of each row, with family (2 IPv4, 23 IPv6) and processName (null when
unknown).

Families:
  -4, --ipv4        IPv4 only
  -6, --ipv6        IPv6 only
  --family F        ipv4, ipv6 or all (the default)

Table:
  --owner           UDP_TABLE_OWNER_MODULE and GetOwnerModuleFromUdpEntry (or
                    Udp6Entry): adds the Module and Path of each endpoint's
                    owner; names Windows hides (run elevated to see them all)
                    are left empty

Rows:
  --port N          keep rows with local port N; repeat it (or give N,M) to
                    keep rows with any of the ports
  --pid N           keep rows owned by process N
  --sort [KEY]      ask Windows for sorted rows and sort by KEY: local (the
                    default) or pid; addresses in numeric order, IPv4 before IPv6`,
  examples: `  iphlpapi udp --port 53 --port 5353
  iphlpapi udp -6 --sort
  iphlpapi udp --pid 1234 --owner --json`,
  options: ["owner", "port", "pid", "sort", "family", "ipv4", "ipv6"],
  parse,
  view,
});
