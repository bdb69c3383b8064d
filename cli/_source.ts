// Where the tables come from: the live DLL on Windows, else a replayed
// capture (a file given with --capture, or the embedded sample).
import type { IpHelperSymbols, Kernel32Symbols } from "../mod.ts";
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

/** The largest capture file read: captures are kilobytes, a busy server's a few megabytes. */
export const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;

/** How much is read at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** How many bytes are looked at to tell the encoding and whether it can be JSON. */
const SNIFF_BYTES = 4096;

/** The encodings a capture file is read in. */
type Encoding = "utf-8" | "utf-16le" | "utf-16be";

const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
};

/** JSON's whitespace, and the bytes a JSON text can start with. */
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const JSON_START = new Set([...'{["-0123456789tfn'].map((char) => char.charCodeAt(0)));

const MIB = 1024 * 1024;
const sizeText = (bytes: number) => bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;

/** A byte as a message shows it: `"x"` when printable ASCII, else `byte 0x00`. */
const byteText = (byte: number) =>
  byte > 0x20 && byte < 0x7f
    ? JSON.stringify(String.fromCharCode(byte))
    : `byte 0x${byte.toString(16).padStart(2, "0")}`;

/**
 * The encoding of a capture file from its first bytes: UTF-8 (with or without
 * a byte-order mark), or UTF-16 with one (what Windows PowerShell 5.1's `>`
 * writes). Throws at once for what cannot be a JSON text, so that a device
 * or a binary file is not read to the size limit first.
 *
 * @throws {CaptureError} For UTF-32, UTF-16 without a byte-order mark, or a
 * first character that no JSON text starts with.
 */
function encodingOf(start: Uint8Array, path: string): Encoding {
  const [a, b, c, d] = start;
  if (
    (a === 0xff && b === 0xfe && c === 0 && d === 0) ||
    (a === 0 && b === 0 && c === 0xfe && d === 0xff)
  ) {
    throw new CaptureError(`${path} is UTF-32, which is not read: save it as UTF-8`);
  }
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a !== undefined && b !== undefined && (a === 0) !== (b === 0)) {
    throw new CaptureError(
      `${path} is not JSON: it looks like UTF-16 without a byte-order mark; save it as UTF-8`,
    );
  }
  const first = start.find((byte) => !JSON_SPACE.has(byte));
  if (first !== undefined && !JSON_START.has(first)) {
    throw new CaptureError(`${path} is not JSON: it starts with ${byteText(first)}`);
  }
  return "utf-8";
}

/**
 * The text of the file at `path`, read at most `maxBytes + 1` bytes at a
 * time (a device such as /dev/zero never ends), decoded as
 * {@linkcode encodingOf} tells, its byte-order mark dropped.
 *
 * @throws {CliError} If the file cannot be opened or read, or is larger than `maxBytes`.
 * @throws {CaptureError} If it is not text a capture can be in.
 */
export async function readCaptureText(
  path: string,
  maxBytes: number = MAX_CAPTURE_BYTES,
): Promise<string> {
  const tooLarge = () =>
    new CliError(`the capture ${path} is larger than ${sizeText(maxBytes)}, the most read`);
  const cannotRead = (error: unknown) =>
    // Not found, a directory, no --allow-read: all the user's to fix.
    new CliError(
      `cannot read the capture ${path}: ${error instanceof Error ? error.message : error}`,
    );
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch (error) {
    throw cannotRead(error);
  }
  const chunks: Uint8Array[] = [];
  let encoding: Encoding | undefined;
  try {
    let info: Deno.FileInfo;
    try {
      info = await file.stat();
    } catch (error) {
      throw cannotRead(error);
    }
    // A regular file says its size: refuse it without reading it.
    if (info.isFile && info.size > maxBytes) throw tooLarge();
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, maxBytes + 1));
    let total = 0;
    for (;;) {
      let read: number | null;
      try {
        read = await file.read(buffer.subarray(0, Math.min(buffer.length, maxBytes + 1 - total)));
      } catch (error) {
        throw cannotRead(error);
      }
      if (read !== null) {
        chunks.push(buffer.slice(0, read));
        total += read;
        if (total > maxBytes) throw tooLarge();
      }
      if (encoding === undefined && (total >= SNIFF_BYTES || read === null)) {
        encoding = encodingOf(concat(chunks, SNIFF_BYTES), path);
      }
      if (read === null) break;
    }
  } finally {
    file.close();
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    return chunks.map((chunk, i) => decoder.decode(chunk, { stream: i < chunks.length - 1 }))
      .join("");
  } catch {
    throw new CaptureError(`${path} is not JSON: it is not valid ${ENCODING_NAMES[encoding!]}`);
  }
}

/** The first `limit` bytes of `chunks`, in one array. */
function concat(chunks: readonly Uint8Array[], limit: number): Uint8Array {
  const out = new Uint8Array(Math.min(limit, chunks.reduce((n, chunk) => n + chunk.length, 0)));
  let at = 0;
  for (const chunk of chunks) {
    if (at === out.length) break;
    const part = chunk.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function readCapture(path: string): Promise<Capture> {
  const text = await readCaptureText(path);
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

/**
 * The mock kernel32 of each replayed capture, by its mock's symbols (what a
 * view is given): null when the capture names no processes.
 */
const replayedKernel32 = new WeakMap<IpHelperSymbols, Kernel32Symbols | null>();

/**
 * The kernel32 to name processes with, for a view given `symbols`: undefined
 * for the live DLL (the API loads the real kernel32), the replayed capture's
 * mock, or null when the capture names no processes (recorded with
 * `--no-modules`, or before captures held them).
 */
export function kernel32For(
  symbols: IpHelperSymbols | undefined,
): Kernel32Symbols | null | undefined {
  return symbols === undefined ? undefined : replayedKernel32.get(symbols) ?? null;
}

function replay(capture: Capture, name: string): Source {
  const { symbols, kernel32 } = createMock(capture);
  replayedKernel32.set(symbols, capture.processes === undefined ? null : kernel32);
  return {
    symbols,
    label: `replay of ${name}`,
    notice: `iphlpapi: not live: replaying ${name} (${capture.producer})`,
  };
}

/**
 * The live DLL on Windows without `capturePath`; otherwise a mock replaying
 * the capture at `capturePath`, or the embedded sample.
 *
 * @throws {CliError} If the capture file cannot be read, or is over {@linkcode MAX_CAPTURE_BYTES}.
 * @throws {CaptureError} If it is not a valid capture.
 */
export async function openSource(capturePath: string | undefined): Promise<Source> {
  if (capturePath !== undefined) return replay(await readCapture(capturePath), capturePath);
  if (Deno.build.os === "windows") return { label: "live" };
  return replay(embeddedSample(), "the embedded sample");
}
