// Issue 10 hardening: fault storms and leak accounting for the unicast
// address, route, neighbour and interface tables, the interface names and
// the statistics. Every table Windows allocates must be freed exactly once,
// whatever the status, and whatever the decoder does with it.
import assert from "node:assert/strict";
import {
  DecodeError,
  getIfTable2,
  getIfTable2Async,
  getInterfaceNames,
  getInterfaceNamesAsync,
  getIpForwardTable2,
  getIpForwardTable2Async,
  getIpNetTable2,
  getIpNetTable2Async,
  getTcpStatistics,
  getTcpStatisticsAsync,
  getUdpStatistics,
  getUdpStatisticsAsync,
  getUnicastIpAddressTable,
  getUnicastIpAddressTableAsync,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
} from "../mod.ts";
import { type Capture, type CapturedFunction, createMock, type MockFaults } from "../mock/mod.ts";
import type { NetioFunction } from "../ffi/_tables.ts";
import * as shapes from "../structs/_shapes.ts";
import * as L from "../structs/layout.ts";
import mingw from "./fixtures/mingw_netio.capture.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import { corrupting } from "./_capture.ts";

/** The fixture first, then Wine's: every family of every function has an answer. */
const layered: Capture = {
  ...(wine as Capture),
  calls: [...(mingw as Capture).calls, ...(wine as Capture).calls],
};

type Read = (symbols: IpHelperSymbols) => unknown;

/** Asserts that `read` fails with an IpHelperError of `fn` and `code`. */
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

const NETIO_ERRORS = [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_ENOUGH_MEMORY, S.ERROR_NOT_SUPPORTED];

const NETIO: {
  api: string;
  fn: NetioFunction;
  sync: Read;
  async: Read;
  errors: number[];
  /** A byte of row 0 and a value that makes the decoder throw. */
  corrupt: [number, number];
}[] = [
  {
    api: "getUnicastIpAddressTable",
    fn: "GetUnicastIpAddressTable",
    sync: (symbols) => getUnicastIpAddressTable({ symbols }),
    async: (symbols) => getUnicastIpAddressTableAsync({ symbols }),
    errors: NETIO_ERRORS,
    corrupt: [shapes.UNICAST_IP_ADDRESS_TABLE.rowsAt + L.MIB_UNICASTIPADDRESS_ROW.Address, 9],
  },
  {
    api: "getIpForwardTable2",
    fn: "GetIpForwardTable2",
    sync: (symbols) => getIpForwardTable2({ symbols }),
    async: (symbols) => getIpForwardTable2Async({ symbols }),
    errors: NETIO_ERRORS,
    corrupt: [
      shapes.IP_FORWARD_TABLE2.rowsAt + L.MIB_IPFORWARD_ROW2.DestinationPrefix +
      L.IP_ADDRESS_PREFIX.Prefix,
      9,
    ],
  },
  {
    api: "getIpNetTable2",
    fn: "GetIpNetTable2",
    sync: (symbols) => getIpNetTable2({ symbols }),
    async: (symbols) => getIpNetTable2Async({ symbols }),
    errors: [...NETIO_ERRORS, S.ERROR_INVALID_FUNCTION],
    corrupt: [shapes.IP_NET_TABLE2.rowsAt + L.MIB_IPNET_ROW2.Address, 9],
  },
  {
    api: "getIfTable2",
    fn: "GetIfTable2",
    sync: (symbols) => getIfTable2({ symbols }),
    async: (symbols) => getIfTable2Async({ symbols }),
    errors: [S.ERROR_NOT_ENOUGH_MEMORY],
    corrupt: [shapes.IF_TABLE2.rowsAt + L.MIB_IF_ROW2.PhysicalAddressLength, 33],
  },
  {
    api: "getInterfaceNames",
    fn: "GetIfTable2",
    sync: (symbols) => getInterfaceNames({ symbols }),
    async: (symbols) => getInterfaceNamesAsync({ symbols }),
    errors: [S.ERROR_NOT_ENOUGH_MEMORY],
    corrupt: [shapes.IF_TABLE2.rowsAt + L.MIB_IF_ROW2.PhysicalAddressLength, 33],
  },
];

// ---- fault storms ----------------------------------------------------------------

