// A LISTEN row's remote members are undefined on Windows: every IPv4 TCP
// decoder and TcpTable2View report them as 0.0.0.0 port 0, whatever the
// bytes hold, and leave every other row's remote members as they are.
import assert from "node:assert/strict";
import {
  decodeTcpTable,
  decodeTcpTable2,
  decodeTcpTableOwnerModule,
  decodeTcpTableOwnerPid,
  TcpState,
  TcpTable2View,
} from "../mod.ts";
import * as L from "../structs/layout.ts";
import { at, junk } from "./_bytes.ts";

/** Where the members every IPv4 TCP row starts with are, for one table kind. */
interface Kind {
  name: string;
  rowsAt: number;
  rowSize: number;
  decode: (bytes: Uint8Array) => { state: number; remoteAddr: string; remotePort: number }[];
}

const KINDS: Kind[] = [
  {
    name: "MIB_TCPTABLE",
    rowsAt: L.MIB_TCPTABLE.table,
    rowSize: L.MIB_TCPROW.size,
    decode: decodeTcpTable,
  },
  {
    name: "MIB_TCPTABLE2",
    rowsAt: L.MIB_TCPTABLE2.table,
    rowSize: L.MIB_TCPROW2.size,
    decode: decodeTcpTable2,
  },
  {
    name: "MIB_TCPTABLE_OWNER_PID",
    rowsAt: L.MIB_TCPTABLE_OWNER_PID.table,
    rowSize: L.MIB_TCPROW_OWNER_PID.size,
    decode: decodeTcpTableOwnerPid,
  },
  {
    name: "MIB_TCPTABLE_OWNER_MODULE",
    rowsAt: L.MIB_TCPTABLE_OWNER_MODULE.table,
    rowSize: L.MIB_TCPROW_OWNER_MODULE.size,
    decode: decodeTcpTableOwnerModule,
  },
];

// The common members are at the same offsets in every IPv4 TCP row.
const R = L.MIB_TCPROW;

/**
 * A table of `kind` built byte by byte over junk: row 0 LISTEN, row 1
 * ESTABLISHED, row 2 LISTEN, row 3 SYN_SENT, each with remote members that
 * are not zero (as Windows may leave them for a listener).
 */
function table(kind: Kind): Uint8Array {
  const bytes = junk(kind.rowsAt + 4 * kind.rowSize);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 4, true);
  const states = [TcpState.LISTEN, TcpState.ESTABLISHED, TcpState.LISTEN, TcpState.SYN_SENT];
  states.forEach((state, i) => {
    const o = kind.rowsAt + i * kind.rowSize;
    view.setUint32(o + R.dwState, state, true);
    bytes.set([10, 0, 0, 2], o + R.dwLocalAddr);
    bytes.set([0x01, 0xbb, 0xde, 0xad], o + R.dwLocalPort); // 443
    bytes.set([198, 51, 100, 7 + i], o + R.dwRemoteAddr);
    bytes.set([0xc3, 0x50 + i, 0xbe, 0xef], o + R.dwRemotePort); // 50000 + i
  });
  return bytes;
}

Deno.test("every IPv4 TCP decoder reads a LISTEN row's remote end as 0.0.0.0 port 0", () => {
  for (const kind of KINDS) {
    for (const offset of [0, 1, 3]) {
      const rows = kind.decode(at(table(kind), offset));
      const remote = rows.map((r) => `${r.state} ${r.remoteAddr}:${r.remotePort}`);
      assert.deepEqual(remote, [
        "2 0.0.0.0:0",
        "5 198.51.100.8:50001",
        "2 0.0.0.0:0",
        "3 198.51.100.10:50003",
      ], `${kind.name} at offset ${offset}`);
    }
  }
});

Deno.test("TcpTable2View reads a LISTEN row's remote end as 0.0.0.0 port 0, in every accessor", () => {
  const kind = KINDS[1]!;
  const bytes = at(table(kind), 5);
  const view = new TcpTable2View(bytes);
  const rows = decodeTcpTable2(bytes);
  for (let i = 0; i < view.length; i++) {
    const listen = view.state(i) === TcpState.LISTEN;
    assert.equal(view.remoteAddr(i), listen ? "0.0.0.0" : `198.51.100.${7 + i}`);
    assert.equal(view.remoteAddrUint32(i), listen ? 0 : 0xc6336407 + i);
    assert.equal(view.remotePort(i), listen ? 0 : 50000 + i);
    assert.deepEqual(view.row(i), rows[i]);
  }
  // The filters see the same remote port: 0 for the listeners, whatever the bytes say.
  assert.equal(view.count({ remotePort: 0 }), 2);
  assert.equal(view.count({ port: 50000 }), 0);
  assert.equal(view.count({ port: 50001 }), 1);
  assert.equal(view.count({ state: TcpState.LISTEN, port: 0 }), 2);
  assert.deepEqual(view.rows({ state: TcpState.LISTEN }), [rows[0], rows[2]]);
});

Deno.test("a LISTEN row is plain data like any other: assert, JSON, spread, structuredClone", () => {
  const [listener] = decodeTcpTable2(table(KINDS[1]!));
  const expected = {
    state: 2,
    localAddr: "10.0.0.2",
    localPort: 443,
    remoteAddr: "0.0.0.0",
    remotePort: 0,
    owningPid: 0xa5a5a5a5,
    offloadState: 0xa5a5a5a5,
  };
  assert.deepStrictEqual(listener, expected);
  assert.deepStrictEqual({ ...listener }, expected);
  assert.deepStrictEqual(structuredClone(listener), expected);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(listener)), expected);
  assert.deepEqual(Object.keys(listener!), Object.keys(expected));
});
