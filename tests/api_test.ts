// The table functions against the mock: the same code path as the live DLL.
import assert from "node:assert/strict";
import {
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
  getTcpTable2View,
  getTcpTable2ViewAsync,
  getTcpTableAsync,
  IpHelperError,
  IpHelperStatus,
  loadIpHelper,
  statusName,
  type TcpRowOwnerModule,
} from "../mod.ts";
import {
  bytesToBase64,
  type Capture,
  CaptureError,
  createMock,
  encodeAnycastIpAddressTable,
  encodeOwnerModuleBasicInfo,
  encodeTcpTable,
  encodeTcpTableOwnerModule,
  encodeTcpTableOwnerPid,
} from "../mock/mod.ts";
import { MAX_ATTEMPTS } from "../ffi/_call.ts";
import { encodeTcpRowOwnerModule } from "../structs/tcp_table_owner_module.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import { capture, corrupting, ok, symbolsWith, tcpCapture, tcpRows } from "./_capture.ts";

const S = IpHelperStatus;

Deno.test("a table larger than the first guess: one probe, then the remembered size is used", () => {
  const rows = tcpRows(500); // 14,004 bytes
  const mock = createMock(tcpCapture(rows));
  assert.deepEqual(getTcpTable2({ symbols: mock.symbols }), rows);
  assert.equal(mock.stats.calls.GetTcpTable2, 2, "probe + call");
  for (let i = 0; i < 3; i++) getTcpTable2({ symbols: mock.symbols });
  assert.equal(mock.stats.calls.GetTcpTable2, 5, "then one call per read");
});

Deno.test("a table that grows between probe and call is retried, up to the limit", () => {
  const rows = tcpRows(10);
  const growing = createMock(tcpCapture(rows), { grow: { GetTcpTable2: MAX_ATTEMPTS - 1 } });
  assert.deepEqual(getTcpTable2({ symbols: growing.symbols }), rows);
  assert.equal(growing.stats.calls.GetTcpTable2, MAX_ATTEMPTS);

  const storm = createMock(tcpCapture(rows), { grow: { GetTcpTable2: Infinity } });
  assert.throws(() => getTcpTable2({ symbols: storm.symbols }), {
    name: "IpHelperError",
    functionName: "GetTcpTable2",
    code: S.ERROR_INSUFFICIENT_BUFFER,
    message: new RegExp(`kept growing .* ${MAX_ATTEMPTS} attempts in a row`),
  });
  assert.equal(storm.stats.calls.GetTcpTable2, MAX_ATTEMPTS, "bounded");
});

Deno.test("STATUS_UNSUCCESSFUL is retried as transient, up to the limit", () => {
  const rows = tcpRows(3);
  const transient = createMock(tcpCapture(rows), {
    statuses: { GetTcpTable2: [S.STATUS_UNSUCCESSFUL, S.STATUS_UNSUCCESSFUL] },
  });
  assert.deepEqual(getTcpTable2({ symbols: transient.symbols }), rows);
  assert.equal(transient.stats.calls.GetTcpTable2, 3);

  const storm = createMock(tcpCapture(rows), {
    statuses: { GetTcpTable2: Array(MAX_ATTEMPTS).fill(S.STATUS_UNSUCCESSFUL) },
  });
  assert.throws(() => getTcpTable2({ symbols: storm.symbols }), {
    code: 0xC0000001,
    codeName: "STATUS_UNSUCCESSFUL",
    message:
      /STATUS_UNSUCCESSFUL \(3221225473\)\. Windows returned STATUS_UNSUCCESSFUL 5 times in a row/,
  });
  assert.equal(storm.stats.calls.GetTcpTable2, MAX_ATTEMPTS);
});

Deno.test("every documented error of the caller-allocated functions fails at once with its name", () => {
  const documented = [
    S.ERROR_INVALID_PARAMETER,
    S.ERROR_NOT_SUPPORTED,
    S.ERROR_NOT_ENOUGH_MEMORY,
    0x4c7,
  ];
  for (const status of documented) {
    const mock = createMock(tcpCapture([]), { statuses: { GetTcpTable2: [status] } });
    assert.throws(() => getTcpTable2({ symbols: mock.symbols }), (error) => {
      assert.ok(error instanceof IpHelperError);
      assert.equal(error.code, status);
      assert.equal(error.codeName, statusName(status));
      assert.equal(
        error.message.startsWith(`GetTcpTable2 failed: ${statusName(status)} (${status}).`),
        true,
      );
      return true;
    });
    assert.equal(mock.stats.calls.GetTcpTable2, 1, statusName(status));
  }
  assert.equal(statusName(0x4c7), "0x000004C7");
  assert.match(
    new IpHelperError("GetTcpTable", S.ERROR_INVALID_PARAMETER).advice,
    /report it with a capture/,
  );
});

