// Issue 10 API: the unicast address, route, neighbour and interface tables,
// the TCP and UDP statistics and the interface names, through the mock (the
// same code path as the live DLL): the Wine 10 sample, and the mingw-w64
// fixture field by field.
import assert from "node:assert/strict";
import {
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
  type InterfaceNames,
  interfaceNames,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
  withInterfaceNames,
} from "../mod.ts";
import {
  base64ToBytes,
  type Capture,
  createMock,
  encodeTcpStatistics,
  encodeUdpStatistics,
} from "../mock/mod.ts";
import { addressOf } from "../ffi/_pointer.ts";
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import mingw from "../cli/sample/mingw_netio.capture.json" with { type: "json" };
import expected from "./fixtures/mingw_netio.expected.json" with { type: "json" };
import { symbolsWith } from "./_capture.ts";
import { assertRows, fromExpected } from "./_expected.ts";

const FAMILIES = ["all", "ipv4", "ipv6"] as const;
const AF = { all: undefined, ipv4: 2, ipv6: 23 } as const;

/** Runs `read` sync and async, asserts both give the same, and returns it. */
async function both<T>(sync: () => T, async: () => Promise<T>): Promise<T> {
  const value = sync();
  assert.deepEqual(await async(), value, "the async twin returns what the sync one does");
  return value;
}

// ---- the Wine 10 sample ----------------------------------------------------

Deno.test("wine10: the unicast table holds 127.0.0.1 and ::1 on the loopback interface, per family", async () => {
  const { symbols } = createMock(wine as Capture);
  const loopbackLuid = 24n << 48n | 1n << 24n; // IF_TYPE_SOFTWARE_LOOPBACK, NetLuidIndex 1
  for (const family of FAMILIES) {
    const rows = await both(
      () => getUnicastIpAddressTable({ symbols, family }),
      () => getUnicastIpAddressTableAsync({ symbols, family }),
    );
    if (AF[family]) assert.ok(rows.every((r) => r.address.family === AF[family]), family);
    const find = (address: string) => rows.find((r) => r.address.address === address);
    for (const [address, wanted] of [["127.0.0.1", 2], ["::1", 23]] as const) {
      const row = find(address);
      if (AF[family] !== undefined && AF[family] !== wanted) {
        assert.equal(row, undefined, `${address} not in ${family}`);
        continue;
      }
      assert.ok(row, `${address} in ${family}`);
      assert.equal(row.address.family, wanted);
      assert.equal(row.interfaceIndex, 1);
      assert.equal(row.interfaceLuid, loopbackLuid);
    }
  }
  const all = getUnicastIpAddressTable({ symbols });
  assert.deepEqual(all.map((r) => r.address.address).sort(), [
    "127.0.0.1",
    "192.0.2.2",
    "::1",
    "fd00::2",
    "fe80::fc:ff:fe00:1",
  ]);
  assert.equal(all.find((r) => r.address.address === "127.0.0.1")!.onLinkPrefixLength, 8);
});

Deno.test("wine10: the route table holds the ::1/128 route on the loopback interface", async () => {
  const { symbols } = createMock(wine as Capture);
  const text = (r: { destinationPrefix: { prefix: { address: string }; prefixLength: number } }) =>
    `${r.destinationPrefix.prefix.address}/${r.destinationPrefix.prefixLength}`;
  for (const family of FAMILIES) {
    const routes = await both(
      () => getIpForwardTable2({ symbols, family }),
      () => getIpForwardTable2Async({ symbols, family }),
    );
    if (AF[family]) {
      assert.ok(routes.every((r) => r.destinationPrefix.prefix.family === AF[family]), family);
    }
    const loopback = routes.find((r) => text(r) === "::1/128");
    if (family === "ipv4") {
      assert.equal(loopback, undefined);
      assert.deepEqual(routes.map(text), ["0.0.0.0/0", "192.0.2.0/24"]);
      assert.equal(routes[0]!.nextHop.address, "192.0.2.1");
      continue;
    }
    assert.ok(loopback, `::1/128 in ${family}`);
    assert.equal(loopback.interfaceIndex, 1);
    assert.equal(loopback.nextHop.address, "::");
  }
  assert.equal(getIpForwardTable2({ symbols }).length, 10);
});

