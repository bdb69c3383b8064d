// The issue-9 API against the mock: the IPv6 and UDP tables, their owner
// modules, getConnections and the port owners, replaying the Wine 10 sample
// (real rows) and hand-built captures.
import assert from "node:assert/strict";
import {
  type Connection,
  ConnectionsError,
  DecodeError,
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
  getPidPortsAsync,
  getPortOwners,
  getPortOwnersAsync,
  getTcp6Table,
  getTcp6Table2,
  getTcp6Table2Async,
  getTcp6TableAsync,
  getUdp6Table,
  getUdp6TableAsync,
  getUdpTable,
  getUdpTableAsync,
  type IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
  type Tcp6Row,
  type Tcp6RowOwnerModule,
  type Tcp6RowOwnerPid,
  TcpState,
  type Udp6RowOwnerModule,
  type Udp6RowOwnerPid,
  type UdpRowOwnerModule,
  type UdpRowOwnerPid,
} from "../mod.ts";
import { CaptureError, createMock, encodeTcp6TableOwnerPid } from "../mock/mod.ts";
import { capture, ok, symbolsWith } from "./_capture.ts";
import {
  connectionsCapture,
  endpoint,
  EXPECTED,
  LONG_PATH,
  moduleCapture,
  TCP4,
  TCP6,
  TCP6_MODULE,
  UDP4,
  UDP6,
  UDP6_MODULE,
  UDP_MODULE,
  WINE,
} from "./_connections.ts";

const PID = EXPECTED.owningPid;
const wine = () => createMock(WINE).symbols;

/** The row of `rows` at `local` (and `remote`), asserting there is exactly one. */
function only<R extends { localAddr: string; localPort: number; remoteAddr?: string | null }>(
  rows: readonly R[],
  local: string,
  remote?: string,
  extra: (row: R) => boolean = () => true,
): R {
  const l = endpoint(local);
  const r = remote === undefined ? undefined : endpoint(remote);
  const found = rows.filter((row) =>
    row.localAddr === l.addr && row.localPort === l.port && extra(row) &&
    (r === undefined ||
      (row.remoteAddr === r.addr && (row as { remotePort?: number }).remotePort === r.port))
  );
  assert.equal(found.length, 1, `${local} ${remote ?? ""}: ${found.length} rows`);
  return found[0]!;
}

/** Asserts that `rows` hold the recorder's IPv6 listeners and connection (with its PID, if given). */
function assertIpv6Tcp(rows: readonly Tcp6Row[], pid?: number) {
  for (const local of EXPECTED.listen6) {
    const row = only(rows, local, undefined, (r) => r.state === TcpState.LISTEN);
    assert.deepEqual([row.remoteAddr, row.remoteScopeId, row.remotePort], ["::", 0, 0]);
    if (pid !== undefined) assert.equal((row as Tcp6RowOwnerPid).owningPid, pid);
  }
  for (const [local, remote] of EXPECTED.established6) {
    const row = only(rows, local!, remote!);
    assert.equal(row.state, TcpState.ESTABLISHED);
    if (pid !== undefined) assert.equal((row as Tcp6RowOwnerPid).owningPid, pid);
  }
}

Deno.test("Wine sample: getTcp6Table and getTcp6Table2 list the IPv6 listeners and connection, sync and async", async () => {
  const symbols = wine();
  const basic = getTcp6Table({ symbols });
  assertIpv6Tcp(basic);
  assert.deepEqual(await getTcp6TableAsync({ symbols, sorted: true }), basic);
  const two = getTcp6Table2({ symbols });
  assertIpv6Tcp(two, PID);
  assert.ok(two.every((row) => row.offloadState === 0));
  assert.deepEqual(await getTcp6Table2Async({ symbols }), two);
});

Deno.test("Wine sample: getExtendedTcpTable({ family: 'ipv6' }) by owner and include; IPv4 stays the default", async () => {
  const symbols = wine();
  const pid: Tcp6RowOwnerPid[] = getExtendedTcpTable({ symbols, family: "ipv6" });
  assertIpv6Tcp(pid, PID);
  const listeners = getExtendedTcpTable({ symbols, family: "ipv6", include: "listener" });
  assert.equal(listeners.length, EXPECTED.listen6.length);
  assert.ok(listeners.every((row) => row.state === TcpState.LISTEN));
  const connections = getExtendedTcpTable({ symbols, family: "ipv6", include: "connections" });
  assert.equal(connections.length, EXPECTED.established6.length);
  const modules: Tcp6RowOwnerModule[] = getExtendedTcpTable({
    symbols,
    family: "ipv6",
    owner: "module",
  });
  assertIpv6Tcp(modules, PID);
  assert.ok(modules.every((row) => row.owningModuleInfo.length === 16));
  assert.deepEqual(
    await getExtendedTcpTableAsync({ symbols, family: "ipv6", owner: "module" }),
    modules,
  );
  assert.deepEqual(await getExtendedTcpTableAsync({ symbols, family: "ipv6" }), pid);
  // No family: IPv4, as before.
  const ipv4 = getExtendedTcpTable({ symbols });
  for (const local of EXPECTED.listen) only(ipv4, local, undefined, (r) => r.state === 2);
  assert.deepEqual(getExtendedTcpTable({ symbols, family: "ipv4" }), ipv4);
});

