/**
 * Read the Windows IP Helper tables from Deno, through `Deno.dlopen` on
 * `iphlpapi.dll`: what `netstat -ano`, `ipconfig`, `route print`, `arp -a`
 * and `netstat -s` show, as typed rows.
 *
 * - Connections: the TCP tables of both families (`getTcpTable2`,
 *   `getTcp6Table2`, `getExtendedTcpTable`), the UDP tables (`getUdpTable`,
 *   `getUdp6Table`, `getExtendedUdpTable`), all of them at once
 *   (`getConnections`, like psutil's `net_connections`), the module and
 *   process that own a socket (`getOwnerModuleFrom*Entry`, `getProcessNames`).
 * - Addresses, routes, neighbours: `getUnicastIpAddressTable`,
 *   `getIpForwardTable2`, `getIpNetTable2`, `getAnycastIpAddressTable`.
 * - Interfaces: `getIfTable2` (names, speeds, counters) and
 *   `getIpInterfaceTable` (per-family settings); `getInterfaceNames` joins
 *   any row to its interface's alias.
 * - Protocol statistics: `getTcpStatistics`, `getUdpStatistics`.
 *
 * Every table function has an `…Async` twin whose DLL call runs on a worker
 * thread. The table functions need `--allow-ffi` and Windows; the decoders are
 * pure functions of bytes and run anywhere. To test code without Windows,
 * pass the `symbols` of a mock from `@iphlpapi/iphlpapi/mock`.
 *
 * @example
 * ```ts ignore
 * import { getConnections } from "@iphlpapi/iphlpapi";
 *
 * for (const c of getConnections({ kind: "tcp" })) {
 *   console.log(c.localAddr, c.localPort, c.remoteAddr, c.remotePort, c.state, c.owningPid);
 * }
 * ```
 *
 * @module
 */