Deno.test("an absurd size request is refused before any allocation", () => {
  let calls = 0;
  const symbols = symbolsWith({
    GetTcpTable2: (_buffer: unknown, size: unknown) => {
      calls++;
      (size as Uint32Array)[0] = 0xfffffff0;
      return S.ERROR_INSUFFICIENT_BUFFER;
    },
  });
  assert.throws(() => getTcpTable2({ symbols }), {
    code: S.ERROR_INSUFFICIENT_BUFFER,
    message: /asked for 4294967280 bytes, more than the 268435456-byte limit/,
  });
  assert.equal(calls, 1);
});

Deno.test("a size answer that does not grow cannot loop forever", () => {
  let calls = 0;
  const symbols = symbolsWith({
    GetTcpTable: (_buffer: unknown, size: unknown) => {
      calls++;
      (size as Uint32Array)[0] = 8; // less than what was given
      return S.ERROR_INSUFFICIENT_BUFFER;
    },
  });
  assert.throws(() => getTcpTable({ symbols }), { code: S.ERROR_INSUFFICIENT_BUFFER });
  assert.equal(calls, MAX_ATTEMPTS);
});

Deno.test("arguments reach the DLL: Order, family, table class, reserved", () => {
  const seen: unknown[][] = [];
  const answer = (...args: unknown[]) => {
    seen.push(args.slice(2));
    return S.ERROR_NOT_SUPPORTED;
  };
  const symbols = symbolsWith({
    GetTcpTable: answer,
    GetTcpTable2: answer,
    GetExtendedTcpTable: answer,
  });
  const attempts = [
    () => getTcpTable({ symbols, sorted: true }),
    () => getTcpTable2({ symbols }),
    () => getExtendedTcpTable({ symbols, include: "listener" }),
    () => getExtendedTcpTable({ symbols, include: "connections", sorted: true }),
    () => getExtendedTcpTable({ symbols }),
    () => getExtendedTcpTable({ symbols, owner: "module", include: "listener" }),
    () => getExtendedTcpTable({ symbols, owner: "module", include: "connections" }),
    () => getExtendedTcpTable({ symbols, owner: "module" }),
  ];
  for (const attempt of attempts) assert.throws(attempt, IpHelperError);
  assert.deepEqual(seen, [[1], [0], [0, 2, 3, 0], [1, 2, 4, 0], [0, 2, 5, 0], [0, 2, 6, 0], [
    0,
    2,
    7,
    0,
  ], [0, 2, 8, 0]]);
});

Deno.test("GetExtendedTcpTable: each class decodes with its own row layout", () => {
  const rows = tcpRows(3);
  const moduleRows: TcpRowOwnerModule[] = rows.map(({ offloadState: _, ...r }, i) => ({
    ...r,
    createTimestamp: 133_000_000_000_000_000n + BigInt(i),
    owningModuleInfo: Array(16).fill(BigInt(i)),
  }));
  const { offloadState: _, ...first } = rows[0]!;
  const { symbols } = createMock(capture(
    ok("GetExtendedTcpTable", encodeTcpTableOwnerPid(rows.slice(1)), { family: 2, tableClass: 5 }),
    ok("GetExtendedTcpTable", encodeTcpTableOwnerPid([first]), { family: 2, tableClass: 3 }),
    ok("GetExtendedTcpTable", encodeTcpTableOwnerModule(moduleRows), { family: 2, tableClass: 8 }),
  ));
  assert.deepEqual(getExtendedTcpTable({ symbols, include: "listener" }), [first]);
  assert.equal(getExtendedTcpTable({ symbols }).length, 2);
  assert.deepEqual(getExtendedTcpTable({ symbols, owner: "module" }), moduleRows);
  assert.throws(() => getExtendedTcpTable({ symbols, include: "connections" }), {
    name: "CaptureError",
    message: "the capture holds no GetExtendedTcpTable (family 2, tableClass 4) call to replay",
  });
});

