// What the tool prints for each kind of failure, and the exit code that goes
// with it: 2 for bad usage, 1 for a failure of Windows, of a capture or of a
// file, and a stack trace only for a bug.
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

/** What to print on stderr for an error, and the exit code. */
export interface Failure {
  /** The message, one line (two for an `IpHelperError` with advice). */
  message: string;
  /** The exit code. */
  code: 1 | 2;
}

/**
 * The failure to report for `error`, or undefined for an unexpected error
 * (a bug), which the caller rethrows so that its stack trace shows.
 */
export function failureOf(error: unknown): Failure | undefined {
  if (error instanceof UsageError) {
    return { message: `iphlpapi: ${error.message} (see --help)`, code: 2 };
  }
  if (error instanceof IpHelperError) {
    const { functionName, codeName, code, advice } = error;
    const head = `iphlpapi: ${functionName} failed: ${codeName} (${code})`;
    return { message: advice ? `${head}\n  ${advice}` : head, code: 1 };
  }
  if (error instanceof CaptureError || error instanceof DecodeError) {
    return { message: `iphlpapi: ${error.name}: ${error.message}`, code: 1 };
  }
  // A missing --allow-ffi or --allow-read: Deno's message says which flag to add.
  if (error instanceof Deno.errors.NotCapable) {
    return { message: `iphlpapi: ${error.message}`, code: 1 };
  }
  if (error instanceof CliError) return { message: `iphlpapi: ${error.message}`, code: 1 };
  return undefined;
}
