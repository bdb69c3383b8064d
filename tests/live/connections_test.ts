// Live tests of the issue-9 API: the real iphlpapi.dll and kernel32.dll, on
// Windows or under Wine 10 (.ci/wine-lane.sh). Each test opens its own
// sockets (an IPv6 TCP listener with a connection, IPv4 and IPv6 UDP
// sockets) and finds them, with Deno.pid, through every new function. Under
// Wine the tables list every socket on the host: rows are matched by our own
// ports. Needs --unstable-net (Deno.listenDatagram).
import assert from "node:assert/strict";
import {
  type Connection,
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
  IpHelperStatus as S,
  loadIpHelper,
  loadKernel32,
  type OwnerModuleBasicInfo,
  TcpState,
} from "../../mod.ts";
import { createMock, parseCapture, recordCapture } from "../../mock/mod.ts";
import { live, wine } from "./_wine.ts";

const port = (addr: Deno.Addr) => (addr as Deno.NetAddr).port;

/** An IPv6 TCP listener on ::1 with one connection to it, and a UDP socket per family. */
async function sockets() {
  const listener = Deno.listen({ hostname: "::1", port: 0 });
  const client = await Deno.connect({ hostname: "::1", port: port(listener.addr) });
  const server = await listener.accept();
  const udp4 = Deno.listenDatagram({ transport: "udp", hostname: "127.0.0.1", port: 0 });
  const udp6 = Deno.listenDatagram({ transport: "udp", hostname: "::1", port: 0 });
  return {
    listen: port(listener.addr),
    client: port(client.localAddr),
    udp4: port(udp4.addr),
    udp6: port(udp6.addr),
    [Symbol.dispose]() {
      for (const closer of [client, server, listener, udp4, udp6]) closer.close();
    },
  };
}
type Sockets = Awaited<ReturnType<typeof sockets>>;

interface Tcp6Like {
  state: number;
  localAddr: string;
  localPort: number;
  remoteAddr: string;
  remotePort: number;
  owningPid?: number;
}

/** Asserts that `rows` hold our IPv6 listener and both ends of its connection (with our PID). */
function assertTcp6(rows: readonly Tcp6Like[], s: Sockets, pid?: number) {
  const find = (state: number, localPort: number, remotePort: number) =>
    rows.filter((r) =>
      r.state === state && r.localAddr === "::1" && r.localPort === localPort &&
      r.remotePort === remotePort && (remotePort === 0 || r.remoteAddr === "::1")
    );
  const found = [
    find(TcpState.LISTEN, s.listen, 0),
    find(TcpState.ESTABLISHED, s.client, s.listen),
    find(TcpState.ESTABLISHED, s.listen, s.client),
  ];
  found.forEach((matches, i) =>
    assert.equal(matches.length, 1, `row ${i} of ours: ${matches.length}`)
  );
  if (pid !== undefined) { for (const [row] of found) assert.equal(row!.owningPid, pid); }
}

/** Asserts that `rows` hold our UDP socket at `address`:`localPort` (with our PID). */
function assertUdp(
  rows: readonly { localAddr: string; localPort: number; owningPid?: number }[],
  address: string,
  localPort: number,
  pid?: number,
) {
  const found = rows.filter((r) => r.localAddr === address && r.localPort === localPort);
  assert.equal(found.length, 1, `UDP ${address}:${localPort}: ${found.length} rows`);
  if (pid !== undefined) assert.equal(found[0]!.owningPid, pid);
}

live(
  "GetTcp6Table and GetTcp6Table2 list our IPv6 listener and connection, sync and async",
  async () => {
    using s = await sockets();
    assertTcp6(getTcp6Table(), s);
    assertTcp6(await getTcp6TableAsync({ sorted: true }), s);
    assertTcp6(getTcp6Table2({ sorted: true }), s, Deno.pid);
    assertTcp6(await getTcp6Table2Async(), s, Deno.pid);
  },
);