Deno.test("a function the DLL lacks: ERROR_PROC_NOT_FOUND, 'not supported on this system'", () => {
  const { symbols } = createMock(tcpCapture([]), { missing: ["GetTcpTable2"] });
  assert.equal(symbols.GetTcpTable2, null);
  assert.throws(() => getTcpTable2({ symbols }), {
    functionName: "GetTcpTable2",
    codeName: "ERROR_PROC_NOT_FOUND",
    message: /Not supported on this system/,
  });
});

const anycastCapture = (data: Uint8Array): Capture =>
  capture(ok("GetAnycastIpAddressTable", data, { family: 0 }));
const ANYCAST = [{
  address: { family: 2 as const, address: "192.88.99.1", port: 0 },
  interfaceLuid: 7n,
  interfaceIndex: 12,
  scopeId: 0,
}];

Deno.test("OS-allocated tables are copied out and freed exactly once", () => {
  const mock = createMock(anycastCapture(encodeAnycastIpAddressTable(ANYCAST)));
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(getAnycastIpAddressTable({ symbols: mock.symbols }), ANYCAST);
  }
  assert.equal(mock.stats.allocations, 3);
  assert.equal(mock.stats.frees, 3);
  assert.equal(mock.stats.calls.FreeMibTable, 3);
  assert.equal(mock.stats.live, 0);
});

Deno.test("OS-allocated tables are freed when decoding throws", () => {
  // A valid capture (the mock refuses bad bytes), corrupted in the table it hands out.
  const mock = createMock(anycastCapture(encodeAnycastIpAddressTable(ANYCAST)));
  const symbols = corrupting(mock.symbols, "GetAnycastIpAddressTable", 8, 99); // si_family of row 0
  assert.throws(() => getAnycastIpAddressTable({ symbols }), { name: "DecodeError" });
  assert.equal(mock.stats.frees, 1);
  assert.equal(mock.stats.live, 0);
});

Deno.test("OS-allocated tables: ERROR_NOT_FOUND means no entries; other errors free nothing", () => {
  const notFound = createMock(anycastCapture(new Uint8Array(8)), {
    statuses: { GetAnycastIpAddressTable: [S.ERROR_NOT_FOUND] },
  });
  assert.deepEqual(getAnycastIpAddressTable({ symbols: notFound.symbols }), []);
  for (
    const status of [S.ERROR_INVALID_PARAMETER, S.ERROR_NOT_ENOUGH_MEMORY, S.ERROR_NOT_SUPPORTED]
  ) {
    const mock = createMock(anycastCapture(new Uint8Array(8)), {
      statuses: { GetAnycastIpAddressTable: [status] },
    });
    assert.throws(() => getAnycastIpAddressTable({ symbols: mock.symbols }), { code: status });
    assert.equal(mock.stats.allocations + mock.stats.calls.FreeMibTable, 0);
  }
});

Deno.test("OS-allocated tables: without FreeMibTable nothing is asked for (it would leak)", () => {
  const mock = createMock(anycastCapture(new Uint8Array(8)), { missing: ["FreeMibTable"] });
  assert.throws(() => getAnycastIpAddressTable({ symbols: mock.symbols }), {
    functionName: "FreeMibTable",
    codeName: "ERROR_PROC_NOT_FOUND",
  });
  assert.equal(mock.stats.calls.GetAnycastIpAddressTable, 0);
});

Deno.test("the mock catches a double free", () => {
  const mock = createMock(anycastCapture(new Uint8Array(8)));
  const table = new BigUint64Array(1);
  assert.equal(mock.symbols.GetAnycastIpAddressTable!(0, table), 0);
  const pointer = Deno.UnsafePointer.create(table[0]!);
  mock.symbols.FreeMibTable!(pointer);
  assert.throws(
    () => mock.symbols.FreeMibTable!(pointer),
    /not a table this mock handed out, or freed twice/,
  );
});

