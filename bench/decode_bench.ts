// Decode throughput of every decoder, the TcpTable2View scan, and
// getTcpTable2 end to end through the mock. Run with `deno bench bench/`;
// divide a time per iteration by the rows in the bench's name for ns/row.
import assert from "node:assert/strict";
import {
  decodeAnycastIpAddressTable,
  decodeIpInterfaceTable,
  decodeOwnerModuleBasicInfo,
  decodeTcpTable,
  decodeTcpTable2,
  decodeTcpTableOwnerModule,
  decodeTcpTableOwnerPid,
  getTcpTable2,
  TcpState,
  TcpTable2View,
} from "../mod.ts";
import { bytesToBase64, createMock, encodeOwnerModuleBasicInfo } from "../mock/mod.ts";
import { decodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import { decodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
import { decodeUdp6TableOwnerPid } from "../structs/udp6_table_owner_pid.ts";
import { countHttps, countHttpsWithAccessors } from "./_scan.ts";
import {
  anycastTable,
  busyTcpTables,
  distinctPeerPool,
  encodeBusyTcp6Table,
  encodeBusyUdp6Table,
  encodeBusyUdpTable,
  ipInterfaceTable,
  SIZES,
} from "./_tables.ts";

/** `1000` → `"1k rows"`, for bench names. */
const label = (rows: number) => `${rows / 1000}k rows`;

for (const rows of SIZES) {
  const tables = busyTcpTables(rows);
  const group = `TCP tables, ${label(rows)}`;
  Deno.bench(`decodeTcpTable2 ${label(rows)}`, { group, baseline: true }, () => {
    decodeTcpTable2(tables.tcp2);
  });
  Deno.bench(`TcpTable2View.count (ESTABLISHED, port 443) ${label(rows)}`, { group }, () => {
    countHttps(tables.tcp2);
  });
  Deno.bench(`TcpTable2View accessors (ESTABLISHED, port 443) ${label(rows)}`, { group }, () => {
    countHttpsWithAccessors(tables.tcp2);
  });
  Deno.bench(`TcpTable2View row(i) of every LISTEN row ${label(rows)}`, { group }, () => {
    const table = new TcpTable2View(tables.tcp2);
    const listeners = [];
    for (let i = 0; i < table.length; i++) {
      if (table.state(i) === TcpState.LISTEN) listeners.push(table.row(i));
    }
  });
  Deno.bench(`decodeTcpTable ${label(rows)}`, { group }, () => {
    decodeTcpTable(tables.tcp);
  });
  Deno.bench(`decodeTcpTableOwnerPid ${label(rows)}`, { group }, () => {
    decodeTcpTableOwnerPid(tables.ownerPid);
  });
  Deno.bench(`decodeTcpTableOwnerModule ${label(rows)}`, { group }, () => {
    decodeTcpTableOwnerModule(tables.ownerModule);
  });
}

for (const rows of SIZES) {
  // A pool in which no peer repeats, one table per iteration: the memo is cold.
  const pool = distinctPeerPool(rows);
  const size = pool.length / Math.round(pool.length / (4 + 28 * rows));
  let next = 0;
  Deno.bench(
    `decodeTcpTable2 ${label(rows)}, every remote address new`,
    { group: "TCP table 2, no repeated addresses" },
    () => {
      decodeTcpTable2(pool.subarray(next, next + size));
      next = next + size < pool.length ? next + size : 0;
    },
  );
}

for (const rows of SIZES) {
  const tcp6 = encodeBusyTcp6Table(rows);
  const udp = encodeBusyUdpTable(rows);
  const udp6 = encodeBusyUdp6Table(rows);
  const group = `IPv6 and UDP tables, ${label(rows)}`;
  Deno.bench(`decodeTcp6Table2 ${label(rows)}`, { group }, () => {
    decodeTcp6Table2(tcp6);
  });
  Deno.bench(`decodeUdpTableOwnerPid ${label(rows)}`, { group }, () => {
    decodeUdpTableOwnerPid(udp);
  });
  Deno.bench(`decodeUdp6TableOwnerPid ${label(rows)}`, { group }, () => {
    decodeUdp6TableOwnerPid(udp6);
  });
}

for (const rows of SIZES) {
  const interfaces = ipInterfaceTable(rows);
  const anycast = anycastTable(rows);
  const group = `netioapi tables, ${label(rows)}`;
  Deno.bench(`decodeIpInterfaceTable ${label(rows)}`, { group }, () => {
    decodeIpInterfaceTable(interfaces);
  });
  Deno.bench(`decodeAnycastIpAddressTable ${label(rows)}`, { group }, () => {
    decodeAnycastIpAddressTable(anycast);
  });
}

{
  const base = 0x7ff6_1234_0000n;
  const info = encodeOwnerModuleBasicInfo({
    moduleName: "svchost.exe",
    modulePath: "C:\\Windows\\System32\\svchost.exe",
  }, base);
  Deno.bench("decodeOwnerModuleBasicInfo (one call's buffer)", () => {
    decodeOwnerModuleBasicInfo(info, base);
  });
}

// Not at 200k rows: mock/base64.ts's validating regex overflows V8's stack on a
// 7.5 MB capture (reported; not this bench's file).
for (const rows of SIZES.filter((rows) => rows < 200_000)) {
  const { tcp2 } = busyTcpTables(rows);
  const mock = createMock({
    format: "iphlpapi-capture",
    version: 1,
    producer: "bench/decode_bench.ts",
    calls: [{ function: "GetTcpTable2", args: {}, status: 0, data: bytesToBase64(tcp2) }],
  });
  const options = { symbols: mock.symbols };
  getTcpTable2(options); // learns the size: a probe and a call
  const before = mock.stats.calls.GetTcpTable2;
  assert.equal(getTcpTable2(options).length, rows);
  const perCall = mock.stats.calls.GetTcpTable2 - before;
  console.log(`getTcpTable2, ${label(rows)}: ${perCall} FFI call(s) per call in the steady state`);
  assert.equal(perCall, 1);
  Deno.bench(`getTcpTable2 through the mock, ${label(rows)}`, { group: "end to end" }, () => {
    getTcpTable2(options);
  });
}
