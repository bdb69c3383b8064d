// Run by hardening_test.ts with --v8-flags=--expose-gc: decodes a 200,000-row
// MIB_TCPTABLE2 repeatedly and prints the heap in use after each collection.
import { decodeTcpTable2 } from "../mod.ts";
import { encodeTcpTable2 } from "../mock/mod.ts";
import { tcpRows } from "./_capture.ts";

const gc = (globalThis as unknown as { gc: () => void }).gc;
const bytes = encodeTcpTable2(tcpRows(200_000));
const heap: number[] = [];
for (let i = 0; i < 12; i++) {
  decodeTcpTable2(bytes);
  gc();
  heap.push(Deno.memoryUsage().heapUsed);
}
console.log(JSON.stringify(heap));
