// `deno task bench`: decodeTcpTable2 and the TcpTable2View scan against the C
// reference (bench/reference.c, built here with gcc -O2) on the same bytes, in
// the same run; then the heap around repeated 200k-row decodes.
//
// Every figure is the median of ROUNDS rounds of about ROWS_PER_ROUND rows
// each, after a warm-up round, measured the same way in C and in JavaScript;
// JavaScript's include the garbage collection their own allocations cause.
import assert from "node:assert/strict";
import { decodeTcpTable2, type TcpRow2 } from "../mod.ts";
import { encodeTcpTable2 } from "../mock/mod.ts";
import { countHttps } from "./_scan.ts";
import { busyTcpRows, SIZES } from "./_tables.ts";

const ROUNDS = 7;
const ROWS_PER_ROUND = 2_000_000;
const OUT = ".cache/bench";
const TARGET = { decode: 3, scan: 1.5 };

const text = new TextDecoder();

async function run(cmd: string, args: string[]): Promise<string> {
  const { success, stdout, stderr } = await new Deno.Command(cmd, { args }).output();
  if (!success) throw new Error(`${cmd} ${args.join(" ")} failed:\n${text.decode(stderr)}`);
  return text.decode(stdout);
}

/** The CPU, from /proc/cpuinfo (read with `cat`: Deno reads /proc only with --allow-all). */
async function cpu(): Promise<string> {
  try {
    const info = await run("cat", ["/proc/cpuinfo"]);
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, "m").exec(info)?.[1];
    return `${field("model name")} (family ${field("cpu family")} model ${field("model")}), ` +
      `${field("cpu MHz")} MHz, cache ${field("cache size")}`;
  } catch {
    return "unknown CPU (no /proc/cpuinfo)";
  }
}

/** The C reference's figures for one table file. */
interface Reference {
  decode: number;
  decodeSnprintf: number;
  scan: number;
  matches: number;
  digest: number;
}

