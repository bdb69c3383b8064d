// Hardening of the issue-9 API: fault storms (every documented error, endless
// growth, STATUS_UNSUCCESSFUL) for each new function, sync and async;
// getConnections under faults; process handles accounted for under load and
// failure; corrupt `processes` members.
import assert from "node:assert/strict";
import {
  ConnectionsError,
  getConnections,
  getConnectionsAsync,
  getExtendedTcpTable,
  getExtendedTcpTableAsync,
  getExtendedUdpTable,
  getExtendedUdpTableAsync,
  getOwnerModuleFromTcp6Entry,
  getOwnerModuleFromTcp6EntryAsync,
  getOwnerModuleFromUdp6Entry,
  getOwnerModuleFromUdp6EntryAsync,
  getOwnerModuleFromUdpEntry,
  getOwnerModuleFromUdpEntryAsync,
  getPidPorts,
  getPortOwnersAsync,
  getProcessImageName,
  getProcessNames,
  getTcp6Table,
  getTcp6Table2,
  getTcp6Table2Async,
  getTcp6TableAsync,
  getUdp6Table,
  getUdp6TableAsync,
  getUdpTable,
  getUdpTableAsync,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
  type Kernel32Symbols,
} from "../mod.ts";
import {
  type Capture,
  type CapturedFunction,
  CaptureError,
  createMock,
  encodeUdpTableOwnerPid,
  type MockFaults,
  parseCapture,
} from "../mock/mod.ts";
import { MAX_ATTEMPTS } from "../ffi/_call.ts";
import { capture, ok } from "./_capture.ts";
import { connectionCalls, connectionsCapture, moduleCapture, WINE } from "./_connections.ts";
import { seeded } from "./_random.ts";

type Read = (symbols: IpHelperSymbols) => unknown;

const tcp6Module = (symbols: IpHelperSymbols) =>
  getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" })[0]!;
const udpModule = (symbols: IpHelperSymbols) =>
  getExtendedUdpTable({ symbols, owner: "module" })[0]!;
const udp6Module = (symbols: IpHelperSymbols) =>
  getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" })[0]!;

const TABLE_ERRORS = [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED];
const MODULE_ERRORS = [
  S.ERROR_INVALID_PARAMETER,
  S.ERROR_NOT_ENOUGH_MEMORY,
  S.ERROR_NOT_FOUND,
  S.ERROR_PARTIAL_COPY,
];

const FUNCTIONS: {
  name: string;
  fn: CapturedFunction;
  source: Capture;
  sync: Read;
  async: Read;
  errors: number[];
}[] = [
  {
    name: "getTcp6Table",
    fn: "GetTcp6Table",
    source: WINE,
    sync: (symbols) => getTcp6Table({ symbols }),
    async: (symbols) => getTcp6TableAsync({ symbols }),
    errors: TABLE_ERRORS,
  },
  {
    name: "getTcp6Table2",
    fn: "GetTcp6Table2",
    source: WINE,
    sync: (symbols) => getTcp6Table2({ symbols }),
    async: (symbols) => getTcp6Table2Async({ symbols }),
    errors: TABLE_ERRORS,
  },
  {
    name: "getUdpTable",
    fn: "GetUdpTable",
    source: WINE,
    sync: (symbols) => getUdpTable({ symbols }),
    async: (symbols) => getUdpTableAsync({ symbols }),
    errors: TABLE_ERRORS,
  },
  {
    name: "getUdp6Table",
    fn: "GetUdp6Table",
    source: WINE,
    sync: (symbols) => getUdp6Table({ symbols }),
    async: (symbols) => getUdp6TableAsync({ symbols }),
    errors: TABLE_ERRORS,
  },
  {
    name: "getExtendedTcpTable (IPv6, module)",
    fn: "GetExtendedTcpTable",
    source: WINE,
    sync: (symbols) => getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" }),
    async: (symbols) => getExtendedTcpTableAsync({ symbols, family: "ipv6", owner: "module" }),
    errors: [S.ERROR_INVALID_PARAMETER],
  },
  {
    name: "getExtendedUdpTable (IPv4, PID)",
    fn: "GetExtendedUdpTable",
    source: WINE,
    sync: (symbols) => getExtendedUdpTable({ symbols }),
    async: (symbols) => getExtendedUdpTableAsync({ symbols }),
    errors: [S.ERROR_INVALID_PARAMETER],
  },
  {
    name: "getExtendedUdpTable (IPv6, module)",
    fn: "GetExtendedUdpTable",
    source: WINE,
    sync: (symbols) => getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" }),
    async: (symbols) => getExtendedUdpTableAsync({ symbols, family: "ipv6", owner: "module" }),
    errors: [S.ERROR_INVALID_PARAMETER],
  },
  {
    name: "getOwnerModuleFromTcp6Entry",
    fn: "GetOwnerModuleFromTcp6Entry",
    source: moduleCapture(),
    sync: (symbols) => getOwnerModuleFromTcp6Entry(tcp6Module(symbols), { symbols }),
    async: (symbols) => getOwnerModuleFromTcp6EntryAsync(tcp6Module(symbols), { symbols }),
    errors: MODULE_ERRORS,
  },
  {
    name: "getOwnerModuleFromUdpEntry",
    fn: "GetOwnerModuleFromUdpEntry",
    source: moduleCapture(),
    sync: (symbols) => getOwnerModuleFromUdpEntry(udpModule(symbols), { symbols }),
    async: (symbols) => getOwnerModuleFromUdpEntryAsync(udpModule(symbols), { symbols }),
    errors: MODULE_ERRORS,
  },
  {
    name: "getOwnerModuleFromUdp6Entry",
    fn: "GetOwnerModuleFromUdp6Entry",
    source: moduleCapture(),
    sync: (symbols) => getOwnerModuleFromUdp6Entry(udp6Module(symbols), { symbols }),
    async: (symbols) => getOwnerModuleFromUdp6EntryAsync(udp6Module(symbols), { symbols }),
    errors: MODULE_ERRORS,
  },
];

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