Deno.test("Wine sample: getUdpTable and getUdp6Table list the UDP sockets, sync and async", async () => {
  const symbols = wine();
  const v4 = getUdpTable({ symbols });
  for (const local of EXPECTED.udp) only(v4, local);
  assert.deepEqual(await getUdpTableAsync({ symbols, sorted: true }), v4);
  const v6 = getUdp6Table({ symbols });
  for (const local of EXPECTED.udp6) assert.equal(only(v6, local).localScopeId, 4096); // Wine's ::1
  assert.deepEqual(await getUdp6TableAsync({ symbols }), v6);
});

Deno.test("Wine sample: getExtendedUdpTable by family and owner, each row with the recorder's PID", async () => {
  const symbols = wine();
  const v4: UdpRowOwnerPid[] = getExtendedUdpTable({ symbols });
  const v4m: UdpRowOwnerModule[] = getExtendedUdpTable({ symbols, owner: "module" });
  const v6: Udp6RowOwnerPid[] = getExtendedUdpTable({ symbols, family: "ipv6" });
  const v6m: Udp6RowOwnerModule[] = getExtendedUdpTable({
    symbols,
    family: "ipv6",
    owner: "module",
  });
  for (const rows of [v4, v4m]) {
    for (const local of EXPECTED.udp) assert.equal(only(rows, local).owningPid, PID);
  }
  for (const rows of [v6, v6m]) {
    for (const local of EXPECTED.udp6) assert.equal(only(rows, local).owningPid, PID);
  }
  assert.ok([...v4m, ...v6m].every((row) => typeof row.specificPortBind === "boolean"));
  assert.deepEqual(await getExtendedUdpTableAsync({ symbols }), v4);
  assert.deepEqual(await getExtendedUdpTableAsync({ symbols, owner: "module" }), v4m);
  assert.deepEqual(await getExtendedUdpTableAsync({ symbols, family: "ipv6" }), v6);
  assert.deepEqual(
    await getExtendedUdpTableAsync({ symbols, family: "ipv6", owner: "module" }),
    v6m,
  );
});

Deno.test("Wine sample: the IPv6 and UDP owner-module lookups are ERROR_PROC_NOT_FOUND (Wine lacks them)", async () => {
  const symbols = wine();
  const tcp6 = getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" })[0]!;
  const udp = getExtendedUdpTable({ symbols, owner: "module" })[0]!;
  const udp6 = getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" })[0]!;
  const lookups: [string, () => unknown, () => Promise<unknown>][] = [
    [
      "GetOwnerModuleFromTcp6Entry",
      () => getOwnerModuleFromTcp6Entry(tcp6, { symbols }),
      () => getOwnerModuleFromTcp6EntryAsync(tcp6, { symbols }),
    ],
    [
      "GetOwnerModuleFromUdpEntry",
      () => getOwnerModuleFromUdpEntry(udp, { symbols }),
      () => getOwnerModuleFromUdpEntryAsync(udp, { symbols }),
    ],
    [
      "GetOwnerModuleFromUdp6Entry",
      () => getOwnerModuleFromUdp6Entry(udp6, { symbols }),
      () => getOwnerModuleFromUdp6EntryAsync(udp6, { symbols }),
    ],
  ];
  for (const [fn, sync, async] of lookups) {
    assert.equal(symbols[fn as keyof IpHelperSymbols], null);
    const expected = {
      name: "IpHelperError",
      functionName: fn,
      code: S.ERROR_PROC_NOT_FOUND,
      message: /Not supported on this system/,
    };
    assert.throws(sync, expected);
    await assert.rejects(async, expected);
  }
});

