// Issue 10: the decoders and encoders of the unicast address, route,
// neighbour and interface tables and of the TCP and UDP statistics. The
// fixture (tests/fixtures/mingw_netio.c) was built through the real Windows
// structs, so these tests check structs/layout.ts as well as the decoders.
import assert from "node:assert/strict";
import {
  DecodeError,
  decodeIfTable2,
  decodeIpForwardTable2,
  decodeIpNetTable2,
  decodeTcpStatistics,
  decodeTcpStatistics2,
  decodeUdpStatistics,
  decodeUdpStatistics2,
  decodeUnicastIpAddressTable,
  type IfRow2,
  type IpForwardRow2,
  type IpNetRow2,
  type TcpStatistics,
  type UdpStatistics,
  type UnicastIpAddressRow,
} from "../mod.ts";
import {
  base64ToBytes,
  encodeIfTable2,
  encodeIpForwardTable2,
  encodeIpNetTable2,
  encodeTcpStatistics,
  encodeTcpStatistics2,
  encodeUdpStatistics,
  encodeUdpStatistics2,
  encodeUnicastIpAddressTable,
} from "../mock/mod.ts";
import { readUtf16 } from "../structs/_utf16.ts";
import * as L from "../structs/layout.ts";
import capture from "../cli/sample/mingw_netio.capture.json" with { type: "json" };
import expected from "./fixtures/mingw_netio.expected.json" with { type: "json" };
import { at, junk } from "./_bytes.ts";
import { assertRows } from "./_expected.ts";

// ---- the fixture ----------------------------------------------------------

/** The bytes the fixture recorded for `fn` called with `family` (any args when undefined). */
function recorded(fn: string, family?: number): Uint8Array {
  const call = capture.calls.find((c) =>
    c.function === fn && (family === undefined || (c.args as { family?: number }).family === family)
  );
  assert.ok(call, `the fixture records ${fn} ${family ?? ""}`);
  assert.equal(call.status, 0);
  const bytes = base64ToBytes(call.data);
  assert.equal(bytes.length, call.size);
  return bytes;
}

const TABLES = [
  {
    name: "decodeUnicastIpAddressTable",
    structure: "MIB_UNICASTIPADDRESS_TABLE",
    fn: "GetUnicastIpAddressTable",
    decode: decodeUnicastIpAddressTable,
    encode: encodeUnicastIpAddressTable as (rows: readonly never[]) => Uint8Array,
    rowsAt: L.MIB_UNICASTIPADDRESS_TABLE.Table,
    rowSize: L.MIB_UNICASTIPADDRESS_ROW.size,
  },
  {
    name: "decodeIpForwardTable2",
    structure: "MIB_IPFORWARD_TABLE2",
    fn: "GetIpForwardTable2",
    decode: decodeIpForwardTable2,
    encode: encodeIpForwardTable2 as (rows: readonly never[]) => Uint8Array,
    rowsAt: L.MIB_IPFORWARD_TABLE2.Table,
    rowSize: L.MIB_IPFORWARD_ROW2.size,
  },
  {
    name: "decodeIpNetTable2",
    structure: "MIB_IPNET_TABLE2",
    fn: "GetIpNetTable2",
    decode: decodeIpNetTable2,
    encode: encodeIpNetTable2 as (rows: readonly never[]) => Uint8Array,
    rowsAt: L.MIB_IPNET_TABLE2.Table,
    rowSize: L.MIB_IPNET_ROW2.size,
  },
  {
    name: "decodeIfTable2",
    structure: "MIB_IF_TABLE2",
    fn: "GetIfTable2",
    decode: decodeIfTable2,
    encode: encodeIfTable2 as (rows: readonly never[]) => Uint8Array,
    rowsAt: L.MIB_IF_TABLE2.Table,
    rowSize: L.MIB_IF_ROW2.size,
  },
] as const;

const STATISTICS = [
  {
    name: "decodeTcpStatistics2",
    structure: "MIB_TCPSTATS2",
    fn: "GetTcpStatisticsEx2",
    decode: decodeTcpStatistics2 as (bytes: Uint8Array) => object,
    encode: encodeTcpStatistics2 as (value: never) => Uint8Array,
    size: L.MIB_TCPSTATS2.size,
  },
  {
    name: "decodeTcpStatistics",
    structure: "MIB_TCPSTATS",
    fn: "GetTcpStatisticsEx",
    decode: decodeTcpStatistics as (bytes: Uint8Array) => object,
    encode: encodeTcpStatistics as (value: never) => Uint8Array,
    size: L.MIB_TCPSTATS.size,
  },
  {
    name: "decodeUdpStatistics2",
    structure: "MIB_UDPSTATS2",
    fn: "GetUdpStatisticsEx2",
    decode: decodeUdpStatistics2 as (bytes: Uint8Array) => object,
    encode: encodeUdpStatistics2 as (value: never) => Uint8Array,
    size: L.MIB_UDPSTATS2.size,
  },
  {
    name: "decodeUdpStatistics",
    structure: "MIB_UDPSTATS",
    fn: "GetUdpStatisticsEx",
    decode: decodeUdpStatistics as (bytes: Uint8Array) => object,
    encode: encodeUdpStatistics as (value: never) => Uint8Array,
    size: L.MIB_UDPSTATS.size,
  },
] as const;

const FAMILIES = [2, 23] as const;

