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

/**
 * `MIB_TCP6TABLE` (tcpmib.h): `DWORD dwNumEntries; MIB_TCP6ROW table[]`. No
 * padding (the rows are 4-aligned).
 */
export const MIB_TCP6TABLE = { dwNumEntries: 0, table: 4 } as const;

/**
 * `MIB_TCP6ROW` (tcpmib.h). `State` is a `MIB_TCP_STATE`; `LocalAddr` and
 * `RemoteAddr` are `IN6_ADDR`s (16 bytes, network order). No padding.
 */
export const MIB_TCP6ROW = {
  size: 52,
  State: 0,
  LocalAddr: 4,
  dwLocalScopeId: 20,
  dwLocalPort: 24,
  RemoteAddr: 28,
  dwRemoteScopeId: 44,
  dwRemotePort: 48,
} as const;

/** `MIB_TCP6TABLE2` (tcpmib.h): `DWORD dwNumEntries; MIB_TCP6ROW2 table[]`. No padding. */
export const MIB_TCP6TABLE2 = { dwNumEntries: 0, table: 4 } as const;

/**
 * `MIB_TCP6ROW2` (tcpmib.h): the addresses first, then `State`,
 * `dwOwningPid` and the `TCP_CONNECTION_OFFLOAD_STATE`. No padding.
 */
export const MIB_TCP6ROW2 = {
  size: 60,
  LocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
  RemoteAddr: 24,
  dwRemoteScopeId: 40,
  dwRemotePort: 44,
  State: 48,
  dwOwningPid: 52,
  dwOffloadState: 56,
} as const;

/** `MIB_TCP6TABLE_OWNER_PID` (iprtrmib.h): no padding. */
export const MIB_TCP6TABLE_OWNER_PID = { dwNumEntries: 0, table: 4 } as const;

/**
 * `MIB_TCP6ROW_OWNER_PID` (iprtrmib.h): `UCHAR ucLocalAddr[16]` and
 * `ucRemoteAddr[16]` in network order, the state after them. No padding.
 */
export const MIB_TCP6ROW_OWNER_PID = {
  size: 56,
  ucLocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
  ucRemoteAddr: 24,
  dwRemoteScopeId: 40,
  dwRemotePort: 44,
  dwState: 48,
  dwOwningPid: 52,
} as const;

/**
 * `MIB_TCP6TABLE_OWNER_MODULE` (iprtrmib.h). The rows hold 8-byte members,
 * so the first row starts at 8: bytes 4..8 are padding.
 */
export const MIB_TCP6TABLE_OWNER_MODULE = { dwNumEntries: 0, table: 8 } as const;

/**
 * `MIB_TCP6ROW_OWNER_MODULE` (iprtrmib.h): a `MIB_TCP6ROW_OWNER_PID`, then
 * `liCreateTimestamp` (LARGE_INTEGER) and `OwningModuleInfo`
 * (`ULONGLONG[TCPIP_OWNING_MODULE_SIZE]`). No padding: the 56 bytes before the
 * timestamp are already 8-aligned.
 */
export const MIB_TCP6ROW_OWNER_MODULE = {
  size: 192,
  ucLocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
  ucRemoteAddr: 24,
  dwRemoteScopeId: 40,
  dwRemotePort: 44,
  dwState: 48,
  dwOwningPid: 52,
  liCreateTimestamp: 56,
  OwningModuleInfo: 64,
  OwningModuleInfoCount: 16,
} as const;

/** `MIB_UDPTABLE` (iprtrmib.h): `DWORD dwNumEntries; MIB_UDPROW table[]`. No padding. */
export const MIB_UDPTABLE = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_UDPROW` (iprtrmib.h): two DWORDs. */
export const MIB_UDPROW = { size: 8, dwLocalAddr: 0, dwLocalPort: 4 } as const;

/** `MIB_UDPTABLE_OWNER_PID` (iprtrmib.h): no padding. */
export const MIB_UDPTABLE_OWNER_PID = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_UDPROW_OWNER_PID` (iprtrmib.h): three DWORDs. */
export const MIB_UDPROW_OWNER_PID = {
  size: 12,
  dwLocalAddr: 0,
  dwLocalPort: 4,
  dwOwningPid: 8,
} as const;

/**
 * `MIB_UDPTABLE_OWNER_MODULE` (iprtrmib.h). The rows hold 8-byte members, so
 * the first row starts at 8: bytes 4..8 are padding.
 */
export const MIB_UDPTABLE_OWNER_MODULE = { dwNumEntries: 0, table: 8 } as const;

