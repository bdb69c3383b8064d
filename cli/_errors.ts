// What the tool prints for each kind of failure, and the exit code that goes
// with it: 2 for bad usage, 1 for a failure of Windows, of a capture, of a
// file or of the tool itself, 0 and nothing for a closed standard output.
// Always one line, never a stack trace.
import { DecodeError, IpHelperError } from "../mod.ts";
import { CaptureError } from "../mock/mod.ts";

/** A bad command line: an unknown flag, a bad value. Exit code 2. */
export class UsageError extends Error {
  /** Always `"UsageError"`. */
  override name = "UsageError";
}

/** A failure the user can act on that is not bad usage (a missing file, wrong OS). Exit code 1. */
export class CliError extends Error {
  /** Always `"CliError"`. */
  override name = "CliError";
}

/**
 * Standard output's reader went away (`iphlpapi tcp | head -1`): not a
 * failure, the tool just stops. Exit code 0, nothing printed.
 */
export class OutputClosed extends Error {
  /** Always `"OutputClosed"`. */
  override name = "OutputClosed";
}

/** How the tool ends after an error: what to print on stderr, and the exit code. */
export interface Failure {
  /** The message, one line before escaping; undefined: print nothing. */
  message: string | undefined;
  /** The exit code. */
  code: 0 | 1 | 2;
}

/** The text of anything thrown. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message === "" ? error.name : `${error.name}: ${error.message}`;
}

/**
 * The failure to report for `error`. An error the tool does not expect (a
 * bug, or the runtime running out of something) is still one line, naming
 * the error, and exit code 1.
 */
export function failureOf(error: unknown): Failure {
  if (error instanceof OutputClosed) return { message: undefined, code: 0 };
  if (error instanceof UsageError) {
    return { message: `iphlpapi: ${error.message} (see --help)`, code: 2 };
  }
  if (error instanceof IpHelperError) {
    const { functionName, codeName, code, advice } = error;
    const head = `iphlpapi: ${functionName} failed: ${codeName} (${code})`;
    return { message: advice ? `${head}. ${advice}` : head, code: 1 };
  }
  if (error instanceof CaptureError || error instanceof DecodeError) {
    return { message: `iphlpapi: ${error.name}: ${error.message}`, code: 1 };
  }
  // A missing --allow-ffi or --allow-read: Deno's message says which flag to add.
  if (error instanceof Deno.errors.NotCapable || error instanceof CliError) {
    return { message: `iphlpapi: ${error.message}`, code: 1 };
  }
  return { message: `iphlpapi: unexpected error (please report it): ${describe(error)}`, code: 1 };
}
