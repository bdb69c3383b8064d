// Live tests: the real iphlpapi.dll, on Windows or under Wine 10 (the CI's
// Windows lane). Each test opens its own sockets and finds them in the tables.
// Where Wine differs from Windows (it lacks GetIpInterfaceTable and
// GetOwnerModuleFromTcpEntry), each side's exact behaviour is asserted.
import assert from "node:assert/strict";
import {
  closeIpHelper,
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
  IpHelperStatus as S,
  type IpHelperSymbols,
  loadIpHelper,
  type TcpRow,
  TcpState,
} from "../../mod.ts";
import { createMock, parseCapture, recordCapture } from "../../mock/mod.ts";
import { live, wine } from "./_wine.ts";

/** A listener and one connection to it, on 127.0.0.1. */
async function sockets() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  const server = await listener.accept();
  const clientPort = (client.localAddr as Deno.NetAddr).port;
  return {
    port,
    clientPort,
    [Symbol.dispose]() {
      client.close();
      server.close();
      listener.close();
    },
  };
}

/** Asserts that `rows` hold our listener and both ends of our connection. */
function assertOurs(rows: TcpRow[], port: number, clientPort: number, pid?: number) {
  const find = (state: number, localPort: number, remotePort?: number) =>
    rows.find((r) =>
      r.state === state && r.localAddr === "127.0.0.1" && r.localPort === localPort &&
      (remotePort === undefined || (r.remoteAddr === "127.0.0.1" && r.remotePort === remotePort))
    );
  const found = [
    find(TcpState.LISTEN, port),
    find(TcpState.ESTABLISHED, clientPort, port),
    find(TcpState.ESTABLISHED, port, clientPort),
  ];
  found.forEach((row, i) =>
    assert.ok(row, `row ${i} of ours (port ${port}/${clientPort}) not in the table`)
  );
  if (pid !== undefined) {
    for (const row of found) assert.equal((row as TcpRow & { owningPid: number }).owningPid, pid);
  }
}

live(
  "GetTcpTable, GetTcpTable2 and GetExtendedTcpTable list our sockets, with our PID",
  async () => {
    using s = await sockets();
    assertOurs(getTcpTable(), s.port, s.clientPort);
    assertOurs(getTcpTable2(), s.port, s.clientPort, Deno.pid);
    assertOurs(getExtendedTcpTable(), s.port, s.clientPort, Deno.pid);
    assertOurs(getExtendedTcpTable({ owner: "module" }), s.port, s.clientPort, Deno.pid);
    const listeners = getExtendedTcpTable({ include: "listener" });
    assert.ok(listeners.every((r) => r.state === TcpState.LISTEN));
    assert.ok(listeners.some((r) => r.localPort === s.port && r.owningPid === Deno.pid));
    const connections = getExtendedTcpTable({ include: "connections" });
    assert.ok(connections.every((r) => r.state !== TcpState.LISTEN));
    assert.ok(connections.some((r) => r.localPort === s.clientPort && r.remotePort === s.port));
  },
);

live("getTcpTable2View reads our sockets straight from the table's bytes", async () => {
  using s = await sockets();
  for (const view of [getTcpTable2View(), await getTcpTable2ViewAsync()]) {
    const rows = Array.from({ length: view.length }, (_, i) => view.row(i));
    assertOurs(rows, s.port, s.clientPort, Deno.pid);
    const listener = rows.findIndex((r) => r.localPort === s.port && r.state === TcpState.LISTEN);
    assert.equal(view.state(listener), TcpState.LISTEN);
    assert.equal(view.owningPid(listener), Deno.pid);
  }
});

live("the async variants run off the main thread and see the same sockets", async () => {
  using s = await sockets();
  const [basic, two, pid, module] = await Promise.all([
    getTcpTableAsync(),
    getTcpTable2Async(),
    getExtendedTcpTableAsync(),
    getExtendedTcpTableAsync({ owner: "module" }),
  ]);
  assertOurs(basic, s.port, s.clientPort);
  for (const rows of [two, pid, module]) assertOurs(rows, s.port, s.clientPort, Deno.pid);
});

live(
  "sorted: true returns rows in Windows' order (local address, local port, remote)",
  async () => {
    using _ = await sockets();
    const rows = getTcpTable2({ sorted: true });
    const key = (
      r: TcpRow,
    ) => [
      ...r.localAddr.split(".").map(Number),
      r.localPort,
      ...r.remoteAddr.split(".").map(Number),
      r.remotePort,
    ];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      const order = a.findIndex((v, k) => v !== b[k]);
      assert.ok(order === -1 || a[order]! < b[order]!, `rows ${i - 1} and ${i} out of order`);
    }
  },
);