Deno.test("Wine sample: getConnections lists every recorded socket once, with the recorder's PID", async () => {
  const symbols = wine();
  const rows = getConnections({ symbols });
  const tcp = rows.filter((row) => row.protocol === "tcp");
  const udp = rows.filter((row) => row.protocol === "udp");
  for (const local of EXPECTED.listen) {
    const row = only(tcp, local, undefined, (r) => r.state === TcpState.LISTEN);
    assert.deepEqual(
      [row.family, row.localScopeId, row.remoteAddr, row.remoteScopeId, row.remotePort],
      [2, 0, null, null, null],
    );
  }
  for (const local of EXPECTED.listen6) {
    const row = only(tcp, local, undefined, (r) => r.state === TcpState.LISTEN);
    assert.deepEqual([row.family, row.remoteAddr, row.remotePort], [23, null, null]);
  }
  for (const [local, remote] of [...EXPECTED.established, ...EXPECTED.established6]) {
    const row = only(tcp, local!, remote!);
    assert.equal(row.state, TcpState.ESTABLISHED);
    assert.equal(row.remoteScopeId, row.family === 23 ? 4096 : 0);
  }
  for (const local of [...EXPECTED.udp, ...EXPECTED.udp6]) {
    const row = only(udp, local);
    assert.deepEqual([row.state, row.remoteAddr, row.remoteScopeId, row.remotePort], [
      null,
      null,
      null,
      null,
    ]);
  }
  assert.ok(rows.every((row) => row.owningPid === PID), "the recorder's sockets only");
  // Ordered TCP before UDP, IPv4 before IPv6; nothing added, nothing lost.
  const order = rows.map((row) => `${row.protocol}${row.family}`);
  assert.deepEqual(order, [...order].sort((a, b) => RANK[a]! - RANK[b]!));
  assert.equal(
    rows.length,
    getExtendedTcpTable({ symbols }).length +
      getExtendedTcpTable({ symbols, family: "ipv6" }).length +
      getExtendedUdpTable({ symbols }).length +
      getExtendedUdpTable({ symbols, family: "ipv6" }).length,
  );
  assert.deepEqual(await getConnectionsAsync({ symbols }), rows);
  assert.deepEqual(getConnections({ symbols, kind: "inet" }), rows);
});

const RANK: Record<string, number> = { tcp2: 0, tcp23: 1, udp2: 2, udp23: 3 };

Deno.test("getConnections: each kind reads only its tables", async () => {
  const tables: Record<string, string[]> = {
    inet: ["tcp2", "tcp23", "udp2", "udp23"],
    inet4: ["tcp2", "udp2"],
    inet6: ["tcp23", "udp23"],
    tcp: ["tcp2", "tcp23"],
    tcp4: ["tcp2"],
    tcp6: ["tcp23"],
    udp: ["udp2", "udp23"],
    udp4: ["udp2"],
    udp6: ["udp23"],
  };
  for (const [kind, expected] of Object.entries(tables)) {
    const mock = createMock(WINE);
    const rows = getConnections({ symbols: mock.symbols, kind: kind as never });
    assert.deepEqual([...new Set(rows.map((row) => `${row.protocol}${row.family}`))], expected);
    const tcpCalls = expected.filter((t) => t.startsWith("tcp")).length;
    assert.equal(mock.stats.calls.GetExtendedTcpTable, tcpCalls, kind);
    assert.equal(mock.stats.calls.GetExtendedUdpTable, expected.length - tcpCalls, kind);
    assert.deepEqual(
      await getConnectionsAsync({ symbols: mock.symbols, kind: kind as never }),
      rows,
    );
  }
});

Deno.test("Wine sample: getPortOwners and getPidPorts find the recorder's sockets, sync and async", async () => {
  const symbols = wine();
  assert.deepEqual(getPortOwners(8081, { symbols }), [PID]);
  assert.deepEqual(getPortOwners(5354, { symbols, kind: "udp6" }), [PID]);
  assert.deepEqual(getPortOwners(5354, { symbols, kind: "tcp" }), []);
  assert.deepEqual(getPortOwners(9, { symbols }), []);
  assert.deepEqual(await getPortOwnersAsync(8444, { symbols }), [PID]);
  const local = (text: string) => endpoint(text).port;
  const tcpPorts = [
    ...EXPECTED.listen,
    ...EXPECTED.listen6,
    ...[...EXPECTED.established, ...EXPECTED.established6].map(([l]) => l!),
  ].map(local);
  const expected = {
    tcp: [...new Set(tcpPorts)].sort((a, b) => a - b),
    udp: [...EXPECTED.udp, ...EXPECTED.udp6].map(local).sort((a, b) => a - b),
  };
  assert.deepEqual(getPidPorts(PID, { symbols }), expected);
  assert.deepEqual(await getPidPortsAsync(PID, { symbols }), expected);
  assert.deepEqual(getPidPorts(PID, { symbols, kind: "udp4" }), { tcp: [], udp: [5353, 5355] });
  assert.deepEqual(getPidPorts(12345, { symbols }), { tcp: [], udp: [] });
});

