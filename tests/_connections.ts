// Hand-built connection tables and captures for the issue-9 API tests, built
// through the public encoders, and the Wine 10 sample with what it holds.
import {
  bytesToBase64,
  type Capture,
  type CapturedCall,
  encodeOwnerModuleBasicInfo,
  encodeTcp6RowOwnerModule,
  encodeTcp6TableOwnerModule,
  encodeTcp6TableOwnerPid,
  encodeTcpTableOwnerPid,
  encodeUdp6RowOwnerModule,
  encodeUdp6TableOwnerModule,
  encodeUdp6TableOwnerPid,
  encodeUdpRowOwnerModule,
  encodeUdpTableOwnerModule,
  encodeUdpTableOwnerPid,
} from "../mock/mod.ts";
import type {
  OwnerModuleBasicInfo,
  Tcp6RowOwnerModule,
  Tcp6RowOwnerPid,
  TcpRowOwnerPid,
  Udp6RowOwnerModule,
  Udp6RowOwnerPid,
  UdpRowOwnerModule,
  UdpRowOwnerPid,
} from "../mod.ts";
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import expected from "./fixtures/wine10.expected.json" with { type: "json" };
import { capture, ok } from "./_capture.ts";

/** The Wine 10 sample: real rows of every connection table. */
export const WINE = wine as Capture;
/** The sockets the Wine sample's recorder opened, and its PID. */
export const EXPECTED = expected;

/** `"[::1]:8081"` or `"127.0.0.1:5353"` as an address and a port. */
export function endpoint(text: string): { addr: string; port: number } {
  const colon = text.lastIndexOf(":");
  const host = text.slice(0, colon);
  return {
    addr: host.startsWith("[") ? host.slice(1, -1) : host,
    port: Number(text.slice(colon + 1)),
  };
}

/** IPv4 TCP rows: a listener (with junk in its undefined remote port), a connection, a TIME_WAIT. */
export const TCP4: TcpRowOwnerPid[] = [
  {
    state: 2,
    localAddr: "0.0.0.0",
    localPort: 8080,
    remoteAddr: "0.0.0.0",
    remotePort: 4660,
    owningPid: 100,
  },
  {
    state: 5,
    localAddr: "10.0.0.2",
    localPort: 8080,
    remoteAddr: "192.0.2.7",
    remotePort: 50000,
    owningPid: 100,
  },
  {
    state: 11,
    localAddr: "10.0.0.2",
    localPort: 8080,
    remoteAddr: "192.0.2.8",
    remotePort: 50001,
    owningPid: 0,
  },
  {
    state: 5,
    localAddr: "10.0.0.2",
    localPort: 50123,
    remoteAddr: "198.51.100.1",
    remotePort: 443,
    owningPid: 200,
  },
];

/** IPv6 TCP rows: a listener and a link-local connection with scope IDs. */
export const TCP6: Tcp6RowOwnerPid[] = [
  {
    state: 2,
    localAddr: "::",
    localScopeId: 0,
    localPort: 8080,
    remoteAddr: "::",
    remoteScopeId: 0,
    remotePort: 0,
    owningPid: 300,
  },
  {
    state: 5,
    localAddr: "fe80::1",
    localScopeId: 7,
    localPort: 8080,
    remoteAddr: "fe80::2",
    remoteScopeId: 7,
    remotePort: 40000,
    owningPid: 300,
  },
];

/** IPv4 UDP rows. */
export const UDP4: UdpRowOwnerPid[] = [
  { localAddr: "0.0.0.0", localPort: 53, owningPid: 400 },
  { localAddr: "127.0.0.1", localPort: 8080, owningPid: 100 },
];

/** IPv6 UDP rows. */
export const UDP6: Udp6RowOwnerPid[] = [
  { localAddr: "fe80::1", localScopeId: 7, localPort: 546, owningPid: 500 },
];

/** The four owner-PID calls getConnections makes, holding the rows above. */
export function connectionCalls(): CapturedCall[] {
  return [
    ok("GetExtendedTcpTable", encodeTcpTableOwnerPid(TCP4), { family: 2, tableClass: 5 }),
    ok("GetExtendedTcpTable", encodeTcp6TableOwnerPid(TCP6), { family: 23, tableClass: 5 }),
    ok("GetExtendedUdpTable", encodeUdpTableOwnerPid(UDP4), { family: 2, tableClass: 1 }),
    ok("GetExtendedUdpTable", encodeUdp6TableOwnerPid(UDP6), { family: 23, tableClass: 1 }),
  ];
}

/** A capture of the four owner-PID tables; `before` calls win over them (first match). */
export function connectionsCapture(...before: CapturedCall[]): Capture {
  return capture(...before, ...connectionCalls());
}

/** The owner-module rows of the lookups: one per table, and a row no lookup knows. */
export const TCP6_MODULE: Tcp6RowOwnerModule = {
  ...TCP6[0]!,
  createTimestamp: 133_700_000_000_000_000n,
  owningModuleInfo: Array(16).fill(3n),
};
export const UDP_MODULE: UdpRowOwnerModule = {
  ...UDP4[0]!,
  createTimestamp: 133_700_000_000_000_001n,
  specificPortBind: true,
  flags: 1,
  owningModuleInfo: Array(16).fill(4n),
};
export const UDP6_MODULE: Udp6RowOwnerModule = {
  ...UDP6[0]!,
  createTimestamp: 133_700_000_000_000_002n,
  specificPortBind: false,
  flags: 0,
  owningModuleInfo: Array(16).fill(5n),
};

/** Where the recorded owner-module buffers lay: the mock moves their pointers. */
const RECORDED_AT = 0x2_0000_0000n;

/** A successful owner-module lookup of `fn` for the row `entry`. */
export function moduleCall(
  fn: CapturedCall["function"],
  entry: Uint8Array,
  info: OwnerModuleBasicInfo,
): CapturedCall {
  return {
    ...ok(fn, encodeOwnerModuleBasicInfo(info, RECORDED_AT), { row: bytesToBase64(entry) }),
    address: `0x${RECORDED_AT.toString(16)}`,
  };
}

/** A path longer than the 4 KiB first guess, so that a lookup has to probe. */
export const LONG_PATH = "C:\\" + "a-long-directory-name\\".repeat(120) + "dns.exe";

/** The owner-module tables of the rows above, and a lookup for each row. */
export function moduleCapture(): Capture {
  return capture(
    ok("GetExtendedTcpTable", encodeTcp6TableOwnerModule([TCP6_MODULE]), {
      family: 23,
      tableClass: 8,
    }),
    ok("GetExtendedUdpTable", encodeUdpTableOwnerModule([UDP_MODULE]), {
      family: 2,
      tableClass: 2,
    }),
    ok("GetExtendedUdpTable", encodeUdp6TableOwnerModule([UDP6_MODULE]), {
      family: 23,
      tableClass: 2,
    }),
    moduleCall("GetOwnerModuleFromTcp6Entry", encodeTcp6RowOwnerModule(TCP6_MODULE), {
      moduleName: "web.exe",
      modulePath: "C:\\srv\\web.exe",
    }),
    moduleCall("GetOwnerModuleFromUdpEntry", encodeUdpRowOwnerModule(UDP_MODULE), {
      moduleName: "dns.exe",
      modulePath: LONG_PATH,
    }),
    moduleCall("GetOwnerModuleFromUdp6Entry", encodeUdp6RowOwnerModule(UDP6_MODULE), {
      moduleName: "dhcp\ud800.dll",
      modulePath: "C:\\Windows\\System32\\dhcp\ud800.dll",
    }),
  );
}
