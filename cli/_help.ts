// The --help texts, for the tool and for each command.
import type { Command } from "./_args.ts";

const TABLE_OPTIONS = `Output:
  --json            one JSON document of full rows (64-bit values as decimal strings)
  --csv             CSV (RFC 4180) with the table's columns, for scripts
  --watch [SECONDS] refresh in place every SECONDS (default 1), marking rows
                    + new, ~ changed, - closed since the last refresh; Ctrl-C quits

Data:
  --capture FILE    replay a capture (from \`iphlpapi capture\`) instead of the live DLL;
                    off Windows the default is an embedded sample

  -h, --help        this help`;

const TOOL = `iphlpapi: the Windows IP Helper tables (iphlpapi.dll), read through Deno FFI

Usage: iphlpapi <command> [options]
   or: deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli <command> [options]

Commands:
  tcp          the IPv4 TCP connections and listeners (netstat -ano)
  interfaces   the IP interfaces (Get-NetIPInterface)
  anycast      the anycast IP addresses
  capture      record this machine's tables to a capture file (Windows only)

Run \`iphlpapi <command> --help\` for a command's options.

Off Windows, the table commands replay a capture (the embedded sample, or
--capture FILE) and say so on stderr. Colour is used only when standard output
is a terminal and NO_COLOR is unset.

Exit status: 0 success, 1 Windows, capture or file error, 2 bad usage.`;

const COMMANDS: Readonly<Record<Command, string>> = {
  tcp: `Usage: iphlpapi tcp [options]

The IPv4 TCP table: from GetTcpTable2 (Proto, Local Address, Foreign Address,
State, PID, Offload). A listener's foreign address shows as 0.0.0.0:0, as in
netstat.

Table:
  --basic           GetTcpTable instead: no PID column
  --owner           GetExtendedTcpTable and GetOwnerModuleFromTcpEntry: adds the
                    Module and Path of each connection's owner; names Windows
                    hides (run elevated to see them all) are left empty

Rows:
  --state LIST      keep these states, comma-separated, any case: LISTEN,
                    ESTABLISHED, TIME_WAIT, ... (netstat's LISTENING works too)
  --port N          keep rows with local or remote port N
  --pid N           keep rows owned by process N
  --sort [KEY]      ask Windows for sorted rows and sort by KEY: local (the
                    default), remote, state or pid

${TABLE_OPTIONS}

Examples:
  iphlpapi tcp --state listening --sort
  iphlpapi tcp --port 443 --owner
  iphlpapi tcp --pid 1234 --json
  iphlpapi tcp --watch 2`,

  interfaces: `Usage: iphlpapi interfaces [options]

The IP interfaces, from GetIpInterfaceTable: index, family, LUID, metric, MTU,
connected, forwarding, router advertisements, reachable time. --json gives
every member of each row.

  --family F        ipv4, ipv6 or all (the default)

${TABLE_OPTIONS}`,

  anycast: `Usage: iphlpapi anycast [options]

The anycast IP addresses, from GetAnycastIpAddressTable.

  --family F        ipv4, ipv6 or all (the default)

${TABLE_OPTIONS}`,

  capture: `Usage: iphlpapi capture [options]

Records every table of the live iphlpapi.dll as a capture: JSON that
\`--capture FILE\` and the mock (@iphlpapi/iphlpapi/mock) replay. Windows only.
A capture holds addresses, ports, PIDs and interface settings and, unless
--no-modules, the module names and paths of the connections' owners (paths
may include user names). Each call that fails is printed on stderr.

  --output FILE     write the capture to FILE (default: standard output)
  --no-modules      do not record module names and paths
  -h, --help        this help`,
};

/**
 * The help for `topic`, or for the tool.
 *
 * @param topic A command, or undefined for the tool.
 * @returns The text, without a trailing newline.
 */
export function helpText(topic: Command | undefined): string {
  return topic === undefined ? TOOL : COMMANDS[topic];
}