Deno.test("wine10: GetIfTable2 holds lo (software loopback, type 24) and eth0", async () => {
  const { symbols } = createMock(wine as Capture);
  const rows = await both(() => getIfTable2({ symbols }), () => getIfTable2Async({ symbols }));
  assert.deepEqual(rows.map((r) => [r.interfaceIndex, r.alias, r.type]), [
    [1, "lo", 24],
    [2, "ifb0", 6],
    [3, "ifb1", 6],
    [4, "eth0", 6],
  ]);
  const lo = rows[0]!;
  assert.equal(lo.description, "lo");
  assert.equal(lo.interfaceLuid >> 48n, 24n, "the LUID's IfType is the row's type");
});

Deno.test("wine10: IPv4 neighbours; Wine answers ERROR_INVALID_FUNCTION for all and ipv6, allocating nothing", async () => {
  const mock = createMock(wine as Capture);
  const { symbols } = mock;
  const rows = await both(
    () => getIpNetTable2({ symbols, family: "ipv4" }),
    () => getIpNetTable2Async({ symbols, family: "ipv4" }),
  );
  assert.equal(rows.length, 9);
  assert.ok(rows.every((r) => r.address.family === 2));
  const gateway = rows.find((r) => r.address.address === "192.0.2.1");
  assert.ok(gateway, "the gateway's ARP entry");
  assert.equal(gateway.physicalAddress, "02-fc-00-00-00-05");
  assert.equal(gateway.physicalAddressLength, 6);
  assert.equal(gateway.state, 5, "NlnsReachable");
  assert.equal(gateway.interfaceIndex, 4);
  assert.ok(
    rows.filter((r) => r.address.address === "224.0.0.22").every((r) => r.state === 6),
    "multicast entries are permanent",
  );
  for (const family of [undefined, "all", "ipv6"] as const) {
    const options = family ? { symbols, family } : { symbols };
    const error = {
      name: "IpHelperError",
      functionName: "GetIpNetTable2",
      code: S.ERROR_INVALID_FUNCTION,
      codeName: "ERROR_INVALID_FUNCTION",
    };
    assert.throws(() => getIpNetTable2(options), error);
    await assert.rejects(getIpNetTable2Async(options), error);
  }
  assert.equal(mock.stats.allocations, mock.stats.frees);
  assert.equal(mock.stats.live, 0);
});

Deno.test("wine10: statistics through the fallback (Wine exports no Ex2), both families", async () => {
  const mock = createMock(wine as Capture);
  const { symbols } = mock;
  assert.equal(symbols.GetTcpStatisticsEx2, null);
  assert.equal(symbols.GetUdpStatisticsEx2, null);
  const recorded = (fn: string, family: number) =>
    base64ToBytes(wine.calls.find((c) => c.function === fn && c.args.family === family)!.data!);
  for (const [family, af] of [["ipv4", 2], ["ipv6", 23]] as const) {
    const tcp = await both(
      () => getTcpStatistics({ symbols, family }),
      () => getTcpStatisticsAsync({ symbols, family }),
    );
    const udp = await both(
      () => getUdpStatistics({ symbols, family }),
      () => getUdpStatisticsAsync({ symbols, family }),
    );
    // Encoding the decoded values gives the recorded bytes back: every member was read.
    assert.deepEqual(encodeTcpStatistics(tcp), recorded("GetTcpStatisticsEx", af));
    assert.deepEqual(encodeUdpStatistics(udp), recorded("GetUdpStatisticsEx", af));
  }
  const tcp = getTcpStatistics({ symbols });
  assert.equal(tcp.rtoMin, 200);
  assert.equal(tcp.maxConn, 0xffffffff, "MIB_TCP_MAXCONN_DYNAMIC");
  assert.equal(tcp.activeOpens, 335);
  assert.equal(tcp.inSegs, 14929n);
  assert.equal(getUdpStatistics({ symbols, family: "ipv6" }).numAddrs, 3);
  assert.equal(mock.stats.calls.GetTcpStatisticsEx, 5, "two families, sync and async, + 1");
  assert.equal(mock.stats.calls.GetUdpStatisticsEx, 5);
});

