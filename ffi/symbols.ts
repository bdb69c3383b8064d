/**
 * The `iphlpapi.dll` functions this module calls, as `Deno.dlopen` symbol
 * definitions, with the C prototype beside each one.
 *
 * Every symbol is `optional`: a DLL that lacks one (Wine has no
 * `GetOwnerModuleFrom*Entry` and no `Get*StatisticsEx2`) still loads, and calling the missing function
 * raises an `IpHelperError` with `ERROR_PROC_NOT_FOUND`.
 *
 * @module
 */

/**
 * Blocking definitions: each call runs on the calling thread. This object's
 * type is the contract a mock provider must meet ({@linkcode IpHelperSymbols}).
 *
 * @example Opening the DLL yourself
 * ```ts ignore
 * import { symbols } from "@iphlpapi/iphlpapi";
 *
 * const lib = Deno.dlopen("C:\\Windows\\System32\\iphlpapi.dll", symbols);
 * lib.close();
 * ```
 */
export const symbols = {
  /** `ULONG GetTcpTable(PMIB_TCPTABLE TcpTable, PULONG SizePointer, BOOL Order)` */
  GetTcpTable: {
    parameters: [
      "buffer", // PMIB_TCPTABLE TcpTable: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetTcpTable2(PMIB_TCPTABLE2 TcpTable, PULONG SizePointer, BOOL Order)` */
  GetTcpTable2: {
    parameters: [
      "buffer", // PMIB_TCPTABLE2 TcpTable: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /**
   * `DWORD GetExtendedTcpTable(PVOID pTcpTable, PDWORD pdwSize, BOOL bOrder,
   * ULONG ulAf, TCP_TABLE_CLASS TableClass, ULONG Reserved)`
   */
  GetExtendedTcpTable: {
    parameters: [
      "buffer", // PVOID pTcpTable: out, caller-allocated
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
      "i32", // BOOL bOrder
      "u32", // ULONG ulAf: AF_INET or AF_INET6
      "i32", // TCP_TABLE_CLASS TableClass (enum)
      "u32", // ULONG Reserved: 0
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /**
   * `DWORD GetOwnerModuleFromTcpEntry(PMIB_TCPROW_OWNER_MODULE pTcpEntry,
   * TCPIP_OWNER_MODULE_INFO_CLASS Class, PVOID pBuffer, PDWORD pdwSize)`
   */
  GetOwnerModuleFromTcpEntry: {
    parameters: [
      "buffer", // PMIB_TCPROW_OWNER_MODULE pTcpEntry: in
      "i32", // TCPIP_OWNER_MODULE_INFO_CLASS Class (enum): TCPIP_OWNER_MODULE_INFO_BASIC
      "buffer", // PVOID pBuffer: out, caller-allocated; header + strings
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /** `NETIO_STATUS GetIpInterfaceTable(ADDRESS_FAMILY Family, PMIB_IPINTERFACE_TABLE *Table)` */
  GetIpInterfaceTable: {
    parameters: [
      "u16", // ADDRESS_FAMILY Family: AF_UNSPEC, AF_INET or AF_INET6
      "buffer", // PMIB_IPINTERFACE_TABLE *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `NETIO_STATUS GetAnycastIpAddressTable(ADDRESS_FAMILY Family, PMIB_ANYCASTIPADDRESS_TABLE *Table)` */
  GetAnycastIpAddressTable: {
    parameters: [
      "u16", // ADDRESS_FAMILY Family: AF_UNSPEC, AF_INET or AF_INET6
      "buffer", // PMIB_ANYCASTIPADDRESS_TABLE *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `ULONG GetTcp6Table(PMIB_TCP6TABLE Table, PULONG SizePointer, BOOL Order)` */
  GetTcp6Table: {
    parameters: [
      "buffer", // PMIB_TCP6TABLE: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetTcp6Table2(PMIB_TCP6TABLE2 Table, PULONG SizePointer, BOOL Order)` */
  GetTcp6Table2: {
    parameters: [
      "buffer", // PMIB_TCP6TABLE2: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetUdpTable(PMIB_UDPTABLE Table, PULONG SizePointer, BOOL Order)` */
  GetUdpTable: {
    parameters: [
      "buffer", // PMIB_UDPTABLE: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetUdp6Table(PMIB_UDP6TABLE Table, PULONG SizePointer, BOOL Order)` */
  GetUdp6Table: {
    parameters: [
      "buffer", // PMIB_UDP6TABLE: out, caller-allocated
      "buffer", // PULONG SizePointer: in/out, Uint32Array(1)
      "i32", // BOOL Order
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /**
   * `DWORD GetExtendedUdpTable(PVOID pUdpTable, PDWORD pdwSize, BOOL bOrder,
   * ULONG ulAf, UDP_TABLE_CLASS TableClass, ULONG Reserved)`
   */
  GetExtendedUdpTable: {
    parameters: [
      "buffer", // PVOID pUdpTable: out, caller-allocated
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
      "i32", // BOOL bOrder
      "u32", // ULONG ulAf: AF_INET or AF_INET6
      "i32", // UDP_TABLE_CLASS TableClass (enum)
      "u32", // ULONG Reserved: 0
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /**
   * `DWORD GetOwnerModuleFromTcp6Entry(PMIB_TCP6ROW_OWNER_MODULE pEntry,
   * TCPIP_OWNER_MODULE_INFO_CLASS Class, PVOID pBuffer, PDWORD pdwSize)`
   */
  GetOwnerModuleFromTcp6Entry: {
    parameters: [
      "buffer", // PMIB_TCP6ROW_OWNER_MODULE: in
      "i32", // TCPIP_OWNER_MODULE_INFO_CLASS Class (enum): TCPIP_OWNER_MODULE_INFO_BASIC
      "buffer", // PVOID pBuffer: out, caller-allocated; header + strings
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /**
   * `DWORD GetOwnerModuleFromUdpEntry(PMIB_UDPROW_OWNER_MODULE pEntry,
   * TCPIP_OWNER_MODULE_INFO_CLASS Class, PVOID pBuffer, PDWORD pdwSize)`
   */
  GetOwnerModuleFromUdpEntry: {
    parameters: [
      "buffer", // PMIB_UDPROW_OWNER_MODULE: in
      "i32", // TCPIP_OWNER_MODULE_INFO_CLASS Class (enum): TCPIP_OWNER_MODULE_INFO_BASIC
      "buffer", // PVOID pBuffer: out, caller-allocated; header + strings
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /**
   * `DWORD GetOwnerModuleFromUdp6Entry(PMIB_UDP6ROW_OWNER_MODULE pEntry,
   * TCPIP_OWNER_MODULE_INFO_CLASS Class, PVOID pBuffer, PDWORD pdwSize)`
   */
  GetOwnerModuleFromUdp6Entry: {
    parameters: [
      "buffer", // PMIB_UDP6ROW_OWNER_MODULE: in
      "i32", // TCPIP_OWNER_MODULE_INFO_CLASS Class (enum): TCPIP_OWNER_MODULE_INFO_BASIC
      "buffer", // PVOID pBuffer: out, caller-allocated; header + strings
      "buffer", // PDWORD pdwSize: in/out, Uint32Array(1)
    ],
    result: "u32", // DWORD
    optional: true,
  },
  /** `NETIO_STATUS GetUnicastIpAddressTable(ADDRESS_FAMILY Family, PMIB_UNICASTIPADDRESS_TABLE *Table)` */
  GetUnicastIpAddressTable: {
    parameters: [
      "u16", // ADDRESS_FAMILY Family: AF_UNSPEC, AF_INET or AF_INET6
      "buffer", // PMIB_UNICASTIPADDRESS_TABLE *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `NETIO_STATUS GetIpForwardTable2(ADDRESS_FAMILY Family, PMIB_IPFORWARD_TABLE2 *Table)` */
  GetIpForwardTable2: {
    parameters: [
      "u16", // ADDRESS_FAMILY Family: AF_UNSPEC, AF_INET or AF_INET6
      "buffer", // PMIB_IPFORWARD_TABLE2 *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `NETIO_STATUS GetIpNetTable2(ADDRESS_FAMILY Family, PMIB_IPNET_TABLE2 *Table)` */
  GetIpNetTable2: {
    parameters: [
      "u16", // ADDRESS_FAMILY Family: AF_UNSPEC, AF_INET or AF_INET6
      "buffer", // PMIB_IPNET_TABLE2 *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `NETIO_STATUS GetIfTable2(PMIB_IF_TABLE2 *Table)` */
  GetIfTable2: {
    parameters: [
      "buffer", // PMIB_IF_TABLE2 *Table: out, BigUint64Array(1); free with FreeMibTable
    ],
    result: "u32", // NETIO_STATUS (DWORD)
    optional: true,
  },
  /** `ULONG GetTcpStatisticsEx(PMIB_TCPSTATS Statistics, DWORD Family)` */
  GetTcpStatisticsEx: {
    parameters: [
      "buffer", // PMIB_TCPSTATS: out, caller-allocated, sizeof(MIB_TCPSTATS)
      "u32", // DWORD Family: AF_INET or AF_INET6
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetTcpStatisticsEx2(PMIB_TCPSTATS2 Statistics, ULONG Family)` */
  GetTcpStatisticsEx2: {
    parameters: [
      "buffer", // PMIB_TCPSTATS2: out, caller-allocated, sizeof(MIB_TCPSTATS2)
      "u32", // ULONG Family: AF_INET or AF_INET6
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetUdpStatisticsEx(PMIB_UDPSTATS Statistics, DWORD Family)` */
  GetUdpStatisticsEx: {
    parameters: [
      "buffer", // PMIB_UDPSTATS: out, caller-allocated, sizeof(MIB_UDPSTATS)
      "u32", // DWORD Family: AF_INET or AF_INET6
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `ULONG GetUdpStatisticsEx2(PMIB_UDPSTATS2 Statistics, ULONG Family)` */
  GetUdpStatisticsEx2: {
    parameters: [
      "buffer", // PMIB_UDPSTATS2: out, caller-allocated, sizeof(MIB_UDPSTATS2)
      "u32", // ULONG Family: AF_INET or AF_INET6
    ],
    result: "u32", // ULONG
    optional: true,
  },
  /** `VOID FreeMibTable(PVOID Memory)` */
  FreeMibTable: {
    parameters: [
      "pointer", // PVOID Memory: a table returned by a netioapi function
    ],
    result: "void",
    optional: true,
  },
} as const satisfies Deno.ForeignLibraryInterface;

/** Marks a blocking definition as nonblocking: the call runs on a worker thread. */
function nonblocking<const D extends Deno.ForeignFunction>(
  definition: D,
): D & { readonly nonblocking: true } {
  return { ...definition, nonblocking: true };
}

/** The type of {@linkcode nonblockingSymbols}: the table functions of {@linkcode symbols}, nonblocking. */
export type NonblockingSymbolDefinitions = {
  readonly [F in keyof typeof symbols]: F extends "FreeMibTable" ? (typeof symbols)[F]
    : (typeof symbols)[F] & { readonly nonblocking: true };
};

/**
 * The same functions, `nonblocking`: each table call runs on a worker thread
 * and returns a `Promise`, so a large table does not stall the event loop.
 * `FreeMibTable` stays blocking (it is fast and runs in a `finally`).
 *
 * @example
 * ```ts ignore
 * import { nonblockingSymbols } from "@iphlpapi/iphlpapi";
 *
 * const lib = Deno.dlopen("C:\\Windows\\System32\\iphlpapi.dll", nonblockingSymbols);
 * lib.close();
 * ```
 */
export const nonblockingSymbols: NonblockingSymbolDefinitions = Object.fromEntries(
  Object.entries(symbols).map(([fn, definition]) => [
    fn,
    fn === "FreeMibTable" ? definition : nonblocking(definition),
  ]),
) as NonblockingSymbolDefinitions;

/**
 * The bound functions of {@linkcode symbols}: what `Deno.dlopen` returns in
 * `.symbols`, and what a mock provider supplies instead. A missing optional
 * symbol is `null`.
 */
export type IpHelperSymbols = Deno.DynamicLibrary<typeof symbols>["symbols"];

/** The bound functions of {@linkcode nonblockingSymbols}: table calls return promises. */
export type NonblockingIpHelperSymbols = Deno.DynamicLibrary<typeof nonblockingSymbols>["symbols"];

/** The name of an `iphlpapi.dll` function this module binds. */
export type IpHelperFunction = keyof typeof symbols;

/** What a `"buffer"` parameter takes: the type differs between Deno releases, so it is read off a symbol. */
export type BufferArgument = Parameters<NonNullable<IpHelperSymbols["GetTcpTable2"]>>[0];
