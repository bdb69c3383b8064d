import assert from "node:assert/strict";
import {
  clearIpv4Memo,
  formatIpv4,
  formatIpv6,
  ipv4Text,
  ipv4TextStats,
  writeIpv4,
  writeIpv6,
} from "../structs/_address.ts";
import { seeded } from "./_random.ts";

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

const v6 = (text: string) => {
  const view = new DataView(new ArrayBuffer(16));
  writeIpv6(view, 0, text);
  return formatIpv6(view, 0);
};

Deno.test("IPv6 text is RFC 5952: lowercase, no leading zeros, longest zero run compressed", () => {
  const cases: [string, string][] = [
    ["0:0:0:0:0:0:0:0", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // tie: the first run
    ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"], // the longer run, not the first
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // a single zero group stays
    ["fe80:0:0:0:0:0:0:0", "fe80::"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["0:0:1:0:0:0:1:0", "0:0:1::1:0"],
    ["abcd:ef01:2345:6789:abcd:ef01:2345:6789", "abcd:ef01:2345:6789:abcd:ef01:2345:6789"],
    ["::ffff:c000:0280", "::ffff:192.0.2.128"], // IPv4-mapped keeps the dotted quad
    ["::ffff:0.0.0.0", "::ffff:0.0.0.0"],
    ["::fffe:c000:0280", "::fffe:c000:280"], // not IPv4-mapped
    ["0:0:0:0:1:ffff:c000:280", "::1:ffff:c000:280"], // not IPv4-mapped either
  ];
  for (const [input, expected] of cases) assert.equal(v6(input), expected, input);
});

Deno.test("IPv4 text is the four bytes in memory order", () => {
  const view = new DataView(new Uint8Array([0, 10, 0, 255, 1]).buffer);
  assert.equal(formatIpv4(view, 1), "10.0.255.1");
  const out = new DataView(new ArrayBuffer(4));
  writeIpv4(out, 0, "255.0.9.10");
  assert.deepEqual([...new Uint8Array(out.buffer)], [255, 0, 9, 10]);
});

Deno.test("the encoders reject malformed address text", () => {
  const view = new DataView(new ArrayBuffer(16));
  for (const bad of ["1.2.3", "1.2.3.256", "a.b.c.d", "1.2.3.4.5", ""]) {
    assert.throws(() => writeIpv4(view, 0, bad), TypeError, bad);
  }
  for (
    const bad of [
      "1::2::3",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "12345::",
      "::g",
      "1:2:3:4:5:6:7::8",
    ]
  ) {
    assert.throws(() => writeIpv6(view, 0, bad), TypeError, bad);
  }
});

Deno.test("dotted quads are right on a miss, on the second sighting and from the memo", () => {
  clearIpv4Memo();
  const random = seeded(0xadd4);
  const keys = [0, -1, 0x7fffffff, -0x80000000, 0x0a000002, 0xc0000207 | 0];
  for (let v = 0; v < 256; v++) keys.push((v << 24 | v << 16 | v << 8 | v) | 0, v, v << 8, v << 16);
  for (let i = 0; i < 5_000; i++) keys.push(random.uint32() | 0);
  for (let pass = 0; pass < 3; pass++) {
    for (const key of keys) {
      assert.equal(ipv4Text(key), dotted(key >>> 0), `pass ${pass}, ${key}`);
      assert.equal(ipv4Text(key >>> 0), dotted(key >>> 0), "unsigned keys alike");
    }
  }
});

Deno.test("the memo remembers a text on its second miss, then makes it no more", () => {
  clearIpv4Memo();
  const made = () => ipv4TextStats.made;
  const view = new DataView(new Uint8Array([198, 51, 100, 23]).buffer);
  const before = made();
  assert.equal(formatIpv4(view, 0), "198.51.100.23"); // first sighting: made, not remembered
  assert.equal(made() - before, 1);
  assert.equal(formatIpv4(view, 0), "198.51.100.23"); // second: made and remembered
  assert.equal(made() - before, 2);
  for (let i = 0; i < 10; i++) assert.equal(formatIpv4(view, 0), "198.51.100.23");
  assert.equal(made() - before, 2);
});

Deno.test("past the memo's capacity, texts stay right and the memo empties itself", () => {
  clearIpv4Memo();
  const random = seeded(0xf011);
  const keys = Array.from({ length: 20_000 }, () => random.uint32() | 0);
  const emptied = ipv4TextStats.emptied;
  for (let pass = 0; pass < 3; pass++) {
    for (const key of keys) assert.equal(ipv4Text(key), dotted(key >>> 0));
  }
  assert.ok(ipv4TextStats.emptied > emptied, "20,000 addresses seen three times fill it");
});