for (const { name, fn, decode, encode, rowsAt, rowSize } of TABLES) {
  const bytes = recorded(fn);
  const wanted = expected[name] as unknown[];

  Deno.test(`${name}: the mingw-w64 fixture decodes to the values set, member by member`, () => {
    assert.ok(wanted.length >= 4, "the fixture has several rows");
    assertRows(name, decode(bytes), wanted);
  });

  Deno.test(`${name}: the same at odd and even byte offsets`, () => {
    const rows = decode(bytes);
    for (const offset of [1, 2, 3, 5, 7]) assert.deepEqual(decode(at(bytes, offset)), rows);
  });

  Deno.test(`${name}: encode then decode gives the rows back, at any offset`, () => {
    const rows = decode(bytes);
    const encoded = encode(rows as never[]);
    assert.equal(encoded.length, bytes.length, "same size as Windows' table");
    assert.deepEqual(decode(encoded), rows);
    assert.deepEqual(decode(at(encoded, 3)), rows);
    assert.deepEqual([...encoded.subarray(4, rowsAt)], [0, 0, 0, 0], "padding is zero");
  });

  Deno.test(`${name}: bytes after the last row are ignored; an empty table is []`, () => {
    const longer = new Uint8Array(bytes.length + rowSize + 3).fill(0xee);
    longer.set(bytes);
    assert.deepEqual(decode(longer), decode(bytes));
    assert.deepEqual(decode(new Uint8Array(4)), []);
    assert.deepEqual(decode(encode([])), []);
  });
}

for (const { name, fn, decode, size } of STATISTICS) {
  const wanted = expected[name] as Record<string, unknown>;

  Deno.test(`${name}: the mingw-w64 fixture decodes to the values set, for both families`, () => {
    for (const family of FAMILIES) {
      const bytes = recorded(fn, family);
      assert.equal(bytes.length, size);
      const value = decode(bytes);
      assert.ok(!Array.isArray(value), "one object, not an array");
      assertRows(`${name}(${family})`, [value], [wanted[String(family)]]);
      assert.deepEqual(decode(at(bytes, 1)), value);
      assert.deepEqual(decode(at(bytes, 6)), value);
    }
  });
}

Deno.test("fixture: the values the tests rely on are there", () => {
  // If the fixture lost them, the field-by-field tests would still pass.
  const [, ethernet, wifi] = decodeIfTable2(recorded("GetIfTable2"));
  assert.equal(ethernet?.description, 'Intel(R) \ud800 Ethernet "I219-V" \\ \udc00');
  assert.equal(ethernet?.alias, "Ethernet Zoë 日本語 🌐");
  assert.equal(wifi?.alias.length, L.MIB_IF_ROW2.AliasCount, "no NUL: the whole array");
  assert.equal(wifi?.description.length, L.MIB_IF_ROW2.DescriptionCount);
  const routes = decodeIpForwardTable2(recorded("GetIpForwardTable2"));
  const defaults = routes.filter((r) => r.destinationPrefix.prefixLength === 0)
    .map((r) => r.destinationPrefix.prefix.address);
  assert.deepEqual(defaults, ["0.0.0.0", "::"]);
  const neighbours = decodeIpNetTable2(recorded("GetIpNetTable2"));
  assert.deepEqual(neighbours.map((n) => n.physicalAddressLength), [6, 6, 6, 0, 20]);
  const tcp = decodeTcpStatistics2(recorded("GetTcpStatisticsEx2", 2));
  assert.equal(tcp.maxConn, 4294967295);
  assert.equal(tcp.inSegs, 4294967301n);
  assert.equal(decodeTcpStatistics(recorded("GetTcpStatisticsEx", 2)).inSegs, 5n);
  const unicast = decodeUnicastIpAddressTable(recorded("GetUnicastIpAddressTable"));
  assert.deepEqual(unicast[2]?.address, {
    family: 23,
    address: "fe80::215:5dff:fe01:203",
    port: 0,
    flowInfo: 0,
    scopeId: 12,
  });
  assert.equal(unicast[2]?.scopeId, 0x2000000c, "zone 12, ScopeLevelLink");
  assert.equal(unicast[3]?.creationTimeStamp, -1n, "LARGE_INTEGER is signed");
});

// ---- hand-built bytes: members at the layout's offsets ----------------------

/** A one-row table of junk, count 1: the test writes the members it checks. */
function oneRow(rowsAt: number, rowSize: number): { bytes: Uint8Array; view: DataView } {
  const bytes = junk(rowsAt + rowSize);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1, true);
  return { bytes, view };
}

/** Writes a SOCKADDR_IN (junk in sin_zero and the rest of the union left alone). */
function ipv4At(view: DataView, o: number, octets: number[]): void {
  view.setUint16(o + L.SOCKADDR_IN.sin_family, 2, true);
  view.setUint16(o + L.SOCKADDR_IN.sin_port, 0, false);
  octets.forEach((b, i) => view.setUint8(o + L.SOCKADDR_IN.sin_addr + i, b));
}

