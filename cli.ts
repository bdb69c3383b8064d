/**
 * The `iphlpapi` command-line tool: the Windows network tables as aligned
 * tables, JSON or CSV, once or refreshed in place. `tcp` and `udp` (like
 * `netstat -ano`, with process and module names like TCPView), `addresses`
 * (`ipconfig`), `routes` (`route print`), `neighbors` (`arp -a`),
 * `interfaces` (`Get-NetAdapter` and `Get-NetIPInterface`), `anycast`,
 * `stats` (`netstat -s`); and `capture`, which records this machine's tables
 * for the mock.
 *
 * On Windows it reads the live `iphlpapi.dll` (`--allow-ffi`). Elsewhere it
 * replays a capture, `--capture FILE` (`--allow-read`) or an embedded sample,
 * and says so on stderr. Run it with `--help`, or `<command> --help`, for
 * every option. Exit status: 0 success (a closed pipe, as with `| head`, included),
 * 1 Windows, capture or output error, 2 bad usage. Whatever it prints has its
 * control characters escaped, and every failure is one line on stderr.
 *
 * @example Listeners, sorted, as netstat shows them
 * ```sh
 * deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli tcp --state listening --sort
 * ```
 *
 * @example The routing table, IPv6 only
 * ```sh
 * deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli routes --family ipv6
 * ```
 *
 * @example Who owns the connections to port 443, as JSON
 * ```sh
 * deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli tcp --owner --port 443 --json
 * ```
 *
 * @module
 */
import { parseCommandLine, type TableInvocation } from "./cli/_args.ts";
import { runCapture } from "./cli/_capture.ts";
import { colorWanted, painter } from "./cli/_color.ts";
import { failureOf } from "./cli/_errors.ts";
import { helpText, versionText } from "./cli/_help.ts";
import { printView, writeErr, writeOut } from "./cli/_output.ts";
import { openSource } from "./cli/_source.ts";
import type { View } from "./cli/_view.ts";
import { watch } from "./cli/_watch.ts";

async function runTable(invocation: TableInvocation): Promise<void> {
  const { command: _, tableCommand, args: own, ...args } = invocation;
  const { symbols, label, notice } = await openSource(args.capture);
  if (notice !== undefined) writeErr(notice);
  // One object for every refresh: a view may keep what it read last (for rates).
  const commandArgs = { ...args, ...own };
  const read = (): View => tableCommand.view(commandArgs, symbols);
  const paint = painter(colorWanted(args.color));
  if (args.watch === undefined) return printView(read(), args.format, paint);
  await watch(read, {
    title: `iphlpapi ${tableCommand.name} (${label})`,
    seconds: args.watch,
    paint,
  });
}

/** Runs the tool; returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  try {
    const invocation = parseCommandLine(args);
    if (invocation.command === "help") writeOut(helpText(invocation.topic) + "\n");
    else if (invocation.command === "version") writeOut(versionText() + "\n");
    else if (invocation.command === "capture") await runCapture(invocation);
    else await runTable(invocation);
    return 0;
  } catch (error) {
    const { message, code } = failureOf(error);
    if (message !== undefined) writeErr(message);
    return code;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
