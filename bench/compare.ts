// `deno task bench`: the decoders and the TcpTable2View scan against C
// (bench/reference.c, built here with gcc -O2) doing the same work on the
// same bytes, measured in one run.
//
// - Same work: where the decoders memoise address texts, against a C decoder
//   with the same memo (same hash, probes, size and doorkeeper); on tables
//   where no memo can help (every peer new), against plain C too; IPv6
//   against C formatting with inet_ntop (and by hand, for reference).
// - Same conditions: each table gets its own C process and its own Deno
//   process (bench/_js.ts: fresh heap, fresh compiled code, as an
//   application that reads that table). Their rounds alternate, C and
//   JavaScript, so that both see the same machine (other processes, clock
//   changes) from one round to the next.
// - Every figure is the median of ROUNDS rounds of at least ROUND_MS each,
//   after a warm-up round, in BLOCKS blocks: each op runs its rounds of a
//   block back to back, so that the collections JavaScript's allocations
//   cause fall inside its rounds (none is forced), then the next op (C's,
//   then JavaScript's next, …) runs its own.
// - "Every peer distinct" tables come as pools of POOL_ROWS rows (2,000 tables
//   of 1,000 rows, …) in which no remote address repeats: the memo of
//   address texts is cold at every size.
import assert from "node:assert/strict";
import {
  busyTcpRows,
  distinctPeerPool,
  encodeBusyTcp6Table,
  encodeBusyUdp6Table,
  encodeBusyUdpTable,
  POOL_ROWS,
  SIZES,
} from "./_tables.ts";
import { encodeTcpTable2 } from "../structs/tcp_table2.ts";
import type { Kind } from "./_js.ts";

const ROUNDS = 9;
const BLOCKS = 3;
const ROUND_MS = 100;
const OUT = ".cache/bench";
const TARGET = { busy: 2, distinct: 3, scan: 1.5, tcp6: 3 };

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

/** One answer of a side: ns/row and the op's result (rows decoded, matches counted). */
interface Answer {
  nsPerRow: number;
  result: number;
}

/** One side on one table file: a process driven line by line (reference.c or _js.ts). */
class Side {
  readonly #process: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #lines: AsyncIterator<string>;

  constructor(command: string, args: string[]) {
    this.#process = new Deno.Command(command, { args, stdin: "piped", stdout: "piped" }).spawn();
    this.#writer = this.#process.stdin.getWriter();
    this.#lines = lines(this.#process.stdout);
  }

  async ask(command: string): Promise<string> {
    await this.#writer.write(new TextEncoder().encode(command + "\n"));
    const { value, done } = await this.#lines.next();
    if (done) throw new Error(`exited before answering ${command}`);
    if (value.startsWith("error")) throw new Error(value);
    return value;
  }

  async measure(op: string, passes: number): Promise<Answer> {
    const [ns, result] = (await this.ask(`${op} ${passes}`)).split(" ");
    return { nsPerRow: Number(ns), result: Number(result) };
  }

  async close(): Promise<void> {
    await this.#writer.close();
    await this.#process.status;
  }
}

async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffer = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
    }
  }
}

