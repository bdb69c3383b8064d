/**
 * Test your code without Windows: a mock `iphlpapi.dll` that replays a
 * capture through the same code path as the live DLL, the capture format,
 * and encoders that turn rows into table bytes for captures of your own.
 *
 * @example
 * ```ts
 * import { getTcpTable2 } from "@iphlpapi/iphlpapi";
 * import { createMock, encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const mock = createMock({
 *   format: "iphlpapi-capture", version: 1, producer: "my test",
 *   calls: [{ function: "GetTcpTable2", args: {}, status: 0, data: encodeTcpTable2([]).toBase64() }],
 * });
 * console.log(getTcpTable2({ symbols: mock.symbols })); // []
 * ```
 *
 * @module
 */
export {
  type Capture,
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CapturedArgs,
  type CapturedCall,
  type CapturedFunction,
  CaptureError,
  parseCapture,
} from "./capture.ts";
export { createMock, type IpHelperMock, type MockFaults, type MockStats } from "./mock.ts";
export { encodeAnycastIpAddressTable } from "../structs/anycast_ip_address_table.ts";
export { encodeIpInterfaceTable } from "../structs/ip_interface_table.ts";
export { encodeOwnerModuleBasicInfo } from "../structs/owner_module_basic_info.ts";
export { encodeTcpTable } from "../structs/tcp_table.ts";
export { encodeTcpTable2 } from "../structs/tcp_table2.ts";
export { encodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
export { encodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