/**
 * `MIB_UDPROW_OWNER_MODULE` (iprtrmib.h). `dwFlags` is the offset of the
 * anonymous 4-byte union `{ struct { SpecificPortBind : 1 }; dwFlags }` (the
 * bit is in {@linkcode MIB_UDPROW_OWNER_MODULE_BITS}). Padding: 12..16 (before
 * the 8-aligned `liCreateTimestamp`) and 28..32 (after the union, before the
 * 8-aligned `OwningModuleInfo`).
 */
export const MIB_UDPROW_OWNER_MODULE = {
  size: 160,
  dwLocalAddr: 0,
  dwLocalPort: 4,
  dwOwningPid: 8,
  liCreateTimestamp: 16,
  dwFlags: 24,
  OwningModuleInfo: 32,
  OwningModuleInfoCount: 16,
} as const;

/**
 * Bit index of `SpecificPortBind` in the 32-bit union at
 * {@linkcode MIB_UDPROW_OWNER_MODULE}`.dwFlags` (read little-endian).
 */
export const MIB_UDPROW_OWNER_MODULE_BITS = { SpecificPortBind: 0 } as const;

/** `MIB_UDP6TABLE` (udpmib.h): `DWORD dwNumEntries; MIB_UDP6ROW table[]`. No padding. */
export const MIB_UDP6TABLE = { dwNumEntries: 0, table: 4 } as const;

/**
 * `MIB_UDP6ROW` (udpmib.h). `dwLocalAddr` is, despite its prefix, an
 * `IN6_ADDR` (16 bytes, network order). No padding.
 */
export const MIB_UDP6ROW = {
  size: 24,
  dwLocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
} as const;

/** `MIB_UDP6TABLE_OWNER_PID` (iprtrmib.h): no padding. */
export const MIB_UDP6TABLE_OWNER_PID = { dwNumEntries: 0, table: 4 } as const;

/** `MIB_UDP6ROW_OWNER_PID` (iprtrmib.h): `UCHAR ucLocalAddr[16]`, then three DWORDs. */
export const MIB_UDP6ROW_OWNER_PID = {
  size: 28,
  ucLocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
  dwOwningPid: 24,
} as const;

/**
 * `MIB_UDP6TABLE_OWNER_MODULE` (iprtrmib.h). The rows hold 8-byte members,
 * so the first row starts at 8: bytes 4..8 are padding.
 */
export const MIB_UDP6TABLE_OWNER_MODULE = { dwNumEntries: 0, table: 8 } as const;

/**
 * `MIB_UDP6ROW_OWNER_MODULE` (iprtrmib.h). `dwFlags` is the offset of the
 * union holding `SpecificPortBind` (bit in
 * {@linkcode MIB_UDP6ROW_OWNER_MODULE_BITS}). Padding: 28..32 (before the
 * 8-aligned `liCreateTimestamp`) and 44..48 (after the union, before the
 * 8-aligned `OwningModuleInfo`).
 */
export const MIB_UDP6ROW_OWNER_MODULE = {
  size: 176,
  ucLocalAddr: 0,
  dwLocalScopeId: 16,
  dwLocalPort: 20,
  dwOwningPid: 24,
  liCreateTimestamp: 32,
  dwFlags: 40,
  OwningModuleInfo: 48,
  OwningModuleInfoCount: 16,
} as const;

/**
 * Bit index of `SpecificPortBind` in the 32-bit union at
 * {@linkcode MIB_UDP6ROW_OWNER_MODULE}`.dwFlags` (read little-endian).
 */
export const MIB_UDP6ROW_OWNER_MODULE_BITS = { SpecificPortBind: 0 } as const;

// ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ----

/** `MIB_UNICASTIPADDRESS_TABLE` (netioapi.h): bytes 4..8 are padding. */
export const MIB_UNICASTIPADDRESS_TABLE = { NumEntries: 0, Table: 8 } as const;

/**
 * `MIB_UNICASTIPADDRESS_ROW` (netioapi.h). Padding: 28..32 (the `NET_LUID`
 * after the 28-byte `SOCKADDR_INET` is 8-aligned) and 62..64 (after the
 * `OnLinkPrefixLength` UINT8 and the `SkipAsSource` BOOLEAN, before the
 * `NL_DAD_STATE` enum). `ScopeId` is a `SCOPE_ID` (one ULONG);
 * `CreationTimeStamp` a LARGE_INTEGER (FILETIME ticks).
 */
export const MIB_UNICASTIPADDRESS_ROW = {
  size: 80,
  Address: 0,
  InterfaceLuid: 32,
  InterfaceIndex: 40,
  PrefixOrigin: 44,
  SuffixOrigin: 48,
  ValidLifetime: 52,
  PreferredLifetime: 56,
  OnLinkPrefixLength: 60,
  SkipAsSource: 61,
  DadState: 64,
  ScopeId: 68,
  CreationTimeStamp: 72,
} as const;