Deno.test("getConnections: one Connection shape for the four tables (null peer for UDP and listeners)", () => {
  const rows = getConnections({ symbols: createMock(connectionsCapture()).symbols });
  const tcp = (
    family: 2 | 23,
    localAddr: string,
    localScopeId: number,
    localPort: number,
    remote: [string, number, number] | null,
    state: number,
    owningPid: number,
  ): Connection => ({
    protocol: "tcp",
    family,
    localAddr,
    localScopeId,
    localPort,
    remoteAddr: remote && remote[0],
    remoteScopeId: remote && remote[1],
    remotePort: remote && remote[2],
    state,
    owningPid,
  });
  const udp = (
    family: 2 | 23,
    localAddr: string,
    localScopeId: number,
    localPort: number,
    owningPid: number,
  ): Connection => ({
    protocol: "udp",
    family,
    localAddr,
    localScopeId,
    localPort,
    remoteAddr: null,
    remoteScopeId: null,
    remotePort: null,
    state: null,
    owningPid,
  });
  assert.deepEqual(rows, [
    tcp(2, "0.0.0.0", 0, 8080, null, 2, 100), // the listener's junk remote port is not shown
    tcp(2, "10.0.0.2", 0, 8080, ["192.0.2.7", 0, 50000], 5, 100),
    tcp(2, "10.0.0.2", 0, 8080, ["192.0.2.8", 0, 50001], 11, 0),
    tcp(2, "10.0.0.2", 0, 50123, ["198.51.100.1", 0, 443], 5, 200),
    tcp(23, "::", 0, 8080, null, 2, 300),
    tcp(23, "fe80::1", 7, 8080, ["fe80::2", 7, 40000], 5, 300),
    udp(2, "0.0.0.0", 0, 53, 400),
    udp(2, "127.0.0.1", 0, 8080, 100),
    udp(23, "fe80::1", 7, 546, 500),
  ]);
  // Every row has every member, in the same order.
  const keys = JSON.stringify(Object.keys(rows[0]!));
  assert.ok(rows.every((row) => JSON.stringify(Object.keys(row)) === keys));
});

Deno.test("getPortOwners: every socket on the port but TIME_WAIT's PID 0, ascending; getPidPorts by protocol", async () => {
  const { symbols } = createMock(connectionsCapture());
  assert.deepEqual(getPortOwners(8080, { symbols }), [100, 300]);
  assert.deepEqual(getPortOwners(8080, { symbols, kind: "tcp4" }), [100]);
  assert.deepEqual(getPortOwners(8080, { symbols, kind: "udp" }), [100]);
  assert.deepEqual(getPortOwners(50123, { symbols }), [200]);
  assert.deepEqual(await getPortOwnersAsync(8080, { symbols, kind: "inet6" }), [300]);
  assert.deepEqual(getPidPorts(100, { symbols }), { tcp: [8080], udp: [8080] });
  assert.deepEqual(getPidPorts(0, { symbols }), { tcp: [], udp: [] }, "TIME_WAIT is no one's");
  assert.deepEqual(await getPidPortsAsync(500, { symbols }), { tcp: [], udp: [546] });
});

Deno.test("arguments reach the DLL: Order, family, table class and reserved of the new tables", () => {
  const seen: unknown[][] = [];
  const answer = (fn: string) => (...args: unknown[]) => {
    seen.push([fn, ...args.slice(2)]);
    return S.ERROR_NOT_SUPPORTED;
  };
  const symbols = symbolsWith(Object.fromEntries(
    ["GetTcp6Table", "GetTcp6Table2", "GetUdpTable", "GetUdp6Table", "GetExtendedTcpTable"]
      .concat("GetExtendedUdpTable").map((fn) => [fn, answer(fn)]),
  ));
  const attempts = [
    () => getTcp6Table({ symbols, sorted: true }),
    () => getTcp6Table2({ symbols }),
    () => getUdpTable({ symbols, sorted: true }),
    () => getUdp6Table({ symbols }),
    () => getExtendedTcpTable({ symbols, family: "ipv6", include: "listener" }),
    () => getExtendedTcpTable({ symbols, family: "ipv6", include: "connections", sorted: true }),
    () => getExtendedTcpTable({ symbols, family: "ipv6" }),
    () => getExtendedTcpTable({ symbols, family: "ipv6", owner: "module", include: "listener" }),
    () => getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" }),
    () => getExtendedTcpTable({ symbols, family: "ipv4", owner: "module" }),
    () => getExtendedUdpTable({ symbols }),
    () => getExtendedUdpTable({ symbols, owner: "module", sorted: true }),
    () => getExtendedUdpTable({ symbols, family: "ipv6" }),
    () => getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" }),
  ];
  for (const attempt of attempts) assert.throws(attempt, { code: S.ERROR_NOT_SUPPORTED });
  assert.deepEqual(seen, [
    ["GetTcp6Table", 1],
    ["GetTcp6Table2", 0],
    ["GetUdpTable", 1],
    ["GetUdp6Table", 0],
    ["GetExtendedTcpTable", 0, 23, 3, 0],
    ["GetExtendedTcpTable", 1, 23, 4, 0],
    ["GetExtendedTcpTable", 0, 23, 5, 0],
    ["GetExtendedTcpTable", 0, 23, 6, 0],
    ["GetExtendedTcpTable", 0, 23, 8, 0],
    ["GetExtendedTcpTable", 0, 2, 8, 0],
    ["GetExtendedUdpTable", 0, 2, 1, 0],
    ["GetExtendedUdpTable", 1, 2, 2, 0],
    ["GetExtendedUdpTable", 0, 23, 1, 0],
    ["GetExtendedUdpTable", 0, 23, 2, 0],
  ]);
});

