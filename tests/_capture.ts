// Builds captures for tests from rows, through the public encoders.
import type { Capture, CapturedCall } from "../mock/mod.ts";
import { encodeTcpTable2 } from "../mock/mod.ts";
import type { TcpRow2 } from "../mod.ts";

/** A capture holding `calls`. */
export function capture(...calls: CapturedCall[]): Capture {
  return { format: "iphlpapi-capture", version: 1, producer: "tests", calls };
}

/** A successful call that returned `bytes`. */
export function ok(
  fn: CapturedCall["function"],
  bytes: Uint8Array,
  args: CapturedCall["args"] = {},
): CapturedCall {
  return { function: fn, args, status: 0, data: bytes.toBase64() };
}

/** `count` distinct ESTABLISHED rows. */
export function tcpRows(count: number): TcpRow2[] {
  return Array.from({ length: count }, (_, i) => ({
    state: 5,
    localAddr: "10.0.0.1",
    localPort: 1024 + (i % 60000),
    remoteAddr: `192.0.${(i >> 8) & 255}.${i & 255}`,
    remotePort: 443,
    owningPid: 1000 + i,
    offloadState: 0,
  }));
}

/** A capture whose GetTcpTable2 holds `rows`. */
export function tcpCapture(rows: TcpRow2[]): Capture {
  return capture(ok("GetTcpTable2", encodeTcpTable2(rows)));
}
