// Hardening of what the issue-9 API adds on top of the table functions (whose
// fault storms are hardening_test.ts's matrix): getConnections under faults
// and in the steady state; process handles accounted for under load and
// failure; corrupt `processes` members.
import assert from "node:assert/strict";
import {
  ConnectionsError,
  getConnections,
  getConnectionsAsync,
  getPidPorts,
  getPortOwnersAsync,
  getProcessImageName,
  getProcessNames,
  IpHelperError,
  IpHelperStatus as S,
  type Kernel32Symbols,
} from "../mod.ts";
import {
  type Capture,
  CaptureError,
  createMock,
  encodeUdpTableOwnerPid,
  type MockFaults,
  parseCapture,
} from "../mock/mod.ts";
import { MAX_ATTEMPTS } from "../ffi/_call.ts";
import { capture, ok } from "./_capture.ts";
import { connectionCalls, connectionsCapture } from "./_connections.ts";
import { seeded } from "./_random.ts";

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