Deno.test("hand-built tables: each family and class decodes with its own row layout", async () => {
  const { symbols } = createMock(capture(
    ok("GetExtendedTcpTable", encodeTcp6TableOwnerPid(TCP6), { family: 23, tableClass: 5 }),
    ok("GetExtendedTcpTable", encodeTcp6TableOwnerPid(TCP6.slice(0, 1)), {
      family: 23,
      tableClass: 3,
    }),
    ...moduleCapture().calls, // the owner-module tables, and lookups in them
  ));
  assert.deepEqual(getExtendedTcpTable({ symbols, family: "ipv6" }), TCP6);
  assert.deepEqual(getExtendedTcpTable({ symbols, family: "ipv6", include: "listener" }), [
    TCP6[0],
  ]);
  assert.deepEqual(getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" }), [
    TCP6_MODULE,
  ]);
  assert.deepEqual(getExtendedUdpTable({ symbols, owner: "module" }), [UDP_MODULE]);
  assert.deepEqual(await getExtendedUdpTableAsync({ symbols, family: "ipv6", owner: "module" }), [
    UDP6_MODULE,
  ]);
  assert.throws(() => getExtendedUdpTable({ symbols, family: "ipv6" }), {
    name: "CaptureError",
    message: "the capture holds no GetExtendedUdpTable (family 23, tableClass 1) call to replay",
  });
});

Deno.test("owner modules of IPv6 TCP and UDP rows: name and path, probing a long path; a row Windows does not know is ERROR_NOT_FOUND", async () => {
  const mock = createMock(moduleCapture());
  const { symbols } = mock;
  const tcp6 = getExtendedTcpTable({ symbols, family: "ipv6", owner: "module" })[0]!;
  const udp = getExtendedUdpTable({ symbols, owner: "module" })[0]!;
  const udp6 = getExtendedUdpTable({ symbols, family: "ipv6", owner: "module" })[0]!;
  const web = { moduleName: "web.exe", modulePath: "C:\\srv\\web.exe" };
  const dns = { moduleName: "dns.exe", modulePath: LONG_PATH };
  const dhcp = {
    moduleName: "dhcp\ud800.dll",
    modulePath: "C:\\Windows\\System32\\dhcp\ud800.dll",
  };
  assert.deepEqual(getOwnerModuleFromTcp6Entry(tcp6, { symbols }), web);
  assert.deepEqual(getOwnerModuleFromUdpEntry(udp, { symbols }), dns);
  assert.equal(mock.stats.calls.GetOwnerModuleFromUdpEntry, 2, "probe + call");
  assert.deepEqual(getOwnerModuleFromUdp6Entry(udp6, { symbols }), dhcp, "lone surrogates kept");
  assert.deepEqual(await getOwnerModuleFromTcp6EntryAsync(tcp6, { symbols }), web);
  assert.deepEqual(await getOwnerModuleFromUdpEntryAsync(udp, { symbols }), dns);
  assert.deepEqual(await getOwnerModuleFromUdp6EntryAsync(udp6, { symbols }), dhcp);
  // The lookups are matched on the row: another port is another socket.
  const gone = {
    name: "IpHelperError",
    code: S.ERROR_NOT_FOUND,
    functionName: "GetOwnerModuleFromUdp6Entry",
  };
  assert.throws(() => getOwnerModuleFromUdp6Entry({ ...udp6, localPort: 547 }, { symbols }), gone);
  await assert.rejects(
    getOwnerModuleFromTcp6EntryAsync({ ...tcp6, owningPid: 301 }, { symbols }),
    { code: S.ERROR_NOT_FOUND, functionName: "GetOwnerModuleFromTcp6Entry" },
  );
});

// The partial-failure policy of getConnections.

/** The rows getConnections gives for the hand-built capture with `drop` tables left out. */
function rowsWithout(...drop: string[]): Connection[] {
  return getConnections({ symbols: createMock(connectionsCapture()).symbols })
    .filter((row) => !drop.includes(`${row.protocol}${row.family}`));
}