Deno.test("MIB_IF_ROW2: each InterfaceAndOperStatusFlags bit is its own field", () => {
  const R = L.MIB_IF_ROW2;
  const fields = [
    "hardwareInterface",
    "filterInterface",
    "connectorPresent",
    "notAuthenticated",
    "notMediaConnected",
    "paused",
    "lowPower",
    "endPointInterface",
  ] as const;
  const { bytes, view } = oneRow(L.MIB_IF_TABLE2.Table, R.size);
  const o = L.MIB_IF_TABLE2.Table;
  view.setUint32(o + R.PhysicalAddressLength, 0, true);
  for (let bit = 0; bit < 8; bit++) {
    view.setUint8(o + R.InterfaceAndOperStatusFlags, 1 << bit);
    const [row] = decodeIfTable2(bytes) as [IfRow2];
    for (const [i, field] of fields.entries()) assert.equal(row[field], i === bit, `bit ${bit}`);
    view.setUint8(o + R.InterfaceAndOperStatusFlags, 0xff ^ (1 << bit));
    const [inverse] = decodeIfTable2(bytes) as [IfRow2];
    for (const [i, field] of fields.entries()) assert.equal(inverse[field], i !== bit);
  }
});

Deno.test("MIB_IF_ROW2: GUIDs little-endian then Data4; MACs are the first Length bytes", () => {
  const R = L.MIB_IF_ROW2;
  const { bytes, view } = oneRow(L.MIB_IF_TABLE2.Table, R.size);
  const o = L.MIB_IF_TABLE2.Table;
  bytes.set([4, 3, 2, 1, 6, 5, 8, 7, 9, 10, 11, 12, 13, 14, 15, 16], o + R.InterfaceGuid);
  bytes.set(
    [0xef, 0xbe, 0xad, 0xde, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0xab],
    o + R.NetworkGuid,
  );
  view.setUint32(o + R.PhysicalAddressLength, 3, true);
  bytes.set([0xAB, 0x01, 0x00], o + R.PhysicalAddress); // junk (0xA5) follows
  bytes.set([0x00, 0x00, 0x0f], o + R.PermanentPhysicalAddress);
  view.setUint16(o + R.Alias, 0x41, true);
  view.setUint16(o + R.Alias + 2, 0, true); // junk after the NUL is not text
  view.setUint16(o + R.Description, 0, true);
  const [row] = decodeIfTable2(bytes) as [IfRow2];
  assert.equal(row.interfaceGuid, "01020304-0506-0708-090a-0b0c0d0e0f10");
  assert.equal(row.networkGuid, "deadbeef-0000-ffff-0000-0000000000ab");
  assert.equal(row.physicalAddress, "ab-01-00");
  assert.equal(row.permanentPhysicalAddress, "00-00-0f");
  assert.equal(row.alias, "A");
  assert.equal(row.description, "");
  assert.equal(row.outQLen, 0xa5a5a5a5a5a5a5a5n, "unsigned 64-bit");
  assert.equal(row.tunnelType, -0x5a5a5a5b, "enums are C ints");
  assert.equal(row.type, 0xa5a5a5a5, "IFTYPE is a ULONG");
});

Deno.test("MIB_IPNET_ROW2: IsRouter is bit 0 and IsUnreachable bit 1 of Flags; the rest is ignored", () => {
  const R = L.MIB_IPNET_ROW2;
  const { bytes, view } = oneRow(L.MIB_IPNET_TABLE2.Table, R.size);
  const o = L.MIB_IPNET_TABLE2.Table;
  ipv4At(view, o + R.Address, [10, 1, 2, 3]);
  view.setUint32(o + R.PhysicalAddressLength, 0, true);
  view.setUint32(o + R.ReachabilityTime, 123456, true);
  const cases: [number, boolean, boolean][] = [
    [0b0000_0001, true, false],
    [0b0000_0010, false, true],
    [0b1111_1100, false, false],
    [0b1010_0111, true, true],
  ];
  for (const [flags, isRouter, isUnreachable] of cases) {
    view.setUint8(o + R.Flags, flags);
    const [row] = decodeIpNetTable2(bytes) as [IpNetRow2];
    assert.equal(row.isRouter, isRouter, `flags ${flags}`);
    assert.equal(row.isUnreachable, isUnreachable, `flags ${flags}`);
    assert.equal(row.reachabilityTime, 123456);
    assert.equal(row.physicalAddress, "", "length 0: no bytes, junk ignored");
    assert.equal(row.address.address, "10.1.2.3");
  }
});

Deno.test("MIB_IPNET_ROW2: a 32-byte physical address is the whole array", () => {
  const R = L.MIB_IPNET_ROW2;
  const { bytes, view } = oneRow(L.MIB_IPNET_TABLE2.Table, R.size);
  const o = L.MIB_IPNET_TABLE2.Table;
  ipv4At(view, o + R.Address, [10, 1, 2, 3]);
  view.setUint32(o + R.PhysicalAddressLength, R.PhysicalAddressCount, true);
  for (let i = 0; i < R.PhysicalAddressCount; i++) view.setUint8(o + R.PhysicalAddress + i, i * 8);
  const [row] = decodeIpNetTable2(bytes) as [IpNetRow2];
  assert.equal(
    row.physicalAddress,
    Array.from({ length: 32 }, (_, i) => (i * 8).toString(16).padStart(2, "0")).join("-"),
  );
});

