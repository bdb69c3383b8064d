// Every table command, in the order the tool's help lists them. A command is
// one file exporting its TableCommand; adding one here is all the parser,
// the help and the dispatch need.
import { addressesCommand } from "./_addresses.ts";
import { anycastCommand } from "./_anycast.ts";
import type { TableCommand } from "./_command.ts";
import { interfacesCommand } from "./_interfaces.ts";
import { neighborsCommand } from "./_neighbors.ts";
import { routesCommand } from "./_routes.ts";
import { statsCommand } from "./_stats.ts";
import { tcpCommand } from "./_tcp.ts";
import { udpCommand } from "./_udp.ts";

/** The table commands. */
export const TABLE_COMMANDS: readonly TableCommand[] = [
  tcpCommand,
  udpCommand,
  addressesCommand,
  routesCommand,
  neighborsCommand,
  interfacesCommand,
  anycastCommand,
  statsCommand,
];
