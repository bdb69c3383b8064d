/**
 * The `iphlpapi` command-line tool: the Windows TCP connection table (like
 * `netstat -ano`, with owning modules like TCPView), the IP interfaces and
 * the anycast addresses, as aligned tables, JSON or CSV, once or refreshed in
 * place; and `capture`, which records this machine's tables for the mock.
 *
 * On Windows it reads the live `iphlpapi.dll` (`--allow-ffi`). Elsewhere it
 * replays a capture, `--capture FILE` (`--allow-read`) or an embedded sample,
 * and says so on stderr. Run it with `--help`, or `<command> --help`, for
 * every option. Exit status: 0 success, 1 Windows or capture error, 2 bad usage.
 *
 * @example Listeners, sorted, as netstat shows them
 * ```sh
 * deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli tcp --state listening --sort
 * ```
 *
 * @example Who owns the connections to port 443, as JSON
 * ```sh
 * deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli tcp --owner --port 443 --json
 * ```
 *
 * @module
 */
import { type FamilyArgs, parseCommandLine, type TcpArgs } from "./cli/_args.ts";
import { anycastView } from "./cli/_anycast.ts";
import { runCapture } from "./cli/_capture.ts";
import { colorWanted, painter } from "./cli/_color.ts";
import { failureOf } from "./cli/_errors.ts";
import { helpText } from "./cli/_help.ts";
import { interfacesView } from "./cli/_interfaces.ts";
import { printView } from "./cli/_output.ts";
import { openSource } from "./cli/_source.ts";
import { tcpView } from "./cli/_tcp.ts";
import type { View } from "./cli/_view.ts";
import { watch } from "./cli/_watch.ts";

async function runTable(args: TcpArgs | FamilyArgs): Promise<void> {
  const { symbols, label, notice } = await openSource(args.capture);
  if (notice !== undefined) console.error(notice);
  const read = (): View =>
    args.command === "tcp"
      ? tcpView(args, symbols)
      : args.command === "interfaces"
      ? interfacesView(args, symbols)
      : anycastView(args, symbols);
  const paint = painter(colorWanted());
  if (args.watch === undefined) return printView(read(), args.format, paint);
  await watch(read, { title: `iphlpapi ${args.command} (${label})`, seconds: args.watch, paint });
}

/** Runs the tool; returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  try {
    const invocation = parseCommandLine(args);
    if (invocation.command === "help") console.log(helpText(invocation.topic));
    else if (invocation.command === "capture") await runCapture(invocation);
    else await runTable(invocation);
    return 0;
  } catch (error) {
    const failure = failureOf(error);
    if (failure === undefined) throw error;
    console.error(failure.message);
    return failure.code;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