/** Asserts that `error` is a ConnectionsError for `failed` tables, carrying `rows`. */
function assertPartial(
  error: unknown,
  failed: [string, 2 | 23, string, number][],
  rows: Connection[],
  tables = 4,
): true {
  assert.ok(error instanceof ConnectionsError, String(error));
  assert.ok(error instanceof AggregateError);
  assert.equal(error.name, "ConnectionsError");
  assert.deepEqual(error.rows, rows);
  assert.deepEqual(
    error.failures.map((f) => [
      f.protocol,
      f.family,
      (f.error as IpHelperError).functionName,
      (f.error as IpHelperError).code,
    ]),
    failed,
  );
  assert.deepEqual(error.errors, error.failures.map((f) => f.error));
  assert.match(
    error.message,
    new RegExp(
      `^get\\w+: ${failed.length} of ${tables} connection tables failed \\(error\\.rows holds the ${rows.length} rows of the others\\): `,
    ),
  );
  return true;
}

Deno.test("partial failure: a refused table throws ConnectionsError naming it, carrying the other tables' rows (sync and async)", async () => {
  const refused = {
    function: "GetExtendedUdpTable" as const,
    args: { family: 23, tableClass: 1 },
    status: S.ERROR_NOT_SUPPORTED,
  };
  const { symbols } = createMock(connectionsCapture(refused));
  const failed: [string, 2 | 23, string, number][] = [[
    "udp",
    23,
    "GetExtendedUdpTable",
    S.ERROR_NOT_SUPPORTED,
  ]];
  const rows = rowsWithout("udp23");
  assert.equal(rows.length, 8);
  assert.throws(() => getConnections({ symbols }), (e) => assertPartial(e, failed, rows));
  await assert.rejects(getConnectionsAsync({ symbols }), (e) => assertPartial(e, failed, rows));
  assert.throws(
    () => getConnections({ symbols }),
    /UDP over IPv6: GetExtendedUdpTable failed: ERROR_NOT_SUPPORTED \(50\)\./,
  );
  // A kind that does not read the refused table is not affected.
  assert.equal(getConnections({ symbols, kind: "tcp" }).length, 6);
  assert.equal(getConnections({ symbols, kind: "udp4" }).length, 2);
  assert.throws(
    () => getConnections({ symbols, kind: "udp6" }),
    (e) => assertPartial(e, failed, [], 1),
  );
  // The port helpers do not answer from a partial list either.
  assert.throws(() => getPortOwners(546, { symbols }), ConnectionsError);
  await assert.rejects(getPidPortsAsync(500, { symbols }), ConnectionsError);
});

Deno.test("partial failure: a missing function fails its tables; every table failing carries no rows", async () => {
  const missing = createMock(connectionsCapture(), { missing: ["GetExtendedUdpTable"] }).symbols;
  const udp: [string, 2 | 23, string, number][] = [
    ["udp", 2, "GetExtendedUdpTable", S.ERROR_PROC_NOT_FOUND],
    ["udp", 23, "GetExtendedUdpTable", S.ERROR_PROC_NOT_FOUND],
  ];
  const tcpRows = rowsWithout("udp2", "udp23");
  assert.throws(() => getConnections({ symbols: missing }), (e) => assertPartial(e, udp, tcpRows));
  await assert.rejects(
    getConnectionsAsync({ symbols: missing }),
    (e) => assertPartial(e, udp, tcpRows),
  );

  const none = createMock(connectionsCapture(), {
    missing: ["GetExtendedTcpTable", "GetExtendedUdpTable"],
  }).symbols;
  const all: [string, 2 | 23, string, number][] = [
    ["tcp", 2, "GetExtendedTcpTable", S.ERROR_PROC_NOT_FOUND],
    ["tcp", 23, "GetExtendedTcpTable", S.ERROR_PROC_NOT_FOUND],
    ...udp,
  ];
  assert.throws(() => getConnections({ symbols: none }), (e) => assertPartial(e, all, []));
  await assert.rejects(getConnectionsAsync({ symbols: none }), (e) => assertPartial(e, all, []));
});

