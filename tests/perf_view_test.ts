// A poll loop over TcpTable2View keeps its optimized code across full
// collections. When no view survived a collection, V8 dropped the views'
// layout (their hidden class) and, with it, the optimized code of every loop
// over a view ("embedded weak objects cleared" in --trace-deopt): a monitor
// that made a view, scanned it and let it go each second ran about 8×
// slower. The class keeps one (empty) view alive for as long as it exists.
//
// Checked in a child process with --trace-deopt, against a control: a class
// of the same kind without a live instance, whose loop must lose its code
// (else the trace no longer says what this test looks for).
import assert from "node:assert/strict";

const view = new URL("../structs/tcp_table_view.ts", import.meta.url).href;
const mock = new URL("../structs/tcp_table2.ts", import.meta.url).href;

const script = `
import { TcpTable2View } from ${JSON.stringify(view)};
import { encodeTcpTable2 } from ${JSON.stringify(mock)};

class Control {
  readonly #view: DataView;
  readonly length: number;
  constructor(bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = this.#view.getUint32(0, true);
  }
  controlState(i: number): number {
    return this.#view.getUint32(4 + 28 * i, true);
  }
}

const rows = Array.from({ length: 2000 }, (_, i) => ({
  state: 1 + (i % 12), localAddr: "10.0.0.2", localPort: i % 3 ? 443 : 80,
  remoteAddr: "192.0.2.7", remotePort: 50000 + (i % 1000), owningPid: 4, offloadState: 0,
}));
const bytes = encodeTcpTable2(rows);

function scanView(): number {
  const table = new TcpTable2View(bytes);
  let n = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.state(i) === 5 && (table.localPort(i) === 443 || table.remotePort(i) === 443)) n++;
  }
  return n + table.count({ state: 5, port: 443 });
}

function scanControl(): number {
  const table = new Control(bytes);
  let n = 0;
  for (let i = 0; i < table.length; i++) if (table.controlState(i) === 5) n++;
  return n;
}

const gc = (globalThis as unknown as { gc: () => void }).gc;
let sink = 0;
for (let poll = 0; poll < 30; poll++) {
  for (let k = 0; k < 50; k++) sink += scanView() + scanControl();
  gc();
}
console.log("done", sink > 0);
`;

Deno.test("TcpTable2View loops keep their optimized code across full collections", async () => {
  const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", "--v8-flags=--expose-gc,--trace-deopt", script],
  }).output();
  const out = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  assert.ok(success, out.slice(-2000));
  assert.match(out, /done true/);
  // "embedded weak objects cleared" (V8 15), "weak objects" (V8 13: Deno 2.1).
  const cleared = out.split("\n").filter((line) => /reason: (embedded )?weak objects/.test(line));
  const about = (names: string[]) =>
    cleared.filter((line) => names.some((name) => line.includes(`<SharedFunctionInfo ${name}>`)));
  assert.ok(
    about(["scanControl", "controlState"]).length > 0,
    "the control lost no code: the trace says something else now",
  );
  const view = ["scanView", "state", "localPort", "remotePort", "count", "TcpTable2View"];
  assert.deepEqual(about(view), []);
});
