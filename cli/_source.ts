// Where the tables come from: the live DLL on Windows, else a replayed
// capture (a file given with --capture, or the embedded sample).
import type { IpHelperSymbols } from "../mod.ts";
import { type Capture, CaptureError, createMock, parseCapture } from "../mock/mod.ts";
import { CliError } from "./_errors.ts";
import { embeddedSample } from "./_sample.ts";

/** The functions to read the tables with, and how to tell the user about them. */
export interface Source {
  /** A mock's functions, or undefined for the live DLL. */
  symbols?: IpHelperSymbols;
  /** `live`, or which capture is replayed: for the `--watch` status line. */
  label: string;
  /** The one-line notice for stderr when the data is replayed, not live. */
  notice?: string;
}

async function readCapture(path: string): Promise<Capture> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    // Not found, a directory, no --allow-read: all the user's to fix.
    throw new CliError(`cannot read the capture ${path}: ${(error as Error).message}`);
  }
  try {
    return parseCapture(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new CaptureError(`${path} is not JSON: ${error.message}`);
    }
    if (error instanceof CaptureError) throw new CaptureError(`${path}: ${error.message}`);
    throw error;
  }
}

function replay(capture: Capture, name: string): Source {
  return {
    symbols: createMock(capture).symbols,
    label: `replay of ${name}`,
    notice: `iphlpapi: not live: replaying ${name} (${capture.producer})`,
  };
}

/**
 * The live DLL on Windows without `capturePath`; otherwise a mock replaying
 * the capture at `capturePath`, or the embedded sample.
 *
 * @throws {CliError} If the capture file cannot be read.
 * @throws {CaptureError} If it is not a valid capture.
 */
export async function openSource(capturePath: string | undefined): Promise<Source> {
  if (capturePath !== undefined) return replay(await readCapture(capturePath), capturePath);
  if (Deno.build.os === "windows") return { label: "live" };
  return replay(embeddedSample(), "the embedded sample");
}