Deno.test("partial failure: bytes that do not decode fail their table with the DecodeError", async () => {
  const { symbols: good } = createMock(connectionsCapture());
  const lying: IpHelperSymbols = {
    ...good,
    // IPv6 TCP claims 1,000 rows in a 4 KiB buffer.
    GetExtendedTcpTable: (buffer, size, order, family, tableClass, reserved) => {
      if (family !== 23) {
        return good.GetExtendedTcpTable!(buffer, size, order, family, tableClass, reserved);
      }
      new DataView((buffer as Uint8Array).buffer).setUint32(0, 1000, true);
      return S.ERROR_SUCCESS;
    },
  };
  for (
    const read of [
      () => getConnections({ symbols: lying }),
      () => getConnectionsAsync({ symbols: lying }),
    ]
  ) {
    await assert.rejects(async () => await read(), (error) => {
      assert.ok(error instanceof ConnectionsError);
      assert.deepEqual(error.rows, rowsWithout("tcp23"));
      assert.equal(error.failures.length, 1);
      assert.equal(error.failures[0]!.family, 23);
      assert.ok(error.failures[0]!.error instanceof DecodeError);
      assert.match(error.message, /TCP over IPv6: MIB_TCP6TABLE_OWNER_PID: 1000 rows/);
      return true;
    });
  }
});

Deno.test("partial failure: an error that is not one table's is thrown as it is", async () => {
  // A capture without the IPv6 UDP table: a test's mistake, not Windows refusing.
  const incomplete = createMock(capture(...connectionsCaptureCalls(3))).symbols;
  assert.throws(() => getConnections({ symbols: incomplete }), CaptureError);
  await assert.rejects(getConnectionsAsync({ symbols: incomplete }), CaptureError);
  // A symbols object that is not one.
  assert.throws(() => getConnections({ symbols: {} as never }), {
    name: "TypeError",
    message: /getConnections: options\.symbols\.GetTcpTable must be a function/,
  });
  if (Deno.build.os !== "windows") {
    assert.throws(() => getConnections(), {
      name: "IpHelperError",
      codeName: "ERROR_MOD_NOT_FOUND",
      message: /exists only on Windows/,
    });
    await assert.rejects(getConnectionsAsync(), { codeName: "ERROR_MOD_NOT_FOUND" });
    await assert.rejects(getPortOwnersAsync(80), { codeName: "ERROR_MOD_NOT_FOUND" });
  }
});

/** The first `count` calls of the hand-built connections capture. */
function connectionsCaptureCalls(count: number) {
  return connectionsCapture().calls.slice(0, count);
}