Deno.test("wine10: every row of every table gets its interface's name", async () => {
  const mock = createMock(wine as Capture);
  const { symbols } = mock;
  const names = await both(
    () => getInterfaceNames({ symbols }),
    () => getInterfaceNamesAsync({ symbols }),
  );
  assert.deepEqual([...names.byIndex].map(([i, n]) => [i, n.alias, n.description]), [
    [1, "lo", "lo"],
    [2, "ifb0", "ifb0"],
    [3, "ifb1", "ifb1"],
    [4, "eth0", "eth0"],
  ]);
  assert.equal(names.byLuid.get(24n << 48n | 1n << 24n)?.alias, "lo");
  const unicast = withInterfaceNames(getUnicastIpAddressTable({ symbols }), names);
  assert.deepEqual(unicast.map((r) => [r.address.address, r.interfaceAlias]), [
    ["127.0.0.1", "lo"],
    ["192.0.2.2", "eth0"],
    ["::1", "lo"],
    ["fd00::2", "eth0"],
    ["fe80::fc:ff:fe00:1", "eth0"],
  ]);
  const routes = withInterfaceNames(getIpForwardTable2({ symbols }), names);
  assert.ok(routes.every((r) => r.interfaceAlias === (r.interfaceIndex === 1 ? "lo" : "eth0")));
  const neighbours = withInterfaceNames(getIpNetTable2({ symbols, family: "ipv4" }), names);
  assert.equal(neighbours[0]!.interfaceAlias, "eth0");
  assert.deepEqual(
    new Set(neighbours.map((r) => r.interfaceDescription)),
    new Set(["lo", "ifb0", "ifb1", "eth0"]),
  );
  assert.equal(mock.stats.calls.GetIfTable2, 2, "one read per lookup");
  assert.equal(mock.stats.live, 0);
});

// ---- the mingw-w64 fixture, field by field -----------------------------------

const TABLES = [
  ["decodeUnicastIpAddressTable", getUnicastIpAddressTable, getUnicastIpAddressTableAsync],
  ["decodeIpForwardTable2", getIpForwardTable2, getIpForwardTable2Async],
  ["decodeIpNetTable2", getIpNetTable2, getIpNetTable2Async],
  ["decodeIfTable2", getIfTable2, getIfTable2Async],
] as const;

for (const [name, sync, async] of TABLES) {
  Deno.test(`mingw-w64 fixture: ${sync.name} gives the values set, member by member, sync and async`, async () => {
    const mock = createMock(mingw as Capture);
    const symbols = mock.symbols;
    const wanted = expected[name] as unknown[];
    assertRows(sync.name, sync({ symbols }), wanted);
    assertRows(async.name, await async({ symbols }), wanted);
    assert.equal(mock.stats.allocations, 2);
    assert.equal(mock.stats.frees, 2);
  });
}

const STATISTICS = [
  ["Tcp", getTcpStatistics, getTcpStatisticsAsync],
  ["Udp", getUdpStatistics, getUdpStatisticsAsync],
] as const;

for (const [protocol, sync, async] of STATISTICS) {
  const ex2 = `Get${protocol}StatisticsEx2` as const;
  const ex = `Get${protocol}StatisticsEx` as const;
  const wanted = (decoder: string, family: number) =>
    (expected as unknown as Record<string, Record<string, unknown>>)[decoder]![family];

  Deno.test(`mingw-w64 fixture: ${sync.name} reads ${ex2} where the DLL exports it`, async () => {
    const mock = createMock(mingw as Capture);
    const { symbols } = mock;
    for (const [family, af] of [["ipv4", 2], ["ipv6", 23]] as const) {
      const want = [wanted(`decode${protocol}Statistics2`, af)];
      assertRows(`${sync.name}(${family})`, [sync({ symbols, family })], want);
      assertRows(`${async.name}(${family})`, [await async({ symbols, family })], want);
    }
    assert.deepEqual(sync({ symbols }), sync({ symbols, family: "ipv4" }), "ipv4 by default");
    assert.equal(mock.stats.calls[ex2], 6);
    assert.equal(mock.stats.calls[ex], 0, "no fallback when Ex2 is there");
  });

  Deno.test(`mingw-w64 fixture: ${sync.name} falls back to ${ex} when ${ex2} is missing`, async () => {
    const mock = createMock(mingw as Capture, { missing: [ex2] });
    const { symbols } = mock;
    for (const [family, af] of [["ipv4", 2], ["ipv6", 23]] as const) {
      const want = [wanted(`decode${protocol}Statistics`, af)];
      assertRows(`${sync.name}(${family})`, [sync({ symbols, family })], want);
      assertRows(`${async.name}(${family})`, [await async({ symbols, family })], want);
    }
    assert.equal(mock.stats.calls[ex2], 0);
    assert.equal(mock.stats.calls[ex], 4);
  });
}