async function reference(binary: string, file: string, reps: number): Promise<Reference> {
  const lines = (await run(binary, [file, String(reps), String(ROUNDS)])).trim().split("\n");
  const values = new Map(lines.map((line) => line.split(" ") as [string, string]));
  const number = (name: string) => Number(values.get(name));
  return {
    decode: number("decode"),
    decodeSnprintf: number("decode_snprintf"),
    scan: number("scan"),
    matches: number("matches"),
    digest: parseInt(values.get("digest")!, 16),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Median ns/row of `fn` over ROUNDS rounds of `reps` calls, after one warm-up round. */
function time(fn: () => number, rows: number, reps: number): number {
  // Start from a collected heap, or the previous measurement's garbage is
  // still being marked and swept, on the other core, while this one runs.
  gc?.();
  const perRow: number[] = [];
  let sink = 0;
  for (let round = -1; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) sink ^= fn();
    if (round >= 0) perRow.push((performance.now() - start) * 1e6 / reps / rows);
  }
  if (sink === 0.5) console.log("unreachable"); // keeps `fn`'s result alive
  perRow.sort((a, b) => a - b);
  return perRow[ROUNDS >> 1]!;
}

/** FNV-1a of every row printed as the C reference prints them. */
function digest(rows: TcpRow2[]): number {
  let hash = 0x811c9dc5;
  const encoder = new TextEncoder();
  for (const r of rows) {
    const line = `${r.state} ${r.localAddr}:${r.localPort} ${r.remoteAddr}:${r.remotePort} ` +
      `${r.owningPid} ${r.offloadState}\n`;
    for (const byte of encoder.encode(line)) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  }
  return hash;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const fixed = (ns: number) => ns.toFixed(ns < 10 ? 2 : 1);
const ratio = (js: number, c: number, target: number) =>
  `${(js / c).toFixed(2)}× ${js / c <= target ? "✓" : "✗"}`;

await Deno.mkdir(OUT, { recursive: true });
const binary = `${OUT}/reference`;
const source = decodeURIComponent(new URL("reference.c", import.meta.url).pathname);
await run("gcc", ["-O2", "-Wall", "-Wextra", "-Werror", "-o", binary, source]);
const gcc = (await run("gcc", ["--version"])).split("\n")[0];

console.log(
  `Machine: ${await cpu()}, ${navigator.hardwareConcurrency} logical CPUs, ` +
    `${Deno.build.os} ${Deno.build.arch}`,
);
console.log(`Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; C: ${gcc}, -O2`);
console.log(
  `Each figure: median of ${ROUNDS} rounds of ~${ROWS_PER_ROUND / 1e6}M rows, after a warm-up ` +
    "round; JavaScript's start from a collected heap and include the GC their allocations cause.",
);

const decodeLines: string[] = [];
const scanLines: string[] = [];
for (const distinctPeers of [false, true]) {
  const kind = distinctPeers ? "every peer distinct" : "busy server";
  for (const rows of SIZES) {
    const bytes = encodeTcpTable2(busyTcpRows(rows, { distinctPeers }));
    const file = `${OUT}/tcp_table2-${distinctPeers ? "distinct" : "busy"}-${rows}.bin`;
    await Deno.writeFile(file, bytes);
    const reps = Math.max(1, Math.round(ROWS_PER_ROUND / rows));
    const c = await reference(binary, file, reps);

    assert.equal(digest(decodeTcpTable2(bytes)), c.digest, `${file}: JS and C decode differ`);
    assert.equal(countHttps(bytes), c.matches, `${file}: JS and C scans differ`);
    const decode = time(() => decodeTcpTable2(bytes).length, rows, reps);
    const scan = time(() => countHttps(bytes), rows, reps);

    decodeLines.push(
      `| ${kind} | ${rows} | ${fixed(decode)} | ${fixed(c.decode)} | ` +
        `${ratio(decode, c.decode, TARGET.decode)} | ${fixed(c.decodeSnprintf)} |`,
    );
    if (!distinctPeers) {
      scanLines.push(
        `| ${rows} | ${c.matches} | ${fixed(scan)} | ${fixed(c.scan)} | ` +
          `${ratio(scan, c.scan, TARGET.scan)} |`,
      );
    }
  }
}

console.log(`
decodeTcpTable2 (rows of objects with dotted-quad strings) vs C decode() (array of structs, \
hand-rolled dotted quads); target ≤${TARGET.decode}×. Busy server: 4 local addresses, 5,000 \
peers. Every peer distinct: a new remote address on every row, the worst case for the memo \
of address texts.
| table | rows | JS ns/row | C ns/row | JS/C | C with snprintf ns/row |
| ----- | ---: | --------: | -------: | ---: | ---------------------: |
${decodeLines.join("\n")}

TcpTable2View scan vs C scan(): count ESTABLISHED rows with port 443 at either end; \
target ≤${TARGET.scan}×
| rows | matches | JS ns/row | C ns/row | JS/C |
| ---: | ------: | --------: | -------: | ---: |
${scanLines.join("\n")}`);

// The heap, after a full collection, around repeated decodes of the largest table.
if (gc) {
  const rows = Math.max(...SIZES);
  const bytes = encodeTcpTable2(busyTcpRows(rows));
  const heap = () => (gc(), Deno.memoryUsage().heapUsed);
  decodeTcpTable2(bytes);
  const before = heap();
  const samples: string[] = [];
  for (let decodes = 1; decodes <= 50; decodes++) {
    decodeTcpTable2(bytes);
    if (decodes % 10 === 0) samples.push(`${decodes}: ${megabytes(heap())}`);
  }
  let held: TcpRow2[] | null = decodeTcpTable2(bytes);
  const holding = heap();
  assert.equal(held.length, rows);
  held = null;
  const released = heap();
  const scans = 100;
  const quiet = Deno.memoryUsage().heapUsed;
  for (let i = 0; i < scans; i++) countHttps(bytes);
  const perScan = (Deno.memoryUsage().heapUsed - quiet) / scans;
  console.log(`
Heap used after a full GC, decoding the ${rows}-row table over and over:
  before: ${megabytes(before)}; after n decodes: ${samples.join(", ")}
  while holding one decoded table: ${megabytes(holding)} \
(${Math.round((holding - released) / rows)} bytes/row); after dropping it: ${megabytes(released)}
  allocated per view scan of it (${scans} scans, no GC in between): ${Math.round(perScan)} bytes`);
} else {
  console.log("\n(heap figures need --v8-flags=--expose-gc, as `deno task bench` passes)");
}

console.log("\nPer-decoder throughput at 1k, 10k and 200k rows: deno bench bench/");