for (const { api, fn, sync, async, errors } of NETIO) {
  for (const [mode, read] of [["sync", sync], ["async", async]] as const) {
    Deno.test(`fault storm: ${api} (${mode}): every documented error, ERROR_NOT_FOUND, no table`, async () => {
      for (const code of errors) {
        const mock = createMock(layered, { statuses: { [fn]: [code] } });
        await failsWith(() => read(mock.symbols), fn, code);
        assert.equal(mock.stats.calls[fn], 1, `${fn} ${code}: no retry`);
        assert.equal(mock.stats.allocations + mock.stats.calls.FreeMibTable, 0);
      }
      const notFound = createMock(layered, { statuses: { [fn]: [S.ERROR_NOT_FOUND] } });
      assert.ok(isEmpty(await read(notFound.symbols)), "ERROR_NOT_FOUND is no entries");
      // Success without a table: refused, and nothing freed that was not handed out.
      const none = createMock(layered, { statuses: { [fn]: [S.ERROR_SUCCESS] } });
      await failsWith(() => read(none.symbols), fn, S.ERROR_SUCCESS, /returned no table/);
      assert.equal(none.stats.calls.FreeMibTable, 0);
      // Without FreeMibTable nothing is asked for: the table would leak.
      const noFree = createMock(layered, { missing: ["FreeMibTable"] });
      await failsWith(() => read(noFree.symbols), "FreeMibTable", S.ERROR_PROC_NOT_FOUND);
      assert.equal(noFree.stats.calls[fn], 0);
    });
  }
}

const STATISTICS: { fn: CapturedFunction; sync: Read; async: Read; faults?: MockFaults }[] = [
  {
    fn: "GetTcpStatisticsEx2",
    sync: (symbols) => getTcpStatistics({ symbols }),
    async: (symbols) => getTcpStatisticsAsync({ symbols, family: "ipv6" }),
  },
  {
    fn: "GetTcpStatisticsEx",
    sync: (symbols) => getTcpStatistics({ symbols, family: "ipv6" }),
    async: (symbols) => getTcpStatisticsAsync({ symbols }),
    faults: { missing: ["GetTcpStatisticsEx2"] },
  },
  {
    fn: "GetUdpStatisticsEx2",
    sync: (symbols) => getUdpStatistics({ symbols }),
    async: (symbols) => getUdpStatisticsAsync({ symbols, family: "ipv6" }),
  },
  {
    fn: "GetUdpStatisticsEx",
    sync: (symbols) => getUdpStatistics({ symbols, family: "ipv6" }),
    async: (symbols) => getUdpStatisticsAsync({ symbols }),
    faults: { missing: ["GetUdpStatisticsEx2"] },
  },
];

for (const { fn, sync, async, faults } of STATISTICS) {
  Deno.test(`fault storm: ${fn}: every documented error, sync and async, once each`, async () => {
    for (const code of [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_SUPPORTED]) {
      for (const read of [sync, async]) {
        const mock = createMock(layered, { ...faults, statuses: { [fn]: [code] } });
        await failsWith(() => read(mock.symbols), fn, code);
        assert.equal(mock.stats.calls[fn], 1, `${fn} ${code}: no retry`);
        const calls = Object.values(mock.stats.calls).reduce((a, b) => a + b);
        assert.equal(calls, 1, "and no other function tried");
      }
    }
  });
}

Deno.test("fault storm: 10,000 reads of each table, every third failing: every table handed out is freed", async () => {
  for (const { api, fn, sync, async, errors } of NETIO) {
    const mock = createMock(layered);
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
    assert.equal(failures, 3334, api);
    assert.equal(mock.stats.allocations, 10_000 - failures);
    assert.equal(mock.stats.frees, mock.stats.allocations);
    assert.equal(mock.stats.live, 0);
  }
});

// ---- leak accounting -----------------------------------------------------------

Deno.test("leaks: 10,000 reads of each OS-allocated table leave nothing allocated", async () => {
  const mock = createMock(layered);
  const { symbols } = mock;
  for (let i = 0; i < 10_000; i++) {
    getUnicastIpAddressTable({ symbols, family: "ipv6" });
    getIpForwardTable2({ symbols });
    getIpNetTable2({ symbols, family: "ipv4" });
    getIfTable2({ symbols });
    getInterfaceNames({ symbols });
  }
  assert.equal(mock.stats.allocations, 50_000);
  assert.equal(mock.stats.frees, 50_000);
  for (let i = 0; i < 10_000; i++) {
    await Promise.all([
      getUnicastIpAddressTableAsync({ symbols }),
      getIpForwardTable2Async({ symbols, family: "ipv4" }),
      getIpNetTable2Async({ symbols }),
      getIfTable2Async({ symbols }),
      getInterfaceNamesAsync({ symbols }),
    ]);
  }
  assert.equal(mock.stats.allocations, 100_000);
  assert.equal(mock.stats.frees, 100_000);
  assert.equal(mock.stats.calls.FreeMibTable, 100_000);
  assert.equal(mock.stats.live, 0);
});

for (const { api, fn, sync, async, corrupt: [offset, value] } of NETIO) {
  Deno.test(`leaks: 10,000 reads of ${api} whose decoding throws free every table`, async () => {
    const mock = createMock(layered);
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

Deno.test("leaks: a table announcing more than the size limit is refused before copying, and freed", async () => {
  for (const { api, fn, sync, async } of NETIO) {
    const mock = createMock(layered);
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
    assert.equal(mock.stats.frees, 2, api);
    assert.equal(mock.stats.live, 0);
  }
});
