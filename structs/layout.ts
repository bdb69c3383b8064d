/**
 * The x64 memory layout of every IP Helper structure this module reads or
 * writes: sizes and member offsets in bytes, keyed by the Win32 member name.
 *
 * These numbers are the one place the decoders, encoders, views and mock take
 * offsets from. `deno task test:layout` compiles `tests/layout/probe.c` against
 * the mingw-w64 Windows headers, runs it, and checks its `sizeof`/`offsetof`
 * output against every constant here, both ways: a changed or missing constant
 * fails the test.
 *
 * Padding is written out where it occurs; decoders never read it.
 *
 * @module
 */

/** `MIB_TCPTABLE` (iprtrmib.h): `DWORD dwNumEntries; MIB_TCPROW table[]`. No padding. */
export const MIB_TCPTABLE = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_TCPROW` (iprtrmib.h): five DWORDs. */
export const MIB_TCPROW = {
  size: 20,
  dwState: 0,
  dwLocalAddr: 4,
  dwLocalPort: 8,
  dwRemoteAddr: 12,
  dwRemotePort: 16,
} as const;

/** `MIB_TCPTABLE2` (tcpmib.h): `DWORD dwNumEntries; MIB_TCPROW2 table[]`. No padding. */
export const MIB_TCPTABLE2 = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_TCPROW2` (tcpmib.h): seven DWORD-sized members. */
export const MIB_TCPROW2 = {
  size: 28,
  dwState: 0,
  dwLocalAddr: 4,
  dwLocalPort: 8,
  dwRemoteAddr: 12,
  dwRemotePort: 16,
  dwOwningPid: 20,
  dwOffloadState: 24,
} as const;

