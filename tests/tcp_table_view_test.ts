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
  // A listener's remote end reads as 0.0.0.0:0, whatever was encoded.
  const decoded = rows.map((row) =>
    row.state === 2 ? { ...row, remoteAddr: "0.0.0.0", remotePort: 0 } : row
  );
  for (let pass = 0; pass < 2; pass++) {
    decoded.forEach((row, i) => {
      assert.equal(table.localAddr(i), row.localAddr);
      assert.equal(table.remoteAddr(i), row.remoteAddr);
    });
  }
  assert.deepEqual(decodeTcpTable2(encodeTcpTable2(rows)), decoded);
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

// ---- count() and rows(): the filters against a plain filter over decoded rows ----

type Filter = Parameters<TcpTable2View["count"]>[0];

/** The rows `filter` selects, the slow and obvious way. */
function expected(rows: TcpRow2[], filter: Filter): TcpRow2[] {
  return rows.filter((row) =>
    (filter.state === undefined || row.state === filter.state) &&
    (filter.port === undefined || row.localPort === filter.port ||
      row.remotePort === filter.port) &&
    (filter.localPort === undefined || row.localPort === filter.localPort) &&
    (filter.remotePort === undefined || row.remotePort === filter.remotePort) &&
    (filter.owningPid === undefined || row.owningPid === filter.owningPid)
  );
}

/** Rows where filters find something: few states, ports and PIDs, listeners among them. */
function busyRows(random: ReturnType<typeof seeded>, count: number): TcpRow2[] {
  const ports = [0, 80, 443, 8080, 50000, 65535];
  return Array.from({ length: count }, () => ({
    state: [1, 2, 5, 5, 5, 11][random.int(6)]!,
    localAddr: dotted(random.int(2 ** 32)),
    localPort: ports[random.int(ports.length)]!,
    remoteAddr: dotted(random.int(2 ** 32)),
    remotePort: ports[random.int(ports.length)]!,
    owningPid: [0, 4, 4242, 0xfffffffc][random.int(4)]!,
    offloadState: random.int(4),
  }));
}

Deno.test("TcpTable2View.count and rows select what a plain filter over decoded rows selects", () => {
  const random = seeded(SEED + 5);
  const pick = <T>(items: T[]) => items[random.int(items.length)]!;
  for (let round = 0; round < 200; round++) {
    // Sizes around the unrolled loop's step (4 rows), and odd offsets.
    const bytes = at(encodeTcpTable2(busyRows(random, random.int(40))), random.int(8));
    const table = new TcpTable2View(bytes);
    const rows = decodeTcpTable2(bytes);
    const filter: Filter = {};
    if (random.int(3) > 0) filter.state = pick([1, 2, 5, 11, 12, 0xffffffff]);
    if (random.int(3) > 0) filter.port = pick([0, 80, 443, 50000, 65535]);
    if (random.int(4) === 0) filter.localPort = pick([0, 443, 8080]);
    if (random.int(4) === 0) filter.remotePort = pick([0, 443, 8080]);
    if (random.int(4) === 0) filter.owningPid = pick([0, 4, 4242, 0xfffffffc]);
    const want = expected(rows, filter);
    assert.equal(table.count(filter), want.length, JSON.stringify(filter));
    assert.deepEqual(table.rows(filter), want, JSON.stringify(filter));
  }
});

Deno.test("TcpTable2View.count({ state, port }) (its own loop) agrees on big tables", () => {
  const random = seeded(SEED + 6);
  const bytes = at(encodeTcpTable2(busyRows(random, 10_003)), 2);
  const table = new TcpTable2View(bytes);
  const rows = decodeTcpTable2(bytes);
  for (const state of [2, 5, 11]) {
    for (const port of [0, 80, 443, 65535]) {
      assert.equal(table.count({ state, port }), expected(rows, { state, port }).length);
    }
  }
  assert.equal(table.count({}), rows.length);
  assert.equal(new TcpTable2View(new Uint8Array(4)).count({ state: 5, port: 443 }), 0);
  assert.deepEqual(new TcpTable2View(new Uint8Array(4)).rows({}), []);
});

Deno.test("TcpTable2View filters refuse members that no row could have", () => {
  const table = new TcpTable2View(encodeTcpTable2(randomRows(seeded(SEED + 7), 3)));
  const bad: [Filter, string][] = [
    [{ port: 65536 }, "port must be an integer in 0..65535, found 65536"],
    [{ localPort: -1 }, "localPort must be an integer in 0..65535, found -1"],
    [{ remotePort: 1.5 }, "remotePort must be an integer in 0..65535, found 1.5"],
    [{ state: 2 ** 32 }, "state must be an integer in 0..4294967295, found 4294967296"],
    [{ owningPid: NaN }, "owningPid must be an integer in 0..4294967295, found NaN"],
    [{ state: "5" as unknown as number }, "state must be an integer in 0..4294967295, found 5"],
  ];
  for (const [filter, message] of bad) {
    assert.throws(() => table.count(filter), {
      name: "TypeError",
      message: `TcpTable2View filter: ${message}`,
    });
    assert.throws(() => table.rows(filter), TypeError);
  }
  assert.throws(() => table.count(null as unknown as Filter), TypeError);
});

Deno.test("TcpTable2View: a listener's remote end is 0.0.0.0:0 in every accessor, whatever the bytes", () => {
  const listener: TcpRow2 = {
    state: 2,
    localAddr: "0.0.0.0",
    localPort: 443,
    remoteAddr: "203.0.113.9", // what Windows may leave there
    remotePort: 31337,
    owningPid: 4,
    offloadState: 0,
  };
  const bytes = at(encodeTcpTable2([listener, { ...listener, state: 5 }]), 3);
  const table = new TcpTable2View(bytes);
  assert.equal(table.remoteAddr(0), "0.0.0.0");
  assert.equal(table.remoteAddrUint32(0), 0);
  assert.equal(table.remotePort(0), 0);
  assert.deepEqual(table.row(0), { ...listener, remoteAddr: "0.0.0.0", remotePort: 0 });
  // The same bytes in any other state are read as they are.
  assert.equal(table.remoteAddr(1), "203.0.113.9");
  assert.equal(table.remoteAddrUint32(1), 0xcb007109);
  assert.equal(table.remotePort(1), 31337);
  assert.equal(table.count({ remotePort: 31337 }), 1);
  assert.equal(table.count({ port: 31337 }), 1);
  assert.equal(table.count({ state: 2, remotePort: 0 }), 1);
});

Deno.test("TcpTable2View.count keeps to the rows the view was made with if the count changes", () => {
  const rows = busyRows(seeded(SEED + 8), 9);
  const bytes = encodeTcpTable2(rows);
  const table = new TcpTable2View(bytes);
  const before = table.count({ state: 5, port: 443 });
  new DataView(bytes.buffer).setUint32(0, 1_000_000, true); // dwNumEntries, after the check
  assert.equal(table.count({ state: 5, port: 443 }), before);
  assert.equal(table.count({}), 9);
});