Deno.test("MIB_IPFORWARD_ROW2: DestinationPrefix at 12, its length at 40, NextHop at 44", () => {
  const R = L.MIB_IPFORWARD_ROW2;
  const { bytes, view } = oneRow(L.MIB_IPFORWARD_TABLE2.Table, R.size);
  const o = L.MIB_IPFORWARD_TABLE2.Table;
  ipv4At(view, o + R.DestinationPrefix + L.IP_ADDRESS_PREFIX.Prefix, [172, 16, 0, 0]);
  view.setUint8(o + R.DestinationPrefix + L.IP_ADDRESS_PREFIX.PrefixLength, 12);
  ipv4At(view, o + R.NextHop, [172, 16, 0, 1]);
  view.setUint8(o + R.Immortal, 2);
  view.setUint8(o + R.Publish, 0);
  view.setInt32(o + R.Protocol, 10006, true);
  const [row] = decodeIpForwardTable2(bytes) as [IpForwardRow2];
  assert.deepEqual(row.destinationPrefix, {
    prefix: { family: 2, address: "172.16.0.0", port: 0 },
    prefixLength: 12,
  });
  assert.deepEqual(row.nextHop, { family: 2, address: "172.16.0.1", port: 0 });
  assert.equal(row.immortal, true, "any non-zero BOOLEAN");
  assert.equal(row.publish, false);
  assert.equal(row.loopback, true, "junk 0xA5 is non-zero");
  assert.equal(row.protocol, 10006);
  assert.equal(row.sitePrefixLength, 0xa5);
  assert.equal(Object.keys(row).length, 15, "every member of MIB_IPFORWARD_ROW2, nothing else");
});

Deno.test("MIB_UNICASTIPADDRESS_ROW: SkipAsSource is a byte; CreationTimeStamp signed", () => {
  const R = L.MIB_UNICASTIPADDRESS_ROW;
  const { bytes, view } = oneRow(L.MIB_UNICASTIPADDRESS_TABLE.Table, R.size);
  const o = L.MIB_UNICASTIPADDRESS_TABLE.Table;
  ipv4At(view, o + R.Address, [192, 0, 2, 9]);
  view.setUint8(o + R.OnLinkPrefixLength, 255);
  view.setUint8(o + R.SkipAsSource, 0);
  view.setBigInt64(o + R.CreationTimeStamp, -5n, true);
  view.setUint32(o + R.ScopeId, 0xe0000000, true);
  const [row] = decodeUnicastIpAddressTable(bytes) as [UnicastIpAddressRow];
  assert.equal(row.onLinkPrefixLength, 255);
  assert.equal(row.skipAsSource, false);
  assert.equal(row.creationTimeStamp, -5n);
  assert.equal(row.scopeId, 0xe0000000);
  assert.equal(row.interfaceLuid, 0xa5a5a5a5a5a5a5a5n);
  assert.equal(Object.keys(row).length, 12, "every member, nothing else");
});

Deno.test("statistics: the 32-bit counters widen to bigint; every DWORD is unsigned", () => {
  const tcp = new Uint8Array(L.MIB_TCPSTATS.size).fill(0xff);
  const t = decodeTcpStatistics(tcp);
  assert.equal(t.maxConn, 4294967295);
  assert.equal(t.inSegs, 4294967295n);
  assert.ok(Object.values(t).every((v) => v === 4294967295 || v === 4294967295n));
  assert.equal(Object.keys(t).length, 15);
  const tcp2 = new Uint8Array(L.MIB_TCPSTATS2.size).fill(0xff);
  assert.equal(decodeTcpStatistics2(tcp2).outSegs, 2n ** 64n - 1n);
  const udp = new Uint8Array(L.MIB_UDPSTATS.size);
  new DataView(udp.buffer).setUint32(L.MIB_UDPSTATS.dwOutDatagrams, 0x80000000, true);
  assert.deepEqual(decodeUdpStatistics(udp), {
    inDatagrams: 0n,
    noPorts: 0,
    inErrors: 0,
    outDatagrams: 0x80000000n,
    numAddrs: 0,
  });
  const udp2 = junk(L.MIB_UDPSTATS2.size); // junk in the tail padding too
  new DataView(udp2.buffer).setUint32(L.MIB_UDPSTATS2.dwNumAddrs, 3, true);
  assert.equal(decodeUdpStatistics2(udp2).numAddrs, 3);
  assert.equal(decodeUdpStatistics2(udp2).inDatagrams, 0xa5a5a5a5a5a5a5a5n);
});

// ---- round trips --------------------------------------------------------------

const UNICAST: UnicastIpAddressRow = {
  address: { family: 23, address: "fe80::1", port: 65535, flowInfo: 0xfffff, scopeId: 0xffffffff },
  interfaceLuid: 2n ** 64n - 1n,
  interfaceIndex: 0xffffffff,
  prefixOrigin: 16,
  suffixOrigin: -1,
  validLifetime: 0,
  preferredLifetime: 0xffffffff,
  onLinkPrefixLength: 255,
  skipAsSource: true,
  dadState: 2 ** 31 - 1,
  scopeId: 0xffffffff,
  creationTimeStamp: -(2n ** 63n),
};

const ROUTE: IpForwardRow2 = {
  interfaceLuid: 1n,
  interfaceIndex: 7,
  destinationPrefix: { prefix: { family: 2, address: "0.0.0.0", port: 0 }, prefixLength: 0 },
  nextHop: { family: 23, address: "::ffff:192.0.2.1", port: 0, flowInfo: 0, scopeId: 0 },
  sitePrefixLength: 255,
  validLifetime: 1,
  preferredLifetime: 2,
  metric: 0xffffffff,
  protocol: -(2 ** 31),
  loopback: true,
  autoconfigureAddress: false,
  publish: true,
  immortal: false,
  age: 3,
  origin: 4,
};

