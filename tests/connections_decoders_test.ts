// The IPv6 TCP and the UDP table decoders and encoders, against the tables
// tests/fixtures/mingw_connections.c built through the real Windows structs
// (junk in padding, port upper bits and listeners' remote members), decoded
// straight from the capture's base64: the mock does not replay these yet.
import assert from "node:assert/strict";
import { DecodeError } from "../structs/decode_error.ts";
import * as L from "../structs/layout.ts";
import { decodeTcp6Table, encodeTcp6Table } from "../structs/tcp6_table.ts";
import { decodeTcp6Table2, encodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import {
  decodeTcp6TableOwnerModule,
  encodeTcp6RowOwnerModule,
  encodeTcp6TableOwnerModule,
} from "../structs/tcp6_table_owner_module.ts";
import {
  decodeTcp6TableOwnerPid,
  encodeTcp6TableOwnerPid,
} from "../structs/tcp6_table_owner_pid.ts";
import { decodeUdpTable, encodeUdpTable } from "../structs/udp_table.ts";
import {
  decodeUdpTableOwnerModule,
  encodeUdpRowOwnerModule,
  encodeUdpTableOwnerModule,
} from "../structs/udp_table_owner_module.ts";
import { decodeUdpTableOwnerPid, encodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
import { decodeUdp6Table, encodeUdp6Table } from "../structs/udp6_table.ts";
import {
  decodeUdp6TableOwnerModule,
  encodeUdp6RowOwnerModule,
  encodeUdp6TableOwnerModule,
} from "../structs/udp6_table_owner_module.ts";
import {
  decodeUdp6TableOwnerPid,
  encodeUdp6TableOwnerPid,
} from "../structs/udp6_table_owner_pid.ts";
import type { Tcp6Row2 } from "../structs/tcp6_row.ts";
import { formatIpv6 } from "../structs/_address.ts";
import { base64ToBytes } from "../mock/base64.ts";
import { at } from "./_bytes.ts";
import { seeded } from "./_random.ts";
import fixture from "../cli/sample/mingw_connections.capture.json" with { type: "json" };
import expectedJson from "./fixtures/mingw_connections.expected.json" with { type: "json" };

type Row = Record<string, unknown>;

/** A row of the expected file with its 64-bit values as bigints, as the decoders give them. */
function revive(row: Row): Row {
  const out: Row = { ...row };
  if ("createTimestamp" in row) out.createTimestamp = BigInt(row.createTimestamp as string);
  if ("owningModuleInfo" in row) {
    out.owningModuleInfo = (row.owningModuleInfo as string[]).map((word) => BigInt(word));
  }
  return out;
}

const MODULE_INFO = 8 * L.MIB_TCP6ROW_OWNER_MODULE.OwningModuleInfoCount;

/** One table kind: its functions, its capture call, and which bytes of a row are defined. */
interface Case {
  decoder: string;
  decode(bytes: Uint8Array): Row[];
  encoder: string;
  encode(rows: readonly Row[]): Uint8Array;
  /** The row encoder of the owner-module tables. */
  encodeRow?: { name: string; encode(row: Row): Uint8Array };
  function: string;
  args: Record<string, unknown>;
  structure: string;
  rowsAt: number;
  rowSize: number;
  /** Row members the decoder reads: offset and the bytes that are defined (2 for a port DWORD). */
  members: [offset: number, size: number][];
  /** TCP: offset of the state, and the remote members, undefined in a LISTEN row. */
  listen?: { state: number; remote: [offset: number, size: number][] };
  /** The row properties, in order. */
  fields: string[];
  ipv4?: boolean;
}

const TCP6_FIELDS = [
  "localAddr",
  "localScopeId",
  "localPort",
  "remoteAddr",
  "remoteScopeId",
  "remotePort",
  "state",
  "owningPid",
];
const UDP_MODULE_FIELDS = [
  "owningPid",
  "createTimestamp",
  "specificPortBind",
  "flags",
  "owningModuleInfo",
];
const EXTENDED_TCP6 = { order: true, family: 23 };

const tcp6Remote = (addr: number, scope: number, port: number): [number, number][] => [
  [addr, 16],
  [scope, 4],
  [port, 2],
];

const CASES: Case[] = [
  {
    decoder: "decodeTcp6Table",
    decode: decodeTcp6Table as unknown as Case["decode"],
    encoder: "encodeTcp6Table",
    encode: encodeTcp6Table as unknown as Case["encode"],
    function: "GetTcp6Table",
    args: { order: true },
    structure: "MIB_TCP6TABLE",
    rowsAt: L.MIB_TCP6TABLE.table,
    rowSize: L.MIB_TCP6ROW.size,
    members: [
      [L.MIB_TCP6ROW.State, 4],
      [L.MIB_TCP6ROW.LocalAddr, 16],
      [L.MIB_TCP6ROW.dwLocalScopeId, 4],
      [L.MIB_TCP6ROW.dwLocalPort, 2],
    ],
    listen: {
      state: L.MIB_TCP6ROW.State,
      remote: tcp6Remote(
        L.MIB_TCP6ROW.RemoteAddr,
        L.MIB_TCP6ROW.dwRemoteScopeId,
        L.MIB_TCP6ROW.dwRemotePort,
      ),
    },
    fields: ["state", ...TCP6_FIELDS.slice(0, 6)],
  },
  {
    decoder: "decodeTcp6Table2",
    decode: decodeTcp6Table2 as unknown as Case["decode"],
    encoder: "encodeTcp6Table2",
    encode: encodeTcp6Table2 as unknown as Case["encode"],
    function: "GetTcp6Table2",
    args: { order: true },
    structure: "MIB_TCP6TABLE2",
    rowsAt: L.MIB_TCP6TABLE2.table,
    rowSize: L.MIB_TCP6ROW2.size,
    members: [
      [L.MIB_TCP6ROW2.LocalAddr, 16],
      [L.MIB_TCP6ROW2.dwLocalScopeId, 4],
      [L.MIB_TCP6ROW2.dwLocalPort, 2],
      [L.MIB_TCP6ROW2.State, 4],
      [L.MIB_TCP6ROW2.dwOwningPid, 4],
      [L.MIB_TCP6ROW2.dwOffloadState, 4],
    ],
    listen: {
      state: L.MIB_TCP6ROW2.State,
      remote: tcp6Remote(
        L.MIB_TCP6ROW2.RemoteAddr,
        L.MIB_TCP6ROW2.dwRemoteScopeId,
        L.MIB_TCP6ROW2.dwRemotePort,
      ),
    },
    fields: [...TCP6_FIELDS, "offloadState"],
  },
  {
    decoder: "decodeTcp6TableOwnerPid",
    decode: decodeTcp6TableOwnerPid as unknown as Case["decode"],
    encoder: "encodeTcp6TableOwnerPid",
    encode: encodeTcp6TableOwnerPid as unknown as Case["encode"],
    function: "GetExtendedTcpTable",
    args: { ...EXTENDED_TCP6, tableClass: 5 },
    structure: "MIB_TCP6TABLE_OWNER_PID",
    rowsAt: L.MIB_TCP6TABLE_OWNER_PID.table,
    rowSize: L.MIB_TCP6ROW_OWNER_PID.size,
    members: [
      [L.MIB_TCP6ROW_OWNER_PID.ucLocalAddr, 16],
      [L.MIB_TCP6ROW_OWNER_PID.dwLocalScopeId, 4],
      [L.MIB_TCP6ROW_OWNER_PID.dwLocalPort, 2],
      [L.MIB_TCP6ROW_OWNER_PID.dwState, 4],
      [L.MIB_TCP6ROW_OWNER_PID.dwOwningPid, 4],
    ],
    listen: {
      state: L.MIB_TCP6ROW_OWNER_PID.dwState,
      remote: tcp6Remote(
        L.MIB_TCP6ROW_OWNER_PID.ucRemoteAddr,
        L.MIB_TCP6ROW_OWNER_PID.dwRemoteScopeId,
        L.MIB_TCP6ROW_OWNER_PID.dwRemotePort,
      ),
    },
    fields: TCP6_FIELDS,
  },
  {
    decoder: "decodeTcp6TableOwnerModule",
    decode: decodeTcp6TableOwnerModule as unknown as Case["decode"],
    encoder: "encodeTcp6TableOwnerModule",
    encode: encodeTcp6TableOwnerModule as unknown as Case["encode"],
    encodeRow: {
      name: "encodeTcp6RowOwnerModule",
      encode: encodeTcp6RowOwnerModule as unknown as (row: Row) => Uint8Array,
    },
    function: "GetExtendedTcpTable",
    args: { ...EXTENDED_TCP6, tableClass: 8 },
    structure: "MIB_TCP6TABLE_OWNER_MODULE",
    rowsAt: L.MIB_TCP6TABLE_OWNER_MODULE.table,
    rowSize: L.MIB_TCP6ROW_OWNER_MODULE.size,
    members: [
      [L.MIB_TCP6ROW_OWNER_MODULE.ucLocalAddr, 16],
      [L.MIB_TCP6ROW_OWNER_MODULE.dwLocalScopeId, 4],
      [L.MIB_TCP6ROW_OWNER_MODULE.dwLocalPort, 2],
      [L.MIB_TCP6ROW_OWNER_MODULE.dwState, 4],
      [L.MIB_TCP6ROW_OWNER_MODULE.dwOwningPid, 4],
      [L.MIB_TCP6ROW_OWNER_MODULE.liCreateTimestamp, 8],
      [L.MIB_TCP6ROW_OWNER_MODULE.OwningModuleInfo, MODULE_INFO],
    ],
    listen: {
      state: L.MIB_TCP6ROW_OWNER_MODULE.dwState,
      remote: tcp6Remote(
        L.MIB_TCP6ROW_OWNER_MODULE.ucRemoteAddr,
        L.MIB_TCP6ROW_OWNER_MODULE.dwRemoteScopeId,
        L.MIB_TCP6ROW_OWNER_MODULE.dwRemotePort,
      ),
    },
    fields: [...TCP6_FIELDS, "createTimestamp", "owningModuleInfo"],
  },
  {
    decoder: "decodeUdpTable",
    decode: decodeUdpTable as unknown as Case["decode"],
    encoder: "encodeUdpTable",
    encode: encodeUdpTable as unknown as Case["encode"],
    function: "GetUdpTable",
    args: { order: true },
    structure: "MIB_UDPTABLE",
    rowsAt: L.MIB_UDPTABLE.table,
    rowSize: L.MIB_UDPROW.size,
    members: [[L.MIB_UDPROW.dwLocalAddr, 4], [L.MIB_UDPROW.dwLocalPort, 2]],
    fields: ["localAddr", "localPort"],
    ipv4: true,
  },
  {
    decoder: "decodeUdpTableOwnerPid",
    decode: decodeUdpTableOwnerPid as unknown as Case["decode"],
    encoder: "encodeUdpTableOwnerPid",
    encode: encodeUdpTableOwnerPid as unknown as Case["encode"],
    function: "GetExtendedUdpTable",
    args: { order: true, family: 2, tableClass: 1 },
    structure: "MIB_UDPTABLE_OWNER_PID",
    rowsAt: L.MIB_UDPTABLE_OWNER_PID.table,
    rowSize: L.MIB_UDPROW_OWNER_PID.size,
    members: [
      [L.MIB_UDPROW_OWNER_PID.dwLocalAddr, 4],
      [L.MIB_UDPROW_OWNER_PID.dwLocalPort, 2],
      [L.MIB_UDPROW_OWNER_PID.dwOwningPid, 4],
    ],
    fields: ["localAddr", "localPort", "owningPid"],
    ipv4: true,
  },
  {
    decoder: "decodeUdpTableOwnerModule",
    decode: decodeUdpTableOwnerModule as unknown as Case["decode"],
    encoder: "encodeUdpTableOwnerModule",
    encode: encodeUdpTableOwnerModule as unknown as Case["encode"],
    encodeRow: {
      name: "encodeUdpRowOwnerModule",
      encode: encodeUdpRowOwnerModule as unknown as (row: Row) => Uint8Array,
    },
    function: "GetExtendedUdpTable",
    args: { order: true, family: 2, tableClass: 2 },
    structure: "MIB_UDPTABLE_OWNER_MODULE",
    rowsAt: L.MIB_UDPTABLE_OWNER_MODULE.table,
    rowSize: L.MIB_UDPROW_OWNER_MODULE.size,
    members: [
      [L.MIB_UDPROW_OWNER_MODULE.dwLocalAddr, 4],
      [L.MIB_UDPROW_OWNER_MODULE.dwLocalPort, 2],
      [L.MIB_UDPROW_OWNER_MODULE.dwOwningPid, 4],
      [L.MIB_UDPROW_OWNER_MODULE.liCreateTimestamp, 8],
      [L.MIB_UDPROW_OWNER_MODULE.dwFlags, 4],
      [L.MIB_UDPROW_OWNER_MODULE.OwningModuleInfo, MODULE_INFO],
    ],
    fields: ["localAddr", "localPort", ...UDP_MODULE_FIELDS],
    ipv4: true,
  },
  {
    decoder: "decodeUdp6Table",
    decode: decodeUdp6Table as unknown as Case["decode"],
    encoder: "encodeUdp6Table",
    encode: encodeUdp6Table as unknown as Case["encode"],
    function: "GetUdp6Table",
    args: { order: true },
    structure: "MIB_UDP6TABLE",
    rowsAt: L.MIB_UDP6TABLE.table,
    rowSize: L.MIB_UDP6ROW.size,
    members: [
      [L.MIB_UDP6ROW.dwLocalAddr, 16],
      [L.MIB_UDP6ROW.dwLocalScopeId, 4],
      [L.MIB_UDP6ROW.dwLocalPort, 2],
    ],
    fields: ["localAddr", "localScopeId", "localPort"],
  },
  {
    decoder: "decodeUdp6TableOwnerPid",
    decode: decodeUdp6TableOwnerPid as unknown as Case["decode"],
    encoder: "encodeUdp6TableOwnerPid",
    encode: encodeUdp6TableOwnerPid as unknown as Case["encode"],
    function: "GetExtendedUdpTable",
    args: { order: true, family: 23, tableClass: 1 },
    structure: "MIB_UDP6TABLE_OWNER_PID",
    rowsAt: L.MIB_UDP6TABLE_OWNER_PID.table,
    rowSize: L.MIB_UDP6ROW_OWNER_PID.size,
    members: [
      [L.MIB_UDP6ROW_OWNER_PID.ucLocalAddr, 16],
      [L.MIB_UDP6ROW_OWNER_PID.dwLocalScopeId, 4],
      [L.MIB_UDP6ROW_OWNER_PID.dwLocalPort, 2],
      [L.MIB_UDP6ROW_OWNER_PID.dwOwningPid, 4],
    ],
    fields: ["localAddr", "localScopeId", "localPort", "owningPid"],
  },
  {
    decoder: "decodeUdp6TableOwnerModule",
    decode: decodeUdp6TableOwnerModule as unknown as Case["decode"],
    encoder: "encodeUdp6TableOwnerModule",
    encode: encodeUdp6TableOwnerModule as unknown as Case["encode"],
    encodeRow: {
      name: "encodeUdp6RowOwnerModule",
      encode: encodeUdp6RowOwnerModule as unknown as (row: Row) => Uint8Array,
    },
    function: "GetExtendedUdpTable",
    args: { order: true, family: 23, tableClass: 2 },
    structure: "MIB_UDP6TABLE_OWNER_MODULE",
    rowsAt: L.MIB_UDP6TABLE_OWNER_MODULE.table,
    rowSize: L.MIB_UDP6ROW_OWNER_MODULE.size,
    members: [
      [L.MIB_UDP6ROW_OWNER_MODULE.ucLocalAddr, 16],
      [L.MIB_UDP6ROW_OWNER_MODULE.dwLocalScopeId, 4],
      [L.MIB_UDP6ROW_OWNER_MODULE.dwLocalPort, 2],
      [L.MIB_UDP6ROW_OWNER_MODULE.dwOwningPid, 4],
      [L.MIB_UDP6ROW_OWNER_MODULE.liCreateTimestamp, 8],
      [L.MIB_UDP6ROW_OWNER_MODULE.dwFlags, 4],
      [L.MIB_UDP6ROW_OWNER_MODULE.OwningModuleInfo, MODULE_INFO],
    ],
    fields: ["localAddr", "localScopeId", "localPort", ...UDP_MODULE_FIELDS],
  },
];

const LISTEN = 2;
const calls = fixture.calls as { function: string; args: Record<string, unknown>; data: string }[];
const expectedRows = expectedJson as unknown as Record<string, Row[]>;

/** The fixture's table for `c`: its one call with the same function and arguments. */
function fixtureBytes(c: Case): Uint8Array {
  const found = calls.filter((call) =>
    call.function === c.function && JSON.stringify(call.args) === JSON.stringify(c.args)
  );
  assert.equal(
    found.length,
    1,
    `${c.decoder}: one ${c.function} call with ${JSON.stringify(c.args)}`,
  );
  return base64ToBytes(found[0]!.data);
}

/**
 * Which bytes of `bytes` (a table of `c`) are defined: the count, and in each
 * row its members, a port's first two bytes only, and no remote member of a
 * LISTEN row. Everything else is padding or undefined.
 */
function definedBytes(c: Case, bytes: Uint8Array): boolean[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  const defined = Array.from({ length: bytes.length }, (_, i) => i < 4);
  for (let r = 0, o = c.rowsAt; r < count; r++, o += c.rowSize) {
    const listen = c.listen !== undefined && view.getUint32(o + c.listen.state, true) === LISTEN;
    const members = c.listen && !listen ? [...c.members, ...c.listen.remote] : c.members;
    for (const [offset, size] of members) defined.fill(true, o + offset, o + offset + size);
  }
  return defined;
}

Deno.test("mingw_connections: the capture holds exactly one call per decoder, each with rows", () => {
  assert.equal(calls.length, CASES.length);
  assert.deepEqual(Object.keys(expectedRows).sort(), CASES.map((c) => c.decoder).sort());
  for (const c of CASES) {
    const bytes = fixtureBytes(c);
    const count = new DataView(bytes.buffer).getUint32(0, true);
    assert.ok(count >= 4, `${c.decoder}: ${count} rows`);
    assert.equal(count, expectedRows[c.decoder]!.length, c.decoder);
    assert.equal(bytes.length, c.rowsAt + count * c.rowSize, `${c.decoder}: exact table length`);
  }
});

for (const c of CASES) {
  const bytes = fixtureBytes(c);
  const expected = expectedRows[c.decoder]!.map(revive);

  Deno.test(`${c.decoder}: the header-built table decodes to the values set, field by field`, () => {
    const rows = c.decode(bytes);
    assert.equal(rows.length, expected.length);
    rows.forEach((row, i) => {
      assert.deepEqual(Object.keys(row), c.fields, `${c.decoder} row ${i}: properties in order`);
      for (const field of c.fields) {
        assert.deepEqual(row[field], expected[i]![field], `${c.decoder} row ${i}: ${field}`);
      }
    });
  });

  Deno.test(`${c.decoder}: decodes the same at odd byte offsets and with bytes after the rows`, () => {
    const rows = c.decode(bytes);
    for (const offset of [1, 3, 5, 7]) assert.deepEqual(c.decode(at(bytes, offset)), rows);
    const longer = new Uint8Array(bytes.length + c.rowSize + 3).fill(0xee);
    longer.set(bytes);
    assert.deepEqual(c.decode(longer), rows);
  });

  Deno.test(`${c.decoder}: padding, port upper bits and listeners' remote members are never read`, () => {
    const rows = c.decode(bytes);
    const defined = definedBytes(c, bytes);
    const undefinedCount = defined.filter((d) => !d).length;
    assert.ok(undefinedCount > 0, "the fixture has undefined bytes");
    for (const fill of [0x00, 0xff, 0x5a]) {
      const other = bytes.map((byte, i) => defined[i] ? byte : fill);
      assert.deepEqual(c.decode(other), rows, `undefined bytes set to ${fill}`);
    }
  });

  Deno.test(`${c.decoder}: every defined byte is read`, () => {
    const rows = c.decode(bytes);
    const defined = definedBytes(c, bytes);
    let checked = 0;
    for (let i = 4; i < bytes.length; i++) {
      if (!defined[i]) continue;
      const other = bytes.slice();
      other[i] = bytes[i]! ^ 0x01;
      assert.notDeepEqual(c.decode(other), rows, `${c.decoder}: byte ${i} changed nothing`);
      checked++;
    }
    assert.ok(checked > 0);
  });

  Deno.test(`${c.encoder}: writes the header's bytes (zero where undefined); decode inverts it`, () => {
    const encoded = c.encode(expected);
    assert.equal(encoded.length, bytes.length);
    const defined = definedBytes(c, bytes);
    for (let i = 0; i < bytes.length; i++) {
      assert.equal(encoded[i], defined[i] ? bytes[i] : 0, `${c.encoder}: byte ${i}`);
    }
    assert.deepEqual(c.decode(encoded), expected);
    assert.deepEqual(c.decode(c.encode(c.decode(at(bytes, 3)))), expected);
    assert.deepEqual(c.decode(c.encode([])), []);
  });

  if (c.encodeRow) {
    const { name, encode } = c.encodeRow;
    Deno.test(`${name}: one row's bytes, as in the table`, () => {
      expected.forEach((row, i) => {
        const table = c.encode([row]);
        assert.deepEqual(encode(row), table.subarray(c.rowsAt, c.rowsAt + c.rowSize), `row ${i}`);
        assert.equal(encode(row).length, c.rowSize);
      });
    });
  }

  Deno.test(`${c.decoder}: fewer than 4 bytes, a truncated table and lying counts are DecodeErrors`, () => {
    assert.deepEqual(c.decode(new Uint8Array(4)), []);
    for (const length of [0, 1, 3]) {
      assert.throws(() => c.decode(at(new Uint8Array(length), 1)), {
        name: "DecodeError",
        message: `${c.structure}: expected at least 4 bytes for the row count, found ${length}`,
      });
    }
    const count = expected.length;
    assert.throws(() => c.decode(bytes.subarray(0, bytes.length - 1)), {
      name: "DecodeError",
      message:
        `${c.structure}: ${count} rows of ${c.rowSize} bytes from offset ${c.rowsAt} need ${bytes.length} bytes, found ${
          bytes.length - 1
        }`,
    });
    const liar = bytes.slice();
    new DataView(liar.buffer).setUint32(0, count + 1, true);
    assert.throws(() => c.decode(liar), (error) => {
      assert.ok(error instanceof DecodeError);
      assert.equal(error.structure, c.structure);
      assert.match(error.message, new RegExp(`: ${count + 1} rows of ${c.rowSize} bytes`));
      return true;
    });
    const huge = new Uint8Array(100);
    new DataView(huge.buffer).setUint32(0, 0xffffffff, true);
    assert.throws(() => c.decode(huge), {
      name: "DecodeError",
      message: new RegExp(`^${c.structure}: 4294967295 rows of ${c.rowSize} bytes`),
    });
  });

  Deno.test(`${c.decoder}: anything but a Uint8Array is a TypeError`, () => {
    const cases: [unknown, string][] = [
      [bytes.buffer, "ArrayBuffer"],
      [new DataView(bytes.buffer), "DataView"],
      [new Uint16Array(4), "Uint16Array"],
      [[0, 0, 0, 0], "Array"],
      ["AAAAAA==", "string"],
      [null, "null"],
      [undefined, "undefined"],
    ];
    for (const [value, found] of cases) {
      assert.throws(() => c.decode(value as Uint8Array), {
        name: "TypeError",
        message: `${c.decoder}: expected the bytes as a Uint8Array, found ${found}`,
      });
    }
  });

  // Out-of-range values, per field kind; each must be refused, naming the field.
  const refused: Record<string, unknown[]> = {
    port: [-1, 65536, 1.5, NaN, "443", 443n, undefined],
    dword: [-1, 2 ** 32, 0.5, Infinity, "1", 1n, null],
    address: c.ipv4
      ? ["1.2.3", "256.0.0.1", "::1", "", 0x7f000001]
      : ["::g", "1::2::3", "1:2:3:4:5:6:7:8:9", "192.0.2.1", "", 1],
    createTimestamp: [2n ** 63n, -(2n ** 63n) - 1n, 0, "0"],
    owningModuleInfo: [
      Array.from({ length: 17 }, () => 0n),
      [-1n],
      [2n ** 64n],
      [1],
      "x",
      null,
    ],
    flags: [2 ** 31, -(2 ** 31) - 1, 1.5, "0", 0n],
    specificPortBind: [1, "true", null],
  };
  const kind = (field: string) =>
    field.endsWith("Port")
      ? "port"
      : field.endsWith("Addr")
      ? "address"
      : ["createTimestamp", "owningModuleInfo", "flags", "specificPortBind"].includes(field)
      ? field
      : "dword";

  Deno.test(`${c.encoder}: refuses out-of-range values with a TypeError naming the field`, () => {
    const base = expected[3]!;
    let tried = 0;
    for (const field of c.fields) {
      for (const value of refused[kind(field)]!) {
        const rows = [base, { ...base, [field]: value }];
        assert.throws(() => c.encode(rows), {
          name: "TypeError",
          message: new RegExp(`^${c.encoder}: rows\\[1\\]\\.${field}\\b`),
        }, `${field} = ${String(value)}`);
        tried++;
      }
    }
    assert.ok(tried >= c.fields.length * 3);
    assert.throws(() => c.encode("rows" as unknown as Row[]), {
      name: "TypeError",
      message: `${c.encoder}: rows must be an array, found "rows"`,
    });
    assert.throws(() => c.encode([base, null as unknown as Row]), {
      name: "TypeError",
      message: `${c.encoder}: rows[1] must be a row object, found null`,
    });
  });

  Deno.test(`${c.encoder}: accepts the extreme values of every member`, () => {
    const extremes: Record<string, unknown[]> = {
      port: [0, 65535],
      dword: [0, 0xffffffff],
      address: c.ipv4
        ? ["0.0.0.0", "255.255.255.255"]
        : ["::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"],
      createTimestamp: [-(2n ** 63n), 2n ** 63n - 1n],
      owningModuleInfo: [[], Array.from({ length: 16 }, () => 2n ** 64n - 1n)],
      flags: [-(2 ** 31), 2 ** 31 - 2],
      specificPortBind: [],
    };
    // A non-LISTEN row, so that every member round-trips.
    const base: Row = { ...expected[3]!, ...(c.listen ? { state: 5 } : {}) };
    let tried = 0;
    for (const field of c.fields) {
      for (const value of extremes[kind(field)]!) {
        const row = { ...base, [field]: value };
        if (field === "flags") row.specificPortBind = ((value as number) & 1) === 1;
        const [decoded] = c.decode(c.encode([row]));
        const want = field === "owningModuleInfo"
          ? [...(value as bigint[]), ...Array<bigint>(16 - (value as bigint[]).length).fill(0n)]
          : value;
        assert.deepEqual(decoded![field], want, `${field} = ${String(value)}`);
        tried++;
      }
    }
    assert.ok(tried > 0);
  });

  if (c.encodeRow) {
    const { name, encode } = c.encodeRow;
    Deno.test(`${name}: refuses out-of-range values, naming row.field`, () => {
      const base = expected[3]!;
      for (const field of c.fields) {
        const value = refused[kind(field)]![0];
        assert.throws(() => encode({ ...base, [field]: value }), {
          name: "TypeError",
          message: new RegExp(`^${name}: row\\.${field}\\b`),
        });
      }
      assert.throws(() => encode(null as unknown as Row), {
        name: "TypeError",
        message: `${name}: row must be a row object, found null`,
      });
    });
  }

  if (c.fields.includes("specificPortBind")) {
    Deno.test(`${c.encoder}: specificPortBind and bit 0 of flags must agree`, () => {
      const base = expected[0]!;
      for (const [specificPortBind, flags] of [[true, 0], [false, 1], [true, -2], [false, -1]]) {
        assert.throws(() => c.encode([{ ...base, specificPortBind, flags }]), {
          name: "TypeError",
          message: new RegExp(
            `^${c.encoder}: rows\\[0\\]\\.specificPortBind is ${specificPortBind} but bit 0 of flags`,
          ),
        });
      }
      for (const [specificPortBind, flags] of [[true, 1], [false, 0], [true, -1], [false, -2]]) {
        const [row] = c.decode(c.encode([{ ...base, specificPortBind, flags }]));
        assert.equal(row!.specificPortBind, specificPortBind);
        assert.equal(row!.flags, flags);
      }
    });
  }
}

Deno.test("SpecificPortBind: the fixture has it set and clear, with other flag bits set", () => {
  for (const decoder of ["decodeUdpTableOwnerModule", "decodeUdp6TableOwnerModule"]) {
    const rows = expectedRows[decoder]!;
    const seen = new Set(
      rows.map((r) =>
        `${r.specificPortBind} ${(r.flags as number) !== 0 && (r.flags as number) !== 1}`
      ),
    );
    assert.ok(seen.has("true true") && seen.has("false true") && seen.has("true false"), decoder);
    assert.ok(rows.some((r) => (r.flags as number) < 0), `${decoder}: a negative flags`);
  }
});

// LISTEN rows: the remote members are undefined on Windows and decode as "::", 0, 0.

const TCP6_CASES = CASES.filter((c) => c.listen);

Deno.test("LISTEN: the fixture's listeners hold junk remote members, and decode them as ::, 0, 0", () => {
  assert.equal(TCP6_CASES.length, 4);
  for (const c of TCP6_CASES) {
    const bytes = fixtureBytes(c);
    const view = new DataView(bytes.buffer);
    const rows = c.decode(bytes);
    let listeners = 0;
    rows.forEach((row, i) => {
      if (row.state !== LISTEN) return;
      listeners++;
      const o = c.rowsAt + i * c.rowSize;
      const [addr, scope, port] = c.listen!.remote.map(([offset]) => offset) as [
        number,
        number,
        number,
      ];
      // What the bytes hold is not what the decoder returns.
      const raw = bytes.subarray(o + addr, o + addr + 16);
      assert.ok(
        raw.some((b) => b !== 0) || view.getUint32(o + scope, true) !== 0 ||
          view.getUint16(o + port, false) !== 0,
      );
      assert.deepEqual(
        [row.remoteAddr, row.remoteScopeId, row.remotePort],
        ["::", 0, 0],
        `${c.decoder} row ${i}`,
      );
    });
    assert.ok(listeners >= 2, `${c.decoder}: ${listeners} listeners`);
  }
});

Deno.test("LISTEN: only state 2 is normalised; the same remote bytes in any other state are read", () => {
  const row: Tcp6Row2 = {
    localAddr: "fe80::1",
    localScopeId: 3,
    localPort: 80,
    remoteAddr: "2001:db8::bad",
    remoteScopeId: 9,
    remotePort: 4321,
    state: LISTEN,
    owningPid: 8,
    offloadState: 0,
  };
  for (const c of TCP6_CASES) {
    // Encoders write what they are given, a listener's remote members included.
    const listening = c.encode([{ ...row, createTimestamp: 0n, owningModuleInfo: [] }]);
    const [listener] = c.decode(listening);
    assert.deepEqual(
      [listener!.state, listener!.remoteAddr, listener!.remoteScopeId, listener!.remotePort],
      [LISTEN, "::", 0, 0],
      c.decoder,
    );
    for (const state of [1, 3, 5, 11, 12, 0x102]) {
      const other = listening.slice();
      new DataView(other.buffer).setUint32(c.rowsAt + c.listen!.state, state, true);
      const [decoded] = c.decode(other);
      assert.deepEqual(
        [decoded!.state, decoded!.remoteAddr, decoded!.remoteScopeId, decoded!.remotePort],
        [state, "2001:db8::bad", 9, 4321],
        `${c.decoder} state ${state}`,
      );
    }
  }
});

Deno.test("IPv6 TCP and UDP rows: the table kinds agree on the members they share", () => {
  const decoded = Object.fromEntries(CASES.map((c) => [c.decoder, c.decode(fixtureBytes(c))]));
  const pick = (rows: Row[], fields: string[]) =>
    rows.map((row) => Object.fromEntries(fields.map((f) => [f, row[f]])));
  const groups: [string[], string[]][] = [
    [
      [
        "decodeTcp6Table",
        "decodeTcp6Table2",
        "decodeTcp6TableOwnerPid",
        "decodeTcp6TableOwnerModule",
      ],
      ["state", ...TCP6_FIELDS.slice(0, 6)],
    ],
    [
      ["decodeTcp6Table2", "decodeTcp6TableOwnerPid", "decodeTcp6TableOwnerModule"],
      ["owningPid"],
    ],
    [["decodeUdpTable", "decodeUdpTableOwnerPid", "decodeUdpTableOwnerModule"], [
      "localAddr",
      "localPort",
    ]],
    [["decodeUdp6Table", "decodeUdp6TableOwnerPid", "decodeUdp6TableOwnerModule"], [
      "localAddr",
      "localScopeId",
      "localPort",
    ]],
  ];
  for (const [decoders, fields] of groups) {
    const [first, ...rest] = decoders.map((d) => pick(decoded[d]!, fields));
    assert.ok(first!.length > 0);
    for (const other of rest) assert.deepEqual(other, first);
  }
});

Deno.test("IPv6 text: RFC 5952 for the fixture's addresses (mapped, link-local, ::, ::1, runs)", () => {
  const addresses = new Set(
    ["decodeTcp6Table", "decodeUdp6Table"].flatMap((d) =>
      expectedRows[d]!.flatMap((r) => [r.localAddr, r.remoteAddr].filter((a) => a !== undefined))
    ),
  );
  for (
    const address of [
      "::",
      "::1",
      "::ffff:192.0.2.1",
      "fe80::1",
      "2001:db8:0:1::23",
      "2001:db8::1:0:0:1",
      "2001:db8::",
    ]
  ) {
    assert.ok(addresses.has(address), address);
  }
});

Deno.test("IPv6 text is memoised without ever giving one address another's text", () => {
  // 60,000 rows, more distinct addresses than the memo holds (so it is
  // emptied on the way): for each 32-bit word, a family of addresses that
  // differ in that word alone, so that members of one family meet while
  // probing the memo's slots; random addresses; and a few repeated ones.
  const random = seeded(9);
  const count = 60_000;
  const R = L.MIB_UDP6ROW_OWNER_PID;
  const rowsAt = L.MIB_UDP6TABLE_OWNER_PID.table;
  const bytes = new Uint8Array(rowsAt + count * R.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, count, true);
  const common = [0x20010db8, 0, 0, 1];
  for (let i = 0, o = rowsAt; i < count; i++, o += R.size) {
    const family = i % 6;
    const words = family < 4
      ? common.map((w, k) => k === family ? random.uint32() : w)
      : family === 4
      ? common.map((w, k) => k === 3 ? random.int(64) : w)
      : [random.uint32(), random.uint32(), random.uint32(), random.uint32()];
    words.forEach((w, k) => view.setUint32(o + R.ucLocalAddr + 4 * k, w >>> 0, false));
  }
  const want = Array.from(
    { length: count },
    (_, i) => formatIpv6(view, rowsAt + i * R.size + R.ucLocalAddr),
  );
  assert.ok(new Set(want).size > 16_384, "more distinct addresses than the memo holds");
  for (let pass = 0; pass < 2; pass++) {
    const rows = decodeUdp6TableOwnerPid(bytes);
    rows.forEach((row, i) => {
      if (row.localAddr !== want[i]) {
        assert.fail(`pass ${pass} row ${i}: ${row.localAddr} != ${want[i]}`);
      }
    });
    // The TCP decoders share the memo; their addresses stay right too.
    const tcp = expectedRows.decodeTcp6Table2!.map(revive);
    assert.deepEqual(decodeTcp6Table2(encodeTcp6Table2(tcp as unknown as Tcp6Row2[])), tcp);
  }
});