live("GetExtendedTcpTable(AF_INET6) by owner and include lists ours with our PID", async () => {
  using s = await sockets();
  assertTcp6(getExtendedTcpTable({ family: "ipv6" }), s, Deno.pid);
  assertTcp6(getExtendedTcpTable({ family: "ipv6", owner: "module" }), s, Deno.pid);
  assertTcp6(await getExtendedTcpTableAsync({ family: "ipv6" }), s, Deno.pid);
  assertTcp6(await getExtendedTcpTableAsync({ family: "ipv6", owner: "module" }), s, Deno.pid);
  const listeners = getExtendedTcpTable({ family: "ipv6", include: "listener" });
  assert.ok(listeners.every((r) => r.state === TcpState.LISTEN));
  assert.ok(listeners.some((r) => r.localPort === s.listen && r.owningPid === Deno.pid));
  const connections = getExtendedTcpTable({ family: "ipv6", include: "connections" });
  assert.ok(connections.every((r) => r.state !== TcpState.LISTEN));
  assert.ok(connections.some((r) => r.localPort === s.client && r.remotePort === s.listen));
});

live(
  "GetUdpTable, GetUdp6Table and GetExtendedUdpTable list our UDP sockets with our PID",
  async () => {
    using s = await sockets();
    assertUdp(getUdpTable(), "127.0.0.1", s.udp4);
    assertUdp(await getUdpTableAsync({ sorted: true }), "127.0.0.1", s.udp4);
    assertUdp(getUdp6Table(), "::1", s.udp6);
    assertUdp(await getUdp6TableAsync(), "::1", s.udp6);
    assertUdp(getExtendedUdpTable(), "127.0.0.1", s.udp4, Deno.pid);
    assertUdp(getExtendedUdpTable({ owner: "module" }), "127.0.0.1", s.udp4, Deno.pid);
    assertUdp(getExtendedUdpTable({ family: "ipv6" }), "::1", s.udp6, Deno.pid);
    assertUdp(getExtendedUdpTable({ family: "ipv6", owner: "module" }), "::1", s.udp6, Deno.pid);
    assertUdp(await getExtendedUdpTableAsync({ sorted: true }), "127.0.0.1", s.udp4, Deno.pid);
    assertUdp(
      await getExtendedUdpTableAsync({ family: "ipv6", owner: "module" }),
      "::1",
      s.udp6,
      Deno.pid,
    );
  },
);

live(
  "getConnections finds every socket of ours once, in one row shape, sync and async",
  async () => {
    using s = await sockets();
    const check = (rows: Connection[]) => {
      const ours = (protocol: string, localPort: number, remotePort: number | null) =>
        rows.filter((r) =>
          r.protocol === protocol && r.localPort === localPort && r.remotePort === remotePort
        );
      const expected: [string, number, number | null, Partial<Connection>][] = [
        ["tcp", s.listen, null, { family: 23, state: TcpState.LISTEN, remoteAddr: null }],
        ["tcp", s.client, s.listen, { family: 23, state: TcpState.ESTABLISHED, remoteAddr: "::1" }],
        ["tcp", s.listen, s.client, { family: 23, state: TcpState.ESTABLISHED, remoteAddr: "::1" }],
        ["udp", s.udp4, null, { family: 2, localAddr: "127.0.0.1", localScopeId: 0, state: null }],
        ["udp", s.udp6, null, { family: 23, localAddr: "::1", state: null }],
      ];
      for (const [protocol, local, remote, members] of expected) {
        const found = ours(protocol, local, remote);
        assert.equal(found.length, 1, `${protocol} ${local} ${remote}: ${found.length} rows`);
        assert.equal(found[0]!.owningPid, Deno.pid);
        for (const [key, value] of Object.entries(members)) {
          assert.equal(found[0]![key as keyof Connection], value, `${protocol} ${local} ${key}`);
        }
      }
    };
    check(getConnections());
    check(await getConnectionsAsync());
    check(getConnections({ kind: "tcp6" }).concat(getConnections({ kind: "udp" })));
    assert.ok(
      getConnections({ kind: "udp4" }).every((r) => r.protocol === "udp" && r.family === 2),
    );
  },
);

live("getPortOwners and getPidPorts: our ports are ours", async () => {
  using s = await sockets();
  assert.deepEqual(getPortOwners(s.listen, { kind: "tcp6" }), [Deno.pid]);
  assert.deepEqual(await getPortOwnersAsync(s.udp6, { kind: "udp6" }), [Deno.pid]);
  assert.deepEqual(getPortOwners(s.udp4, { kind: "udp4" }), [Deno.pid]);
  for (const ports of [getPidPorts(Deno.pid), await getPidPortsAsync(Deno.pid)]) {
    assert.ok(ports.tcp.includes(s.listen) && ports.tcp.includes(s.client), `${ports.tcp}`);
    assert.ok(ports.udp.includes(s.udp4) && ports.udp.includes(s.udp6), `${ports.udp}`);
  }
});

