import assert from "node:assert/strict";
import {
  decodeAnycastIpAddressTable,
  DecodeError,
  decodeIpInterfaceTable,
  decodeOwnerModuleBasicInfo,
  decodeTcpTable,
  decodeTcpTable2,
  decodeTcpTableOwnerModule,
  decodeTcpTableOwnerPid,
  type IpInterfaceRow,
  type TcpRow2,
  tcpStateName,
} from "../mod.ts";
import {
  encodeAnycastIpAddressTable,
  encodeIpInterfaceTable,
  encodeOwnerModuleBasicInfo,
  encodeTcpTable,
  encodeTcpTable2,
  encodeTcpTableOwnerModule,
  encodeTcpTableOwnerPid,
} from "../mock/mod.ts";
import * as L from "../structs/layout.ts";
import { at, junk } from "./_bytes.ts";

// Hand-built rows: bytes written at the layout's offsets, independently of the encoders.

Deno.test("MIB_TCPTABLE2: members at their offsets; ports from the low 16 bits, network order", () => {
  const bytes = junk(L.MIB_TCPTABLE2.table + 2 * L.MIB_TCPROW2.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(L.MIB_TCPTABLE2.dwNumEntries, 2, true);
  const row = L.MIB_TCPTABLE2.table + L.MIB_TCPROW2.size; // the second row
  view.setUint32(row + L.MIB_TCPROW2.dwState, 5, true);
  bytes.set([192, 0, 2, 1], row + L.MIB_TCPROW2.dwLocalAddr);
  bytes.set([0xc3, 0x50, 0xde, 0xad], row + L.MIB_TCPROW2.dwLocalPort); // 50000, junk above
  bytes.set([198, 51, 100, 255], row + L.MIB_TCPROW2.dwRemoteAddr);
  bytes.set([0x01, 0xbb, 0xff, 0xff], row + L.MIB_TCPROW2.dwRemotePort); // 443, junk above
  view.setUint32(row + L.MIB_TCPROW2.dwOwningPid, 4242, true);
  view.setUint32(row + L.MIB_TCPROW2.dwOffloadState, 2, true);
  assert.deepEqual(decodeTcpTable2(bytes)[1], {
    state: 5,
    localAddr: "192.0.2.1",
    localPort: 50000,
    remoteAddr: "198.51.100.255",
    remotePort: 443,
    owningPid: 4242,
    offloadState: 2,
  });
});

Deno.test("MIB_TCPTABLE_OWNER_MODULE: rows start at 8; padding 4..8 is never read", () => {
  const bytes = junk(L.MIB_TCPTABLE_OWNER_MODULE.table + L.MIB_TCPROW_OWNER_MODULE.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1, true);
  const row = L.MIB_TCPTABLE_OWNER_MODULE.table;
  view.setUint32(row + L.MIB_TCPROW_OWNER_MODULE.dwState, 2, true);
  bytes.set([0, 0, 0, 0], row + L.MIB_TCPROW_OWNER_MODULE.dwLocalAddr);
  bytes.set([0, 135, 0, 0], row + L.MIB_TCPROW_OWNER_MODULE.dwLocalPort);
  bytes.set([0, 0, 0, 0], row + L.MIB_TCPROW_OWNER_MODULE.dwRemoteAddr);
  bytes.set([0, 0, 0, 0], row + L.MIB_TCPROW_OWNER_MODULE.dwRemotePort);
  view.setUint32(row + L.MIB_TCPROW_OWNER_MODULE.dwOwningPid, 1024, true);
  view.setBigInt64(row + L.MIB_TCPROW_OWNER_MODULE.liCreateTimestamp, 133700000000000000n, true);
  for (let i = 0; i < L.MIB_TCPROW_OWNER_MODULE.OwningModuleInfoCount; i++) {
    view.setBigUint64(
      row + L.MIB_TCPROW_OWNER_MODULE.OwningModuleInfo + 8 * i,
      BigInt(i) << 60n,
      true,
    );
  }
  const [decoded] = decodeTcpTableOwnerModule(bytes);
  assert.equal(decoded?.localPort, 135);
  assert.equal(decoded?.owningPid, 1024);
  assert.equal(decoded?.createTimestamp, 133700000000000000n);
  assert.deepEqual(
    decoded?.owningModuleInfo,
    Array.from({ length: 16 }, (_, i) => BigInt(i) << 60n),
  );
});

Deno.test("MIB_IPINTERFACE_ROW: every member at its offset; BOOLEAN is any non-zero byte", () => {
  const R = L.MIB_IPINTERFACE_ROW;
  const bytes = junk(L.MIB_IPINTERFACE_TABLE.Table + R.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1, true);
  const o = L.MIB_IPINTERFACE_TABLE.Table;
  // Every BOOLEAN byte gets a distinct non-zero/zero pattern; junk stays in padding.
  const booleans = [
    "AdvertisingEnabled",
    "ForwardingEnabled",
    "WeakHostSend",
    "WeakHostReceive",
    "UseAutomaticMetric",
    "UseNeighborUnreachabilityDetection",
    "ManagedAddressConfigurationSupported",
    "OtherStatefulConfigurationSupported",
    "AdvertiseDefaultRoute",
    "Connected",
    "SupportsWakeUpPatterns",
    "SupportsNeighborDiscovery",
    "SupportsRouterDiscovery",
    "DisableDefaultRoutes",
  ] as const;
  booleans.forEach((name, i) => view.setUint8(o + R[name], i % 2 === 0 ? 0 : 0x80 + i));
  view.setUint16(o + R.Family, 23, true);
  view.setBigUint64(o + R.InterfaceLuid, 0x0006000001000000n, true);
  view.setBigUint64(o + R.InterfaceIdentifier, 0x025056fffe123456n, true);
  view.setInt32(o + R.RouterDiscoveryBehavior, -1, true);
  view.setInt32(o + R.LinkLocalAddressBehavior, 2, true);
  const dwords = [
    "InterfaceIndex",
    "MaxReassemblySize",
    "MinRouterAdvertisementInterval",
    "MaxRouterAdvertisementInterval",
    "DadTransmits",
    "BaseReachableTime",
    "RetransmitTime",
    "PathMtuDiscoveryTimeout",
    "LinkLocalAddressTimeout",
    "SitePrefixLength",
    "Metric",
    "NlMtu",
    "ReachableTime",
  ] as const;
  dwords.forEach((name, i) => view.setUint32(o + R[name], 1000 + i, true));
  for (let i = 0; i < R.ZoneIndicesCount; i++) {
    view.setUint32(o + R.ZoneIndices + 4 * i, 100 + i, true);
  }
  view.setUint8(o + R.TransmitOffload, 0b1000_0001);
  view.setUint8(o + R.ReceiveOffload, 0b0110_0110);

  const [row] = decodeIpInterfaceTable(bytes) as [IpInterfaceRow];
  const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);
  booleans.forEach((name, i) =>
    assert.equal(row[camel(name) as keyof IpInterfaceRow], i % 2 === 1, name)
  );
  dwords.forEach((name, i) =>
    assert.equal(row[camel(name) as keyof IpInterfaceRow], 1000 + i, name)
  );
  assert.equal(row.family, 23);
  assert.equal(row.interfaceLuid, 0x0006000001000000n);
  assert.equal(row.interfaceIdentifier, 0x025056fffe123456n);
  assert.equal(row.routerDiscoveryBehavior, -1);
  assert.equal(row.linkLocalAddressBehavior, 2);
  assert.deepEqual(row.zoneIndices, Array.from({ length: 16 }, (_, i) => 100 + i));
  assert.deepEqual(Object.values(row.transmitOffload), [
    true,
    false,
    false,
    false,
    false,
    false,
    false,
    true,
  ]);
  assert.deepEqual(row.receiveOffload, {
    nlChecksumSupported: false,
    nlOptionsSupported: true,
    tlDatagramChecksumSupported: true,
    tlStreamChecksumSupported: false,
    tlStreamOptionsSupported: false,
    fastPathCompatible: true,
    tlLargeSendOffloadSupported: true,
    tlGiantSendOffloadSupported: false,
  });
  assert.equal(Object.keys(row).length, 35, "every member of MIB_IPINTERFACE_ROW, nothing else");
});

