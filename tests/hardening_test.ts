// Issue 5 hardening: fuzzing, fault storms, leak accounting. The fuzz runs
// are seeded: a failure prints its seed and case, and FUZZ_SEED reruns it.
import assert from "node:assert/strict";
import {
  decodeAnycastIpAddressTable,
  DecodeError,
  decodeIpInterfaceTable,
  decodeOwnerModuleBasicInfo,
  decodeTcpTable,
  decodeTcpTable2,
  decodeTcpTableOwnerModule,
  decodeTcpTableOwnerPid,
  getAnycastIpAddressTable,
  getAnycastIpAddressTableAsync,
  getExtendedTcpTable,
  getExtendedTcpTableAsync,
  getIpInterfaceTable,
  getIpInterfaceTableAsync,
  getOwnerModuleFromTcpEntry,
  getOwnerModuleFromTcpEntryAsync,
  getTcpTable,
  getTcpTable2,
  getTcpTable2Async,
  getTcpTableAsync,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
} from "../mod.ts";
import {
  base64ToBytes,
  bytesToBase64,
  type Capture,
  type CapturedFunction,
  CaptureError,
  createMock,
  encodeTcpTable,
  encodeTcpTable2,
  encodeTcpTableOwnerPid,
  type MockFaults,
  parseCapture,
} from "../mock/mod.ts";
import { MAX_ATTEMPTS } from "../ffi/_call.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import { at } from "./_bytes.ts";
import { capture, corrupting, ok, tcpRows } from "./_capture.ts";
import { seeded } from "./_random.ts";

const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261123);
const CASES = 1500;
const layered: Capture = {
  ...(wine as Capture),
  calls: [...(mingw as Capture).calls, ...(wine as Capture).calls],
};
const fixtureBytes = (fn: CapturedFunction) =>
  layered.calls.filter((c) => c.function === fn && c.data).map((c) => base64ToBytes(c.data!));

/** Runs `body` on CASES seeded cases; any exception but `allowed` fails with the seed and case. */
function fuzz(
  name: string,
  allowed: (error: unknown) => boolean,
  body: (r: ReturnType<typeof seeded>) => void,
) {
  Deno.test(`fuzz: ${name} (seed ${SEED}, ${CASES} cases)`, () => {
    for (let i = 0; i < CASES; i++) {
      const r = seeded(SEED + i * 7919);
      try {
        body(r);
      } catch (error) {
        if (!allowed(error)) {
          throw new Error(
            `case ${i} (FUZZ_SEED=${SEED}): ${error instanceof Error ? error.stack : error}`,
          );
        }
      }
    }
  });
}

/** A mutation of one of `seeds`, or random bytes: what a corrupt capture or system could hand over. */
function mutate(r: ReturnType<typeof seeded>, seeds: Uint8Array[]): Uint8Array {
  if (seeds.length === 0 || r.int(5) === 0) {
    return Uint8Array.from({ length: r.int(600) }, () => r.int(256));
  }
  let bytes = seeds[r.int(seeds.length)]!.slice();
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (r.int(5)) {
    case 0: // flip bytes
      for (let n = 1 + r.int(8); n > 0 && bytes.length; n--) {
        bytes[r.int(bytes.length)] = r.int(256);
      }
      break;
    case 1: // truncate
      bytes = bytes.subarray(0, r.int(bytes.length + 1));
      break;
    case 2: { // extend with random bytes
      const longer = new Uint8Array(bytes.length + r.int(300));
      longer.set(bytes);
      for (let i = bytes.length; i < longer.length; i++) longer[i] = r.int(256);
      bytes = longer;
      break;
    }
    case 3: // a lying row count: small, off by a little, or huge
      if (bytes.length >= 4) {
        const count = view().getUint32(0, true);
        view().setUint32(
          0,
          [r.int(16), count + 1 + r.int(3), 0xffffffff - r.int(1000)][r.int(3)]!,
          true,
        );
      }
      break;
    default: // a random 32-bit word anywhere (a pointer half, a family, a count)
      if (bytes.length >= 4) view().setUint32(r.int(bytes.length - 3), r.int(2 ** 32), true);
  }
  return bytes;
}

const isDecodeError = (error: unknown) => error instanceof DecodeError;