/** `MIB_TCPTABLE_OWNER_PID` (iprtrmib.h): no padding. */
export const MIB_TCPTABLE_OWNER_PID = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_TCPROW_OWNER_PID` (iprtrmib.h): six DWORDs. */
export const MIB_TCPROW_OWNER_PID = {
  size: 24,
  dwState: 0,
  dwLocalAddr: 4,
  dwLocalPort: 8,
  dwRemoteAddr: 12,
  dwRemotePort: 16,
  dwOwningPid: 20,
} as const;

/**
 * `MIB_TCPTABLE_OWNER_MODULE` (iprtrmib.h). The rows hold 8-byte members, so
 * the first row starts at 8: bytes 4..8 are padding.
 */
export const MIB_TCPTABLE_OWNER_MODULE = { dwNumEntries: 0, table: 8 } as const;

/**
 * `MIB_TCPROW_OWNER_MODULE` (iprtrmib.h). `liCreateTimestamp` is a
 * LARGE_INTEGER (FILETIME ticks); `OwningModuleInfo` is
 * `ULONGLONG[TCPIP_OWNING_MODULE_SIZE]`. No padding.
 */
export const MIB_TCPROW_OWNER_MODULE = {
  size: 160,
  dwState: 0,
  dwLocalAddr: 4,
  dwLocalPort: 8,
  dwRemoteAddr: 12,
  dwRemotePort: 16,
  dwOwningPid: 20,
  liCreateTimestamp: 24,
  OwningModuleInfo: 32,
  OwningModuleInfoCount: 16,
} as const;

/** `TCPIP_OWNER_MODULE_BASIC_INFO` (iprtrmib.h): two `PWCHAR`s. */
export const TCPIP_OWNER_MODULE_BASIC_INFO = { size: 16, pModuleName: 0, pModulePath: 8 } as const;

/** `SOCKADDR_IN` (ws2def.h). `sin_port` and `sin_addr` are in network byte order. */
export const SOCKADDR_IN = { size: 16, sin_family: 0, sin_port: 2, sin_addr: 4 } as const;

/** `SOCKADDR_IN6` (ws2ipdef.h). `sin6_port` is in network byte order. */
export const SOCKADDR_IN6 = {
  size: 28,
  sin6_family: 0,
  sin6_port: 2,
  sin6_flowinfo: 4,
  sin6_addr: 8,
  sin6_scope_id: 24,
} as const;

/** `SOCKADDR_INET` (ws2ipdef.h): the union of `SOCKADDR_IN` and `SOCKADDR_IN6`. */
export const SOCKADDR_INET = { size: 28 } as const;

/** `MIB_ANYCASTIPADDRESS_TABLE` (netioapi.h): bytes 4..8 are padding. */
export const MIB_ANYCASTIPADDRESS_TABLE = { NumEntries: 0, Table: 8 } as const;

/**
 * `MIB_ANYCASTIPADDRESS_ROW` (netioapi.h). Bytes 28..32 are padding (the
 * `NET_LUID` after the 28-byte `SOCKADDR_INET` is 8-aligned).
 */
export const MIB_ANYCASTIPADDRESS_ROW = {
  size: 48,
  Address: 0,
  InterfaceLuid: 32,
  InterfaceIndex: 40,
  ScopeId: 44,
} as const;

/** `MIB_IPINTERFACE_TABLE` (netioapi.h): bytes 4..8 are padding. */
export const MIB_IPINTERFACE_TABLE = { NumEntries: 0, Table: 8 } as const;

/**
 * `MIB_IPINTERFACE_ROW` (netioapi.h). Padding: 2..8 (after the 2-byte
 * `Family`, before the 8-aligned `InterfaceLuid`), 49..52 (after the
 * `AdvertiseDefaultRoute` BOOLEAN, before the enum), and 167..168 (tail).
 * `ZoneIndices` is `ULONG[ScopeLevelCount]`.
 */
export const MIB_IPINTERFACE_ROW = {
  size: 168,
  Family: 0,
  InterfaceLuid: 8,
  InterfaceIndex: 16,
  MaxReassemblySize: 20,
  InterfaceIdentifier: 24,
  MinRouterAdvertisementInterval: 32,
  MaxRouterAdvertisementInterval: 36,
  AdvertisingEnabled: 40,
  ForwardingEnabled: 41,
  WeakHostSend: 42,
  WeakHostReceive: 43,
  UseAutomaticMetric: 44,
  UseNeighborUnreachabilityDetection: 45,
  ManagedAddressConfigurationSupported: 46,
  OtherStatefulConfigurationSupported: 47,
  AdvertiseDefaultRoute: 48,
  RouterDiscoveryBehavior: 52,
  DadTransmits: 56,
  BaseReachableTime: 60,
  RetransmitTime: 64,
  PathMtuDiscoveryTimeout: 68,
  LinkLocalAddressBehavior: 72,
  LinkLocalAddressTimeout: 76,
  ZoneIndices: 80,
  ZoneIndicesCount: 16,
  SitePrefixLength: 144,
  Metric: 148,
  NlMtu: 152,
  Connected: 156,
  SupportsWakeUpPatterns: 157,
  SupportsNeighborDiscovery: 158,
  SupportsRouterDiscovery: 159,
  ReachableTime: 160,
  TransmitOffload: 164,
  ReceiveOffload: 165,
  DisableDefaultRoutes: 166,
} as const;

/** Bit index of each one-bit member of the one-byte `NL_INTERFACE_OFFLOAD_ROD` (nldef.h). */
export const NL_INTERFACE_OFFLOAD_ROD_BITS = {
  NlChecksumSupported: 0,
  NlOptionsSupported: 1,
  TlDatagramChecksumSupported: 2,
  TlStreamChecksumSupported: 3,
  TlStreamOptionsSupported: 4,
  FastPathCompatible: 5,
  TlLargeSendOffloadSupported: 6,
  TlGiantSendOffloadSupported: 7,
} as const;

// ---- wave 2: IPv6 and UDP connection tables (issue 9) ----

// ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ----