const NEIGHBOUR: IpNetRow2 = {
  address: { family: 2, address: "255.255.255.255", port: 1 },
  interfaceIndex: 1,
  interfaceLuid: 0n,
  physicalAddress: Array.from({ length: 32 }, () => "ff").join("-"),
  physicalAddressLength: 32,
  state: 6,
  isRouter: false,
  isUnreachable: true,
  reachabilityTime: 0xffffffff,
};

const IF_ROW: IfRow2 = decodeIfTable2(recorded("GetIfTable2"))[1]!;

const TCP: TcpStatistics = {
  rtoAlgorithm: 4,
  rtoMin: 300,
  rtoMax: 120000,
  maxConn: 0xffffffff,
  activeOpens: 1,
  passiveOpens: 2,
  attemptFails: 3,
  estabResets: 4,
  currEstab: 5,
  inSegs: 0xffffffffn,
  outSegs: 0n,
  retransSegs: 6,
  inErrs: 7,
  outRsts: 8,
  numConns: 9,
};

const UDP: UdpStatistics = {
  inDatagrams: 0xffffffffn,
  noPorts: 0xffffffff,
  inErrors: 0,
  outDatagrams: 1n,
  numAddrs: 2,
};

Deno.test("round trips: extreme values survive encode → decode", () => {
  assert.deepEqual(decodeUnicastIpAddressTable(encodeUnicastIpAddressTable([UNICAST])), [UNICAST]);
  assert.deepEqual(decodeIpForwardTable2(encodeIpForwardTable2([ROUTE, ROUTE])), [ROUTE, ROUTE]);
  assert.deepEqual(decodeIpNetTable2(encodeIpNetTable2([NEIGHBOUR])), [NEIGHBOUR]);
  const flipped: IfRow2 = {
    ...IF_ROW,
    hardwareInterface: !IF_ROW.hardwareInterface,
    lowPower: !IF_ROW.lowPower,
    physicalAddressLength: 0,
    physicalAddress: "",
    permanentPhysicalAddress: "",
    interfaceGuid: "ABCDEF01-2345-6789-ABCD-EF0123456789",
    outQLen: 2n ** 64n - 1n,
  };
  assert.deepEqual(decodeIfTable2(encodeIfTable2([IF_ROW, flipped])), [
    IF_ROW,
    { ...flipped, interfaceGuid: "abcdef01-2345-6789-abcd-ef0123456789" },
  ]);
  assert.deepEqual(decodeTcpStatistics(encodeTcpStatistics(TCP)), TCP);
  assert.deepEqual(decodeTcpStatistics2(encodeTcpStatistics2(TCP)), TCP);
  const big = { ...TCP, inSegs: 2n ** 64n - 1n, outSegs: 2n ** 32n };
  assert.deepEqual(decodeTcpStatistics2(at(encodeTcpStatistics2(big), 5)), big);
  assert.deepEqual(decodeUdpStatistics(encodeUdpStatistics(UDP)), UDP);
  assert.deepEqual(decodeUdpStatistics2(encodeUdpStatistics2(UDP)), UDP);
  const bigUdp = { ...UDP, inDatagrams: 2n ** 63n, outDatagrams: 2n ** 64n - 1n };
  assert.deepEqual(decodeUdpStatistics2(at(encodeUdpStatistics2(bigUdp), 3)), bigUdp);
});

Deno.test("round trips: the statistics fixture re-encodes to the same decoded values", () => {
  for (const { fn, decode, encode } of STATISTICS) {
    for (const family of FAMILIES) {
      const value = decode(recorded(fn, family));
      assert.deepEqual(decode(encode(value as never)), value, `${fn}(${family})`);
    }
  }
});

Deno.test("lone surrogates and NUL-less arrays survive alias and description exactly", () => {
  const texts = [
    "\ud800",
    "\udfff",
    "a\udc00\ud800b",
    "\ud83d\ude00\ud83d",
    "x".repeat(256) + "\ud800", // 257 units: the whole array, no NUL
    "",
  ];
  for (const text of texts) {
    const [row] = decodeIfTable2(encodeIfTable2([{ ...IF_ROW, alias: text, description: text }]));
    assert.equal(row?.alias, text, JSON.stringify(text));
    assert.equal(row?.description, text);
    assert.equal(row?.alias.length, text.length);
  }
});

Deno.test("readUtf16: unit by unit across its chunks, lone surrogates kept", () => {
  const units = Array.from({ length: 1500 }, (_, i) => 0x41 + (i % 26));
  units[511] = 0xd83d; // a pair split across the first chunk boundary
  units[512] = 0xde00;
  units[1023] = 0xdc00; // a lone low surrogate at the second boundary's end
  units[1024] = 0xd800; // and a lone high one after it
  const view = new DataView(new ArrayBuffer(3 + 2 * units.length + 2), 3);
  units.forEach((u, i) => view.setUint16(2 * i, u, true));
  const text = readUtf16(view, 0, units.length);
  assert.equal(text.length, units.length);
  for (let i = 0; i < units.length; i++) assert.equal(text.charCodeAt(i), units[i], `unit ${i}`);
  assert.equal(readUtf16(view, 0, 511), text.slice(0, 511));
  view.setUint16(2 * 700, 0, true);
  assert.equal(readUtf16(view, 0, units.length), text.slice(0, 700), "stops at the NUL");
  assert.equal(readUtf16(view, 2 * 700, units.length - 700), "");
});

// ---- errors ---------------------------------------------------------------------

