// The capture command: record the live DLL's tables for the mock to replay.
import { recordCapture } from "../mock/mod.ts";
import type { CaptureArgs } from "./_args.ts";
import { CliError } from "./_errors.ts";
import { writeErr, writeOut } from "./_output.ts";

/**
 * Records a capture of the live DLL and writes it to `args.output` or
 * stdout; prints each failed call and a summary on stderr.
 *
 * @throws {CliError} Off Windows, or if the file cannot be written.
 * @throws {IpHelperError} If the DLL cannot be loaded.
 */
export async function runCapture(args: CaptureArgs): Promise<void> {
  if (Deno.build.os !== "windows") {
    throw new CliError(
      `capture records the live iphlpapi.dll, so it runs only on Windows (this is ${Deno.build.os})`,
    );
  }
  const { capture, failures } = recordCapture({ modules: args.modules });
  const json = JSON.stringify(capture, null, 2) + "\n";
  if (args.output === undefined) {
    writeOut(json);
  } else {
    try {
      await Deno.writeTextFile(args.output, json);
    } catch (error) {
      throw new CliError(`cannot write ${args.output}: ${(error as Error).message}`);
    }
  }
  for (const failure of failures) writeErr(`iphlpapi: capture: ${failure}`);
  writeErr(
    `iphlpapi: recorded ${capture.calls.length} calls, ${failures.length} failed, to ${
      args.output ?? "standard output"
    }`,
  );
}

/** The `capture` command's help. */
export const CAPTURE_HELP = `Usage: iphlpapi capture [options]

Records every table of the live iphlpapi.dll as a capture: JSON that
\`--capture FILE\` and the mock (@iphlpapi/iphlpapi/mock) replay. Windows only.
A capture holds addresses, routes, neighbours, interface names and counters,
ports and PIDs and, unless --no-modules, the module names and paths of the
sockets' owners and the image paths of their processes (paths may include
user names). Each call that fails is printed on stderr.

  --output FILE     write the capture to FILE (default: standard output)
  --no-modules      do not record module names, module paths or process paths
  -h, --help        this help`;