live(
  "the IPv6 and UDP owner-module lookups: our own module, or ERROR_PROC_NOT_FOUND under Wine",
  async () => {
    using s = await sockets();
    const tcp6 = getExtendedTcpTable({ family: "ipv6", owner: "module", include: "listener" })
      .find((r) => r.localPort === s.listen)!;
    const udp = getExtendedUdpTable({ owner: "module" }).find((r) => r.localPort === s.udp4)!;
    const udp6 = getExtendedUdpTable({ family: "ipv6", owner: "module" })
      .find((r) => r.localPort === s.udp6)!;
    const lookups: [string, () => OwnerModuleBasicInfo, () => Promise<OwnerModuleBasicInfo>][] = [
      [
        "GetOwnerModuleFromTcp6Entry",
        () => getOwnerModuleFromTcp6Entry(tcp6),
        () => getOwnerModuleFromTcp6EntryAsync(tcp6),
      ],
      [
        "GetOwnerModuleFromUdpEntry",
        () => getOwnerModuleFromUdpEntry(udp),
        () => getOwnerModuleFromUdpEntryAsync(udp),
      ],
      [
        "GetOwnerModuleFromUdp6Entry",
        () => getOwnerModuleFromUdp6Entry(udp6),
        () => getOwnerModuleFromUdp6EntryAsync(udp6),
      ],
    ];
    for (const [fn, sync, async] of lookups) {
      if (wine) {
        assert.equal(loadIpHelper()[fn as "GetOwnerModuleFromUdpEntry"], null);
        assert.throws(sync, { functionName: fn, code: S.ERROR_PROC_NOT_FOUND });
        await assert.rejects(async, { functionName: fn, code: S.ERROR_PROC_NOT_FOUND });
        continue;
      }
      const info = sync();
      assert.equal(info.moduleName.toLowerCase(), Deno.execPath().split("\\").pop()!.toLowerCase());
      assert.equal(info.modulePath.toLowerCase(), Deno.execPath().toLowerCase());
      assert.deepEqual(await async(), info);
    }
  },
);

live(
  "getProcessImageName names this process deno.exe; getProcessNames names the rest or says why not",
  () => {
    const path = getProcessImageName(Deno.pid);
    assert.match(path, /\\deno\.exe$/i);
    if (!wine) assert.equal(path.toLowerCase(), Deno.execPath().toLowerCase());
    assert.equal(getProcessImageName(Deno.pid, { kernel32: loadKernel32() }), path);
    const gone = 0xfffffffc; // a multiple of 4 no process has
    assert.throws(() => getProcessImageName(gone), {
      functionName: "OpenProcess",
      code: S.ERROR_INVALID_PARAMETER,
    });
    const names = getProcessNames([Deno.pid, 0, 4, gone]);
    assert.deepEqual(names.get(Deno.pid), { status: "ok", name: path.split("\\").pop(), path });
    assert.deepEqual(names.get(0), { status: "ok", name: "System Idle Process", path: null });
    assert.deepEqual(names.get(4), { status: "ok", name: "System", path: null });
    assert.equal(names.get(gone)!.status, "no such process");
  },
);

live("recordCapture names our process; the mock replays our sockets and our name", async () => {
  using s = await sockets();
  const { capture } = recordCapture();
  const path = capture.processes?.[String(Deno.pid)];
  assert.equal(path, getProcessImageName(Deno.pid));
  const replayed = createMock(parseCapture(JSON.parse(JSON.stringify(capture))));
  assert.deepEqual(getPortOwners(s.udp6, { symbols: replayed.symbols, kind: "udp6" }), [Deno.pid]);
  assert.deepEqual(
    getProcessNames([Deno.pid], { kernel32: replayed.kernel32 }).get(Deno.pid),
    { status: "ok", name: (path as string).split("\\").pop(), path },
  );
  assert.equal(replayed.stats.opens, replayed.stats.closes);
});