/** An op on one side: JavaScript's ops are in _js.ts, C's in reference.c. */
interface Op {
  side: Side;
  name: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Times `ops` on one table file: a warm-up, then passes per round so that a
 * round lasts at least ROUND_MS, then BLOCKS blocks in which each op runs
 * ROUNDS / BLOCKS rounds back to back, the ops (C's and JavaScript's) taking
 * turns. Returns every op's ns/row per round, and its result.
 */
async function time(
  ops: Record<string, Op>,
  rows: number,
): Promise<Record<string, { rounds: number[]; result: number }>> {
  const passes: Record<string, number> = {};
  for (const [key, op] of Object.entries(ops)) {
    // A pass to compile and fill the memo, then as many as take ROUND_MS.
    let answer = await op.side.measure(op.name, 1);
    for (let n = 1;; n *= 4) {
      answer = await op.side.measure(op.name, n);
      const ms = answer.nsPerRow * rows * n / 1e6;
      if (ms >= ROUND_MS / 4 || n >= 1e6) {
        passes[key] = Math.max(1, Math.ceil(n * ROUND_MS / Math.max(ms, 1e-3)));
        break;
      }
    }
    await op.side.measure(op.name, passes[key]!); // warm-up round
  }
  const out: Record<string, { rounds: number[]; result: number }> = {};
  for (const key of Object.keys(ops)) out[key] = { rounds: [], result: 0 };
  for (let block = 0; block < BLOCKS; block++) {
    for (const [key, op] of Object.entries(ops)) {
      for (let round = 0; round < ROUNDS / BLOCKS; round++) {
        const answer = await op.side.measure(op.name, passes[key]!);
        out[key]!.rounds.push(answer.nsPerRow);
        out[key]!.result = answer.result;
      }
    }
  }
  return out;
}

/** A measured table: its medians in ns/row by op, the ops' results, the spreads. */
interface Measured {
  kind: Kind;
  table: string;
  rows: number;
  ns: Record<string, number>;
  rounds: Record<string, number[]>;
  results: Record<string, number>;
  memory?: Memory;
}

interface Memory {
  rows: number;
  before: number;
  holding: number;
  released: number;
  after50: number;
  bytesPerRow: number;
  bytesPerScan: number;
}

/**
 * Which ops each table kind is timed with, JavaScript's then C's, and which
 * decoders of C must print JavaScript's rows. JavaScript's `floor` runs in a
 * process of its own: its rows would share the heap, and the collections,
 * of `decode`'s.
 */
const OPS: Record<Kind, { js: string[]; jsAlone?: string[]; c: string[]; digests: string[] }> = {
  tcp2: {
    js: ["decode", "count", "accessors"],
    jsAlone: ["floor"],
    c: ["decode_cached", "decode", "scan", "scan_branchy"],
    digests: ["decode", "decode_cached"],
  },
  tcp6: { js: ["decode"], c: ["decode", "decode_handrolled"], digests: ["decode"] },
  udp: { js: ["decode"], c: ["decode_cached", "decode"], digests: ["decode", "decode_cached"] },
  udp6: { js: ["decode"], c: ["decode", "decode_handrolled"], digests: ["decode"] },
};

async function measure(
  binary: string,
  kind: Kind,
  table: string,
  bytes: Uint8Array,
  memory: boolean,
): Promise<Measured> {
  const file = `${OUT}/${kind}-${table.replaceAll(" ", "-")}.bin`;
  await Deno.writeFile(file, bytes);
  const c = new Side(binary, [kind, file]);
  const javascript = () =>
    new Side(Deno.execPath(), [
      "run",
      "--v8-flags=--expose-gc",
      `--allow-read=${file}`,
      new URL("_js.ts", import.meta.url).pathname,
      kind,
      file,
    ]);
  const js = javascript();
  const alone = OPS[kind].jsAlone?.map((name) => ({ name, side: javascript() })) ?? [];
  try {
    const rows = Number(await js.ask("rows"));
    assert.equal(Number(await c.ask("rows")), rows, `${file}: C and JavaScript count rows apart`);
    const ops: Record<string, Op> = {};
    const { js: jsOps, c: cOps } = OPS[kind];
    // Interleaved: JavaScript's first op, C's first op, …
    for (let i = 0; i < Math.max(jsOps.length, cOps.length); i++) {
      if (jsOps[i]) ops[`js ${jsOps[i]}`] = { side: js, name: jsOps[i]! };
      if (cOps[i]) ops[`c ${cOps[i]}`] = { side: c, name: cOps[i]! };
    }
    for (const op of alone) ops[`js ${op.name}`] = op;
    const timed = await time(ops, rows);
    // Same rows, same counts: checked after the timing, whose heap and
    // compiled code they would otherwise shape (a digest keeps every decoded
    // table alive while it prints the rows).
    const digest = await js.ask("digest");
    for (const op of OPS[kind].digests) {
      assert.equal(await c.ask(`digest ${op}`), digest, `${file}: C ${op} and JavaScript differ`);
    }
    const results = Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, v.result]));
    if (kind === "tcp2") {
      assert.equal(results["js count"], results["c scan"], `${file}: scans differ`);
      assert.equal(results["js accessors"], results["c scan"], `${file}: scans differ`);
    }
    return {
      kind,
      table,
      rows,
      ns: Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, median(v.rounds)])),
      rounds: Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, v.rounds])),
      results,
      ...(memory ? { memory: JSON.parse(await js.ask("memory")) as Memory } : {}),
    };
  } finally {
    await js.close();
    for (const op of alone) await op.side.close();
    await c.close();
  }
}