const DECODERS: [string, (bytes: Uint8Array) => unknown[], Uint8Array[]][] = [
  ["decodeTcpTable", decodeTcpTable, [...fixtureBytes("GetTcpTable"), encodeTcpTable(tcpRows(5))]],
  ["decodeTcpTable2", decodeTcpTable2, [
    ...fixtureBytes("GetTcpTable2"),
    encodeTcpTable2(tcpRows(5)),
  ]],
  [
    "decodeTcpTableOwnerPid",
    decodeTcpTableOwnerPid,
    [encodeTcpTableOwnerPid(tcpRows(5)), ...fixtureBytes("GetExtendedTcpTable").slice(0, 1)],
  ],
  ["decodeTcpTableOwnerModule", decodeTcpTableOwnerModule, fixtureBytes("GetExtendedTcpTable")],
  ["decodeIpInterfaceTable", decodeIpInterfaceTable, fixtureBytes("GetIpInterfaceTable")],
  [
    "decodeAnycastIpAddressTable",
    decodeAnycastIpAddressTable,
    fixtureBytes("GetAnycastIpAddressTable"),
  ],
];

for (const [name, decode, seeds] of DECODERS) {
  assert.ok(seeds.length > 0, name);
  fuzz(`${name} throws only DecodeError`, isDecodeError, (r) => {
    const rows = decode(at(mutate(r, seeds), r.int(8)));
    assert.ok(Array.isArray(rows));
  });
}

const ownerModuleSeeds = layered.calls
  .filter((c) => c.function === "GetOwnerModuleFromTcpEntry" && c.data)
  .map((c) => ({ bytes: base64ToBytes(c.data!), base: BigInt(c.address!) }));

fuzz("decodeOwnerModuleBasicInfo throws only DecodeError", isDecodeError, (r) => {
  const seed = ownerModuleSeeds[r.int(ownerModuleSeeds.length)]!;
  const info = decodeOwnerModuleBasicInfo(at(mutate(r, [seed.bytes]), r.int(8)), seed.base);
  assert.equal(typeof info.moduleName, "string");
});

/** Replaces one member somewhere in `value` with junk (or deletes it). */
function mutateJson(r: ReturnType<typeof seeded>, value: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const junk = () =>
    [null, -1, 2 ** 33, 1.5, "", "!!", "AAAA", [], {}, true, undefined, "missing", 0][r.int(13)];
  let node: Record<string, unknown> = copy;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[r.int(keys.length)]!;
    const child = node[key];
    if (typeof child === "object" && child !== null && r.int(3) > 0) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (typeof child === "string" && child.length > 8 && r.int(2) === 0) {
      // Corrupt a base64 blob at the byte level: the data survives parsing.
      try {
        node[key] = bytesToBase64(mutate(r, [base64ToBytes(child)]));
        break;
      } catch { /* not base64 */ }
    }
    node[key] = junk();
    break;
  }
  return copy;
}

/** Everything the API can read from `symbols`; only its documented errors may escape. */
function readAll(symbols: IpHelperSymbols) {
  const rows = getExtendedTcpTable({ symbols, owner: "module" });
  for (const row of rows) {
    try {
      getOwnerModuleFromTcpEntry(row, { symbols });
    } catch (error) {
      if (!(error instanceof IpHelperError || error instanceof DecodeError)) throw error;
    }
  }
  getTcpTable({ symbols });
  getTcpTable2({ symbols });
  getExtendedTcpTable({ symbols });
  getIpInterfaceTable({ symbols });
  getAnycastIpAddressTable({ symbols, family: "ipv6" });
}

fuzz(
  "parseCapture and a mock replaying a corrupt capture throw only their documented errors",
  (error) =>
    error instanceof CaptureError || error instanceof DecodeError || error instanceof IpHelperError,
  (r) => {
    const mock = createMock(parseCapture(mutateJson(r, layered)));
    try {
      readAll(mock.symbols);
    } finally {
      assert.equal(mock.stats.live, 0, "every table freed");
    }
  },
);

// Fault storms: every documented error of every function, sync and async.

