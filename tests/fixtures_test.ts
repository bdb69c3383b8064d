// Replays the recorded fixtures through the mock and the public API, and
// compares with what their producers recorded: the sockets tests/fixtures/
// record.ts opened under Wine 10, and the values tests/fixtures/mingw_tables.c
// wrote through the real Windows structs.
import assert from "node:assert/strict";
import {
  getAnycastIpAddressTable,
  getExtendedTcpTable,
  getIpInterfaceTable,
  getOwnerModuleFromTcpEntry,
  getTcpTable,
  getTcpTable2,
  IpHelperError,
  TcpState,
} from "../mod.ts";
import { createMock } from "../mock/mod.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import mingwExpected from "./fixtures/mingw.expected.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import wineExpected from "./fixtures/wine10.expected.json" with { type: "json" };
import type { Capture } from "../mock/mod.ts";
import { plain } from "./_expected.ts";

const endpoint = (addr: string, port: number) => `${addr}:${port}`;

Deno.test("wine10: the recorded TCP tables hold the recorder's listeners and connections, with its PID", () => {
  const mock = createMock(wine as Capture);
  const rows = getTcpTable2({ symbols: mock.symbols });
  const listening = rows.filter((r) => r.state === TcpState.LISTEN);
  assert.deepEqual(
    listening.map((r) => endpoint(r.localAddr, r.localPort)).sort(),
    [...wineExpected.listen].sort(),
  );
  const established = rows.filter((r) => r.state === TcpState.ESTABLISHED)
    .map((r) => [endpoint(r.localAddr, r.localPort), endpoint(r.remoteAddr, r.remotePort)]);
  assert.deepEqual(established.sort(), [...wineExpected.established].sort());
  assert.ok(rows.every((r) => r.owningPid === wineExpected.owningPid && r.offloadState === 0));
  assert.equal(rows.length, wineExpected.listen.length + wineExpected.established.length);
});

Deno.test("wine10: GetTcpTable and both GetExtendedTcpTable classes list the same connections", () => {
  const { symbols } = createMock(wine as Capture);
  const key = (
    r: {
      state: number;
      localAddr: string;
      localPort: number;
      remoteAddr: string;
      remotePort: number;
    },
  ) => `${r.state} ${endpoint(r.localAddr, r.localPort)} ${endpoint(r.remoteAddr, r.remotePort)}`;
  const basic = getTcpTable({ symbols }).map(key);
  assert.deepEqual(getTcpTable2({ symbols }).map(key), basic);
  const pid = getExtendedTcpTable({ symbols });
  assert.deepEqual(pid.map(key), basic);
  assert.ok(pid.every((r) => r.owningPid === wineExpected.owningPid));
  const module = getExtendedTcpTable({ symbols, owner: "module" });
  assert.deepEqual(module.map(key), basic);
  // Wine fills no owner-module fields.
  assert.ok(
    module.every((r) => r.createTimestamp === 0n && r.owningModuleInfo.every((w) => w === 0n)),
  );
});

Deno.test("wine10: what Wine lacks replays as the same errors, and anycast is empty", () => {
  const mock = createMock(wine as Capture);
  const { symbols } = mock;
  assert.equal(symbols.GetOwnerModuleFromTcpEntry, null);
  const [row] = getExtendedTcpTable({ symbols, owner: "module" });
  assert.throws(() => getOwnerModuleFromTcpEntry(row!, { symbols }), {
    name: "IpHelperError",
    functionName: "GetOwnerModuleFromTcpEntry",
    code: 127,
    codeName: "ERROR_PROC_NOT_FOUND",
    message: /not supported on this system/i,
  });
  for (const family of ["all", "ipv4", "ipv6"] as const) {
    assert.throws(() => getIpInterfaceTable({ symbols, family }), {
      name: "IpHelperError",
      message: /^GetIpInterfaceTable failed: ERROR_NOT_SUPPORTED \(50\)\./,
    });
    assert.deepEqual(getAnycastIpAddressTable({ symbols, family }), []);
  }
  assert.equal(mock.stats.allocations, 3);
  assert.equal(mock.stats.frees, 3);
  assert.equal(mock.stats.live, 0);
});

Deno.test("mingw: the interface and anycast tables decode to the values the C program set", () => {
  const mock = createMock(mingw as Capture);
  const { symbols } = mock;
  for (const [family, value] of [["all", "0"], ["ipv4", "2"], ["ipv6", "23"]] as const) {
    assert.deepEqual(
      plain(getIpInterfaceTable({ symbols, family })),
      mingwExpected.GetIpInterfaceTable[value],
      `GetIpInterfaceTable(${family})`,
    );
    assert.deepEqual(
      plain(getAnycastIpAddressTable({ symbols, family })),
      mingwExpected.GetAnycastIpAddressTable[value],
      `GetAnycastIpAddressTable(${family})`,
    );
  }
  assert.equal(mock.stats.live, 0);
  assert.equal(mock.stats.frees, 6);
});

Deno.test("mingw: owner-module rows (junk in the port upper bits) and their modules", () => {
  const { symbols } = createMock(mingw as Capture);
  const rows = getExtendedTcpTable({ symbols, owner: "module" });
  assert.deepEqual(plain(rows), mingwExpected.GetExtendedTcpTable);
  for (const expected of mingwExpected.GetOwnerModuleFromTcpEntry) {
    const row = rows[expected.row]!;
    if (expected.status === 0) {
      assert.deepEqual(getOwnerModuleFromTcpEntry(row, { symbols }), {
        moduleName: expected.moduleName,
        modulePath: expected.modulePath,
      });
    } else {
      assert.throws(() => getOwnerModuleFromTcpEntry(row, { symbols }), (error) => {
        assert.ok(error instanceof IpHelperError);
        assert.equal(error.code, expected.status);
        assert.equal(error.codeName, "ERROR_PARTIAL_COPY");
        assert.match(error.advice, /elevated/);
        return true;
      });
    }
  }
  // The TIME_WAIT row has no process: Windows answers ERROR_NOT_FOUND.
  const closed = rows.find((r) => r.state === TcpState.TIME_WAIT)!;
  assert.throws(() => getOwnerModuleFromTcpEntry(closed, { symbols }), {
    codeName: "ERROR_NOT_FOUND",
    message: /socket closed/,
  });
});