Deno.test("mingw-w64 fixture: the 64-bit counters tell the two forms apart", () => {
  const { symbols } = createMock(mingw as Capture);
  const fallback = createMock(mingw as Capture, {
    missing: ["GetTcpStatisticsEx2", "GetUdpStatisticsEx2"],
  }).symbols;
  // The fixture's Ex2 counters are beyond 32 bits; its Ex ones are small.
  assert.equal(getTcpStatistics({ symbols }).inSegs, 4294967301n);
  assert.equal(getTcpStatistics({ symbols: fallback }).inSegs, 5n);
  assert.ok(getUdpStatistics({ symbols }).inDatagrams > 0xffffffffn);
  assert.ok(getUdpStatistics({ symbols: fallback }).inDatagrams <= 0xffffffffn);
});

Deno.test("mingw-w64 fixture: interface names keep the aliases and descriptions exactly", async () => {
  const { symbols } = createMock(mingw as Capture);
  const names = await both(
    () => getInterfaceNames({ symbols }),
    () => getInterfaceNamesAsync({ symbols }),
  );
  const rows = (expected.decodeIfTable2 as Record<string, unknown>[]).map(fromExpected);
  assert.equal(names.byIndex.size, rows.length);
  for (const row of rows) {
    const name = { alias: row.alias, description: row.description };
    assert.deepEqual(names.byIndex.get(row.interfaceIndex as number), name);
    assert.deepEqual(names.byLuid.get(BigInt(row.interfaceLuid as string)), name);
  }
  assert.equal(names.byIndex.get(12)?.alias, "Ethernet Zoë 日本語 🌐");
  const unicast = withInterfaceNames(getUnicastIpAddressTable({ symbols }), names);
  assert.ok(unicast.every((r) => r.interfaceAlias === names.byIndex.get(r.interfaceIndex)?.alias));
  assert.ok(unicast.some((r) => r.interfaceAlias === "Ethernet Zoë 日本語 🌐"));
});

// ---- statistics: which function, with what --------------------------------------

/** Symbols whose statistics functions record their calls and fill nothing (all zero). */
function recordingStatistics(present: readonly string[]) {
  const seen: [string, number, number][] = [];
  const functions: Record<string, unknown> = {};
  for (const fn of present) {
    functions[fn] = (buffer: Uint8Array, family: number) => {
      seen.push([fn, buffer.byteLength, family]);
      return S.ERROR_SUCCESS;
    };
  }
  return { symbols: symbolsWith(functions), seen };
}

Deno.test("statistics: Ex2 when exported, with a buffer of its size and the family", async () => {
  const { symbols, seen } = recordingStatistics([
    "GetTcpStatisticsEx2",
    "GetTcpStatisticsEx",
    "GetUdpStatisticsEx2",
    "GetUdpStatisticsEx",
  ]);
  getTcpStatistics({ symbols });
  await getTcpStatisticsAsync({ symbols, family: "ipv6" });
  getUdpStatistics({ symbols, family: "ipv6" });
  await getUdpStatisticsAsync({ symbols });
  assert.deepEqual(seen, [
    ["GetTcpStatisticsEx2", 72, 2],
    ["GetTcpStatisticsEx2", 72, 23],
    ["GetUdpStatisticsEx2", 32, 23],
    ["GetUdpStatisticsEx2", 32, 2],
  ]);
});

