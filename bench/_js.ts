// The JavaScript side of bench/compare.ts, a process of its own per table
// file (fresh heap, fresh compiled code, as an application that reads that
// table): decodes and scans the tables of one file, as bench/reference.c
// does the same bytes, and answers the same commands.
//
//   deno run --v8-flags=--expose-gc --allow-read bench/_js.ts KIND FILE
//
// KIND and FILE as for reference.c. Commands, one per line on stdin, each
// answered with one line on stdout:
//   rows         the rows of all tables
//   OP PASSES    OP PASSES times over every table, timed; prints ns/row and
//                OP's result
//   digest       FNV-1a of every decoded row printed as reference.c prints it
//   memory       the heap around one decoded table, as JSON
// OPs: decode (every kind); tcp2 only: floor (rows without addresses, see
// rowsOnly), count and accessors (TcpTable2View.count and a loop over the
// accessors, as bench/_scan.ts writes them).
import { decodeTcpTable2 } from "../structs/tcp_table2.ts";
import { decodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import { decodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
import { decodeUdp6TableOwnerPid } from "../structs/udp6_table_owner_pid.ts";
import { countHttps, countHttpsWithAccessors } from "./_scan.ts";

/** The table kinds, as reference.c names them. */
export type Kind = "tcp2" | "tcp6" | "udp" | "udp6";

/** Row sizes, to split a pool into tables (reference.c has the same). */
const ROW_SIZE: Record<Kind, number> = { tcp2: 28, tcp6: 60, udp: 12, udp6: 28 };

const DECODERS: Record<Kind, (bytes: Uint8Array) => unknown[]> = {
  tcp2: decodeTcpTable2,
  tcp6: decodeTcp6Table2,
  udp: decodeUdpTableOwnerPid,
  udp6: decodeUdp6TableOwnerPid,
};

/** Each decoded row as reference.c prints it for its digest. */
// deno-lint-ignore no-explicit-any
const LINES: Record<Kind, (row: any) => string> = {
  tcp2: (r) =>
    `${r.state} ${r.localAddr}:${r.localPort} ${r.remoteAddr}:${r.remotePort} ` +
    `${r.owningPid} ${r.offloadState}\n`,
  tcp6: (r) =>
    `${r.state} [${r.localAddr}%${r.localScopeId}]:${r.localPort} ` +
    `[${r.remoteAddr}%${r.remoteScopeId}]:${r.remotePort} ${r.owningPid} ${r.offloadState}\n`,
  udp: (r) => `${r.localAddr}:${r.localPort} ${r.owningPid}\n`,
  udp6: (r) => `[${r.localAddr}%${r.localScopeId}]:${r.localPort} ${r.owningPid}\n`,
};

const gc = (globalThis as { gc?: () => void }).gc;

function split(pool: Uint8Array, rowSize: number): Uint8Array[] {
  const view = new DataView(pool.buffer, pool.byteOffset, pool.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < pool.length;) {
    const count = view.getUint32(at, true);
    const length = count === 0 ? 4 : 4 + count * rowSize;
    out.push(pool.subarray(at, at + length));
    at += length;
  }
  return out;
}

const kind = Deno.args[0] as Kind;
if (!(kind in DECODERS)) throw new Error(`unknown table kind ${kind}`);
const tables = split(await Deno.readFile(Deno.args[1]!), ROW_SIZE[kind]);
const totalRows = tables.reduce(
  (sum, t) => sum + new DataView(t.buffer, t.byteOffset).getUint32(0, true),
  0,
);
const decode = DECODERS[kind];

/** `fn` over every table, `count` times; the total of its results in the last pass. */
function passes(fn: (bytes: Uint8Array) => number, count: number): number {
  let result = 0;
  for (let pass = 0; pass < count; pass++) {
    result = 0;
    for (const bytes of tables) result += fn(bytes);
  }
  return result;
}

/**
 * decodeTcpTable2 without the addresses: the same rows, members and reads,
 * but the address members are constant strings. What allocating and filling
 * the row objects costs, the floor of any decoder that returns them.
 */
function rowsOnly(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  const rows = new Array(count);
  for (let i = 0, o = 4; i < count; i++, o += 28) {
    const state = view.getUint32(o, true);
    const listen = state === 2;
    rows[i] = {
      state,
      localAddr: "10.0.0.2",
      localPort: view.getUint16(o + 8, false),
      remoteAddr: listen ? "0.0.0.0" : "192.0.2.7",
      remotePort: listen ? 0 : view.getUint16(o + 16, false),
      owningPid: view.getUint32(o + 20, true),
      offloadState: view.getUint32(o + 24, true),
    };
  }
  return rows.length;
}

// Each op is its own function, so that V8 compiles each loop for its one callee.
const OPS: Record<string, (count: number) => number> = {
  decode: (count) => passes((bytes) => decode(bytes).length, count),
  floor: (count) => passes(rowsOnly, count),
  count: (count) => passes(countHttps, count),
  accessors: (count) => passes(countHttpsWithAccessors, count),
};

/**
 * One round: `op` `count` times over every table. No collection is forced:
 * rounds of an op run back to back, so the collections its allocations
 * cause fall inside them, as in an application. (Forcing one before or after
 * each round would also make V8 forget its decision to allocate big tables'
 * rows directly in the old generation, each time.)
 */
function round(op: string, count: number): string {
  const fn = OPS[op];
  if (!fn) return `error: no op ${op}`;
  const start = performance.now();
  const result = fn(count);
  return `${(performance.now() - start) * 1e6 / count / totalRows} ${result}`;
}

function digest(): string {
  const encoder = new TextEncoder();
  const line = LINES[kind];
  let hash = 0x811c9dc5;
  for (const bytes of tables) {
    for (const row of decode(bytes)) {
      for (const byte of encoder.encode(line(row))) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, "0");
}

/** The heap after a full collection, in bytes. */
function heap(): number {
  gc!();
  return Deno.memoryUsage().heapUsed;
}

/** The heap while one decoded table of `bytes` is held. */
function holding(bytes: Uint8Array): { heap: number; rows: number } {
  const rows = decode(bytes);
  return { heap: heap(), rows: rows.length };
}

/**
 * Bytes per row held by one decoded table (the first of the file), and the
 * heap before and after 50 decodes, each after a full collection. Each
 * measurement is made in a function that has returned by the time the next
 * one runs, so no stack slot keeps a decoded table alive.
 */
function memory(): string {
  if (!gc) return "error: memory needs --v8-flags=--expose-gc";
  const bytes = tables[0]!;
  decode(bytes); // the memo of address texts, and compiled code, exist from now on
  const before = heap();
  const held = holding(bytes);
  const released = heap();
  for (let i = 0; i < 50; i++) decode(bytes);
  const after50 = heap();
  let bytesPerScan = 0;
  if (kind === "tcp2") {
    const scans = 100;
    const quiet = Deno.memoryUsage().heapUsed;
    for (let i = 0; i < scans; i++) countHttps(bytes);
    bytesPerScan = (Deno.memoryUsage().heapUsed - quiet) / scans;
  }
  return JSON.stringify({
    rows: held.rows,
    before,
    holding: held.heap,
    released,
    after50,
    bytesPerRow: (held.heap - released) / held.rows,
    bytesPerScan,
  });
}

function answer(line: string): string {
  const [command, argument] = line.trim().split(" ");
  if (command === "rows") return String(totalRows);
  if (command === "digest") return digest();
  if (command === "memory") return memory();
  if (command && argument) return round(command, Number(argument));
  return `error: bad command ${line}`;
}

const encoder = new TextEncoder();
let buffer = "";
for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
  buffer += chunk;
  for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
    const line = buffer.slice(0, end);
    buffer = buffer.slice(end + 1);
    let reply: string;
    try {
      reply = answer(line);
    } catch (error) {
      reply = `error: ${error instanceof Error ? error.stack?.replaceAll("\n", " | ") : error}`;
    }
    await Deno.stdout.write(encoder.encode(reply + "\n"));
  }
}