for (const { name, structure, fn, decode, rowsAt, rowSize } of TABLES) {
  const bytes = recorded(fn);
  const count = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);

  Deno.test(`${name}: a truncated table is a DecodeError naming both sizes`, () => {
    assert.throws(() => decode(bytes.subarray(0, bytes.length - 1)), {
      name: "DecodeError",
      message:
        `${structure}: ${count} rows of ${rowSize} bytes from offset ${rowsAt} need ${bytes.length} bytes, found ${
          bytes.length - 1
        }`,
    });
    for (const length of [0, 1, 3]) {
      assert.throws(() => decode(at(new Uint8Array(length), 1)), {
        name: "DecodeError",
        message: `${structure}: expected at least 4 bytes for the row count, found ${length}`,
      });
    }
  });

  Deno.test(`${name}: a lying row count fails fast, before any row is read`, () => {
    for (const lie of [count + 1, 0xffffffff]) {
      const liar = bytes.slice();
      new DataView(liar.buffer).setUint32(0, lie, true);
      assert.throws(() => decode(liar), (error) => {
        assert.ok(error instanceof DecodeError);
        assert.equal(error.structure, structure);
        assert.match(error.message, new RegExp(`^${structure}: ${lie} rows of ${rowSize} bytes`));
        return true;
      });
    }
  });

  Deno.test(`${name}: anything but a Uint8Array is a TypeError`, () => {
    const others: unknown[] = [
      bytes.buffer,
      new DataView(bytes.buffer),
      new Uint16Array(bytes.buffer.slice(0, bytes.length & ~1)),
      Array.from(bytes),
      "AAAA",
      null,
      undefined,
      42,
    ];
    for (const other of others) {
      assert.throws(() => (decode as (b: unknown) => unknown)(other), {
        name: "TypeError",
        message: new RegExp(`^${structure}: expected the bytes as a Uint8Array, found `),
      }, String(other));
    }
  });
}

for (const { structure, fn, decode, size } of STATISTICS) {
  Deno.test(`${structure}: shorter than ${size} bytes is a DecodeError; longer is fine`, () => {
    const bytes = recorded(fn, 2);
    for (const length of [0, 1, size - 1]) {
      assert.throws(() => decode(at(bytes.subarray(0, length), 1)), {
        name: "DecodeError",
        message: `${structure}: expected at least ${size} bytes, found ${length}`,
      });
    }
    const longer = new Uint8Array(size + 9).fill(0xff);
    longer.set(bytes);
    assert.deepEqual(decode(longer), decode(bytes));
    for (const other of [bytes.buffer, new DataView(bytes.buffer), null, [...bytes]]) {
      assert.throws(() => (decode as (b: unknown) => unknown)(other), {
        name: "TypeError",
        message: new RegExp(`^${structure}: expected the bytes as a Uint8Array`),
      });
    }
  });
}

Deno.test("a PhysicalAddressLength larger than the array is a DecodeError", () => {
  const net = recorded("GetIpNetTable2");
  const netRow = (i: number) => L.MIB_IPNET_TABLE2.Table + i * L.MIB_IPNET_ROW2.size;
  for (const length of [33, 0x100, 0xffffffff]) {
    const bad = net.slice();
    new DataView(bad.buffer).setUint32(
      netRow(1) + L.MIB_IPNET_ROW2.PhysicalAddressLength,
      length,
      true,
    );
    assert.throws(() => decodeIpNetTable2(bad), {
      name: "DecodeError",
      message:
        `MIB_IPNET_TABLE2.Table[1].PhysicalAddressLength: expected at most 32 (IF_MAX_PHYS_ADDRESS_LENGTH), found ${length}`,
    });
  }
  const ifs = recorded("GetIfTable2");
  const bad = ifs.slice();
  const ifRow = L.MIB_IF_TABLE2.Table + 2 * L.MIB_IF_ROW2.size;
  new DataView(bad.buffer).setUint32(ifRow + L.MIB_IF_ROW2.PhysicalAddressLength, 33, true);
  assert.throws(() => decodeIfTable2(bad), {
    name: "DecodeError",
    message: /^MIB_IF_TABLE2\.Table\[2\]\.PhysicalAddressLength: expected at most 32 .*found 33$/,
  });
});

Deno.test("an unknown address family is a DecodeError naming the member", () => {
  const cases = [
    {
      decode: decodeUnicastIpAddressTable,
      bytes: recorded("GetUnicastIpAddressTable"),
      at: L.MIB_UNICASTIPADDRESS_TABLE.Table + L.MIB_UNICASTIPADDRESS_ROW.size,
      member: "MIB_UNICASTIPADDRESS_TABLE.Table[1].Address",
    },
    {
      decode: decodeIpForwardTable2,
      bytes: recorded("GetIpForwardTable2"),
      at: L.MIB_IPFORWARD_TABLE2.Table + L.MIB_IPFORWARD_ROW2.DestinationPrefix,
      member: "MIB_IPFORWARD_TABLE2.Table[0].DestinationPrefix.Prefix",
    },
    {
      decode: decodeIpForwardTable2,
      bytes: recorded("GetIpForwardTable2"),
      at: L.MIB_IPFORWARD_TABLE2.Table + 4 * L.MIB_IPFORWARD_ROW2.size +
        L.MIB_IPFORWARD_ROW2.NextHop,
      member: "MIB_IPFORWARD_TABLE2.Table[4].NextHop",
    },
    {
      decode: decodeIpNetTable2,
      bytes: recorded("GetIpNetTable2"),
      at: L.MIB_IPNET_TABLE2.Table + 2 * L.MIB_IPNET_ROW2.size,
      member: "MIB_IPNET_TABLE2.Table[2].Address",
    },
  ];
  for (const { decode, bytes, at: offset, member } of cases) {
    for (const family of [0, 10, 0xffff]) {
      const bad = bytes.slice();
      new DataView(bad.buffer).setUint16(offset, family, true);
      assert.throws(() => decode(bad), {
        name: "DecodeError",
        message: `${member}: expected address family AF_INET (2) or AF_INET6 (23), found ${family}`,
      });
    }
  }
});