Deno.test("statistics: Ex, with a buffer of its size, when Ex2 is not exported", async () => {
  const { symbols, seen } = recordingStatistics(["GetTcpStatisticsEx", "GetUdpStatisticsEx"]);
  const zeroTcp = getTcpStatistics({ symbols, family: "ipv6" });
  const zeroUdp = await getUdpStatisticsAsync({ symbols });
  assert.deepEqual(seen, [["GetTcpStatisticsEx", 60, 23], ["GetUdpStatisticsEx", 20, 2]]);
  assert.equal(zeroTcp.inSegs, 0n);
  assert.equal(zeroUdp.outDatagrams, 0n);
});

Deno.test("statistics: neither exported is ERROR_PROC_NOT_FOUND for the fallback", async () => {
  const symbols = symbolsWith({});
  assert.throws(() => getTcpStatistics({ symbols }), {
    name: "IpHelperError",
    functionName: "GetTcpStatisticsEx",
    code: S.ERROR_PROC_NOT_FOUND,
  });
  await assert.rejects(getUdpStatisticsAsync({ symbols }), {
    functionName: "GetUdpStatisticsEx",
    code: S.ERROR_PROC_NOT_FOUND,
  });
});

Deno.test("statistics: an Ex2 that fails is reported, not retried through Ex", async () => {
  const mock = createMock(mingw as Capture, {
    statuses: { GetTcpStatisticsEx2: [S.ERROR_NOT_SUPPORTED, S.ERROR_NOT_ENOUGH_MEMORY] },
  });
  const { symbols } = mock;
  assert.throws(() => getTcpStatistics({ symbols }), {
    functionName: "GetTcpStatisticsEx2",
    code: S.ERROR_NOT_SUPPORTED,
  });
  await assert.rejects(getTcpStatisticsAsync({ symbols }), {
    functionName: "GetTcpStatisticsEx2",
    code: S.ERROR_NOT_ENOUGH_MEMORY,
  });
  assert.equal(mock.stats.calls.GetTcpStatisticsEx, 0);
  assert.equal(getTcpStatistics({ symbols }).inSegs, 4294967301n, "then Ex2 again");
});

// ---- OS-allocated tables on error statuses ----------------------------------------

/**
 * Symbols whose netio function `fn` hands out a real table and answers
 * `status`, as Wine's GetIpNetTable2(AF_UNSPEC) does with 1; FreeMibTable
 * records what it is given.
 */
function allocatingOnError(fn: string, status: number, family: boolean) {
  // Never read: an error status is thrown, ERROR_NOT_FOUND answered empty, before any copy.
  const address = addressOf(new Uint8Array(64));
  const freed: bigint[] = [];
  const handOut = (out: BigUint64Array) => {
    out[0] = address;
    return status;
  };
  const symbols: IpHelperSymbols = symbolsWith({
    [fn]: family ? (_family: number, out: BigUint64Array) => handOut(out) : handOut,
    FreeMibTable: (pointer: Deno.PointerValue) => {
      freed.push(BigInt(Deno.UnsafePointer.value(pointer)));
    },
  });
  return { symbols, address, freed };
}

const NETIO = [
  ["GetUnicastIpAddressTable", getUnicastIpAddressTable, getUnicastIpAddressTableAsync, true],
  ["GetIpForwardTable2", getIpForwardTable2, getIpForwardTable2Async, true],
  ["GetIpNetTable2", getIpNetTable2, getIpNetTable2Async, true],
  ["GetIfTable2", getIfTable2, getIfTable2Async, false],
  ["GetIfTable2", getInterfaceNames, getInterfaceNamesAsync, false],
] as const;

for (const [fn, sync, async, family] of NETIO) {
  Deno.test(`${sync.name}: a table allocated with an error status is freed, sync and async`, async () => {
    for (const status of [S.ERROR_INVALID_FUNCTION, S.ERROR_NOT_SUPPORTED, S.ERROR_NOT_FOUND]) {
      const { symbols, address, freed } = allocatingOnError(fn, status, family);
      const checks = (error: unknown) => {
        assert.ok(error instanceof IpHelperError);
        assert.equal(error.functionName, fn);
        assert.equal(error.code, status);
        return true;
      };
      if (status === S.ERROR_NOT_FOUND) {
        // "No entries": an empty answer, and the table still freed.
        const empty = sync({ symbols }) as unknown[] | InterfaceNames;
        assert.equal(Array.isArray(empty) ? empty.length : empty.byIndex.size, 0);
        await async({ symbols });
      } else {
        assert.throws(() => sync({ symbols }), checks);
        await assert.rejects(async({ symbols }), checks);
      }
      assert.deepEqual(freed, [address, address], "freed once per call");
    }
  });
}