/** `MIB_IPFORWARD_TABLE2` (netioapi.h): bytes 4..8 are padding. */
export const MIB_IPFORWARD_TABLE2 = { NumEntries: 0, Table: 8 } as const;

/**
 * `IP_ADDRESS_PREFIX` (netioapi.h): a `SOCKADDR_INET` and its UINT8 length.
 * Bytes 29..32 are padding (tail; the struct is 4-aligned).
 */
export const IP_ADDRESS_PREFIX = { size: 32, Prefix: 0, PrefixLength: 28 } as const;

/**
 * `MIB_IPFORWARD_ROW2` (netioapi.h). `DestinationPrefix` is an
 * {@linkcode IP_ADDRESS_PREFIX} (4-aligned, so it follows `InterfaceIndex`
 * directly; its own tail padding is bytes 41..44 of the row). Padding:
 * 73..76 (after the `SitePrefixLength` UCHAR, before `ValidLifetime`). No
 * tail padding.
 */
export const MIB_IPFORWARD_ROW2 = {
  size: 104,
  InterfaceLuid: 0,
  InterfaceIndex: 8,
  DestinationPrefix: 12,
  NextHop: 44,
  SitePrefixLength: 72,
  ValidLifetime: 76,
  PreferredLifetime: 80,
  Metric: 84,
  Protocol: 88,
  Loopback: 92,
  AutoconfigureAddress: 93,
  Publish: 94,
  Immortal: 95,
  Age: 96,
  Origin: 100,
} as const;

/** `MIB_IPNET_TABLE2` (netioapi.h): bytes 4..8 are padding. */
export const MIB_IPNET_TABLE2 = { NumEntries: 0, Table: 8 } as const;

/**
 * `MIB_IPNET_ROW2` (netioapi.h). `PhysicalAddress` is
 * `UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]`, of which the first
 * `PhysicalAddressLength` bytes count. `Flags` is the UCHAR of a union with
 * the `IsRouter`/`IsUnreachable` bitfields
 * ({@linkcode MIB_IPNET_ROW2_BITS}; its other six bits are unused);
 * `ReachabilityTime` is a union of two ULONGs
 * ({@linkcode MIB_IPNET_ROW2_REACHABILITY_TIME}). Padding: 81..84 (after
 * `Flags`, before the union). No padding before `InterfaceLuid` (28 + 4 = 32).
 */
export const MIB_IPNET_ROW2 = {
  size: 88,
  Address: 0,
  InterfaceIndex: 28,
  InterfaceLuid: 32,
  PhysicalAddress: 40,
  PhysicalAddressCount: 32,
  PhysicalAddressLength: 72,
  State: 76,
  Flags: 80,
  ReachabilityTime: 84,
} as const;

/** Bit index of each one-bit member in the `Flags` byte of `MIB_IPNET_ROW2`. */
export const MIB_IPNET_ROW2_BITS = { IsRouter: 0, IsUnreachable: 1 } as const;

/**
 * The `ReachabilityTime` union of `MIB_IPNET_ROW2`: `LastReachable` and
 * `LastUnreachable` (ms) share its one ULONG; `IsUnreachable` says which
 * one Windows wrote.
 */
export const MIB_IPNET_ROW2_REACHABILITY_TIME = {
  size: 4,
  LastReachable: 0,
  LastUnreachable: 0,
} as const;

/** `MIB_IF_TABLE2` (netioapi.h): bytes 4..8 are padding. */
export const MIB_IF_TABLE2 = { NumEntries: 0, Table: 8 } as const;

/**
 * `MIB_IF_ROW2` (netioapi.h, ifdef.h). `InterfaceGuid` and `NetworkGuid` are
 * 16-byte GUIDs (4-aligned). `Alias` and `Description` are
 * `WCHAR[IF_MAX_STRING_SIZE + 1]`; `PhysicalAddress` and
 * `PermanentPhysicalAddress` `UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]`, both sized by
 * the one `PhysicalAddressLength`. The eight one-bit members of the one-byte
 * `InterfaceAndOperStatusFlags` are in
 * {@linkcode MIB_IF_ROW2_BITS}. Padding:
 * 1153..1156 (after that byte, before `OperStatus`) and 1188..1192 (after
 * `ConnectionType`, before the 8-aligned `TransmitLinkSpeed`). No padding
 * before `InterfaceGuid` (8 + 4 = 12) or after the counters.
 */
