// Hostile inputs at every entry: options, symbols, rows passed back in,
// captures changed after the mock took them, fault typos, owner-module
// buffers, status codes. Each is refused with an error that names it.
import assert from "node:assert/strict";
import {
  decodeAnycastIpAddressTable,
  decodeIpInterfaceTable,
  decodeOwnerModuleBasicInfo,
  decodeTcpTable,
  decodeTcpTable2,
  decodeTcpTableOwnerModule,
  decodeTcpTableOwnerPid,
  getAnycastIpAddressTable,
  getExtendedTcpTable,
  getExtendedTcpTableAsync,
  getIpInterfaceTable,
  getOwnerModuleFromTcpEntry,
  getTcpTable2,
  getTcpTable2Async,
  statusName,
  type TcpRowOwnerModule,
  TcpTable2View,
} from "../mod.ts";
import {
  bytesToBase64,
  type Capture,
  createMock,
  encodeOwnerModuleBasicInfo,
  encodeTcpTable2,
  encodeTcpTableOwnerModule,
  parseCapture,
} from "../mock/mod.ts";
import { nextCapacity } from "../ffi/_call.ts";
import { encodeTcpRowOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { capture, ok, symbolsWith, tcpCapture, tcpRows } from "./_capture.ts";

const { symbols } = createMock(tcpCapture(tcpRows(2)));

Deno.test("options: a wrong value is a TypeError naming the function and the option", () => {
  const cases: [() => unknown, RegExp][] = [
    [() => getTcpTable2(null as never), /getTcpTable2: options must be an object, found null/],
    [() => getTcpTable2([] as never), /options must be an object, found an array/],
    [
      () => getTcpTable2({ symbols, sorted: 1 as never }),
      /options\.sorted must be a boolean, found 1/,
    ],
    [
      () => getTcpTable2({ symbols, sorted: "yes" as never }),
      /sorted must be a boolean, found "yes"/,
    ],
    [() => getTcpTable2({ symbols, sortd: true } as never), /unknown option "sortd"/],
    [
      () => getExtendedTcpTable({ symbols, owner: "modules" as never }),
      /getExtendedTcpTable: options\.owner must be "pid", "module", found "modules"/,
    ],
    [
      () => getExtendedTcpTable({ symbols, include: "listening" as never }),
      /options\.include must be "listener", "connections", "all", found "listening"/,
    ],
    [
      () => getIpInterfaceTable({ symbols, family: 2 as never }),
      /getIpInterfaceTable: options\.family must be "all", "ipv4", "ipv6", found 2/,
    ],
    [
      () => getAnycastIpAddressTable({ symbols, family: "IPv4" as never }),
      /options\.family must be .*found "IPv4"/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
});

Deno.test("options: async functions reject rather than throw", async () => {
  await assert.rejects(() => getTcpTable2Async({ symbols, sorted: 0 as never }), TypeError);
  await assert.rejects(
    () => getExtendedTcpTableAsync({ symbols, owner: null as never }),
    /options\.owner must be/,
  );
});

Deno.test("symbols: an object without every bound function is refused by name", () => {
  const partial = { GetTcpTable2: symbols.GetTcpTable2 };
  assert.throws(() => getTcpTable2({ symbols: partial as never }), {
    name: "TypeError",
    message:
      /getTcpTable2: options\.symbols\.GetTcpTable must be a function, or null where the DLL lacks it; found undefined/,
  });
  assert.throws(
    () => getTcpTable2({ symbols: 5 as never }),
    /options\.symbols must be the symbols/,
  );
  // Null members are functions the DLL lacks: ERROR_PROC_NOT_FOUND, not a TypeError.
  assert.throws(() => getTcpTable2({ symbols: symbolsWith({}) }), { code: 127 });
});

const moduleRow: TcpRowOwnerModule = {
  state: 5,
  localAddr: "10.0.0.1",
  localPort: 50000,
  remoteAddr: "192.0.2.1",
  remotePort: 443,
  owningPid: 42,
  createTimestamp: 1n,
  owningModuleInfo: Array(16).fill(0n),
};

Deno.test("rows passed back in: out-of-range values are refused, never wrapped onto another connection", () => {
  const info = encodeOwnerModuleBasicInfo(
    { moduleName: "a.exe", modulePath: "C:\\a.exe" },
    0x1000n,
  );
  const mock = createMock(capture(
    ok("GetExtendedTcpTable", encodeTcpTableOwnerModule([moduleRow]), { family: 2, tableClass: 8 }),
    {
      function: "GetOwnerModuleFromTcpEntry",
      args: { row: bytesToBase64(encodeTcpRowOwnerModule(moduleRow)) },
      status: 0,
      data: bytesToBase64(info),
      address: "0x1000",
    },
  ));
  const lookup = (row: unknown) =>
    getOwnerModuleFromTcpEntry(row as TcpRowOwnerModule, { symbols: mock.symbols });
  assert.equal(lookup(moduleRow).moduleName, "a.exe");
  for (
    const bad of [
      { ...moduleRow, localPort: 50000 + 65536 },
      { ...moduleRow, owningPid: 42 + 2 ** 32 },
      { ...moduleRow, owningPid: -1 },
      { ...moduleRow, remoteAddr: "192.0.2.256" },
      { ...moduleRow, createTimestamp: 1 },
      null,
      "row",
    ]
  ) {
    assert.throws(() => lookup(bad), {
      name: "TypeError",
      message: /getOwnerModuleFromTcpEntry: /,
    });
  }
});

Deno.test("createMock works from its own checked copy: changing the capture afterwards reaches nothing", () => {
  const source: Capture = tcpCapture(tcpRows(1));
  const mock = createMock(source);
  // A count of 65,535 rows in 4 bytes: once this read native memory out of bounds.
  source.calls[0]!.data = bytesToBase64(new Uint8Array([0xff, 0xff, 0, 0]));
  source.calls.push({ ...source.calls[0]! });
  assert.equal(getTcpTable2({ symbols: mock.symbols }).length, 1);
  assert.throws(() => createMock(source), /MIB_TCPTABLE2 of 65535 rows is 1834984 bytes, found 4/);
  // parseCapture returns a copy too.
  const copy = parseCapture(tcpCapture([]));
  assert.notEqual(copy.calls, tcpCapture([]).calls);
});

Deno.test("a table recorded under the wrong function or class is refused when parsed", () => {
  const basic = new Uint8Array(4 + 20); // one MIB_TCPROW, recorded as GetTcpTable2
  basic[0] = 1;
  assert.throws(
    () => createMock(capture(ok("GetTcpTable2", basic))),
    /MIB_TCPTABLE2 of 1 rows is 32 bytes, found 24/,
  );
  assert.throws(
    () =>
      createMock(
        capture(ok("GetExtendedTcpTable", encodeTcpTable2([]), { family: 2, tableClass: 42 })),
      ),
    /GetExtendedTcpTable has no table class 42 for family 2/,
  );
  assert.throws(
    () => createMock(capture(ok("GetAnycastIpAddressTable", new Uint8Array(8), { family: 7 }))),
    /args\.family: GetAnycastIpAddressTable takes family 0, 2, 23, found 7/,
  );
});

Deno.test("createMock: typos in faults are errors, not faults silently not injected", () => {
  const source = tcpCapture([]);
  const cases: [unknown, RegExp][] = [
    [{ mising: ["GetTcpTable2"] }, /faults: unknown member "mising"/],
    [{ missing: ["GetTcpTabel2"] }, /faults\.missing: "GetTcpTabel2" is not a bound function/],
    [{ statuses: { GetTcpTable2: [-1] } }, /faults\.statuses\.GetTcpTable2: invalid value/],
    [{ grow: { GetTcpTable2: -1 } }, /faults\.grow\.GetTcpTable2: invalid value/],
    [{ grow: { FreeMibTable: 1 } }, /faults\.grow: "FreeMibTable" is not a table function/],
    ["none", /faults: expected an object/],
  ];
  for (const [faults, message] of cases) {
    assert.throws(() => createMock(source, faults as never), { name: "TypeError", message });
  }
});

Deno.test("the mock's owner-module lookups are linear: 8,000 rows, each looked up once", () => {
  const rows: TcpRowOwnerModule[] = tcpRows(8000).map(({ offloadState: _, ...row }) => ({
    ...row,
    createTimestamp: 0n,
    owningModuleInfo: [],
  }));
  const info = bytesToBase64(
    encodeOwnerModuleBasicInfo({ moduleName: "m.exe", modulePath: "C:\\m.exe" }, 0x1000n),
  );
  const mock = createMock(capture(
    ok("GetExtendedTcpTable", encodeTcpTableOwnerModule(rows), { family: 2, tableClass: 8 }),
    ...rows.map((row) => ({
      function: "GetOwnerModuleFromTcpEntry" as const,
      args: { row: bytesToBase64(encodeTcpRowOwnerModule(row)) },
      status: 0,
      data: info,
      address: "0x1000",
    })),
  ));
  for (const row of getExtendedTcpTable({ symbols: mock.symbols, owner: "module" })) {
    assert.equal(getOwnerModuleFromTcpEntry(row, { symbols: mock.symbols }).moduleName, "m.exe");
  }
  // Two calls per row at most (a probe and a call): nothing scans the capture per row.
  assert.ok(mock.stats.calls.GetOwnerModuleFromTcpEntry <= 8001);
});

Deno.test("the remembered buffer size decays back toward what the table needs after a spike", () => {
  assert.equal(nextCapacity(16_000_000, 100), 4096, "a 3-row table after a 500k-row spike");
  assert.equal(nextCapacity(16_000_000, 8_000_000), 16_000_000, "a table still half the size");
  assert.equal(
    nextCapacity(8192, 3000),
    8192,
    "a table that still fills a quarter keeps its buffer",
  );
  // End to end: a spike, then small reads allocate small buffers again.
  const big = encodeTcpTable2(tcpRows(100_000));
  const small = encodeTcpTable2(tcpRows(3));
  let answer = big;
  const sizes: number[] = [];
  const fake = symbolsWith({
    GetTcpTable2: (buffer: Uint8Array | null, size: Uint32Array) => {
      sizes.push(size[0]!);
      if (buffer === null || size[0]! < answer.length) {
        size[0] = answer.length;
        return 122;
      }
      buffer.set(answer);
      return 0;
    },
  });
  getTcpTable2({ symbols: fake });
  answer = small;
  getTcpTable2({ symbols: fake });
  getTcpTable2({ symbols: fake });
  assert.equal(sizes.at(-1), 4096, `buffer sizes asked: ${sizes}`);
});

Deno.test("decodeOwnerModuleBasicInfo: bad base addresses, odd pointers, and lone surrogates kept", () => {
  const good = encodeOwnerModuleBasicInfo({ moduleName: "a\ud800b", modulePath: "p" }, 0x1000n);
  assert.equal(decodeOwnerModuleBasicInfo(good, 0x1000n).moduleName, "a\ud800b");
  assert.throws(() => decodeOwnerModuleBasicInfo(good, -0x1000n), TypeError);
  assert.throws(() => decodeOwnerModuleBasicInfo(good, 0x1000 as never), TypeError);
  assert.throws(() => decodeOwnerModuleBasicInfo([1, 2] as never, 0n), TypeError);
  const odd = good.slice();
  new DataView(odd.buffer).setBigUint64(0, 0x1000n + 17n, true);
  assert.throws(() => decodeOwnerModuleBasicInfo(odd, 0x1000n), {
    name: "DecodeError",
    message: /pModuleName string at offset 17 is not aligned/,
  });
});

Deno.test("statusName: any DWORD, a negative 32-bit read, and nonsense", () => {
  assert.equal(statusName(-1), "0xFFFFFFFF");
  assert.equal(statusName(-1073741823), "STATUS_UNSUCCESSFUL");
  assert.equal(statusName(122), "ERROR_INSUFFICIENT_BUFFER");
  assert.equal(statusName(1.5), "invalid status 1.5");
  assert.equal(statusName(NaN), "invalid status NaN");
});

Deno.test("every table decoder refuses bytes that are not a Uint8Array, naming the structure", () => {
  const cases: [(bytes: Uint8Array) => unknown, string][] = [
    [decodeTcpTable, "MIB_TCPTABLE"],
    [decodeTcpTable2, "MIB_TCPTABLE2"],
    [decodeTcpTableOwnerPid, "MIB_TCPTABLE_OWNER_PID"],
    [decodeTcpTableOwnerModule, "MIB_TCPTABLE_OWNER_MODULE"],
    [decodeIpInterfaceTable, "MIB_IPINTERFACE_TABLE"],
    [decodeAnycastIpAddressTable, "MIB_ANYCASTIPADDRESS_TABLE"],
    [(bytes) => new TcpTable2View(bytes), "MIB_TCPTABLE2"],
  ];
  for (const [decode, structure] of cases) {
    for (const [value, found] of [[new ArrayBuffer(8), "ArrayBuffer"], [[4, 0, 0, 0], "Array"]]) {
      assert.throws(() => decode(value as never), {
        name: "TypeError",
        message: `${structure}: expected the bytes as a Uint8Array, found ${found}`,
      });
    }
  }
});