for (const { name, fn, source, sync, async, errors } of FUNCTIONS) {
  for (const [mode, read] of [["sync", sync], ["async", async]] as const) {
    Deno.test(`fault storm: ${name} (${mode}): every documented error, endless growth, STATUS_UNSUCCESSFUL`, async () => {
      for (const code of errors) {
        const mock = createMock(source, { statuses: { [fn]: [code] } });
        await failsWith(() => read(mock.symbols), fn, code);
        assert.equal(mock.stats.calls[fn], 1, `${fn} ${code}: no retry`);
      }
      const storms: [MockFaults, number][] = [
        [{ grow: { [fn]: Infinity } }, S.ERROR_INSUFFICIENT_BUFFER],
        [{ statuses: { [fn]: Array(100).fill(S.STATUS_UNSUCCESSFUL) } }, S.STATUS_UNSUCCESSFUL],
      ];
      for (const [fault, code] of storms) {
        const mock = createMock(source, fault);
        await failsWith(() => read(mock.symbols), fn, code, /in a row/);
        assert.equal(mock.stats.calls[fn], MAX_ATTEMPTS, "bounded retries");
      }
      // As many transient failures as the attempts a clean read leaves: the read succeeds.
      const fresh = createMock(source);
      const clean = await read(fresh.symbols);
      const transient = createMock(source, {
        statuses: {
          [fn]: Array(MAX_ATTEMPTS - fresh.stats.calls[fn]).fill(S.STATUS_UNSUCCESSFUL),
        },
      });
      assert.deepEqual(await read(transient.symbols), clean);
      assert.equal(transient.stats.calls[fn], MAX_ATTEMPTS);
    });
  }
}

Deno.test("fault storm: getConnections reports each table a storm defeats, with the rows of the others", async () => {
  const source = connectionsCapture();
  const clean = getConnections({ symbols: createMock(source).symbols });
  const udp = clean.filter((row) => row.protocol === "udp");
  const tcp = clean.filter((row) => row.protocol === "tcp");
  const cases: [MockFaults, [string, number, number][], typeof clean][] = [
    // The first call of GetExtendedTcpTable is the IPv4 table's.
    [
      { statuses: { GetExtendedTcpTable: [S.ERROR_INVALID_PARAMETER] } },
      [["tcp", 2, S.ERROR_INVALID_PARAMETER]],
      clean.filter((row) => !(row.protocol === "tcp" && row.family === 2)),
    ],
    [
      { grow: { GetExtendedUdpTable: Infinity } },
      [["udp", 2, S.ERROR_INSUFFICIENT_BUFFER], ["udp", 23, S.ERROR_INSUFFICIENT_BUFFER]],
      tcp,
    ],
    [
      { statuses: { GetExtendedTcpTable: Array(100).fill(S.STATUS_UNSUCCESSFUL) } },
      [["tcp", 2, S.STATUS_UNSUCCESSFUL], ["tcp", 23, S.STATUS_UNSUCCESSFUL]],
      udp,
    ],
  ];
  for (const [fault, failed, rows] of cases) {
    for (const read of [getConnections, getConnectionsAsync]) {
      const mock = createMock(source, fault);
      await assert.rejects(async () => await read({ symbols: mock.symbols }), (error) => {
        assert.ok(error instanceof ConnectionsError, String(error));
        assert.deepEqual(
          error.failures.map((f) => [f.protocol, f.family, (f.error as IpHelperError).code]),
          failed,
        );
        assert.deepEqual(error.rows, rows);
        return true;
      });
      const calls = mock.stats.calls.GetExtendedTcpTable + mock.stats.calls.GetExtendedUdpTable;
      assert.ok(calls <= 4 * MAX_ATTEMPTS, `bounded: ${calls} calls`);
    }
  }
  // Transient faults on every table: the full list, as if nothing happened.
  const transient = createMock(source, {
    statuses: {
      GetExtendedTcpTable: Array(MAX_ATTEMPTS - 1).fill(S.STATUS_UNSUCCESSFUL),
      GetExtendedUdpTable: Array(MAX_ATTEMPTS - 1).fill(S.STATUS_UNSUCCESSFUL),
    },
    grow: { GetExtendedUdpTable: 1 },
  });
  assert.deepEqual(await getConnectionsAsync({ symbols: transient.symbols }), clean);
  await assert.rejects(
    getPortOwnersAsync(8080, {
      symbols: createMock(source, { missing: ["GetExtendedUdpTable"] }).symbols,
    }),
    ConnectionsError,
  );
});

