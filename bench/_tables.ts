// Busy-server tables for the benchmarks, built with the module's own encoders
// (so their layout is the one structs/layout.ts verifies) from a seeded PRNG:
// every run decodes the same bytes.
import { AF_INET, AF_INET6 } from "../structs/socket_address.ts";
import type { AnycastIpAddressRow } from "../structs/anycast_ip_address_table.ts";
import { encodeAnycastIpAddressTable } from "../structs/anycast_ip_address_table.ts";
import type { InterfaceOffload, IpInterfaceRow } from "../structs/ip_interface_row.ts";
import { encodeIpInterfaceTable } from "../structs/ip_interface_table.ts";
import { MIB_TCPROW2, MIB_TCPTABLE2 } from "../structs/layout.ts";
import type { Tcp6Row2 } from "../structs/tcp6_row.ts";
import { encodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import type { TcpRow2, TcpRowOwnerModule } from "../structs/tcp_row.ts";
import { TcpState } from "../structs/tcp_state.ts";
import { encodeTcpTable } from "../structs/tcp_table.ts";
import { encodeTcpTable2 } from "../structs/tcp_table2.ts";
import type { Udp6RowOwnerPid, UdpRowOwnerPid } from "../structs/udp_row.ts";
import { encodeUdp6TableOwnerPid } from "../structs/udp6_table_owner_pid.ts";
import { encodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
import { encodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { encodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
import { seeded } from "../tests/_random.ts";

/** The row counts every table is benchmarked at. */
export const SIZES = [1_000, 10_000, 200_000] as const;

/** The seed of every table, so that runs are reproducible. */
const SEED = 0x1b5_2026;

/** Helpers over one seeded generator. */
class Random {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = seeded(seed).uint32;
  }
  /**
   * An integer in `[0, n)`, as a small integer. (`%` of a number above 2³¹
   * gives a heap number; stored in a row, that would turn the field of every
   * object of the row's shape into a boxed double, decoded rows included.)
   */
  below(n: number): number {
    return (this.#next() % n) | 0;
  }
  /** An integer in `[low, high]`. */
  between(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p * 2 ** 32;
  }
  /** A random 32-bit unsigned integer. */
  uint32(): number {
    return this.#next();
  }
}

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** The server's own addresses: a handful, as on a real host. */
const LOCAL_ADDRESSES = ["10.0.0.2", "10.0.0.3", "192.168.10.20", "127.0.0.1"];

/** Remote peers per table: thousands of distinct clients and upstreams. */
const PEERS = 5_000;

/** Services the server listens on, and upstreams it connects to. */
const SERVICE_PORTS = [443, 443, 443, 80, 8080];
const UPSTREAM_PORTS = [443, 5432, 6379, 53, 9200];

/** `count` distinct public-looking IPv4 addresses. */
function peers(random: Random, count: number): string[] {
  const seen = new Set<number>();
  while (seen.size < count) {
    const n = random.uint32();
    const first = n >>> 24;
    if (first === 0 || first === 10 || first === 127 || first >= 224) continue;
    seen.add(n);
  }
  return [...seen].map(dotted);
}

/** Options of {@linkcode busyTcpRows}. */
export interface BusyTcpOptions {
  /** Every connection has its own remote address: the worst case for an address cache. */
  distinctPeers?: boolean;
}

/**
 * `count` connections of a busy server: a handful of local addresses, thousands
 * of remote peers, random ports and PIDs; about 88% ESTABLISHED, 8% TIME_WAIT,
 * 2% CLOSE_WAIT, 2% LISTEN. Inbound connections go to 443, 80 or 8080; outbound
 * ones to 443, 5432, 6379, 53 or 9200.
 */
export function busyTcpRows(count: number, options: BusyTcpOptions = {}): TcpRow2[] {
  const random = new Random(SEED ^ count);
  const remotes = peers(random, options.distinctPeers ? count : PEERS);
  const pids = Array.from({ length: 16 }, () => 4 * random.between(100, 16_000));
  const rows: TcpRow2[] = [];
  for (let i = 0; i < count; i++) {
    const localAddr = random.pick(LOCAL_ADDRESSES);
    const owningPid = random.pick(pids);
    const roll = random.below(100);
    if (roll < 2) {
      rows.push({
        state: TcpState.LISTEN,
        localAddr: random.chance(0.5) ? "0.0.0.0" : localAddr,
        localPort: random.chance(0.5) ? random.pick(SERVICE_PORTS) : random.between(1024, 49151),
        remoteAddr: "0.0.0.0",
        remotePort: 0,
        owningPid,
        offloadState: 0,
      });
      continue;
    }
    const state = roll < 10
      ? TcpState.TIME_WAIT
      : roll < 12
      ? TcpState.CLOSE_WAIT
      : TcpState.ESTABLISHED;
    const inbound = random.chance(0.7);
    const ephemeral = random.between(49152, 65535);
    rows.push({
      state,
      localAddr,
      localPort: inbound ? random.pick(SERVICE_PORTS) : ephemeral,
      remoteAddr: options.distinctPeers ? remotes[i]! : random.pick(remotes),
      remotePort: inbound ? random.between(1024, 65535) : random.pick(UPSTREAM_PORTS),
      owningPid: state === TcpState.TIME_WAIT ? 0 : owningPid,
      offloadState: 0,
    });
  }
  return rows;
}

/** Rows in a pool of distinct-peer tables: far more addresses than any memo of texts holds. */
export const POOL_ROWS = 2_000_000;

/** A bijection of the 32-bit integers that scatters consecutive ones. */
function scramble(n: number): number {
  let x = Math.imul(n ^ 0x5bd1e995, 0x2c1b3c6d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x297a2d39) >>> 0;
  return (x ^ (x >>> 12)) >>> 0;
}

/**
 * `POOL_ROWS / rows` `MIB_TCPTABLE2`s of `rows` rows each, back to back, in
 * which no remote address appears twice, across the whole pool: the busy
 * server's rows with a new peer on every connection (a SYN flood, a busy
 * proxy). Decoding the pool table after table, a memo of address texts never
 * sees an address again, whatever the table size: it is always cold.
 */
export function distinctPeerPool(rows: number): Uint8Array {
  const table = encodeTcpTable2(busyTcpRows(rows, { distinctPeers: true }));
  const copies = Math.max(1, Math.round(POOL_ROWS / rows));
  const pool = new Uint8Array(table.length * copies);
  const view = new DataView(pool.buffer);
  let next = 0;
  for (let copy = 0; copy < copies; copy++) {
    const at = copy * table.length;
    pool.set(table, at);
    for (let i = 0; i < rows; i++) {
      const o = at + MIB_TCPTABLE2.table + i * MIB_TCPROW2.size;
      if (view.getUint32(o + MIB_TCPROW2.dwState, true) === TcpState.LISTEN) continue;
      let address: number;
      do address = scramble(next++); while (!isPublic(address));
      view.setUint32(o + MIB_TCPROW2.dwRemoteAddr, address, false);
    }
  }
  return pool;
}

function isPublic(address: number): boolean {
  const first = address >>> 24;
  return first !== 0 && first !== 10 && first !== 127 && first < 224;
}

/** The same connections as every IPv4 TCP table kind. */
export interface TcpTables {
  /** `MIB_TCPTABLE` */
  tcp: Uint8Array;
  /** `MIB_TCPTABLE2` */
  tcp2: Uint8Array;
  /** `MIB_TCPTABLE_OWNER_PID` */
  ownerPid: Uint8Array;
  /** `MIB_TCPTABLE_OWNER_MODULE` */
  ownerModule: Uint8Array;
}

/** {@linkcode busyTcpRows} encoded as every IPv4 TCP table kind. */
export function busyTcpTables(count: number, options: BusyTcpOptions = {}): TcpTables {
  const rows = busyTcpRows(count, options);
  const random = new Random(SEED ^ count ^ 0x5eed);
  const bootTicks = 133_500_000_000_000_000n; // FILETIME of a 2024 boot
  const moduleRows: TcpRowOwnerModule[] = rows.map((row) => ({
    ...row,
    createTimestamp: bootTicks + BigInt(random.uint32()) * 1_000n,
    owningModuleInfo: Array.from(
      { length: 16 },
      (_, i) => i < 2 ? BigInt(random.uint32()) : 0n,
    ),
  }));
  return {
    tcp: encodeTcpTable(rows),
    tcp2: encodeTcpTable2(rows),
    ownerPid: encodeTcpTableOwnerPid(rows),
    ownerModule: encodeTcpTableOwnerModule(moduleRows),
  };
}

/** An IPv6 group in hex. */
const group = (random: Random) => random.below(0x10000).toString(16);

/**
 * `count` distinct IPv6 peers as they appear in a dual-stack server's table:
 * 60% global addresses with random interface IDs, 20% global server
 * addresses (`2001:db8:…::17`), 20% IPv4 clients as IPv4-mapped addresses.
 */
function ipv6Peers(random: Random, count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const kind = random.below(10);
    const prefix = `${(0x2000 + random.below(0x2000)).toString(16)}:${group(random)}:${
      group(random)
    }`;
    seen.add(
      kind < 6
        ? `${prefix}:${group(random)}:${group(random)}:${group(random)}:${group(random)}:${
          group(random)
        }`
        : kind < 8
        ? `${prefix}::${group(random)}`
        : `::ffff:${dotted((1 + random.below(223)) << 24 | random.below(1 << 24))}`,
    );
  }
  return [...seen];
}

/** The server's IPv6 addresses: two global ones, a link-local one (scope 12), an IPv4-mapped one. */
const LOCAL_IPV6 = [
  "2001:db8:10::2",
  "2001:db8:10::3",
  "fe80::1c2d:3e4f:5a6b:7c8d",
  "::ffff:10.0.0.2",
];

/**
 * {@linkcode busyTcpRows} over IPv6, as `MIB_TCP6ROW2`s: the same states,
 * ports and PIDs, 5,000 peers from {@linkcode ipv6Peers}, the local addresses
 * of {@linkcode LOCAL_IPV6}; listeners have `::` port 0 as their remote end.
 */
export function busyTcp6Rows(count: number): Tcp6Row2[] {
  const random = new Random(SEED ^ count ^ 0x6);
  const peers = ipv6Peers(random, PEERS);
  return busyTcpRows(count).map((row) => {
    const localAddr = random.pick(LOCAL_IPV6);
    const listen = row.state === TcpState.LISTEN;
    const localScopeId = localAddr.startsWith("fe80:") ? 12 : 0;
    return {
      localAddr: listen && random.chance(0.5) ? "::" : localAddr,
      localScopeId: listen ? 0 : localScopeId,
      localPort: row.localPort,
      remoteAddr: listen ? "::" : random.pick(peers),
      remoteScopeId: 0,
      remotePort: row.remotePort,
      state: row.state,
      owningPid: row.owningPid,
      offloadState: row.offloadState,
    };
  });
}

/**
 * `count` UDP endpoints of a busy host: DNS, QUIC and RPC sockets bound to
 * the wildcard (40%), loopback (10%) or one of the server's addresses (50%),
 * on random ports, owned by 16 processes.
 */
export function busyUdpRows(count: number): UdpRowOwnerPid[] {
  const random = new Random(SEED ^ count ^ 0x17);
  const pids = Array.from({ length: 16 }, () => 4 * random.between(100, 16_000));
  return Array.from({ length: count }, () => {
    const roll = random.below(10);
    return {
      localAddr: roll < 4 ? "0.0.0.0" : roll < 5 ? "127.0.0.1" : random.pick(LOCAL_ADDRESSES),
      localPort: random.between(1, 65535),
      owningPid: random.pick(pids),
    };
  });
}

/** {@linkcode busyUdpRows} over IPv6: `::`, `::1` and {@linkcode LOCAL_IPV6}. */
export function busyUdp6Rows(count: number): Udp6RowOwnerPid[] {
  const random = new Random(SEED ^ count ^ 0x66);
  return busyUdpRows(count).map((row) => {
    const roll = random.below(10);
    const localAddr = roll < 4 ? "::" : roll < 5 ? "::1" : random.pick(LOCAL_IPV6);
    return {
      localAddr,
      localScopeId: localAddr.startsWith("fe80:") ? 12 : 0,
      localPort: row.localPort,
      owningPid: row.owningPid,
    };
  });
}

/** The tables of bench/compare.ts, encoded: {@linkcode busyTcp6Rows} and the UDP tables. */
export const encodeBusyTcp6Table = (count: number) => encodeTcp6Table2(busyTcp6Rows(count));
/** {@linkcode busyUdpRows} as a `MIB_UDPTABLE_OWNER_PID`. */
export const encodeBusyUdpTable = (count: number) => encodeUdpTableOwnerPid(busyUdpRows(count));
/** {@linkcode busyUdp6Rows} as a `MIB_UDP6TABLE_OWNER_PID`. */
export const encodeBusyUdp6Table = (count: number) => encodeUdp6TableOwnerPid(busyUdp6Rows(count));

function offload(random: Random): InterfaceOffload {
  const bits = random.below(256);
  return {
    nlChecksumSupported: (bits & 1) !== 0,
    nlOptionsSupported: (bits & 2) !== 0,
    tlDatagramChecksumSupported: (bits & 4) !== 0,
    tlStreamChecksumSupported: (bits & 8) !== 0,
    tlStreamOptionsSupported: (bits & 16) !== 0,
    fastPathCompatible: (bits & 32) !== 0,
    tlLargeSendOffloadSupported: (bits & 64) !== 0,
    tlGiantSendOffloadSupported: (bits & 128) !== 0,
  };
}

/**
 * A `MIB_IPINTERFACE_TABLE` of `count` rows: one IPv4 and one IPv6 row per
 * interface, as Windows lists them, with typical values (metrics, MTUs,
 * reachable times) and random offload flags.
 */
export function ipInterfaceTable(count: number): Uint8Array {
  const random = new Random(SEED ^ count ^ 0x1f);
  const rows: IpInterfaceRow[] = [];
  for (let i = 0; i < count; i++) {
    const ipv6 = i % 2 === 1;
    const interfaceIndex = 1 + (i >> 1);
    rows.push({
      family: ipv6 ? AF_INET6 : AF_INET,
      interfaceLuid: (BigInt(random.pick([6, 24, 71, 131])) << 48n) | BigInt(interfaceIndex),
      interfaceIndex,
      maxReassemblySize: 65535,
      interfaceIdentifier: BigInt(random.uint32()) << 32n | BigInt(random.uint32()),
      minRouterAdvertisementInterval: 200,
      maxRouterAdvertisementInterval: 600,
      advertisingEnabled: false,
      forwardingEnabled: random.chance(0.1),
      weakHostSend: false,
      weakHostReceive: false,
      useAutomaticMetric: true,
      useNeighborUnreachabilityDetection: true,
      managedAddressConfigurationSupported: ipv6 && random.chance(0.3),
      otherStatefulConfigurationSupported: ipv6 && random.chance(0.3),
      advertiseDefaultRoute: false,
      routerDiscoveryBehavior: 2,
      dadTransmits: ipv6 ? 1 : 0,
      baseReachableTime: 30_000,
      retransmitTime: 1_000,
      pathMtuDiscoveryTimeout: 600_000,
      linkLocalAddressBehavior: ipv6 ? 2 : 1,
      linkLocalAddressTimeout: 1_000,
      zoneIndices: Array.from({ length: 16 }, (_, z) => z < 2 || z > 13 ? 0 : interfaceIndex),
      sitePrefixLength: ipv6 ? 64 : 0,
      metric: random.pick([5, 15, 25, 35, 75]),
      nlMtu: random.pick([1500, 1500, 9000, 1280]),
      connected: random.chance(0.8),
      supportsWakeUpPatterns: random.chance(0.5),
      supportsNeighborDiscovery: true,
      supportsRouterDiscovery: true,
      reachableTime: random.between(15_000, 45_000),
      transmitOffload: offload(random),
      receiveOffload: offload(random),
      disableDefaultRoutes: false,
    });
  }
  return encodeIpInterfaceTable(rows);
}

/**
 * A `MIB_ANYCASTIPADDRESS_TABLE` of `count` rows: three IPv6 anycast addresses
 * (global, ULA and link-local, with a scope) for each IPv4 one, on a few
 * hundred interfaces.
 */
export function anycastTable(count: number): Uint8Array {
  const random = new Random(SEED ^ count ^ 0xac);
  const hex = () => random.below(0x10000).toString(16);
  const rows: AnycastIpAddressRow[] = [];
  for (let i = 0; i < count; i++) {
    const interfaceIndex = random.between(1, 300);
    const kind = i % 4;
    rows.push({
      address: kind === 0 ? { family: AF_INET, address: dotted(random.uint32()), port: 0 } : {
        family: AF_INET6,
        address: kind === 1
          ? `2001:db8:${hex()}:${hex()}::${hex()}`
          : kind === 2
          ? `fd00:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}`
          : `fe80::${hex()}:${hex()}:${hex()}:${hex()}`,
        port: 0,
        flowInfo: 0,
        scopeId: kind === 3 ? interfaceIndex : 0,
      },
      interfaceLuid: (6n << 48n) | BigInt(interfaceIndex),
      interfaceIndex,
      scopeId: kind === 3 ? interfaceIndex : 0,
    });
  }
  return encodeAnycastIpAddressTable(rows);
}