export const MIB_IF_ROW2 = {
  size: 1352,
  InterfaceLuid: 0,
  InterfaceIndex: 8,
  InterfaceGuid: 12,
  Alias: 28,
  AliasCount: 257,
  Description: 542,
  DescriptionCount: 257,
  PhysicalAddressLength: 1056,
  PhysicalAddress: 1060,
  PhysicalAddressCount: 32,
  PermanentPhysicalAddress: 1092,
  PermanentPhysicalAddressCount: 32,
  Mtu: 1124,
  Type: 1128,
  TunnelType: 1132,
  MediaType: 1136,
  PhysicalMediumType: 1140,
  AccessType: 1144,
  DirectionType: 1148,
  InterfaceAndOperStatusFlags: 1152,
  OperStatus: 1156,
  AdminStatus: 1160,
  MediaConnectState: 1164,
  NetworkGuid: 1168,
  ConnectionType: 1184,
  TransmitLinkSpeed: 1192,
  ReceiveLinkSpeed: 1200,
  InOctets: 1208,
  InUcastPkts: 1216,
  InNUcastPkts: 1224,
  InDiscards: 1232,
  InErrors: 1240,
  InUnknownProtos: 1248,
  InUcastOctets: 1256,
  InMulticastOctets: 1264,
  InBroadcastOctets: 1272,
  OutOctets: 1280,
  OutUcastPkts: 1288,
  OutNUcastPkts: 1296,
  OutDiscards: 1304,
  OutErrors: 1312,
  OutUcastOctets: 1320,
  OutMulticastOctets: 1328,
  OutBroadcastOctets: 1336,
  OutQLen: 1344,
} as const;

/**
 * Bit index of each one-bit member of the one-byte
 * `InterfaceAndOperStatusFlags` of `MIB_IF_ROW2`.
 */
export const MIB_IF_ROW2_BITS = {
  HardwareInterface: 0,
  FilterInterface: 1,
  ConnectorPresent: 2,
  NotAuthenticated: 3,
  NotMediaConnected: 4,
  Paused: 5,
  LowPower: 6,
  EndPointInterface: 7,
} as const;

/**
 * `MIB_TCPSTATS` (iprtrmib.h in mingw-w64; tcpmib.h in the Windows SDK,
 * where the first member is a union of `dwRtoAlgorithm` and the
 * `TCP_RTO_ALGORITHM` `RtoAlgorithm`): fifteen DWORDs, no padding. Filled by
 * `GetTcpStatisticsEx`.
 */
export const MIB_TCPSTATS = {
  size: 60,
  dwRtoAlgorithm: 0,
  dwRtoMin: 4,
  dwRtoMax: 8,
  dwMaxConn: 12,
  dwActiveOpens: 16,
  dwPassiveOpens: 20,
  dwAttemptFails: 24,
  dwEstabResets: 28,
  dwCurrEstab: 32,
  dwInSegs: 36,
  dwOutSegs: 40,
  dwRetransSegs: 44,
  dwInErrs: 48,
  dwOutRsts: 52,
  dwNumConns: 56,
} as const;

/**
 * `MIB_TCPSTATS2` (tcpmib.h, Windows SDK 10.0.16299 and later; not in
 * mingw-w64 10.0, so tests/layout/probe.c declares it from the SDK): the
 * segment counters are DWORD64. Padding: 36..40 (before the 8-aligned
 * `dw64InSegs`); no tail padding (72 is a multiple of 8). Filled by
 * `GetTcpStatisticsEx2`.
 */
export const MIB_TCPSTATS2 = {
  size: 72,
  RtoAlgorithm: 0,
  dwRtoMin: 4,
  dwRtoMax: 8,
  dwMaxConn: 12,
  dwActiveOpens: 16,
  dwPassiveOpens: 20,
  dwAttemptFails: 24,
  dwEstabResets: 28,
  dwCurrEstab: 32,
  dw64InSegs: 40,
  dw64OutSegs: 48,
  dwRetransSegs: 56,
  dwInErrs: 60,
  dwOutRsts: 64,
  dwNumConns: 68,
} as const;

/**
 * `MIB_UDPSTATS` (iprtrmib.h in mingw-w64; udpmib.h in the Windows SDK): five
 * DWORDs, no padding. Filled by `GetUdpStatisticsEx`.
 */
export const MIB_UDPSTATS = {
  size: 20,
  dwInDatagrams: 0,
  dwNoPorts: 4,
  dwInErrors: 8,
  dwOutDatagrams: 12,
  dwNumAddrs: 16,
} as const;

/**
 * `MIB_UDPSTATS2` (udpmib.h, Windows SDK 10.0.16299 and later; not in
 * mingw-w64 10.0, so tests/layout/probe.c declares it from the SDK): the
 * datagram counters are DWORD64. Padding: 28..32 (tail, after `dwNumAddrs`).
 * Filled by `GetUdpStatisticsEx2`.
 */
export const MIB_UDPSTATS2 = {
  size: 32,
  dw64InDatagrams: 0,
  dwNoPorts: 8,
  dwInErrors: 12,
  dw64OutDatagrams: 16,
  dwNumAddrs: 24,
} as const;