Deno.test("MIB_ANYCASTIPADDRESS_ROW: SOCKADDR_IN6 members, RFC 5952 text", () => {
  const R = L.MIB_ANYCASTIPADDRESS_ROW;
  const bytes = junk(L.MIB_ANYCASTIPADDRESS_TABLE.Table + R.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1, true);
  const o = L.MIB_ANYCASTIPADDRESS_TABLE.Table;
  view.setUint16(o + R.Address + L.SOCKADDR_IN6.sin6_family, 23, true);
  view.setUint16(o + R.Address + L.SOCKADDR_IN6.sin6_port, 853, false);
  view.setUint32(o + R.Address + L.SOCKADDR_IN6.sin6_flowinfo, 0xabcde, false);
  bytes.set(
    [0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    o + R.Address + L.SOCKADDR_IN6.sin6_addr,
  );
  view.setUint32(o + R.Address + L.SOCKADDR_IN6.sin6_scope_id, 7, true);
  view.setBigUint64(o + R.InterfaceLuid, 42n, true);
  view.setUint32(o + R.InterfaceIndex, 12, true);
  view.setUint32(o + R.ScopeId, 0x20000007, true);
  assert.deepEqual(decodeAnycastIpAddressTable(bytes), [{
    address: { family: 23, address: "2001:db8::1", port: 853, flowInfo: 0xabcde, scopeId: 7 },
    interfaceLuid: 42n,
    interfaceIndex: 12,
    scopeId: 0x20000007,
  }]);
});

Deno.test("MIB_ANYCASTIPADDRESS_ROW: an unknown address family is a DecodeError, not a garbage row", () => {
  const bytes = junk(L.MIB_ANYCASTIPADDRESS_TABLE.Table + L.MIB_ANYCASTIPADDRESS_ROW.size);
  new DataView(bytes.buffer).setUint32(0, 1, true);
  bytes.set([7, 0], L.MIB_ANYCASTIPADDRESS_TABLE.Table);
  assert.throws(() => decodeAnycastIpAddressTable(bytes), {
    name: "DecodeError",
    message:
      /MIB_ANYCASTIPADDRESS_TABLE\.Table\[0\]\.Address: .*AF_INET \(2\) or AF_INET6 \(23\), found 7/,
  });
});

// Every decoder, through its encoder: round trips at odd offsets, and the same errors.

const TCP2: TcpRow2 = {
  state: 5,
  localAddr: "10.1.2.3",
  localPort: 65535,
  remoteAddr: "255.255.255.255",
  remotePort: 1,
  owningPid: 0xffffffff,
  offloadState: 3,
};
const INTERFACE = decodeIpInterfaceTable(
  junkTable(L.MIB_IPINTERFACE_TABLE.Table, L.MIB_IPINTERFACE_ROW.size),
)[0]!;

/** A one-row table of junk with a count of 1 (only for decoders that accept any bytes). */
function junkTable(rowsAt: number, rowSize: number): Uint8Array {
  const bytes = junk(rowsAt + rowSize);
  new DataView(bytes.buffer).setUint32(0, 1, true);
  return bytes;
}

const TABLES = [
  {
    name: "MIB_TCPTABLE",
    decode: decodeTcpTable,
    bytes: encodeTcpTable([TCP2, TCP2].map(({ owningPid: _, offloadState: __, ...row }) => row)),
    rowsAt: L.MIB_TCPTABLE.table,
    rowSize: L.MIB_TCPROW.size,
  },
  {
    name: "MIB_TCPTABLE2",
    decode: decodeTcpTable2,
    bytes: encodeTcpTable2([TCP2, { ...TCP2, state: 2 }]),
    rowsAt: L.MIB_TCPTABLE2.table,
    rowSize: L.MIB_TCPROW2.size,
  },
  {
    name: "MIB_TCPTABLE_OWNER_PID",
    decode: decodeTcpTableOwnerPid,
    bytes: encodeTcpTableOwnerPid([{ ...TCP2, owningPid: 4 }]),
    rowsAt: L.MIB_TCPTABLE_OWNER_PID.table,
    rowSize: L.MIB_TCPROW_OWNER_PID.size,
  },
  {
    name: "MIB_TCPTABLE_OWNER_MODULE",
    decode: decodeTcpTableOwnerModule,
    bytes: encodeTcpTableOwnerModule([{
      ...TCP2,
      createTimestamp: -1n,
      owningModuleInfo: Array.from({ length: 16 }, (_, i) => 2n ** 64n - 1n - BigInt(i)),
    }]),
    rowsAt: L.MIB_TCPTABLE_OWNER_MODULE.table,
    rowSize: L.MIB_TCPROW_OWNER_MODULE.size,
  },
  {
    name: "MIB_IPINTERFACE_TABLE",
    decode: decodeIpInterfaceTable,
    bytes: encodeIpInterfaceTable([INTERFACE, { ...INTERFACE, family: 2 }]),
    rowsAt: L.MIB_IPINTERFACE_TABLE.Table,
    rowSize: L.MIB_IPINTERFACE_ROW.size,
  },
  {
    name: "MIB_ANYCASTIPADDRESS_TABLE",
    decode: decodeAnycastIpAddressTable,
    bytes: encodeAnycastIpAddressTable([
      {
        address: { family: 2, address: "192.88.99.1", port: 0 },
        interfaceLuid: 2n ** 64n - 1n,
        interfaceIndex: 3,
        scopeId: 0,
      },
      {
        address: {
          family: 23,
          address: "::ffff:192.0.2.128",
          port: 65535,
          flowInfo: 0xfffff,
          scopeId: 9,
        },
        interfaceLuid: 1n,
        interfaceIndex: 4,
        scopeId: 9,
      },
    ]),
    rowsAt: L.MIB_ANYCASTIPADDRESS_TABLE.Table,
    rowSize: L.MIB_ANYCASTIPADDRESS_ROW.size,
  },
] as const;

for (const { name, decode, bytes, rowsAt, rowSize } of TABLES) {
  const rows = (decode as (b: Uint8Array) => unknown[])(bytes);

  Deno.test(`${name}: decodes the same at every byte offset, odd ones included`, () => {
    assert.ok(rows.length > 0);
    for (const offset of [1, 2, 3, 5, 7]) {
      assert.deepEqual((decode as (b: Uint8Array) => unknown[])(at(bytes, offset)), rows);
    }
  });

  Deno.test(`${name}: bytes after the last row are ignored`, () => {
    const longer = new Uint8Array(bytes.length + rowSize + 3).fill(0xee);
    longer.set(bytes);
    assert.deepEqual((decode as (b: Uint8Array) => unknown[])(longer), rows);
  });

  Deno.test(`${name}: a zero count needs only the count; fewer than 4 bytes is a DecodeError`, () => {
    assert.deepEqual((decode as (b: Uint8Array) => unknown[])(new Uint8Array(4)), []);
    for (const length of [0, 1, 3]) {
      assert.throws(() => decode(at(new Uint8Array(length), 1)), {
        name: "DecodeError",
        message: `${name}: expected at least 4 bytes for the row count, found ${length}`,
      });
    }
  });

  Deno.test(`${name}: a count that does not fit is a DecodeError naming both sizes`, () => {
    const truncated = bytes.subarray(0, bytes.length - 1);
    assert.throws(() => decode(truncated), {
      name: "DecodeError",
      message:
        `${name}: ${rows.length} rows of ${rowSize} bytes from offset ${rowsAt} need ${bytes.length} bytes, found ${
          bytes.length - 1
        }`,
    });
  });

  Deno.test(`${name}: a count of 0xFFFFFFFF in 100 bytes fails fast`, () => {
    const liar = new Uint8Array(100);
    new DataView(liar.buffer).setUint32(0, 0xffffffff, true);
    assert.throws(() => decode(liar), (error) => {
      assert.ok(error instanceof DecodeError);
      assert.match(error.message, new RegExp(`^${name}: 4294967295 rows of ${rowSize} bytes`));
      return true;
    });
  });
}

Deno.test("TCP rows: the four IPv4 table kinds agree on the shared members", () => {
  const [basic] = decodeTcpTable(TABLES[0].bytes);
  const [two] = decodeTcpTable2(TABLES[1].bytes);
  const [pid] = decodeTcpTableOwnerPid(TABLES[2].bytes);
  const [module] = decodeTcpTableOwnerModule(TABLES[3].bytes);
  const shared = (
    { state, localAddr, localPort, remoteAddr, remotePort }: typeof basic & object,
  ) => ({
    state,
    localAddr,
    localPort,
    remoteAddr,
    remotePort,
  });
  for (const row of [two, pid, module]) assert.deepEqual(shared(row!), shared(basic!));
  assert.equal(module?.createTimestamp, -1n);
  assert.equal(module?.owningModuleInfo[0], 2n ** 64n - 1n);
});

Deno.test("tcpStateName: the known states, unknown values preserved", () => {
  assert.equal(tcpStateName(2), "LISTEN");
  assert.equal(tcpStateName(5), "ESTABLISHED");
  assert.equal(tcpStateName(12), "DELETE_TCB");
  assert.equal(tcpStateName(100), "UNKNOWN(100)");
  assert.equal(tcpStateName(0), "UNKNOWN(0)");
});

Deno.test("owner module info: pointers resolved against the base address, at any byte offset", () => {
  const base = 0x7ff6_1234_0000n;
  const info = { moduleName: "svchost.exe", modulePath: "C:\\Windows\\System32\\svchost.exe" };
  const bytes = encodeOwnerModuleBasicInfo(info, base);
  assert.deepEqual(decodeOwnerModuleBasicInfo(at(bytes, 3), base), info);
  const unicode = { moduleName: "tool.exe", modulePath: "C:\\Users\\Zoë\\日本語\\𝄞.exe" };
  assert.deepEqual(
    decodeOwnerModuleBasicInfo(encodeOwnerModuleBasicInfo(unicode, 0n), 0n),
    unicode,
  );
});

Deno.test("owner module info: pointers outside the buffer, into the header, or unterminated are rejected", () => {
  const base = 0x10000n;
  const good = encodeOwnerModuleBasicInfo({ moduleName: "a.exe", modulePath: "C:\\a.exe" }, base);
  const withPointer = (member: number, pointer: bigint) => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setBigUint64(member, pointer, true);
    return bytes;
  };
  const P = L.TCPIP_OWNER_MODULE_BASIC_INFO;
  const cases: [Uint8Array, RegExp][] = [
    [withPointer(P.pModuleName, 0n), /pModuleName 0x0 should point into bytes 16\.\.\d+/],
    [withPointer(P.pModulePath, base + 8n), /pModulePath 0x10008 .* found offset 8/],
    [withPointer(P.pModuleName, base + BigInt(good.length)), /pModuleName .* found offset \d+/],
    [withPointer(P.pModulePath, base - 16n), /found offset -16/],
    [good.subarray(0, good.length - 2), /pModulePath string at offset \d+ has no terminating NUL/],
    [good.subarray(0, 15), /expected at least 16 bytes, found 15/],
  ];
  for (const [bytes, message] of cases) {
    assert.throws(() => decodeOwnerModuleBasicInfo(bytes, base), { name: "DecodeError", message });
  }
});
