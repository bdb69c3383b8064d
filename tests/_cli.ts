// What the command-line tests share: cli.ts run as a subprocess (once, or
// under --watch until some frames were drawn), its output read back (JSON,
// table rows, RFC 4180 CSV, notes on stderr), and temporary capture files.
import assert from "node:assert/strict";
import { join } from "node:path";
import { base64ToBytes, type Capture, type CapturedFunction } from "../mock/mod.ts";

/** The tool under test. */
export const cli = join(import.meta.dirname!, "..", "cli.ts");
/** The Wine 10 capture the tool embeds beside its own sample. */
export const winePath = join(import.meta.dirname!, "..", "cli", "sample", "wine10.capture.json");
/** On Windows the tool reads the live iphlpapi.dll, not the embedded sample. */
export const windows = Deno.build.os === "windows";
/** A stack frame: no failure of the tool may print one. */
export const NO_STACK = /^\s+at /m;

/** How a run of the tool ended. */
export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs cli.ts with `args`, stdin closed; colour is never wanted (NO_COLOR by
 * default, and stdout is a pipe).
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Result> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-ffi", "--allow-read", cli, ...args],
    stdin: "null",
    env: options.env ?? { NO_COLOR: "1" },
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  }).output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

/** Runs cli.ts on the Wine capture. */
export const runWine = (...args: string[]) => runCli([...args, "--capture", winePath]);

/**
 * Runs cli.ts with `args` (a --watch among them) until `frames` frames began
 * on stdout, then sends SIGINT and reads the rest: how it exited, all it
 * wrote to stdout, and its stderr.
 */
export async function watchCli(args: string[], frames: number): Promise<Result> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-ffi", "--allow-read", cli, ...args],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const stderr = new Response(child.stderr).text();
  let stdout = "";
  const decoder = new TextDecoder();
  const reader = child.stdout.getReader();
  // Each frame starts with its status line, "iphlpapi <command> (...) at ...".
  while ((stdout.match(/^iphlpapi /gm) ?? []).length < frames) {
    const { value, done } = await reader.read();
    if (done) break;
    stdout += decoder.decode(value, { stream: true });
  }
  child.kill("SIGINT");
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    stdout += decoder.decode(chunk.value, { stream: true });
  }
  const { code } = await child.status;
  return { code, stdout, stderr: await stderr };
}

/** Asserts a successful run and returns its stdout parsed as JSON. */
export function json<T = Record<string, unknown>>(result: Result): T[] {
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** The lines of stderr but the replay notice. */
export const notes = (result: Result) =>
  result.stderr.split("\n").filter((line) => line !== "" && !line.includes("not live"));

/** The table's lines split into cells (cells are separated by two or more spaces). */
export const tableRows = (stdout: string) =>
  stdout.trimEnd().split("\n").map((line) => line.trim().split(/\s{2,}/));

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), field = "";
    else if (c === "\r" && text[i + 1] === "\n") {
      records.push([...record, field]), record = [], field = "", i++;
    } else field += c;
  }
  assert.equal(field + record.join(""), "", "the last record ends with CRLF");
  return records;
}

/**
 * Runs each of `cases` (the arguments, and what the message must name) and
 * asserts a usage error: exit 2, nothing on stdout, one line on stderr naming it.
 */
export async function assertUsageErrors(cases: readonly [string[], string][]): Promise<void> {
  for (const [args, named] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.equal(result.stdout, "");
    const lines = result.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, result.stderr);
    assert.ok(lines[0]!.includes(named), `${args.join(" ")}: ${result.stderr}`);
  }
}

/** The bytes of `capture`'s successful call of `fn`, with these arguments where given. */
export function capturedBytes(
  capture: Capture,
  fn: CapturedFunction,
  family?: number,
  tableClass?: number,
): Uint8Array {
  const call = capture.calls.find((c) =>
    c.function === fn && c.status === 0 &&
    (family === undefined || c.args.family === family) &&
    (tableClass === undefined || c.args.tableClass === tableClass)
  );
  return base64ToBytes(call!.data!);
}

/** Runs `fn` with a new temporary directory, removed afterwards. */
export async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "iphlpapi-cli-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Writes `capture` as JSON to a new file in `dir`, named `name`, and returns its path. */
export async function writeCapture(
  dir: string,
  capture: unknown,
  name = "test.capture.json",
): Promise<string> {
  const path = join(dir, name);
  await Deno.writeTextFile(path, JSON.stringify(capture));
  return path;
}
