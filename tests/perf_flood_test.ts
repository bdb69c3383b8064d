// The memos of address texts cannot be flooded: addresses chosen to collide
// (as a SYN flood with spoofed sources may choose them) cost no more slots
// examined and no more texts made than random ones, and addresses seen once
// do not evict the ones a server sees every poll. Measured by counting what
// the memo does (slots examined, texts made), not by timing, so the test
// is deterministic.
import assert from "node:assert/strict";
import {
  clearIpv4Memo,
  collidingIpv4Keys,
  formatIpv4,
  formatIpv6,
  ipv4HomeSlot,
  ipv4Text,
  ipv4TextStats,
  ipv6HomeSlot,
  ipv6Text,
  ipv6TextStats,
  TEXT_PROBES,
} from "../structs/_address.ts";
import { decodeTcpTable, encodeTcpTable } from "../structs/tcp_table.ts";
import { decodeTcpTable2, encodeTcpTable2 } from "../structs/tcp_table2.ts";
import {
  decodeTcpTableOwnerModule,
  encodeTcpTableOwnerModule,
} from "../structs/tcp_table_owner_module.ts";
import { decodeTcpTableOwnerPid, encodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
import type { TcpRow2 } from "../structs/tcp_row.ts";
import { seeded } from "./_random.ts";

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** What the memo did while `fn` ran. */
function work(fn: () => void): typeof ipv4TextStats {
  const before = { ...ipv4TextStats };
  fn();
  const delta = { ...ipv4TextStats };
  for (const key of Object.keys(delta) as (keyof typeof delta)[]) delta[key] -= before[key];
  return delta;
}

/** Looks `keys` up `passes` times, checking every text; what the memo did. */
function lookUp(keys: number[], passes: number): typeof ipv4TextStats {
  return work(() => {
    for (let pass = 0; pass < passes; pass++) {
      for (const key of keys) assert.equal(ipv4Text(key), dotted(key >>> 0));
    }
  });
}

/** `count` distinct random addresses, none of them in `avoid`. */
function randomKeys(seed: number, count: number, avoid = new Set<number>()): number[] {
  const random = seeded(seed);
  const keys = new Set<number>();
  while (keys.size < count) {
    const key = random.uint32() | 0;
    if (!avoid.has(key)) keys.add(key);
  }
  return [...keys];
}

const N = 50_000;

Deno.test("flood: 50,000 addresses sharing one home slot cost a bounded number of probes", () => {
  const colliding = collidingIpv4Keys(N, 12_345);
  assert.equal(new Set(colliding.map(ipv4HomeSlot)).size, 1);
  const random = randomKeys(0xf100d, N, new Set(colliding));
  // Three passes each: first sightings, second sightings (remembered, or
  // refused a place), then hits and misses.
  const attack = lookUp(colliding, 3);
  const baseline = lookUp(random, 3);
  const lookups = 3 * N;
  // Every lookup examines at most TEXT_PROBES slots, whatever the addresses.
  assert.ok(attack.extraProbes <= (TEXT_PROBES - 1) * lookups, JSON.stringify(attack));
  // A miss makes one text, colliding or not: the attack makes no more.
  assert.ok(attack.made <= lookups);
  assert.ok(attack.made <= 1.1 * baseline.made, `${attack.made} vs ${baseline.made} texts`);
  // All in all (a text made costs about as much as ten slots examined: ~30 ns
  // against ~2 ns, and the attack's slots are the same four, always in the
  // cache), the attack costs at most 1.5 times what random addresses cost.
  // The old memo (linear probing without bound, an unseeded hash) examined
  // some 10⁹ slots for these lookups, and emptied itself every 16,384 texts.
  const cost = (w: typeof ipv4TextStats) => lookups + w.extraProbes + 10 * w.made;
  assert.ok(
    cost(attack) <= 1.5 * cost(baseline),
    `attack ${JSON.stringify(attack)}, baseline ${JSON.stringify(baseline)}`,
  );
});

Deno.test("flood: addresses that collided in the old memo's unseeded hash are ordinary here", () => {
  // The old memo's home slot was the top 15 bits of key × 2³²/φ: keys
  // spaced by the inverse of that multiplier share one.
  let inverse = 0x9e3779b1 | 0;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(0x9e3779b1, inverse));
  const oldColliding = Array.from({ length: N }, (_, j) => Math.imul(inverse, (777 << 17) + j));
  const homes = new Set(oldColliding.map(ipv4HomeSlot));
  assert.ok(homes.size > 20_000, `${homes.size} home slots for ${N} keys`);
  const attack = lookUp(oldColliding, 2);
  const baseline = lookUp(randomKeys(0xba5e, N, new Set(oldColliding)), 2);
  assert.ok(attack.extraProbes + attack.made <= 1.5 * (baseline.extraProbes + baseline.made) + 100);
});

Deno.test("flood: addresses seen once do not evict the addresses seen every poll", () => {
  clearIpv4Memo(); // the other tests filled it
  const busy = randomKeys(0xb05, 2_000);
  // Remembered from the second sighting on (a few may share a full probe window).
  const missedBefore = lookUp(busy, 3) && lookUp(busy, 1).made;
  assert.ok(missedBefore <= 4, `${missedBefore} busy addresses not remembered`);
  const flood = [
    ...collidingIpv4Keys(N, ipv4HomeSlot(busy[0]!)),
    ...randomKeys(0x5f1d, N, new Set(busy)),
  ];
  const floodWork = lookUp(flood, 1);
  // The flood's first sightings are not remembered (only the 1 in 8 the
  // doorkeeper lets in by mistake), so the busy addresses stay: at most those
  // in the probe window the flood aimed at are given up, or all of them if
  // the flood filled the memo (then the next poll remembers them again).
  const missedAfter = lookUp(busy, 1).made;
  if (floodWork.emptied === 0) {
    assert.ok(missedAfter <= missedBefore + TEXT_PROBES, `${missedAfter} busy addresses evicted`);
  }
  lookUp(busy, 1);
  const missedLater = lookUp(busy, 1).made;
  assert.ok(missedLater <= missedBefore + TEXT_PROBES, `${missedLater} still missed`);
});