const fixed = (ns: number) => ns.toFixed(ns < 10 ? 2 : 1);
const count = (n: number) => n.toLocaleString("en-US");
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** JS/C of the medians, and the range of the per-round ratios (round r of each). */
function ratio(m: Measured, js: string, c: string, target?: number): string {
  const value = m.ns[js]! / m.ns[c]!;
  const perRound = m.rounds[js]!.map((v, i) => v / m.rounds[c]![i]!);
  const verdict = target === undefined ? "" : value <= target ? " ✓" : " ✗";
  return `${value.toFixed(2)}×${verdict} (${Math.min(...perRound).toFixed(2)}–${
    Math.max(...perRound).toFixed(2)
  })`;
}

// ---- run ----

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
  `Each figure: median of ${ROUNDS} rounds of at least ${ROUND_MS} ms after a warm-up round; ` +
    `${BLOCKS} blocks of ${ROUNDS / BLOCKS} back-to-back rounds per op, C's and JavaScript's ` +
    "blocks taking turns; garbage collection inside JavaScript's rounds, none forced.\n",
);

const measured: Measured[] = [];
const step = async (kind: Kind, table: string, bytes: () => Uint8Array, memory = false) => {
  const started = performance.now();
  const m = await measure(binary, kind, table, bytes(), memory);
  measured.push(m);
  console.error(`  ${kind} ${table}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
for (const rows of SIZES) {
  await step("tcp2", `busy ${rows}`, () => encodeTcpTable2(busyTcpRows(rows)), rows === 200_000);
}
for (const rows of SIZES) {
  await step("tcp2", `distinct ${rows}`, () => distinctPeerPool(rows), rows === 200_000);
}
for (const rows of SIZES) await step("tcp6", `busy ${rows}`, () => encodeBusyTcp6Table(rows));
for (const rows of SIZES) await step("udp", `busy ${rows}`, () => encodeBusyUdpTable(rows));
for (const rows of SIZES) await step("udp6", `busy ${rows}`, () => encodeBusyUdp6Table(rows));

const find = (kind: Kind, table: string) =>
  measured.find((m) => m.kind === kind && m.table === table)!;
const size = (m: Measured) => Number(m.table.split(" ")[1]);

console.log(`decodeTcpTable2 (rows of objects, dotted-quad strings) against C decoding into an \
array of structs: C memo, with the memo of address texts JavaScript has (same hash, probes, size, \
doorkeeper); C plain, formatting every address by hand. Busy server: 4 local addresses, 5,000 \
peers, the same table decoded again and again (a poll loop). Every peer distinct: pools of \
${count(POOL_ROWS)} rows in which no peer repeats, decoded table after table (cold memo). \
Rows alone: the same row objects with constant strings for addresses (no address work at all), \
the floor of any eager decoder. Targets: busy ≤${TARGET.busy}× C memo; distinct 200,000 \
≤${TARGET.distinct}× C plain. Ratios: of the medians (range of the per-round ratios).
| table | rows | JS ns/row | rows alone ns/row | C memo ns/row | C plain ns/row | JS / C memo | JS / C plain | rows alone / C memo |
| ----- | ---: | --------: | ----------------: | ------------: | -------------: | ----------: | -----------: | ------------------: |`);
for (const m of measured.filter((m) => m.kind === "tcp2")) {
  const busy = m.table.startsWith("busy");
  const rows = size(m);
  console.log(
    `| ${busy ? "busy server" : "every peer distinct"} | ${count(rows)} | ` +
      `${fixed(m.ns["js decode"]!)} | ${fixed(m.ns["js floor"]!)} | ` +
      `${fixed(m.ns["c decode_cached"]!)} | ${fixed(m.ns["c decode"]!)} | ` +
      `${ratio(m, "js decode", "c decode_cached", busy ? TARGET.busy : undefined)} | ` +
      `${
        ratio(m, "js decode", "c decode", !busy && rows === 200_000 ? TARGET.distinct : undefined)
      } | ` +
      `${ratio(m, "js floor", "c decode_cached")} |`,
  );
}
console.log(`
TcpTable2View, counting ESTABLISHED rows with port 443 at either end (busy-server tables): \
count({ state, port }) and a loop over the accessors, against C in a branch-free loop (and with \
&& and ||, for reference). Target: count() ≤${TARGET.scan}× C branch-free.
| rows | matches | count() ns/row | accessors ns/row | C ns/row | C branchy ns/row | count() / C | accessors / C |
| ---: | ------: | -------------: | ---------------: | -------: | ---------------: | ----------: | ------------: |`);
for (const rows of SIZES) {
  const m = find("tcp2", `busy ${rows}`);
  console.log(
    `| ${count(rows)} | ${count(m.results["c scan"]!)} | ${fixed(m.ns["js count"]!)} | ` +
      `${fixed(m.ns["js accessors"]!)} | ${fixed(m.ns["c scan"]!)} | ${
        fixed(m.ns["c scan_branchy"]!)
      } | ` +
      `${ratio(m, "js count", "c scan", TARGET.scan)} | ${ratio(m, "js accessors", "c scan")} |`,
  );
}

console.log(`
The wave-2 decoders on busy-server tables: decodeTcp6Table2 (MIB_TCP6TABLE2; 5,000 IPv6 peers, \
a fifth IPv4-mapped) against C formatting with inet_ntop (target ≤${TARGET.tcp6}×) and by hand; \
decodeUdpTableOwnerPid against C with the memo and plain; decodeUdp6TableOwnerPid against \
inet_ntop and by hand.
| decoder | rows | JS ns/row | C ns/row | C (other) ns/row | JS / C | JS / C (other) |
| ------- | ---: | --------: | -------: | ---------------: | -----: | -------------: |`);
for (
  const [kind, name, c, other, target] of [
    ["tcp6", "decodeTcp6Table2", "c decode", "c decode_handrolled", TARGET.tcp6],
    ["udp", "decodeUdpTableOwnerPid", "c decode_cached", "c decode", undefined],
    ["udp6", "decodeUdp6TableOwnerPid", "c decode", "c decode_handrolled", undefined],
  ] as const
) {
  for (const rows of SIZES) {
    const m = find(kind, `busy ${rows}`);
    console.log(
      `| ${name} | ${count(rows)} | ${fixed(m.ns["js decode"]!)} | ${fixed(m.ns[c]!)} | ` +
        `${fixed(m.ns[other]!)} | ${ratio(m, "js decode", c, target)} | ${
          ratio(m, "js decode", other)
        } |`,
    );
  }
}
console.log("(C for tcp6/udp6: inet_ntop, other = by hand; for udp: memo, other = plain.)");

for (const m of measured.filter((m) => m.memory)) {
  const memory = m.memory!;
  console.log(`
Heap after a full GC, ${m.table} (decodeTcpTable2 of a ${count(memory.rows)}-row table): \
${megabytes(memory.before)} before; ${megabytes(memory.holding)} while one decoded table is held \
(${Math.round(memory.bytesPerRow)} bytes/row); ${megabytes(memory.released)} after dropping it; \
${megabytes(memory.after50)} after 50 more decodes. A count() scan allocates \
${Math.round(memory.bytesPerScan)} bytes.`);
}

const targets: [string, number, number][] = [];
for (const rows of SIZES) {
  const m = find("tcp2", `busy ${rows}`);
  targets.push([
    `decodeTcpTable2 busy ${count(rows)} / C memo`,
    m.ns["js decode"]! / m.ns["c decode_cached"]!,
    TARGET.busy,
  ]);
}
{
  const m = find("tcp2", "distinct 200000");
  targets.push([
    "decodeTcpTable2 distinct 200,000 / C plain",
    m.ns["js decode"]! / m.ns["c decode"]!,
    TARGET.distinct,
  ]);
}
for (const rows of SIZES) {
  const m = find("tcp2", `busy ${rows}`);
  targets.push([
    `count() ${count(rows)} / C branch-free`,
    m.ns["js count"]! / m.ns["c scan"]!,
    TARGET.scan,
  ]);
}
for (const rows of SIZES) {
  const m = find("tcp6", `busy ${rows}`);
  targets.push([
    `decodeTcp6Table2 ${count(rows)} / C inet_ntop`,
    m.ns["js decode"]! / m.ns["c decode"]!,
    TARGET.tcp6,
  ]);
}
console.log("\nTargets:");
for (const [name, value, target] of targets) {
  console.log(
    `  ${value <= target ? "met   " : "MISSED"} ${name}: ${value.toFixed(2)}× (target ≤${target}×)`,
  );
}

await Deno.writeTextFile(`${OUT}/last.json`, JSON.stringify(measured, null, 1));
console.log(
  `\nEvery round's figures: ${OUT}/last.json. Throughput of every decoder: deno bench bench/`,
);