export {
  type AnycastIpAddressTableOptions,
  type AsyncAnycastIpAddressTableOptions,
  getAnycastIpAddressTable,
  getAnycastIpAddressTableAsync,
} from "./ffi/anycast_ip_address_table.ts";
export {
  type AsyncExtendedTcpTableOptions,
  type ExtendedTcpTableOptions,
  getExtendedTcpTable,
  getExtendedTcpTableAsync,
  type TcpOwner,
  type TcpRowSelection,
  type TcpTableClassOptions,
} from "./ffi/extended_tcp_table.ts";
export { IpHelperError } from "./ffi/ip_helper_error.ts";
export {
  type AsyncIpInterfaceTableOptions,
  getIpInterfaceTable,
  getIpInterfaceTableAsync,
  type IpInterfaceTableOptions,
} from "./ffi/ip_interface_table.ts";
export { closeIpHelper, loadIpHelper, loadNonblockingIpHelper } from "./ffi/library.ts";
export type {
  AsyncSymbolsOption,
  Family,
  FamilyOption,
  SortedOption,
  SymbolsOption,
} from "./ffi/options.ts";
export { getOwnerModuleFromTcpEntry, getOwnerModuleFromTcpEntryAsync } from "./ffi/owner_module.ts";
export { IpHelperStatus, type IpHelperStatusName, statusName } from "./ffi/status.ts";
export {
  type IpHelperFunction,
  type IpHelperSymbols,
  type NonblockingIpHelperSymbols,
  type NonblockingSymbolDefinitions,
  nonblockingSymbols,
  symbols,
} from "./ffi/symbols.ts";
export {
  type AsyncTcpTableOptions,
  getTcpTable,
  getTcpTable2,
  getTcpTable2Async,
  getTcpTable2View,
  getTcpTable2ViewAsync,
  getTcpTableAsync,
  type TcpTableOptions,
} from "./ffi/tcp_table.ts";
export {
  type AnycastIpAddressRow,
  decodeAnycastIpAddressTable,
} from "./structs/anycast_ip_address_table.ts";
export { DecodeError } from "./structs/decode_error.ts";
export type { InterfaceOffload, IpInterfaceRow } from "./structs/ip_interface_row.ts";
export { decodeIpInterfaceTable } from "./structs/ip_interface_table.ts";
export {
  decodeOwnerModuleBasicInfo,
  type OwnerModuleBasicInfo,
} from "./structs/owner_module_basic_info.ts";
export {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  type Ipv4SocketAddress,
  type Ipv6SocketAddress,
  type SocketAddress,
} from "./structs/socket_address.ts";
export type { TcpRow, TcpRow2, TcpRowOwnerModule, TcpRowOwnerPid } from "./structs/tcp_row.ts";
export { TcpState, type TcpStateName, tcpStateName } from "./structs/tcp_state.ts";
export { decodeTcpTable } from "./structs/tcp_table.ts";
export { decodeTcpTable2 } from "./structs/tcp_table2.ts";
export { TcpTable2View } from "./structs/tcp_table_view.ts";
export { decodeTcpTableOwnerModule } from "./structs/tcp_table_owner_module.ts";
export { decodeTcpTableOwnerPid } from "./structs/tcp_table_owner_pid.ts";
// IPv6 and UDP connection tables (issue 9).
export type { Tcp6Row, Tcp6Row2, Tcp6RowOwnerModule, Tcp6RowOwnerPid } from "./structs/tcp6_row.ts";
export type {
  Udp6Row,
  Udp6RowOwnerModule,
  Udp6RowOwnerPid,
  UdpRow,
  UdpRowOwnerModule,
  UdpRowOwnerPid,
} from "./structs/udp_row.ts";
export { decodeTcp6Table } from "./structs/tcp6_table.ts";
export { decodeTcp6Table2 } from "./structs/tcp6_table2.ts";
export { decodeTcp6TableOwnerModule } from "./structs/tcp6_table_owner_module.ts";
export { decodeTcp6TableOwnerPid } from "./structs/tcp6_table_owner_pid.ts";
export { decodeUdpTable } from "./structs/udp_table.ts";
export { decodeUdpTableOwnerModule } from "./structs/udp_table_owner_module.ts";
export { decodeUdpTableOwnerPid } from "./structs/udp_table_owner_pid.ts";
export { decodeUdp6Table } from "./structs/udp6_table.ts";
export { decodeUdp6TableOwnerModule } from "./structs/udp6_table_owner_module.ts";
export { decodeUdp6TableOwnerPid } from "./structs/udp6_table_owner_pid.ts";
// Issue 10: addresses, routes, neighbours, interfaces and protocol statistics.
export type { IfRow2 } from "./structs/if_row2.ts";
export { decodeIfTable2 } from "./structs/if_table2.ts";
export {
  decodeIpForwardTable2,
  type IpAddressPrefix,
  type IpForwardRow2,
} from "./structs/ip_forward_table2.ts";
export { decodeIpNetTable2, type IpNetRow2 } from "./structs/ip_net_table2.ts";
export {
  decodeTcpStatistics,
  decodeTcpStatistics2,
  type TcpStatistics,
} from "./structs/tcp_statistics.ts";
export {
  decodeUdpStatistics,
  decodeUdpStatistics2,
  type UdpStatistics,
} from "./structs/udp_statistics.ts";
export {
  decodeUnicastIpAddressTable,
  type UnicastIpAddressRow,
} from "./structs/unicast_ip_address_table.ts";
// Issue 10 API: the netioapi tables, the statistics, and interface names on any row.
export {
  type AsyncIfTable2Options,
  getIfTable2,
  getIfTable2Async,
  type IfTable2Options,
} from "./ffi/if_table2.ts";
export {
  getInterfaceNames,
  getInterfaceNamesAsync,
  type InterfaceKeyed,
  type InterfaceName,
  type InterfaceNames,
  interfaceNames,
  type WithInterfaceNames,
  withInterfaceNames,
} from "./ffi/interface_names.ts";
export {
  type AsyncIpForwardTable2Options,
  getIpForwardTable2,
  getIpForwardTable2Async,
  type IpForwardTable2Options,
} from "./ffi/ip_forward_table2.ts";
export {
  type AsyncIpNetTable2Options,
  getIpNetTable2,
  getIpNetTable2Async,
  type IpNetTable2Options,
} from "./ffi/ip_net_table2.ts";
export {
  type AsyncStatisticsOptions,
  getTcpStatistics,
  getTcpStatisticsAsync,
  getUdpStatistics,
  getUdpStatisticsAsync,
  type StatisticsFamilyOption,
  type StatisticsOptions,
} from "./ffi/statistics.ts";
export {
  type AsyncUnicastIpAddressTableOptions,
  getUnicastIpAddressTable,
  getUnicastIpAddressTableAsync,
  type UnicastIpAddressTableOptions,
} from "./ffi/unicast_ip_address_table.ts";
// Issue 9 API: the IPv6 and UDP connection tables, their owner modules, every socket as one
// list (getConnections), port owners, and process names.
export {
  type AsyncConnectionsOptions,
  type Connection,
  type ConnectionKind,
  ConnectionsError,
  type ConnectionsOptions,
  type ConnectionTableFailure,
  getConnections,
  getConnectionsAsync,
} from "./ffi/connections.ts";
export type {
  ExtendedTcpRows,
  SocketFamily,
  SocketFamilyOption,
} from "./ffi/extended_tcp_table.ts";
export {
  type AsyncExtendedUdpTableOptions,
  type ExtendedUdpRows,
  type ExtendedUdpTableOptions,
  getExtendedUdpTable,
  getExtendedUdpTableAsync,
  type UdpOwner,
  type UdpTableClassOptions,
} from "./ffi/extended_udp_table.ts";
export {
  getOwnerModuleFromTcp6Entry,
  getOwnerModuleFromTcp6EntryAsync,
  getOwnerModuleFromUdp6Entry,
  getOwnerModuleFromUdp6EntryAsync,
  getOwnerModuleFromUdpEntry,
  getOwnerModuleFromUdpEntryAsync,
} from "./ffi/owner_module.ts";
export {
  getPidPorts,
  getPidPortsAsync,
  getPortOwners,
  getPortOwnersAsync,
  type PidPorts,
} from "./ffi/port_owner.ts";
export {
  getProcessImageName,
  getProcessNames,
  type Kernel32Option,
  type Kernel32Symbols,
  kernel32Symbols,
  loadKernel32,
  type NamedProcess,
  type ProcessName,
  type UnnamedProcess,
} from "./ffi/process_name.ts";
export {
  type AsyncTcp6TableOptions,
  getTcp6Table,
  getTcp6Table2,
  getTcp6Table2Async,
  getTcp6TableAsync,
  type Tcp6TableOptions,
} from "./ffi/tcp6_table.ts";
export {
  type AsyncUdpTableOptions,
  getUdp6Table,
  getUdp6TableAsync,
  getUdpTable,
  getUdpTableAsync,
  type UdpTableOptions,
} from "./ffi/udp_table.ts";
