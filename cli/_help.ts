// The --help texts, for the tool and for each command, and --version.
import config from "../deno.json" with { type: "json" };
import { CAPTURE_HELP } from "./_capture.ts";
import { TABLE_COMMANDS } from "./_commands.ts";

const TABLE_OPTIONS = `Output:
  --json            one JSON document of full rows (64-bit values as decimal strings)
  --csv             CSV (RFC 4180) with the table's columns, for scripts; a field
                    that starts with = + - or @ gets a leading ' (spreadsheet safe)
  --watch [SECONDS] refresh in place every SECONDS (0.1 to 86400, default 1), marking
                    rows + new, ~ changed, - closed since the last refresh; Ctrl-C quits
  --color [WHEN]    colour the table: auto (the default: on a terminal without
                    NO_COLOR), always (a bare --color) or never

Data:
  --capture FILE    replay a capture (from \`iphlpapi capture\`) instead of the live DLL;
                    off Windows the default is an embedded sample

  -h, --help        this help`;

const TOOL = `iphlpapi: the Windows IP Helper tables (iphlpapi.dll), read through Deno FFI

Usage: iphlpapi <command> [options]
   or: deno run --allow-ffi jsr:@iphlpapi/iphlpapi/cli <command> [options]

Commands:
${
  [
    ...TABLE_COMMANDS.map((c) => [c.name, c.summary]),
    ["capture", "record this machine's tables to a capture file (Windows only)"],
  ].map(([name, summary]) => `  ${name!.padEnd(12)} ${summary}`).join("\n")
}

Run \`iphlpapi help <command>\` or \`iphlpapi <command> --help\` for a command's
options, \`iphlpapi --version\` for the version.

Off Windows, the table commands replay a capture (the embedded sample, or
--capture FILE) and say so on stderr. Colour is used only when standard output
is a terminal and NO_COLOR is unset, unless --color says otherwise. Control
characters in what is shown are escaped (\\n, \\x1b); long cells are cut with ….

Exit status: 0 success (a closed pipe, as with | head, too), 1 Windows, capture,
file or output error, 2 bad usage; a failure is one line on stderr.`;

/**
 * The help for `topic`, or for the tool.
 *
 * @param topic A command, or undefined for the tool.
 * @returns The text, without a trailing newline.
 */
export function helpText(topic: string | undefined): string {
  if (topic === undefined) return TOOL;
  if (topic === "capture") return CAPTURE_HELP;
  const command = TABLE_COMMANDS.find((c) => c.name === topic)!;
  const examples = command.examples === undefined ? "" : `\n\nExamples:\n${command.examples}`;
  return `${command.help}\n\n${TABLE_OPTIONS}${examples}`;
}

/**
 * What `--version` prints: the tool's name and the version in deno.json.
 *
 * @returns The text, without a trailing newline.
 */
export function versionText(): string {
  return `iphlpapi ${config.version}`;
}
