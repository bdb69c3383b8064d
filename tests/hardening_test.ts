// Hardening: fuzzing, fault storms, leak accounting. The fuzz runs are
// seeded: a failure prints its seed and case, and FUZZ_SEED reruns it. The
// fault storms and the leak accounting run one matrix with a case per
// function of the registry (ffi/_tables.ts): a function declared there
// without a case here is a compile error, and what each case is put through
// follows from its call kind.
import assert from "node:assert/strict";
import {
  DecodeError,
  decodeOwnerModuleBasicInfo,
  getAnycastIpAddressTable,
  getAnycastIpAddressTableAsync,
  getExtendedTcpTable,
  getExtendedTcpTableAsync,
  getExtendedUdpTable,
  getExtendedUdpTableAsync,
  getIfTable2,
  getIfTable2Async,
  getInterfaceNames,
  getInterfaceNamesAsync,
  getIpForwardTable2,
  getIpForwardTable2Async,
  getIpInterfaceTable,
  getIpInterfaceTableAsync,
  getIpNetTable2,
  getIpNetTable2Async,
  getOwnerModuleFromTcp6Entry,
  getOwnerModuleFromTcp6EntryAsync,
  getOwnerModuleFromTcpEntry,
  getOwnerModuleFromTcpEntryAsync,
  getOwnerModuleFromUdp6Entry,
  getOwnerModuleFromUdp6EntryAsync,
  getOwnerModuleFromUdpEntry,
  getOwnerModuleFromUdpEntryAsync,
  getTcp6Table,
  getTcp6Table2,
  getTcp6Table2Async,
  getTcp6TableAsync,
  getTcpStatistics,
  getTcpStatisticsAsync,
  getTcpTable,
  getTcpTable2,
  getTcpTable2Async,
  getTcpTableAsync,
  getUdp6Table,
  getUdp6TableAsync,
  getUdpStatistics,
  getUdpStatisticsAsync,
  getUdpTable,
  getUdpTableAsync,
  getUnicastIpAddressTable,
  getUnicastIpAddressTableAsync,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
} from "../mod.ts";
import {
  base64ToBytes,
  bytesToBase64,
  type Capture,
  CaptureError,
  createMock,
  type MockFaults,
  parseCapture,
} from "../mock/mod.ts";
import { MAX_ATTEMPTS } from "../ffi/_call.ts";
import {
  type Declaration,
  extendedCodec,
  type NetioFunction,
  TABLE_FUNCTIONS,
  type TableFunction,
  TABLES,
} from "../ffi/_tables.ts";
import { embeddedSample } from "../cli/_sample.ts";
import * as shapes from "../structs/_shapes.ts";
import * as L from "../structs/layout.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import mingwNetio from "../cli/sample/mingw_netio.capture.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import { at } from "./_bytes.ts";
import { corrupting } from "./_capture.ts";
import { moduleCapture } from "./_connections.ts";
import { seeded } from "./_random.ts";

const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261123);
const CASES = 1500;
const layered: Capture = {
  ...(wine as Capture),
  calls: [...(mingw as Capture).calls, ...(wine as Capture).calls],
};

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

// Every decoder of the registry, seeded with each answer the embedded sample
// holds for it (Wine's recording and the header-built tables): a decoder
// added to the registry is fuzzed without a line here.
const sample = embeddedSample();
const DECODERS = new Map<string, { decode: (bytes: Uint8Array) => unknown; seeds: Uint8Array[] }>();
for (const call of sample.calls) {
  if (call.data === undefined) continue;
  const declaration = TABLES[call.function] as Declaration;
  const decode = declaration.kind === "ordered" || declaration.kind === "netio"
    ? declaration.codec.decode
    : declaration.kind === "extended"
    ? extendedCodec(call.function as never, call.args.family!, call.args.tableClass!)!.decode
    : declaration.kind === "fixed"
    ? declaration.decode
    : undefined; // owner-module buffers: fuzzed below, with their base address
  if (decode === undefined) continue;
  const entry = DECODERS.get(decode.name) ?? { decode, seeds: [] };
  entry.seeds.push(base64ToBytes(call.data));
  DECODERS.set(decode.name, entry);
}

Deno.test("the fuzz covers every decoder of the registry", () => {
  // 6 wave-1 tables, 10 IPv6/UDP tables, 4 netio tables, 4 statistics forms.
  assert.equal(DECODERS.size, 24, [...DECODERS.keys()].join(", "));
});

