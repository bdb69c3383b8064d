// TcpTable2View: every accessor against decodeTcpTable2, the same checks of
// the table, and what an index outside the table does.
import assert from "node:assert/strict";
import { DecodeError, decodeTcpTable2, type TcpRow2, TcpTable2View } from "../mod.ts";
import { encodeTcpTable2 } from "../mock/mod.ts";
import { at } from "./_bytes.ts";
import { seeded } from "./_random.ts";

const SEED = 0x7ab1e2;

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** `count` random rows: any state, address, port and PID a DWORD or port can hold. */
function randomRows(random: ReturnType<typeof seeded>, count: number): TcpRow2[] {
  const uint32 = () => random.int(2 ** 32);
  return Array.from({ length: count }, () => ({
    state: random.int(13),
    localAddr: dotted(uint32()),
    localPort: random.int(65536),
    remoteAddr: dotted(uint32()),
    remotePort: random.int(65536),
    owningPid: uint32(),
    offloadState: random.int(4),
  }));
}

/** Every accessor of row `i`, as a row. */
function fromAccessors(table: TcpTable2View, i: number): TcpRow2 {
  return {
    state: table.state(i),
    localAddr: table.localAddr(i),
    localPort: table.localPort(i),
    remoteAddr: table.remoteAddr(i),
    remotePort: table.remotePort(i),
    owningPid: table.owningPid(i),
    offloadState: table.offloadState(i),
  };
}

Deno.test("TcpTable2View agrees with decodeTcpTable2 on random tables at odd offsets", () => {
  const random = seeded(SEED);
  for (let round = 0; round < 50; round++) {
    const bytes = at(encodeTcpTable2(randomRows(random, random.int(300))), 1 + 2 * random.int(8));
    const rows = decodeTcpTable2(bytes);
    const table = new TcpTable2View(bytes);
    assert.equal(table.length, rows.length);
    rows.forEach((row, i) => {
      assert.deepEqual(fromAccessors(table, i), row, `round ${round}, row ${i}`);
      assert.deepEqual(table.row(i), row);
      assert.equal(dotted(table.localAddrUint32(i)), row.localAddr);
      assert.equal(dotted(table.remoteAddrUint32(i)), row.remoteAddr);
    });
  }
});

Deno.test("TcpTable2View address numbers: first octet most significant, unsigned", () => {
  const table = new TcpTable2View(encodeTcpTable2([{
    state: 5,
    localAddr: "10.0.0.2",
    localPort: 50000,
    remoteAddr: "255.254.253.252",
    remotePort: 443,
    owningPid: 4242,
    offloadState: 0,
  }]));
  assert.equal(table.localAddrUint32(0), 0x0a000002);
  assert.equal(table.remoteAddrUint32(0), 0xfffefdfc);
});

Deno.test("TcpTable2View addresses stay right past the text cache's capacity", () => {
  // 40,000 distinct addresses each way: the memo of dotted quads empties itself several times.
  const rows = randomRows(seeded(SEED + 1), 40_000);
  const table = new TcpTable2View(encodeTcpTable2(rows));
  for (let pass = 0; pass < 2; pass++) {
    rows.forEach((row, i) => {
      assert.equal(table.localAddr(i), row.localAddr);
      assert.equal(table.remoteAddr(i), row.remoteAddr);
    });
  }
  assert.deepEqual(decodeTcpTable2(encodeTcpTable2(rows)), rows);
});

Deno.test("TcpTable2View rejects the tables decodeTcpTable2 rejects, with the same error", () => {
  const random = seeded(SEED + 2);
  const whole = encodeTcpTable2(randomRows(random, 3));
  const oversized = new Uint8Array(whole);
  new DataView(oversized.buffer).setUint32(0, 0xffffffff, true);
  const cases = [
    new Uint8Array(0),
    new Uint8Array(3),
    whole.subarray(0, whole.length - 1),
    at(whole.subarray(0, 4 + 28), 3), // says 3 rows, holds 1
    oversized,
  ];
  for (const bytes of cases) {
    let expected: unknown;
    try {
      decodeTcpTable2(bytes);
    } catch (error) {
      expected = error;
    }
    assert.ok(expected instanceof DecodeError, `decodeTcpTable2 accepted ${bytes.length} bytes`);
    assert.throws(
      () => new TcpTable2View(bytes),
      (error) => error instanceof DecodeError && error.message === expected.message,
    );
  }
});

Deno.test("TcpTable2View throws DecodeError for an index outside 0..length-1", () => {
  const table = new TcpTable2View(encodeTcpTable2(randomRows(seeded(SEED + 3), 2)));
  const empty = new TcpTable2View(new Uint8Array(4));
  const accessors = [
    "state",
    "localAddr",
    "localAddrUint32",
    "localPort",
    "remoteAddr",
    "remoteAddrUint32",
    "remotePort",
    "owningPid",
    "offloadState",
    "row",
  ] as const;
  for (const accessor of accessors) {
    for (const index of [-1, 2, 3, 0.5, 1.5, NaN, Infinity, -Infinity, 2 ** 32, -0.5]) {
      assert.throws(
        () => table[accessor](index),
        (error) =>
          error instanceof DecodeError && error.structure === "MIB_TCPTABLE2" &&
          error.message ===
            `MIB_TCPTABLE2: row index ${index} is not a row of the table: its rows are 0..1`,
        `${accessor}(${index})`,
      );
    }
    assert.throws(() => empty[accessor](0), {
      name: "DecodeError",
      message: "MIB_TCPTABLE2: row index 0 is not a row of the table: the table has no rows",
    });
    table[accessor](0);
    table[accessor](1);
  }
});

Deno.test("TcpTable2View reads the caller's bytes: no copy", () => {
  const bytes = encodeTcpTable2(randomRows(seeded(SEED + 4), 2));
  const table = new TcpTable2View(bytes);
  new DataView(bytes.buffer).setUint32(4 + 28 + 20, 31337, true); // row 1's dwOwningPid
  assert.equal(table.owningPid(1), 31337);
});