live("GetOwnerModuleFromTcpEntry: our own module, or not supported under Wine", async () => {
  using s = await sockets();
  const row = getExtendedTcpTable({ owner: "module", include: "listener" })
    .find((r) => r.localPort === s.port)!;
  if (wine) {
    assert.equal(loadIpHelper().GetOwnerModuleFromTcpEntry, null);
    assert.throws(() => getOwnerModuleFromTcpEntry(row), { code: S.ERROR_PROC_NOT_FOUND });
    await assert.rejects(getOwnerModuleFromTcpEntryAsync(row), { code: S.ERROR_PROC_NOT_FOUND });
    return;
  }
  const info = getOwnerModuleFromTcpEntry(row);
  assert.equal(info.moduleName.toLowerCase(), Deno.execPath().split("\\").pop()!.toLowerCase());
  assert.equal(info.modulePath.toLowerCase(), Deno.execPath().toLowerCase());
  assert.deepEqual(await getOwnerModuleFromTcpEntryAsync(row), info);
});

live("GetIpInterfaceTable: the loopback interface, or ERROR_NOT_SUPPORTED under Wine", async () => {
  if (wine) {
    for (const family of ["all", "ipv4", "ipv6"] as const) {
      assert.throws(() => getIpInterfaceTable({ family }), {
        name: "IpHelperError",
        code: S.ERROR_NOT_SUPPORTED,
        codeName: "ERROR_NOT_SUPPORTED",
      });
    }
    await assert.rejects(getIpInterfaceTableAsync(), { code: S.ERROR_NOT_SUPPORTED });
    return;
  }
  const rows = getIpInterfaceTable({ family: "ipv4" });
  assert.ok(rows.every((r) => r.family === 2));
  const loopback = rows.find((r) => r.interfaceLuid >> 48n === 24n); // IF_TYPE_SOFTWARE_LOOPBACK
  assert.ok(loopback, "no IPv4 loopback interface");
  assert.ok(loopback.connected);
  assert.deepEqual(await getIpInterfaceTableAsync({ family: "ipv4" }), rows);
});

live("GetAnycastIpAddressTable: a table per family, every one freed", async () => {
  // Count the tables Windows hands out and the FreeMibTable calls.
  const real = loadIpHelper();
  let handedOut = 0, freed = 0;
  const counting: IpHelperSymbols = {
    ...real,
    GetAnycastIpAddressTable: (family, out) => {
      const status = real.GetAnycastIpAddressTable!(family, out);
      if ((out as BigUint64Array)[0] !== 0n) handedOut++;
      return status;
    },
    FreeMibTable: (pointer) => {
      freed++;
      real.FreeMibTable!(pointer);
    },
  };
  for (const family of ["all", "ipv4", "ipv6"] as const) {
    const rows = getAnycastIpAddressTable({ symbols: counting, family });
    const expected = family === "ipv4" ? 2 : family === "ipv6" ? 23 : undefined;
    assert.ok(rows.every((r) => expected === undefined || r.address.family === expected));
  }
  assert.equal(handedOut, 3);
  assert.equal(freed, handedOut);
  assert.ok(Array.isArray(await getAnycastIpAddressTableAsync()));
});

live("closeIpHelper releases the DLL; the next call opens it again", async () => {
  using s = await sockets();
  closeIpHelper();
  assertOurs(getTcpTable2(), s.port, s.clientPort, Deno.pid);
  closeIpHelper();
  assertOurs(await getTcpTable2Async(), s.port, s.clientPort, Deno.pid);
});

live("recordCapture records the live tables; the mock replays our sockets from it", async () => {
  using s = await sockets();
  const { capture, failures } = recordCapture();
  const replayed = createMock(parseCapture(JSON.parse(JSON.stringify(capture))));
  assertOurs(getTcpTable2({ symbols: replayed.symbols }), s.port, s.clientPort, Deno.pid);
  if (wine) {
    assert.ok(failures.some((f) => f.includes("ERROR_PROC_NOT_FOUND (127)")));
    assert.ok(failures.some((f) => f.includes("ERROR_NOT_SUPPORTED (50)")));
  }
  for (const failure of failures) {
    assert.match(failure, /failed: (?:[A-Z_]+|0x[0-9A-F]{8}) \(\d+\)/);
  }
});

live("a failing call reports its function, code and advice", () => {
  // An invalid TCP_TABLE_CLASS through the raw symbol: Windows answers ERROR_INVALID_PARAMETER.
  const size = new Uint32Array([0]);
  const status = loadIpHelper().GetExtendedTcpTable!(null, size, 0, 2, 99, 0);
  assert.equal(status, S.ERROR_INVALID_PARAMETER);
  const error = new IpHelperError("GetExtendedTcpTable", status);
  assert.match(error.message, /^GetExtendedTcpTable failed: ERROR_INVALID_PARAMETER \(87\)\. .+/);
});
