import assert from "node:assert/strict";
import { formatIpv4, formatIpv6, writeIpv4, writeIpv6 } from "../structs/_address.ts";

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