type Read = (symbols: IpHelperSymbols) => unknown;
const rowOf = (symbols: IpHelperSymbols) => getExtendedTcpTable({ symbols, owner: "module" })[0]!;
const FUNCTIONS: {
  fn: CapturedFunction;
  sync: Read;
  async: Read;
  errors: number[];
  callerAllocated: boolean;
}[] = [
  {
    fn: "GetTcpTable",
    sync: (symbols) => getTcpTable({ symbols }),
    async: (symbols) => getTcpTableAsync({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED],
    callerAllocated: true,
  },
  {
    fn: "GetTcpTable2",
    sync: (symbols) => getTcpTable2({ symbols }),
    async: (symbols) => getTcpTable2Async({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED],
    callerAllocated: true,
  },
  {
    fn: "GetExtendedTcpTable",
    sync: (symbols) => getExtendedTcpTable({ symbols }),
    async: (symbols) => getExtendedTcpTableAsync({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER],
    callerAllocated: true,
  },
  {
    fn: "GetOwnerModuleFromTcpEntry",
    sync: (symbols) => getOwnerModuleFromTcpEntry(rowOf(symbols), { symbols }),
    async: (symbols) => getOwnerModuleFromTcpEntryAsync(rowOf(symbols), { symbols }),
    errors: [
      S.ERROR_INVALID_PARAMETER,
      S.ERROR_NOT_ENOUGH_MEMORY,
      S.ERROR_NOT_FOUND,
      S.ERROR_PARTIAL_COPY,
    ],
    callerAllocated: true,
  },
  {
    fn: "GetIpInterfaceTable",
    sync: (symbols) => getIpInterfaceTable({ symbols }),
    async: (symbols) => getIpInterfaceTableAsync({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_ENOUGH_MEMORY, S.ERROR_NOT_SUPPORTED],
    callerAllocated: false,
  },
  {
    fn: "GetAnycastIpAddressTable",
    sync: (symbols) => getAnycastIpAddressTable({ symbols }),
    async: (symbols) => getAnycastIpAddressTableAsync({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_ENOUGH_MEMORY, S.ERROR_NOT_SUPPORTED],
    callerAllocated: false,
  },
];

/** Asserts that `read` fails with an IpHelperError of `fn` and `code`, sync or async. */
async function failsWith(read: () => unknown, fn: string, code: number, message?: RegExp) {
  const check = (error: unknown) => {
    assert.ok(error instanceof IpHelperError, String(error));
    assert.equal(error.functionName, fn);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  };
  try {
    await read();
  } catch (error) {
    check(error);
    return;
  }
  assert.fail(`${fn}: expected ${code} to be thrown`);
}

for (const { fn, sync, async, errors, callerAllocated } of FUNCTIONS) {
  for (const [mode, read] of [["sync", sync], ["async", async]] as const) {
    const storms = callerAllocated ? ", then endless growth and STATUS_UNSUCCESSFUL" : "";
    Deno.test(`fault storm: ${fn} (${mode}): every documented error${storms}`, async () => {
      for (const code of errors) {
        const mock = createMock(layered, { statuses: { [fn]: [code] } });
        await failsWith(() => read(mock.symbols), fn, code);
        assert.equal(mock.stats.calls[fn], 1, `${fn} ${code}: no retry`);
        assert.equal(mock.stats.live, 0);
      }
      if (!callerAllocated) return;
      const faults: MockFaults[] = [
        { grow: { [fn]: Infinity } },
        { statuses: { [fn]: Array(100).fill(S.STATUS_UNSUCCESSFUL) } },
      ];
      for (const fault of faults) {
        const mock = createMock(layered, fault);
        await failsWith(
          () => read(mock.symbols),
          fn,
          fault.grow ? S.ERROR_INSUFFICIENT_BUFFER : S.STATUS_UNSUCCESSFUL,
          /in a row/,
        );
        assert.equal(mock.stats.calls[fn], MAX_ATTEMPTS, "bounded retries");
      }
    });
  }
}

Deno.test("leaks: 10,000 reads of each OS-allocated table leave nothing allocated, also when decoding throws", () => {
  const good = createMock(layered);
  for (let i = 0; i < 10_000; i++) {
    getIpInterfaceTable({ symbols: good.symbols, family: "ipv4" });
    getAnycastIpAddressTable({ symbols: good.symbols, family: "ipv6" });
  }
  assert.equal(good.stats.allocations, 20_000);
  assert.equal(good.stats.frees, 20_000);
  assert.equal(good.stats.live, 0);

  // A row whose address family is 9: the decoder throws after the table is copied.
  const table = fixtureBytes("GetAnycastIpAddressTable")[0]!;
  const bad = createMock(capture(ok("GetAnycastIpAddressTable", table, { family: 0 })));
  const symbols = corrupting(bad.symbols, "GetAnycastIpAddressTable", 8, 9);
  for (let i = 0; i < 10_000; i++) {
    assert.throws(() => getAnycastIpAddressTable({ symbols }), DecodeError);
  }
  assert.equal(bad.stats.frees, 10_000);
  assert.equal(bad.stats.live, 0);
});

Deno.test("leaks: the heap stays flat across repeated 200,000-row decodes", async () => {
  const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--v8-flags=--expose-gc",
      "--allow-read",
      new URL("_heap.ts", import.meta.url).pathname,
    ],
  }).output();
  assert.ok(success, new TextDecoder().decode(stderr));
  const heap: number[] = JSON.parse(new TextDecoder().decode(stdout));
  const settled = heap.slice(2);
  const growth = Math.max(...settled) - Math.min(...settled);
  assert.ok(growth < 2 * 1024 * 1024, `heap varied by ${growth} bytes across decodes: ${heap}`);
});