Deno.test("flood: decodeTcpTable2 of a table of colliding peers does bounded work per row", () => {
  const keys = collidingIpv4Keys(N, 31_000);
  const rows: TcpRow2[] = keys.map((key, i) => ({
    state: 5,
    localAddr: "10.0.0.2",
    localPort: 443,
    remoteAddr: dotted(key >>> 0),
    remotePort: 1024 + (i % 60_000),
    owningPid: 4,
    offloadState: 0,
  }));
  const bytes = encodeTcpTable2(rows);
  for (let poll = 0; poll < 3; poll++) {
    let decoded: TcpRow2[] = [];
    const w = work(() => decoded = decodeTcpTable2(bytes));
    assert.deepEqual(decoded, rows);
    // Two lookups a row (local, remote): at most TEXT_PROBES - 1 extra slots each.
    assert.ok(w.extraProbes <= 2 * (TEXT_PROBES - 1) * N, `poll ${poll}: ${JSON.stringify(w)}`);
    assert.ok(w.made <= N + 2, `poll ${poll}: ${JSON.stringify(w)}`);
  }
});

Deno.test("formatIpv4 reads the four bytes at any offset, in network order", () => {
  const bytes = new Uint8Array([9, 192, 0, 2, 255, 7]);
  const view = new DataView(bytes.buffer);
  for (let pass = 0; pass < 3; pass++) {
    assert.equal(formatIpv4(view, 1), "192.0.2.255");
    assert.equal(formatIpv4(view, 2), "0.2.255.7");
  }
});

Deno.test("tables of new peers: every IPv4 TCP decoder gives the same rows on its fresh path", () => {
  // 3,000 rows, every peer new, 1 in 20 a listener (remote members junk):
  // after the first stretch of 256 rows the decoders make remote texts anew
  // (but for every 16th row); the rows must not tell.
  const random = seeded(0xf7e5);
  const rows: TcpRow2[] = Array.from({ length: 3_000 }, (_, i) => ({
    state: i % 20 === 7 ? 2 : 5,
    localAddr: ["10.0.0.2", "192.168.1.9"][i % 2]!,
    localPort: 443,
    remoteAddr: dotted(random.uint32()),
    remotePort: 1024 + i,
    owningPid: 4 * i,
    offloadState: 0,
  }));
  const expected = rows.map((row) =>
    row.state === 2 ? { ...row, remoteAddr: "0.0.0.0", remotePort: 0 } : row
  );
  const strip = ({ offloadState: _o, owningPid: _p, ...rest }: TcpRow2) => rest;
  const noOffload = ({ offloadState: _o, ...rest }: TcpRow2) => rest;
  const module = rows.map((row) => ({
    ...noOffload(row),
    createTimestamp: 133_500_000_000_000_000n,
    owningModuleInfo: Array.from({ length: 16 }, () => 0n),
  }));
  for (let pass = 0; pass < 2; pass++) {
    const fresh = ipv4TextStats.fresh;
    assert.deepEqual(decodeTcpTable2(encodeTcpTable2(rows)), expected);
    const made = ipv4TextStats.fresh - fresh;
    assert.ok(made >= 1_500, `pass ${pass}: the fresh path made ${made} texts`);
    assert.deepEqual(decodeTcpTable(encodeTcpTable(rows)), expected.map(strip));
    assert.deepEqual(decodeTcpTableOwnerPid(encodeTcpTableOwnerPid(rows)), expected.map(noOffload));
    assert.deepEqual(
      decodeTcpTableOwnerModule(encodeTcpTableOwnerModule(module)),
      expected.map((row, i) => ({
        ...noOffload(row),
        createTimestamp: module[i]!.createTimestamp,
        owningModuleInfo: module[i]!.owningModuleInfo,
      })),
    );
  }
});

Deno.test("the IPv6 memo cannot be flooded: 50,000 addresses with one home slot cost at most TEXT_PROBES slots each", () => {
  // The hash mixes the four words linearly, so choosing the third word and
  // undoing its mix in the fourth keeps the home slot: a flood needs no secret.
  const count = 50_000;
  const bytes = new Uint8Array(16 * count);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < count; i++) {
    const c = i + 1;
    view.setInt32(16 * i, 0x20010db8, true);
    view.setInt32(16 * i + 8, c, true);
    view.setInt32(16 * i + 12, 0x5a5a5a5a ^ Math.imul(c, 0x27d4eb2f), true);
  }
  const home = ipv6HomeSlot(view.getInt32(0, true), 0, 1, view.getInt32(12, true));
  assert.equal(
    ipv6HomeSlot(view.getInt32(16, true), 0, 2, view.getInt32(28, true)),
    home,
    "the chosen addresses share a home slot",
  );
  for (let pass = 0; pass < 2; pass++) {
    const { extraProbes, made } = ipv6TextStats;
    for (let i = 0; i < count; i++) {
      assert.equal(ipv6Text(view, 16 * i), formatIpv6(view, 16 * i));
    }
    const probes = ipv6TextStats.extraProbes - extraProbes;
    assert.ok(probes <= (TEXT_PROBES - 1) * count, `pass ${pass}: ${probes} extra slots examined`);
    assert.ok(ipv6TextStats.made - made <= count, `pass ${pass}: texts made`);
  }
});