// ---- withInterfaceNames and interfaceNames -------------------------------------

const NAMES: InterfaceNames = {
  byIndex: new Map([[1, { alias: "lo", description: "Loopback" }], [7, {
    alias: "Ethernet",
    description: "NIC",
  }]]),
  byLuid: new Map([[100n, { alias: "lo", description: "Loopback" }], [700n, {
    alias: "Ethernet",
    description: "NIC",
  }]]),
};

Deno.test("withInterfaceNames: by LUID when the row has one, else by index; new rows", () => {
  const rows = [
    { interfaceLuid: 700n, interfaceIndex: 1, n: 0 }, // the LUID wins over a (reused) index
    { interfaceIndex: 1, n: 1 },
    { interfaceLuid: 999n, interfaceIndex: 7, n: 2 }, // an interface gone: no index fallback
    { interfaceIndex: 42, n: 3 },
  ];
  const copy = structuredClone(rows);
  const named = withInterfaceNames(rows, NAMES);
  assert.deepEqual(named, [
    {
      interfaceLuid: 700n,
      interfaceIndex: 1,
      n: 0,
      interfaceAlias: "Ethernet",
      interfaceDescription: "NIC",
    },
    { interfaceIndex: 1, n: 1, interfaceAlias: "lo", interfaceDescription: "Loopback" },
    {
      interfaceLuid: 999n,
      interfaceIndex: 7,
      n: 2,
      interfaceAlias: undefined,
      interfaceDescription: undefined,
    },
    { interfaceIndex: 42, n: 3, interfaceAlias: undefined, interfaceDescription: undefined },
  ]);
  assert.deepEqual(rows, copy, "the rows are not changed");
  assert.notEqual(named[0], rows[0]);
  assert.deepEqual(withInterfaceNames([], NAMES), []);
});