for (const [name, { decode, seeds }] of DECODERS) {
  fuzz(`${name} throws only DecodeError`, isDecodeError, (r) => {
    const result = decode(at(mutate(r, seeds), r.int(8)));
    assert.equal(typeof result, "object");
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

// ---- fault storms ---------------------------------------------------------------

type Read = (symbols: IpHelperSymbols) => unknown;
type Mock = ReturnType<typeof createMock>;

/** A public function that reaches a DLL function, sync and async. */
interface Api {
  name: string;
  sync: Read;
  async: Read;
}

/** How one DLL function is stormed. */
interface Case {
  /** The public functions that reach it: each is stormed, sync and async. */
  apis: Api[];
  /** Its documented errors: each must reach the caller after one call. */
  errors: number[];
  /** Faults every read needs to reach it (the 32-bit statistics: no Ex2 form). */
  faults?: MockFaults;
}

/** An OS-allocated table: also a byte of its row 0 and a value that make its decoder throw, if any do. */
interface NetioCase extends Case {
  corrupt: [offset: number, value: number] | null;
}

/** `sync` and its async twin, each called with `{ symbols, ...options }`. */
function api<const O extends object>(
  sync: (options: O & { symbols: IpHelperSymbols }) => unknown,
  async: (options: O & { symbols: IpHelperSymbols }) => unknown,
  options = {} as O,
): Api {
  const shown = Object.keys(options).length ? ` ${JSON.stringify(options)}` : "";
  return {
    name: sync.name + shown,
    sync: (symbols) => sync({ ...options, symbols }),
    async: (symbols) => async({ ...options, symbols }),
  };
}

/** The owner-module lookup `sync` and its async twin, of the first row `table` reads. */
function lookup<R>(
  sync: (row: R, options: { symbols: IpHelperSymbols }) => unknown,
  async: (row: R, options: { symbols: IpHelperSymbols }) => unknown,
  table: (symbols: IpHelperSymbols) => R[],
): Api {
  return {
    name: sync.name,
    sync: (symbols) => sync(table(symbols)[0]!, { symbols }),
    async: (symbols) => async(table(symbols)[0]!, { symbols }),
  };
}

const TABLE_ERRORS = [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED];
const EXTENDED_ERRORS = [S.ERROR_INVALID_PARAMETER];
const MODULE_ERRORS = [
  S.ERROR_INVALID_PARAMETER,
  S.ERROR_NOT_ENOUGH_MEMORY,
  S.ERROR_NOT_FOUND,
  S.ERROR_PARTIAL_COPY,
];
const NETIO_ERRORS = [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_ENOUGH_MEMORY, S.ERROR_NOT_SUPPORTED];
const STATISTICS_ERRORS = [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED];
const STATISTICS_FAMILIES = [{}, { family: "ipv6" }] as const;

const MATRIX = {
  GetTcpTable: { apis: [api(getTcpTable, getTcpTableAsync)], errors: TABLE_ERRORS },
  GetTcpTable2: { apis: [api(getTcpTable2, getTcpTable2Async)], errors: TABLE_ERRORS },
  GetTcp6Table: { apis: [api(getTcp6Table, getTcp6TableAsync)], errors: TABLE_ERRORS },
  GetTcp6Table2: { apis: [api(getTcp6Table2, getTcp6Table2Async)], errors: TABLE_ERRORS },
  GetUdpTable: { apis: [api(getUdpTable, getUdpTableAsync)], errors: TABLE_ERRORS },
  GetUdp6Table: { apis: [api(getUdp6Table, getUdp6TableAsync)], errors: TABLE_ERRORS },
  GetExtendedTcpTable: {
    apis: [
      api(getExtendedTcpTable, getExtendedTcpTableAsync),
      api(getExtendedTcpTable, getExtendedTcpTableAsync, { family: "ipv6", owner: "module" }),
    ],
    errors: EXTENDED_ERRORS,
  },
  GetExtendedUdpTable: {
    apis: [
      api(getExtendedUdpTable, getExtendedUdpTableAsync),
      api(getExtendedUdpTable, getExtendedUdpTableAsync, { family: "ipv6", owner: "module" }),
    ],
    errors: EXTENDED_ERRORS,
  },
  GetOwnerModuleFromTcpEntry: {
    apis: [lookup(
      getOwnerModuleFromTcpEntry,
      getOwnerModuleFromTcpEntryAsync,
      (symbols) => getExtendedTcpTable({ symbols, owner: "module" }),
    )],
    errors: MODULE_ERRORS,
  },
  GetOwnerModuleFromTcp6Entry: {
    apis: [lookup(
      getOwnerModuleFromTcp6Entry,
      getOwnerModuleFromTcp6EntryAsync,
      (symbols) => getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" }),
    )],
    errors: MODULE_ERRORS,
  },
  GetOwnerModuleFromUdpEntry: {
    apis: [lookup(
      getOwnerModuleFromUdpEntry,
      getOwnerModuleFromUdpEntryAsync,
      (symbols) => getExtendedUdpTable({ symbols, owner: "module" }),
    )],
    errors: MODULE_ERRORS,
  },
  GetOwnerModuleFromUdp6Entry: {
    apis: [lookup(
      getOwnerModuleFromUdp6Entry,
      getOwnerModuleFromUdp6EntryAsync,
      (symbols) => getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" }),
    )],
    errors: MODULE_ERRORS,
  },
  GetIpInterfaceTable: {
    apis: [api(getIpInterfaceTable, getIpInterfaceTableAsync)],
    errors: NETIO_ERRORS,
    corrupt: null, // every byte pattern of a row decodes
  },
  GetAnycastIpAddressTable: {
    apis: [api(getAnycastIpAddressTable, getAnycastIpAddressTableAsync)],
    errors: NETIO_ERRORS,
    corrupt: [shapes.ANYCAST_IP_ADDRESS_TABLE.rowsAt + L.MIB_ANYCASTIPADDRESS_ROW.Address, 9],
  },
  GetUnicastIpAddressTable: {
    apis: [api(getUnicastIpAddressTable, getUnicastIpAddressTableAsync)],
    errors: NETIO_ERRORS,
    corrupt: [shapes.UNICAST_IP_ADDRESS_TABLE.rowsAt + L.MIB_UNICASTIPADDRESS_ROW.Address, 9],
  },
  GetIpForwardTable2: {
    apis: [api(getIpForwardTable2, getIpForwardTable2Async)],
    errors: NETIO_ERRORS,
    corrupt: [
      shapes.IP_FORWARD_TABLE2.rowsAt + L.MIB_IPFORWARD_ROW2.DestinationPrefix +
      L.IP_ADDRESS_PREFIX.Prefix,
      9,
    ],
  },
  GetIpNetTable2: {
    apis: [api(getIpNetTable2, getIpNetTable2Async)],
    errors: [...NETIO_ERRORS, S.ERROR_INVALID_FUNCTION],
    corrupt: [shapes.IP_NET_TABLE2.rowsAt + L.MIB_IPNET_ROW2.Address, 9],
  },
  GetIfTable2: {
    apis: [
      api(getIfTable2, getIfTable2Async),
      api(getInterfaceNames, getInterfaceNamesAsync),
    ],
    errors: [S.ERROR_NOT_ENOUGH_MEMORY],
    corrupt: [shapes.IF_TABLE2.rowsAt + L.MIB_IF_ROW2.PhysicalAddressLength, 33],
  },
  // The 32-bit forms are reached where the DLL lacks the 64-bit ones (Wine, older Windows).
  GetTcpStatisticsEx: {
    apis: STATISTICS_FAMILIES.map((o) => api(getTcpStatistics, getTcpStatisticsAsync, o)),
    errors: STATISTICS_ERRORS,
    faults: { missing: ["GetTcpStatisticsEx2"] },
  },
  GetTcpStatisticsEx2: {
    apis: STATISTICS_FAMILIES.map((o) => api(getTcpStatistics, getTcpStatisticsAsync, o)),
    errors: STATISTICS_ERRORS,
  },
  GetUdpStatisticsEx: {
    apis: STATISTICS_FAMILIES.map((o) => api(getUdpStatistics, getUdpStatisticsAsync, o)),
    errors: STATISTICS_ERRORS,
    faults: { missing: ["GetUdpStatisticsEx2"] },
  },
  GetUdpStatisticsEx2: {
    apis: STATISTICS_FAMILIES.map((o) => api(getUdpStatistics, getUdpStatisticsAsync, o)),
    errors: STATISTICS_ERRORS,
  },
} satisfies { [F in TableFunction]: F extends NetioFunction ? NetioCase : Case };

/**
 * Every fixture, first match winning: the hand-built owner-module lookups,
 * the mingw-w64 tables, then Wine's. Each function has an answer for every
 * family and class the matrix reads.
 */
const ALL: Capture = {
  ...(wine as Capture),
  calls: [
    ...moduleCapture().calls,
    ...(mingwNetio as Capture).calls,
    ...(mingw as Capture).calls,
    ...(wine as Capture).calls,
  ],
};

const NETIO_FUNCTIONS = TABLE_FUNCTIONS.filter((fn): fn is NetioFunction =>
  TABLES[fn].kind === "netio"
);

/** Asserts that `read` fails with an IpHelperError of `fn` and `code`, sync or async. */
async function failsWith(read: () => unknown, fn: string, code: number, message?: RegExp) {
  try {
    await read();
  } catch (error) {
    assert.ok(error instanceof IpHelperError, String(error));
    assert.equal(error.functionName, fn);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return;
  }
  assert.fail(`${fn}: expected ${code} to be thrown`);
}

/** Whether a read's answer is empty: no rows, or no names. */
const isEmpty = (value: unknown) =>
  Array.isArray(value) ? value.length === 0 : (value as { byIndex: Map<number, unknown> }).byIndex
    .size === 0;

/**
 * Caller-allocated: a table that never stops growing, and endless
 * STATUS_UNSUCCESSFUL, end after MAX_ATTEMPTS calls; fewer transient
 * failures are retried away.
 */
async function retryStorms(fn: TableFunction, read: Read, mock: (faults?: MockFaults) => Mock) {
  const storms: [MockFaults, number][] = [
    [{ grow: { [fn]: Infinity } }, S.ERROR_INSUFFICIENT_BUFFER],
    [{ statuses: { [fn]: Array(100).fill(S.STATUS_UNSUCCESSFUL) } }, S.STATUS_UNSUCCESSFUL],
  ];
  for (const [fault, code] of storms) {
    const stormed = mock(fault);
    await failsWith(() => read(stormed.symbols), fn, code, /in a row/);
    assert.equal(stormed.stats.calls[fn], MAX_ATTEMPTS, "bounded retries");
  }
  // As many transient failures as the attempts a clean read leaves: the read succeeds.
  const fresh = mock();
  const clean = await read(fresh.symbols);
  const transient = mock({
    statuses: { [fn]: Array(MAX_ATTEMPTS - fresh.stats.calls[fn]).fill(S.STATUS_UNSUCCESSFUL) },
  });
  assert.deepEqual(await read(transient.symbols), clean);
  assert.equal(transient.stats.calls[fn], MAX_ATTEMPTS);
}

/**
 * OS-allocated: ERROR_NOT_FOUND is no entries; success without a table, and
 * a DLL without FreeMibTable, are refused.
 */
async function netioStorms(fn: TableFunction, read: Read, mock: (faults?: MockFaults) => Mock) {
  const notFound = mock({ statuses: { [fn]: [S.ERROR_NOT_FOUND] } });
  assert.ok(isEmpty(await read(notFound.symbols)), "ERROR_NOT_FOUND is no entries");
  // Success without a table: refused, and nothing freed that was not handed out.
  const none = mock({ statuses: { [fn]: [S.ERROR_SUCCESS] } });
  await failsWith(() => read(none.symbols), fn, S.ERROR_SUCCESS, /returned no table/);
  assert.equal(none.stats.calls.FreeMibTable, 0);
  // Without FreeMibTable nothing is asked for: the table would leak.
  const noFree = mock({ missing: ["FreeMibTable"] });
  await failsWith(() => read(noFree.symbols), "FreeMibTable", S.ERROR_PROC_NOT_FOUND);
  assert.equal(noFree.stats.calls[fn], 0);
}

/** What each call kind is put through besides its documented errors, for the test names. */
const STORMS = {
  ordered: ", endless growth, STATUS_UNSUCCESSFUL",
  extended: ", endless growth, STATUS_UNSUCCESSFUL",
  ownerModule: ", endless growth, STATUS_UNSUCCESSFUL",
  netio: ", ERROR_NOT_FOUND, no table, no FreeMibTable",
  fixed: ", no fallback",
} as const;

for (const fn of TABLE_FUNCTIONS) {
  const { apis, errors, faults }: Case = MATRIX[fn];
  const { kind } = TABLES[fn];
  const mock = (more?: MockFaults) => createMock(ALL, { ...faults, ...more });
  for (const { name, sync, async } of apis) {
    for (const [mode, read] of [["sync", sync], ["async", async]] as const) {
      Deno.test(`fault storm: ${fn} via ${name} (${mode}): every documented error${STORMS[kind]}`, async () => {
        for (const code of errors) {
          const failing = mock({ statuses: { [fn]: [code] } });
          await failsWith(() => read(failing.symbols), fn, code);
          assert.equal(failing.stats.calls[fn], 1, `${fn} ${code}: no retry`);
          assert.equal(failing.stats.allocations + failing.stats.calls.FreeMibTable, 0);
          if (kind === "fixed") {
            const calls = Object.values(failing.stats.calls).reduce((a, b) => a + b);
            assert.equal(calls, 1, "and no other function tried");
          }
        }
        if (kind === "netio") await netioStorms(fn, read, mock);
        else if (kind !== "fixed") await retryStorms(fn, read, mock);
      });
    }
  }
}

// ---- leak accounting: the OS-allocated tables -------------------------------------

const netioApis = NETIO_FUNCTIONS.flatMap((fn) => MATRIX[fn].apis);

Deno.test("leaks: 10,000 reads of every OS-allocated table, sync and concurrently async, leave nothing allocated", async () => {
  const mock = createMock(ALL);
  const { symbols } = mock;
  const reads = 10_000 * netioApis.length;
  for (let i = 0; i < 10_000; i++) for (const { sync } of netioApis) sync(symbols);
  assert.equal(mock.stats.allocations, reads);
  assert.equal(mock.stats.frees, reads);
  for (let i = 0; i < 10_000; i++) await Promise.all(netioApis.map(({ async }) => async(symbols)));
  assert.equal(mock.stats.allocations, 2 * reads);
  assert.equal(mock.stats.frees, 2 * reads);
  assert.equal(mock.stats.calls.FreeMibTable, 2 * reads);
  assert.equal(mock.stats.live, 0);
});

for (const fn of NETIO_FUNCTIONS) {
  const { apis, errors, corrupt }: NetioCase = MATRIX[fn];
  for (const { name, sync, async } of apis) {
    Deno.test(`leaks: 10,000 reads of ${fn} via ${name}, every third failing: every table handed out is freed`, async () => {
      const mock = createMock(ALL);
      const real = mock.symbols[fn] as unknown as (...args: unknown[]) => number;
      let calls = 0;
      const symbols = {
        ...mock.symbols,
        [fn]: (...args: unknown[]) =>
          calls++ % 3 === 0 ? errors[calls % errors.length]! : real(...args),
      } as IpHelperSymbols;
      let failures = 0;
      for (let i = 0; i < 10_000; i++) {
        try {
          await (i % 2 ? async : sync)(symbols);
        } catch (error) {
          assert.ok(error instanceof IpHelperError && error.functionName === fn, String(error));
          failures++;
        }
      }
      assert.equal(failures, 3334);
      assert.equal(mock.stats.allocations, 10_000 - failures);
      assert.equal(mock.stats.frees, mock.stats.allocations);
      assert.equal(mock.stats.live, 0);
    });

    if (corrupt) {
      const [offset, value] = corrupt;
      Deno.test(`leaks: 10,000 reads of ${fn} via ${name} whose decoding throws free every table`, async () => {
        const mock = createMock(ALL);
        const symbols = corrupting(mock.symbols, fn, offset, value);
        for (let i = 0; i < 10_000; i++) {
          try {
            await (i % 2 ? async : sync)(symbols);
            assert.fail("decoded a corrupt table");
          } catch (error) {
            assert.ok(error instanceof DecodeError, String(error));
          }
        }
        assert.equal(mock.stats.allocations, 10_000);
        assert.equal(mock.stats.frees, 10_000);
        assert.equal(mock.stats.live, 0);
      });
    }

    Deno.test(`leaks: ${fn} via ${name}: a table announcing more than the size limit is refused before copying, and freed`, async () => {
      const mock = createMock(ALL);
      const symbols = corrupting(mock.symbols, fn, 3, 0xff); // a row count of at least 0xff000000
      for (const read of [sync, async]) {
        try {
          await read(symbols);
          assert.fail("copied an impossible table");
        } catch (error) {
          assert.ok(error instanceof DecodeError, String(error));
          assert.match(error.message, /more than the 268435456-byte limit/);
        }
      }
      assert.equal(mock.stats.frees, 2);
      assert.equal(mock.stats.live, 0);
    });
  }
}

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