Deno.test("steady state: after the first read, one call per table per getConnections, large tables included", () => {
  // 2,000 UDP sockets (24 KB): more than the 4 KiB first guess, so the first read probes.
  const many = Array.from({ length: 2000 }, (_, i) => ({
    localAddr: "0.0.0.0",
    localPort: 10_000 + i,
    owningPid: 4000 + (i % 7),
  }));
  const mock = createMock(capture(
    ok("GetExtendedUdpTable", encodeUdpTableOwnerPid(many), { family: 2, tableClass: 1 }),
    ...connectionCalls(),
  ));
  const reads = 1000;
  for (let i = 0; i < reads; i++) {
    assert.equal(getConnections({ symbols: mock.symbols }).length, 6 + 2000 + 1);
  }
  const calls = mock.stats.calls;
  assert.equal(calls.GetExtendedTcpTable, 2 * reads);
  assert.equal(calls.GetExtendedUdpTable, 2 * reads + 1, "one probe, on the first read");
  assert.deepEqual(getPidPorts(4003, { symbols: mock.symbols }).udp.length, 286);
});

Deno.test("leaks: 10,000 process-name lookups close every handle they open, also when a call fails or throws", () => {
  const { kernel32, stats } = createMock({
    ...capture(),
    processes: { "8": "C:\\a.exe", "12": 5, "16": "C:\\b.exe" },
  });
  const pids = [0, 4, 8, 12, 16, 20];
  for (let i = 0; i < 10_000; i++) {
    const names = getProcessNames(pids, { kernel32 });
    assert.equal(names.size, 6);
  }
  assert.equal(stats.opens, 20_000);
  assert.equal(stats.closes, 20_000);

  let calls = 0;
  const flaky: Kernel32Symbols = {
    ...kernel32,
    QueryFullProcessImageNameW: (handle, flags, buffer, size) => {
      if (++calls % 2 === 0) throw new Error("a driver fault");
      return kernel32.QueryFullProcessImageNameW!(
        handle,
        flags + (calls % 3 === 0 ? 1 : 0),
        buffer,
        size,
      );
    },
  };
  for (let i = 0; i < 10_000; i++) {
    try {
      getProcessImageName(8, { kernel32: flaky });
    } catch (error) {
      if (!(error instanceof IpHelperError) && (error as Error).message !== "a driver fault") {
        throw error;
      }
    }
  }
  assert.equal(stats.opens, 30_000);
  assert.equal(stats.closes, 30_000);
});

const CASES = 1000;
const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261123);

Deno.test(`fuzz: a corrupt processes member is refused by name or replayed exactly (seed ${SEED}, ${CASES} cases)`, () => {
  const junk = [
    null,
    -1,
    0,
    2 ** 32,
    1.5,
    "",
    "C:\\a\0b",
    "C:\\ok.exe",
    5,
    [],
    {},
    true,
    "x".repeat(32_768),
  ];
  const keys = ["8", "08", "-8", "x", "4294967295", "4294967296", "", " 8", "1e3", "0"];
  let accepted = 0;
  for (let i = 0; i < CASES; i++) {
    const r = seeded(SEED + i * 7919);
    const processes: Record<string, unknown> = {};
    for (let n = r.int(4); n > 0; n--) {
      processes[keys[r.int(keys.length)]!] = junk[r.int(junk.length)];
    }
    let parsed: Capture;
    try {
      parsed = parseCapture({ ...capture(), processes });
      accepted++;
    } catch (error) {
      if (!(error instanceof CaptureError)) {
        throw new Error(`case ${i} (FUZZ_SEED=${SEED}): ${error}`);
      }
      assert.match(error.message, /^capture\.processes(\[|:)/, `case ${i}`);
      continue;
    }
    const { kernel32, stats } = createMock(parsed);
    const pids = Object.keys(parsed.processes!).map(Number);
    const names = getProcessNames(pids, { kernel32 });
    for (const pid of pids) {
      const recorded = parsed.processes![pid]!;
      const name = names.get(pid)!;
      if (pid === 0 || pid === 4) assert.equal(name.path, null);
      else if (typeof recorded === "string") assert.equal(name.path, recorded, `case ${i}`);
      else assert.equal(name.status === "ok" ? 0 : name.error.code, recorded, `case ${i}`);
    }
    assert.equal(stats.opens, stats.closes);
  }
  assert.ok(accepted > CASES / 10 && accepted < CASES * 0.9, `${accepted} of ${CASES} accepted`);
});
