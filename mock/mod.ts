/**
 * Test your code without Windows: a mock `iphlpapi.dll` that replays a
 * capture through the same code path as the live DLL, the recorder that
 * makes captures, the capture format, and encoders that turn rows into table
 * bytes for captures of your own.
 *
 * @example
 * ```ts
 * import { getTcpTable2 } from "@iphlpapi/iphlpapi";
 * import { bytesToBase64, createMock, encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const mock = createMock({
 *   format: "iphlpapi-capture", version: 1, producer: "my test",
 *   calls: [{ function: "GetTcpTable2", args: {}, status: 0, data: bytesToBase64(encodeTcpTable2([])) }],
 * });
 * console.log(getTcpTable2({ symbols: mock.symbols })); // []
 * ```
 *
 * @module
 */
export { base64ToBytes, bytesToBase64 } from "./base64.ts";
export {
  type Capture,
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CapturedArgs,
  type CapturedCall,
  type CapturedFunction,
  CaptureError,
  MAX_CAPTURE_CALLS,
  MAX_CAPTURE_PROCESSES,
  parseCapture,
} from "./capture.ts";
export { createMock, type IpHelperMock, type MockFaults, type MockStats } from "./mock.ts";
export {
  MAX_MODULE_ROWS,
  recordCapture,
  type RecordCaptureOptions,
  type RecordedCapture,
} from "./record.ts";

// The encoders: rows to the bytes Windows would return, for captures of your own.
export { encodeAnycastIpAddressTable } from "../structs/anycast_ip_address_table.ts";
export { encodeIfTable2 } from "../structs/if_table2.ts";
export { encodeIpForwardTable2 } from "../structs/ip_forward_table2.ts";
export { encodeIpInterfaceTable } from "../structs/ip_interface_table.ts";
export { encodeIpNetTable2 } from "../structs/ip_net_table2.ts";
export { encodeOwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
export { encodeTcpStatistics, encodeTcpStatistics2 } from "../structs/tcp_statistics.ts";
export { encodeTcpTable } from "../structs/tcp_table.ts";
export { encodeTcpTable2 } from "../structs/tcp_table2.ts";
export {
  encodeTcpRowOwnerModule,
  encodeTcpTableOwnerModule,
} from "../structs/tcp_table_owner_module.ts";
export { encodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
export { encodeTcp6Table } from "../structs/tcp6_table.ts";
export { encodeTcp6Table2 } from "../structs/tcp6_table2.ts";
export {
  encodeTcp6RowOwnerModule,
  encodeTcp6TableOwnerModule,
} from "../structs/tcp6_table_owner_module.ts";
export { encodeTcp6TableOwnerPid } from "../structs/tcp6_table_owner_pid.ts";
export { encodeUdpStatistics, encodeUdpStatistics2 } from "../structs/udp_statistics.ts";
export { encodeUdpTable } from "../structs/udp_table.ts";
export {
  encodeUdpRowOwnerModule,
  encodeUdpTableOwnerModule,
} from "../structs/udp_table_owner_module.ts";
export { encodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
export { encodeUdp6Table } from "../structs/udp6_table.ts";
export {
  encodeUdp6RowOwnerModule,
  encodeUdp6TableOwnerModule,
} from "../structs/udp6_table_owner_module.ts";
export { encodeUdp6TableOwnerPid } from "../structs/udp6_table_owner_pid.ts";
export { encodeUnicastIpAddressTable } from "../structs/unicast_ip_address_table.ts";

// What the mock and the encoders take, so that this entry point is complete on its own.
export { type IpHelperFunction, type IpHelperSymbols, symbols } from "../ffi/symbols.ts";
export { type Kernel32Symbols, kernel32Symbols } from "../ffi/process_name.ts";
export {
  AF_INET,
  AF_INET6,
  type Ipv4SocketAddress,
  type Ipv6SocketAddress,
  type SocketAddress,
} from "../structs/socket_address.ts";
export type { AnycastIpAddressRow } from "../structs/anycast_ip_address_table.ts";
export type { IfRow2 } from "../structs/if_row2.ts";
export type { IpAddressPrefix, IpForwardRow2 } from "../structs/ip_forward_table2.ts";
export type { InterfaceOffload, IpInterfaceRow } from "../structs/ip_interface_row.ts";
export type { IpNetRow2 } from "../structs/ip_net_table2.ts";
export type { OwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
export type { TcpStatistics } from "../structs/tcp_statistics.ts";
export type { TcpRow, TcpRow2, TcpRowOwnerModule, TcpRowOwnerPid } from "../structs/tcp_row.ts";
export type {
  Tcp6Row,
  Tcp6Row2,
  Tcp6RowOwnerModule,
  Tcp6RowOwnerPid,
} from "../structs/tcp6_row.ts";
export type { UdpStatistics } from "../structs/udp_statistics.ts";
export type {
  Udp6Row,
  Udp6RowOwnerModule,
  Udp6RowOwnerPid,
  UdpRow,
  UdpRowOwnerModule,
  UdpRowOwnerPid,
} from "../structs/udp_row.ts";
export type { UnicastIpAddressRow } from "../structs/unicast_ip_address_table.ts";