Deno.test("encoders refuse values their members cannot hold, naming the field", () => {
  const cases: [() => unknown, RegExp][] = [
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, interfaceIndex: 2 ** 32 }]),
      /^MIB_UNICASTIPADDRESS_ROW\.interfaceIndex: expected an integer from 0 to 4294967295, found 4294967296$/,
    ],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, onLinkPrefixLength: 256 }]),
      /^MIB_UNICASTIPADDRESS_ROW\.onLinkPrefixLength: .* 0 to 255, found 256$/,
    ],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, validLifetime: -1 }]),
      /\.validLifetime: .*found -1$/,
    ],
    [() => encodeUnicastIpAddressTable([{ ...UNICAST, scopeId: 1.5 }]), /\.scopeId: .*found 1\.5$/],
    [() => encodeUnicastIpAddressTable([{ ...UNICAST, dadState: 2 ** 31 }]), /\.dadState: /],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, interfaceLuid: 2n ** 64n }]),
      /\.interfaceLuid: expected a bigint from 0 to 18446744073709551615, found 18446744073709551616n$/,
    ],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, interfaceLuid: -1n }]),
      /\.interfaceLuid: .*found -1n$/,
    ],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, creationTimeStamp: 2n ** 63n }]),
      /\.creationTimeStamp: /,
    ],
    [
      () => encodeUnicastIpAddressTable([{ ...UNICAST, skipAsSource: 1 as unknown as boolean }]),
      /\.skipAsSource: expected a boolean, found 1$/,
    ],
    [
      () =>
        encodeUnicastIpAddressTable([{
          ...UNICAST,
          address: { family: 2, address: "10.0.0.1", port: 65536 },
        }]),
      /^MIB_UNICASTIPADDRESS_ROW\.address\.port: .*found 65536$/,
    ],
    [
      () =>
        encodeUnicastIpAddressTable([{
          ...UNICAST,
          address: { family: 10 as 23, address: "::1", port: 0, flowInfo: 0, scopeId: 0 },
        }]),
      /\.address\.family: expected AF_INET \(2\) or AF_INET6 \(23\), found 10$/,
    ],
    [
      () =>
        encodeUnicastIpAddressTable([{
          ...UNICAST,
          address: { family: 23, address: "::1", port: 0, flowInfo: 2 ** 32, scopeId: 0 },
        }]),
      /\.address\.flowInfo: /,
    ],
    [
      () =>
        encodeUnicastIpAddressTable([{
          ...UNICAST,
          address: { family: 2, address: "10.0.0.256", port: 0 },
        }]),
      /\.address\.address: not an IPv4 address/,
    ],
    [
      () =>
        encodeIpForwardTable2([{
          ...ROUTE,
          destinationPrefix: { ...ROUTE.destinationPrefix, prefixLength: 256 },
        }]),
      /^MIB_IPFORWARD_ROW2\.destinationPrefix\.prefixLength: /,
    ],
    [
      () =>
        encodeIpForwardTable2([{
          ...ROUTE,
          destinationPrefix: { ...ROUTE.destinationPrefix, prefix: { ...ROUTE.nextHop, port: -1 } },
        }]),
      /^MIB_IPFORWARD_ROW2\.destinationPrefix\.prefix\.port: /,
    ],
    [() => encodeIpForwardTable2([{ ...ROUTE, metric: 2 ** 32 }]), /\.metric: /],
    [() => encodeIpForwardTable2([{ ...ROUTE, sitePrefixLength: -1 }]), /\.sitePrefixLength: /],
    [() => encodeIpForwardTable2([{ ...ROUTE, origin: NaN }]), /\.origin: .*found NaN$/],
    [
      () =>
        encodeIpForwardTable2([{ ...ROUTE, nextHop: { ...ROUTE.nextHop, address: "fe80::1::2" } }]),
      /^MIB_IPFORWARD_ROW2\.nextHop\.address: not an IPv6 address/,
    ],
    [
      () => encodeIpNetTable2([{ ...NEIGHBOUR, physicalAddressLength: 6 }]),
      /^MIB_IPNET_ROW2\.physicalAddress: physicalAddressLength is 6, but the address has 32 bytes$/,
    ],
    [
      () =>
        encodeIpNetTable2([{
          ...NEIGHBOUR,
          physicalAddress: NEIGHBOUR.physicalAddress + "-00",
          physicalAddressLength: 33,
        }]),
      /^MIB_IPNET_ROW2\.physicalAddress: expected at most 32 bytes, found 33$/,
    ],
    [
      () =>
        encodeIpNetTable2([{
          ...NEIGHBOUR,
          physicalAddress: "00:15:5d:01:02:03",
          physicalAddressLength: 6,
        }]),
      /^MIB_IPNET_ROW2\.physicalAddress: expected hex pairs joined by "-"/,
    ],
    [
      () => encodeIpNetTable2([{ ...NEIGHBOUR, physicalAddressLength: 2 ** 32 }]),
      /^MIB_IPNET_ROW2\.physicalAddressLength: /,
    ],
    [
      () => encodeIpNetTable2([{ ...NEIGHBOUR, reachabilityTime: 2 ** 32 }]),
      /\.reachabilityTime: /,
    ],
    [
      () => encodeIpNetTable2([{ ...NEIGHBOUR, isRouter: "yes" as unknown as boolean }]),
      /^MIB_IPNET_ROW2\.isRouter: expected a boolean, found "yes"$/,
    ],
    [
      () => encodeIfTable2([{ ...IF_ROW, alias: "x".repeat(258) }]),
      /^MIB_IF_ROW2\.alias: expected at most 257 UTF-16 code units, found 258$/,
    ],
    [
      () => encodeIfTable2([{ ...IF_ROW, description: "a\0b" }]),
      /^MIB_IF_ROW2\.description: a NUL at 1 would end the text there$/,
    ],
    [
      () =>
        encodeIfTable2([{ ...IF_ROW, interfaceGuid: "{6b29fc40-ca47-1067-b31d-00dd010662da}" }]),
      /^MIB_IF_ROW2\.interfaceGuid: expected a GUID as 8-4-4-4-12 hex digits/,
    ],
    [() => encodeIfTable2([{ ...IF_ROW, networkGuid: "6b29fc40" }]), /^MIB_IF_ROW2\.networkGuid: /],
    [
      () => encodeIfTable2([{ ...IF_ROW, permanentPhysicalAddress: "00-15" }]),
      /^MIB_IF_ROW2\.permanentPhysicalAddress: physicalAddressLength is 6, but the address has 2/,
    ],
    [() => encodeIfTable2([{ ...IF_ROW, inOctets: 2n ** 64n }]), /^MIB_IF_ROW2\.inOctets: /],
    [() => encodeIfTable2([{ ...IF_ROW, outQLen: -1n }]), /^MIB_IF_ROW2\.outQLen: /],
    [
      () => encodeIfTable2([{ ...IF_ROW, transmitLinkSpeed: 1 as unknown as bigint }]),
      /^MIB_IF_ROW2\.transmitLinkSpeed: expected a bigint .*found 1$/,
    ],
    [() => encodeIfTable2([{ ...IF_ROW, operStatus: -(2 ** 31) - 1 }]), /\.operStatus: /],
    [() => encodeIfTable2([{ ...IF_ROW, type: -1 }]), /^MIB_IF_ROW2\.type: /],
    [() => encodeIfTable2([{ ...IF_ROW, paused: undefined as unknown as boolean }]), /\.paused: /],
    [
      () => encodeTcpStatistics({ ...TCP, inSegs: 2n ** 32n }),
      /^MIB_TCPSTATS\.inSegs: expected a bigint from 0 to 4294967295, found 4294967296n$/,
    ],
    [() => encodeTcpStatistics({ ...TCP, outSegs: 2n ** 40n }), /^MIB_TCPSTATS\.outSegs: /],
    [() => encodeTcpStatistics({ ...TCP, maxConn: -1 }), /^MIB_TCPSTATS\.maxConn: .*found -1$/],
    [() => encodeTcpStatistics2({ ...TCP, inSegs: 2n ** 64n }), /^MIB_TCPSTATS2\.inSegs: /],
    [() => encodeTcpStatistics2({ ...TCP, rtoMin: 2 ** 32 }), /^MIB_TCPSTATS2\.rtoMin: /],
    [
      () => encodeUdpStatistics({ ...UDP, outDatagrams: 2n ** 32n }),
      /^MIB_UDPSTATS\.outDatagrams: expected a bigint from 0 to 4294967295/,
    ],
    [() => encodeUdpStatistics({ ...UDP, inDatagrams: -1n }), /^MIB_UDPSTATS\.inDatagrams: /],
    [() => encodeUdpStatistics2({ ...UDP, numAddrs: 2 ** 32 }), /^MIB_UDPSTATS2\.numAddrs: /],
    [
      () => encodeUdpStatistics2({ ...UDP, outDatagrams: 2n ** 64n }),
      /^MIB_UDPSTATS2\.outDatagrams: /,
    ],
  ];
  for (const [encode, message] of cases) {
    assert.throws(encode, { name: "TypeError", message }, String(message));
  }
  // The limits themselves are accepted.
  encodeTcpStatistics({ ...TCP, inSegs: 2n ** 32n - 1n, outSegs: 2n ** 32n - 1n });
  encodeUdpStatistics({ ...UDP, inDatagrams: 2n ** 32n - 1n, outDatagrams: 0n });
  encodeIfTable2([{ ...IF_ROW, alias: "x".repeat(257), inOctets: 2n ** 64n - 1n }]);
});

Deno.test("the 64-bit fixture counters do not fit the 32-bit forms", () => {
  const tcp = decodeTcpStatistics2(recorded("GetTcpStatisticsEx2", 2));
  assert.throws(() => encodeTcpStatistics(tcp), {
    name: "TypeError",
    message: "MIB_TCPSTATS.inSegs: expected a bigint from 0 to 4294967295, found 4294967301n",
  });
  const udp = decodeUdpStatistics2(recorded("GetUdpStatisticsEx2", 2));
  assert.throws(() => encodeUdpStatistics(udp), { name: "TypeError", message: /inDatagrams/ });
});