Deno.test("options: a wrong value is a TypeError naming the function and the option", async () => {
  const { symbols } = createMock(connectionsCapture());
  const row = <T>(value: T) => value as never;
  const cases: [() => unknown, RegExp][] = [
    [
      () => getTcp6Table({ symbols, sorted: 1 as never }),
      /^getTcp6Table: options\.sorted must be a boolean, found 1$/,
    ],
    [
      () => getTcp6Table2({ symbols, order: true } as never),
      /^getTcp6Table2: unknown option "order"; expected "sorted", "symbols"$/,
    ],
    [() => getUdpTable(null as never), /^getUdpTable: options must be an object, found null$/],
    [
      () => getUdp6Table({ symbols, sorted: "yes" as never }),
      /^getUdp6Table: options\.sorted must be a boolean, found "yes"$/,
    ],
    [
      () => getExtendedTcpTable({ symbols, family: "all" as never }),
      /^getExtendedTcpTable: options\.family must be "ipv4", "ipv6", found "all"$/,
    ],
    [
      () => getExtendedTcpTable({ symbols, family: 23 as never }),
      /options\.family must be "ipv4", "ipv6", found 23/,
    ],
    [
      () => getExtendedUdpTable({ symbols, owner: "basic" as never }),
      /^getExtendedUdpTable: options\.owner must be "pid", "module", found "basic"$/,
    ],
    [
      () => getExtendedUdpTable({ symbols, include: "all" } as never),
      /^getExtendedUdpTable: unknown option "include"; expected "family", "owner", "sorted", "symbols"$/,
    ],
    [
      () => getExtendedUdpTable({ symbols, family: "IPv6" as never }),
      /^getExtendedUdpTable: options\.family must be "ipv4", "ipv6", found "IPv6"$/,
    ],
    [
      () => getConnections({ symbols, kind: "tcp46" as never }),
      /^getConnections: options\.kind must be "inet", "inet4", "inet6", "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", found "tcp46"$/,
    ],
    [
      () => getConnections({ symbols, family: "ipv4" } as never),
      /^getConnections: unknown option "family"; expected "kind", "symbols"$/,
    ],
    [
      () => getPortOwners(0, { symbols }),
      /^getPortOwners: port must be an integer 1\.\.65535, found 0$/,
    ],
    [() => getPortOwners(65536, { symbols }), /port must be an integer 1\.\.65535, found 65536/],
    [
      () => getPortOwners("80" as never, { symbols }),
      /port must be an integer 1\.\.65535, found "80"/,
    ],
    [
      () => getPortOwners(80, { symbols, kind: "sctp" as never }),
      /^getPortOwners: options\.kind must be/,
    ],
    [
      () => getPidPorts(-1, { symbols }),
      /^getPidPorts: pid must be a process ID \(an integer 0\.\.4294967295\), found -1$/,
    ],
    [() => getPidPorts(1.5, { symbols }), /pid must be a process ID .*found 1\.5/],
    [
      () => getOwnerModuleFromTcp6Entry(row(null), { symbols }),
      /^getOwnerModuleFromTcp6Entry: row must be a row of getExtendedTcpTable\(\{ family: "ipv6", owner: "module" \}\), found null$/,
    ],
    [
      () => getOwnerModuleFromUdpEntry(row("row"), { symbols }),
      /^getOwnerModuleFromUdpEntry: row must be a row of getExtendedUdpTable\(\{ owner: "module" \}\), found "row"$/,
    ],
    [
      () => getOwnerModuleFromUdp6Entry(row({ ...UDP6_MODULE, localPort: 70000 }), { symbols }),
      /^getOwnerModuleFromUdp6Entry: encodeUdp6RowOwnerModule: row\.localPort: expected an integer from 0 to 65535, found 70000$/,
    ],
    [
      () => getOwnerModuleFromUdpEntry(row({ ...UDP_MODULE, flags: 0 }), { symbols }),
      /^getOwnerModuleFromUdpEntry: encodeUdpRowOwnerModule: row\.specificPortBind is true but bit 0 of flags/,
    ],
    [
      () => getOwnerModuleFromTcp6Entry(row({ ...TCP6_MODULE, localAddr: "::g" }), { symbols }),
      /^getOwnerModuleFromTcp6Entry: encodeTcp6RowOwnerModule: /,
    ],
    [
      () => getOwnerModuleFromTcp6Entry(row(TCP6[0]), { symbols }),
      /^getOwnerModuleFromTcp6Entry: encodeTcp6RowOwnerModule: row\.createTimestamp/,
    ],
    [
      () => getOwnerModuleFromUdpEntry(UDP_MODULE, { symbols, sorted: true } as never),
      /^getOwnerModuleFromUdpEntry: unknown option "sorted"; expected "symbols"$/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });

  // The async twins reject, naming themselves.
  const rejections: [() => Promise<unknown>, RegExp][] = [
    [
      () => getTcp6TableAsync({ symbols, sorted: 0 as never }),
      /^getTcp6TableAsync: options\.sorted/,
    ],
    [
      () => getTcp6Table2Async({ symbols, sorted: 0 as never }),
      /^getTcp6Table2Async: options\.sorted/,
    ],
    [
      () => getUdpTableAsync([] as never),
      /^getUdpTableAsync: options must be an object, found an array$/,
    ],
    [
      () => getUdp6TableAsync({ symbols, sorted: null as never }),
      /^getUdp6TableAsync: options\.sorted/,
    ],
    [
      () => getExtendedTcpTableAsync({ symbols, family: "ipv5" as never }),
      /^getExtendedTcpTableAsync: options\.family/,
    ],
    [
      () => getExtendedUdpTableAsync({ symbols, owner: null as never }),
      /^getExtendedUdpTableAsync: options\.owner/,
    ],
    [
      () => getConnectionsAsync({ symbols, kind: "unix" as never }),
      /^getConnectionsAsync: options\.kind/,
    ],
    [() => getPortOwnersAsync(-80, { symbols }), /^getPortOwnersAsync: port must be/],
    [() => getPidPortsAsync(2 ** 32, { symbols }), /^getPidPortsAsync: pid must be/],
    [
      () => getOwnerModuleFromTcp6EntryAsync(row(undefined), { symbols }),
      /^getOwnerModuleFromTcp6EntryAsync: row must be/,
    ],
    [
      () => getOwnerModuleFromUdpEntryAsync(row({ ...UDP_MODULE, owningPid: -1 }), { symbols }),
      /^getOwnerModuleFromUdpEntryAsync: encodeUdpRowOwnerModule: row\.owningPid/,
    ],
    [
      () => getOwnerModuleFromUdp6EntryAsync(row(7), { symbols }),
      /^getOwnerModuleFromUdp6EntryAsync: row must be/,
    ],
  ];
  for (const [call, message] of rejections) {
    await assert.rejects(call, { name: "TypeError", message });
  }
});

Deno.test("the owner-PID tables survive the mock exactly (a listener's junk remote port reads 0)", () => {
  const { symbols } = createMock(connectionsCapture());
  assert.deepEqual(getExtendedTcpTable({ symbols }), [
    { ...TCP4[0]!, remotePort: 0 },
    ...TCP4.slice(1),
  ]);
  assert.deepEqual(getExtendedTcpTable({ symbols, family: "ipv6" }), TCP6);
  assert.deepEqual(getExtendedUdpTable({ symbols }), UDP4);
  assert.deepEqual(getExtendedUdpTable({ symbols, family: "ipv6" }), UDP6);
});