Deno.test("owner module: pointers are resolved against the caller's buffer, probing for long paths", () => {
  const row = fixtureModuleRows()[0]!;
  const longPath = "C:\\" + "very-long-directory\\".repeat(150) + "app.exe"; // > 4096 bytes of UTF-16
  const recordedAt = 0x1_0000_0000n;
  const mock = createMock(capture({
    ...ok(
      "GetOwnerModuleFromTcpEntry",
      encodeOwnerModuleBasicInfo({ moduleName: "app.exe", modulePath: longPath }, recordedAt),
      {
        row: bytesToBase64(encodeTcpRowOwnerModule(row)),
      },
    ),
    address: `0x${recordedAt.toString(16)}`,
  }));
  assert.deepEqual(getOwnerModuleFromTcpEntry(row, { symbols: mock.symbols }), {
    moduleName: "app.exe",
    modulePath: longPath,
  });
  assert.equal(mock.stats.calls.GetOwnerModuleFromTcpEntry, 2, "probe + call");
});

/** The owner-module rows of the mingw fixture, decoded. */
function fixtureModuleRows(): TcpRowOwnerModule[] {
  return getExtendedTcpTable({ symbols: createMock(mingw as Capture).symbols, owner: "module" });
}

Deno.test("async variants return what the sync ones do, from blocking symbols too", async () => {
  const { symbols } = createMock(mingw as Capture);
  const tcp = createMock(tcpCapture(tcpRows(300))).symbols;
  const basic = createMock(capture(ok("GetTcpTable", encodeTcpTable(tcpRows(2))))).symbols;
  assert.deepEqual(await getTcpTable2Async({ symbols: tcp }), getTcpTable2({ symbols: tcp }));
  assert.deepEqual(await getTcpTableAsync({ symbols: basic }), getTcpTable({ symbols: basic }));
  const modules = getExtendedTcpTable({ symbols, owner: "module" });
  assert.deepEqual(await getExtendedTcpTableAsync({ symbols, owner: "module" }), modules);
  assert.deepEqual(
    await getOwnerModuleFromTcpEntryAsync(modules[0]!, { symbols }),
    getOwnerModuleFromTcpEntry(modules[0]!, { symbols }),
  );
  for (const family of ["all", "ipv4", "ipv6"] as const) {
    assert.deepEqual(
      await getIpInterfaceTableAsync({ symbols, family }),
      getIpInterfaceTable({ symbols, family }),
    );
    assert.deepEqual(
      await getAnycastIpAddressTableAsync({ symbols, family }),
      getAnycastIpAddressTable({ symbols, family }),
    );
  }
});

Deno.test("getTcpTable2View: the same table as getTcpTable2, undecoded, sync and async", async () => {
  const mock = createMock(tcpCapture(tcpRows(300)));
  const rows = getTcpTable2({ symbols: mock.symbols });
  for (
    const view of [
      getTcpTable2View({ symbols: mock.symbols }),
      await getTcpTable2ViewAsync({ symbols: mock.symbols }),
    ]
  ) {
    assert.equal(view.length, rows.length);
    rows.forEach((row, i) => assert.deepEqual(view.row(i), row));
  }
  assert.equal(mock.stats.calls.GetTcpTable2, 4, "a probe and a call, then one call per read");
});

Deno.test("async variants retry and fail like the sync ones", async () => {
  const mock = createMock(tcpCapture(tcpRows(2)), {
    statuses: { GetTcpTable2: [S.STATUS_UNSUCCESSFUL] },
    grow: { GetTcpTable2: 2 },
  });
  assert.equal((await getTcpTable2Async({ symbols: mock.symbols })).length, 2);
  assert.equal(mock.stats.calls.GetTcpTable2, 4);
  await assert.rejects(
    getTcpTable2Async({
      symbols: createMock(tcpCapture([]), { missing: ["GetTcpTable2"] }).symbols,
    }),
    { codeName: "ERROR_PROC_NOT_FOUND" },
  );
});

Deno.test("a call with no recorded answer is a CaptureError, and nothing is left allocated", () => {
  const mock = createMock(capture());
  assert.throws(() => getIpInterfaceTable({ symbols: mock.symbols }), CaptureError);
  assert.equal(mock.stats.live, 0);
});

Deno.test({
  name: "off Windows, the live DLL is refused with advice to use the mock",
  ignore: Deno.build.os === "windows",
  fn() {
    assert.throws(() => loadIpHelper(), {
      name: "IpHelperError",
      codeName: "ERROR_MOD_NOT_FOUND",
      message: /exists only on Windows.*createMock/,
    });
    assert.throws(() => getTcpTable2(), { codeName: "ERROR_MOD_NOT_FOUND" });
  },
});