Deno.test("withInterfaceNames and interfaceNames refuse what they cannot join, by name", () => {
  const cases: [() => unknown, RegExp][] = [
    [
      () => withInterfaceNames(null as never, NAMES),
      /^withInterfaceNames: rows must be an array, found null$/,
    ],
    [
      () => withInterfaceNames([], {} as never),
      /names must be a lookup from getInterfaceNames, found an object/,
    ],
    [() => withInterfaceNames([], undefined as never), /names must be a lookup .*found undefined/],
    [() => withInterfaceNames([5] as never, NAMES), /rows\[0\] must be an object, found 5/],
    [
      () => withInterfaceNames([{ interfaceIndex: 1 }, { interfaceLuid: 7 }] as never, NAMES),
      /rows\[1\] must have an interfaceLuid \(a bigint\) or an interfaceIndex, found an object/,
    ],
    [
      () => interfaceNames("rows" as never),
      /^interfaceNames: rows must be an array of GetIfTable2 rows, found "rows"$/,
    ],
    [() => interfaceNames([null] as never), /rows\[0\] must be an object, found null/],
    [
      () => interfaceNames([{ interfaceIndex: 1, interfaceLuid: 1n, alias: "a" }] as never),
      /rows\[0\]\.description must be a string, found undefined/,
    ],
    [
      () =>
        interfaceNames(
          [{ interfaceIndex: 1n, interfaceLuid: 1n, alias: "a", description: "" }] as never,
        ),
      /rows\[0\]\.interfaceIndex must be a number, found 1n/,
    ],
    [
      () =>
        interfaceNames(
          [{ interfaceIndex: 1, interfaceLuid: 1, alias: "a", description: "" }] as never,
        ),
      /rows\[0\]\.interfaceLuid must be a bigint, found 1/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
});

// ---- options ----------------------------------------------------------------------

Deno.test("options: a wrong value is a TypeError naming the function and the option", async () => {
  const { symbols } = createMock(wine as Capture);
  const family = /options\.family must be "all", "ipv4", "ipv6", found /;
  const statistics = /options\.family must be "ipv4", "ipv6", found "all"/;
  const cases: [() => unknown, RegExp][] = [
    [
      () => getUnicastIpAddressTable({ symbols, family: 2 as never }),
      new RegExp(`^getUnicastIpAddressTable: ${family.source}2$`),
    ],
    [
      () => getIpForwardTable2({ symbols, family: "IPv6" as never }),
      new RegExp(`^getIpForwardTable2: ${family.source}"IPv6"$`),
    ],
    [
      () => getIpNetTable2({ symbols, family: null as never }),
      new RegExp(`^getIpNetTable2: ${family.source}null$`),
    ],
    [
      () => getIfTable2({ symbols, family: "ipv4" } as never),
      /^getIfTable2: unknown option "family"; expected "symbols"$/,
    ],
    [() => getIfTable2([] as never), /^getIfTable2: options must be an object, found an array$/],
    [
      () => getInterfaceNames({ symbols, sorted: true } as never),
      /^getInterfaceNames: unknown option "sorted"/,
    ],
    [
      () => getTcpStatistics({ symbols, family: "all" as never }),
      new RegExp(`^getTcpStatistics: ${statistics.source}$`),
    ],
    [
      () => getUdpStatistics({ symbols, family: 23 as never }),
      /^getUdpStatistics: options\.family must be "ipv4", "ipv6", found 23$/,
    ],
    [
      () => getUdpStatistics({ symbols, famly: "ipv6" } as never),
      /^getUdpStatistics: unknown option "famly"; expected "family", "symbols"$/,
    ],
    [
      () => getTcpStatistics({ symbols: 5 as never }),
      /^getTcpStatistics: options\.symbols must be the symbols/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });

  const rejects: [() => Promise<unknown>, RegExp][] = [
    [
      () => getUnicastIpAddressTableAsync({ symbols, family: "v4" as never }),
      /^getUnicastIpAddressTableAsync: options\.family/,
    ],
    [
      () => getIpForwardTable2Async(7 as never),
      /^getIpForwardTable2Async: options must be an object, found 7$/,
    ],
    [
      () => getIpNetTable2Async({ symbols, family: "" as never }),
      /^getIpNetTable2Async: options\.family/,
    ],
    [() => getIfTable2Async({ symbols, x: 1 } as never), /^getIfTable2Async: unknown option "x"/],
    [
      () => getInterfaceNamesAsync("all" as never),
      /^getInterfaceNamesAsync: options must be an object/,
    ],
    [
      () => getTcpStatisticsAsync({ symbols, family: "all" as never }),
      new RegExp(`^getTcpStatisticsAsync: ${statistics.source}$`),
    ],
    [
      () => getUdpStatisticsAsync({ symbols, family: "all" as never }),
      new RegExp(`^getUdpStatisticsAsync: ${statistics.source}$`),
    ],
  ];
  for (const [call, message] of rejects) {
    let promise: Promise<unknown> | undefined;
    assert.doesNotThrow(() => promise = call(), "async functions reject rather than throw");
    await assert.rejects(promise!, { name: "TypeError", message });
  }
});

Deno.test("options: family reaches the DLL as AF_UNSPEC, AF_INET or AF_INET6", () => {
  const seen: [string, number][] = [];
  const functions: Record<string, unknown> = {};
  for (const fn of ["GetUnicastIpAddressTable", "GetIpForwardTable2", "GetIpNetTable2"]) {
    functions[fn] = (family: number) => {
      seen.push([fn, family]);
      return S.ERROR_NOT_FOUND;
    };
  }
  const symbols = symbolsWith({ ...functions, FreeMibTable: () => {} });
  for (const read of [getUnicastIpAddressTable, getIpForwardTable2, getIpNetTable2]) {
    for (const family of [undefined, ...FAMILIES]) {
      assert.deepEqual(read(family ? { symbols, family } : { symbols }), []);
    }
  }
  const families = seen.map(([, family]) => family);
  assert.deepEqual(families, [0, 0, 2, 23, 0, 0, 2, 23, 0, 0, 2, 23]);
  assert.deepEqual(
    [...new Set(seen.map(([fn]) => fn))],
    ["GetUnicastIpAddressTable", "GetIpForwardTable2", "GetIpNetTable2"],
  );
});
