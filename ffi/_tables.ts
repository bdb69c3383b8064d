// The registry: every iphlpapi.dll table function, declared once, with its
// call kind and its row codec. The plans (ffi/_call.ts), the recorder and the
// mock's replay (mock/), parseCapture's checks, the MockStats keys and the
// test matrix are all derived from TABLES, so a function added to symbols.ts
// without a declaration here (or declared with a kind whose parameters its
// symbol does not have) is a compile error.
import * as shapes from "../structs/_shapes.ts";
import type { TableShape } from "../structs/_table.ts";
import { decodeAnycastIpAddressTable } from "../structs/anycast_ip_address_table.ts";
import { decodeIpInterfaceTable } from "../structs/ip_interface_table.ts";
import { AF_INET, AF_INET6 } from "../structs/socket_address.ts";
import { decodeTcpTable } from "../structs/tcp_table.ts";
import { decodeTcpTable2 } from "../structs/tcp_table2.ts";
import { decodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { decodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
import { decodeTcp6Table } from "../structs/tcp6_table.ts";
import { decodeTcp6Table2 } from "../structs/tcp6_table2.ts";
import { decodeTcp6TableOwnerModule } from "../structs/tcp6_table_owner_module.ts";
import { decodeTcp6TableOwnerPid } from "../structs/tcp6_table_owner_pid.ts";
import { decodeUdpTable } from "../structs/udp_table.ts";
import { decodeUdpTableOwnerModule } from "../structs/udp_table_owner_module.ts";
import { decodeUdpTableOwnerPid } from "../structs/udp_table_owner_pid.ts";
import { decodeUdp6Table } from "../structs/udp6_table.ts";
import { decodeUdp6TableOwnerModule } from "../structs/udp6_table_owner_module.ts";
import { decodeUdp6TableOwnerPid } from "../structs/udp6_table_owner_pid.ts";
import { decodeUnicastIpAddressTable } from "../structs/unicast_ip_address_table.ts";
import { decodeIpForwardTable2 } from "../structs/ip_forward_table2.ts";
import { decodeIpNetTable2 } from "../structs/ip_net_table2.ts";
import { decodeIfTable2 } from "../structs/if_table2.ts";
import { decodeTcpStatistics, decodeTcpStatistics2 } from "../structs/tcp_statistics.ts";
import { decodeUdpStatistics, decodeUdpStatistics2 } from "../structs/udp_statistics.ts";
import {
  MIB_TCP6ROW_OWNER_MODULE,
  MIB_TCPROW_OWNER_MODULE,
  MIB_TCPSTATS,
  MIB_TCPSTATS2,
  MIB_UDP6ROW_OWNER_MODULE,
  MIB_UDPROW_OWNER_MODULE,
  MIB_UDPSTATS,
  MIB_UDPSTATS2,
} from "../structs/layout.ts";
import { symbols } from "./symbols.ts";

/** How a table's bytes are laid out and decoded. */
export interface TableCodec {
  /** Where the rows start and how big each is. */
  shape: TableShape;
  /** The decoder: a pure function of the table bytes. */
  decode: (bytes: Uint8Array) => readonly unknown[];
}

/** `f(Table, SizePointer, Order)`: caller-allocated, with the `Order` flag. */
export interface Ordered {
  kind: "ordered";
  codec: TableCodec;
}

/**
 * `f(Table, Size, Order, Family, TableClass, Reserved)`: caller-allocated; the
 * row codec follows the (family, table class) pair. `classes[family][class]`
 * is undefined for a pair Windows does not support.
 */
export interface Extended {
  kind: "extended";
  classes: Readonly<Record<number, readonly (TableCodec | undefined)[]>>;
}

/** `f(Family, Table*)` or `f(Table*)`: Windows allocates; `FreeMibTable` frees. */
export interface Netio {
  kind: "netio";
  codec: TableCodec;
  /** Whether the function takes an `ADDRESS_FAMILY` first. */
  family: boolean;
}

/** `f(Entry, Class, Buffer, Size)`: the module that owns a row of another table. */
export interface OwnerModule {
  kind: "ownerModule";
  /** `sizeof` the row it takes. */
  rowSize: number;
  /** Where the recorder finds rows to ask about: an owner-module table. */
  source: { fn: TableFunction; family: number; tableClass: number };
}

/** `f(Struct, Family)`: a fixed-size structure the caller allocates (the statistics). */
export interface Fixed {
  kind: "fixed";
  /** `sizeof` the structure. */
  size: number;
  /** The decoder. */
  decode: (bytes: Uint8Array) => unknown;
}

/** A table function's declaration. */
export type Declaration = Ordered | Extended | Netio | OwnerModule | Fixed;

/** Every bound function but `FreeMibTable`. */
export type TableFunction = Exclude<keyof typeof symbols, "FreeMibTable">;

const ordered = (codec: TableCodec): Ordered => ({ kind: "ordered", codec });
const netio = (codec: TableCodec, family = true): Netio => ({ kind: "netio", codec, family });
const codec = (shape: TableShape, decode: TableCodec["decode"]): TableCodec => ({ shape, decode });

const fixed = (size: number, decode: Fixed["decode"]): Fixed => ({ kind: "fixed", size, decode });
const ownerModule = (
  rowSize: number,
  fn: TableFunction,
  family: number,
  tableClass: number,
): OwnerModule => ({ kind: "ownerModule", rowSize, source: { fn, family, tableClass } });
/** Three classes of one codec: `_LISTENER`, `_CONNECTIONS`, `_ALL` (TCP), or one (UDP). */
const three = (c: TableCodec | undefined) => [c, c, c];

const TCP_BASIC = codec(shapes.TCP_TABLE, decodeTcpTable);
const TCP_OWNER_PID = codec(shapes.TCP_TABLE_OWNER_PID, decodeTcpTableOwnerPid);
const TCP_OWNER_MODULE = codec(shapes.TCP_TABLE_OWNER_MODULE, decodeTcpTableOwnerModule);
const TCP6_OWNER_PID = codec(shapes.TCP6_TABLE_OWNER_PID, decodeTcp6TableOwnerPid);
const TCP6_OWNER_MODULE = codec(shapes.TCP6_TABLE_OWNER_MODULE, decodeTcp6TableOwnerModule);
const UDP_BASIC = codec(shapes.UDP_TABLE, decodeUdpTable);
const UDP6_BASIC = codec(shapes.UDP6_TABLE, decodeUdp6Table);

/** `TCP_TABLE_OWNER_MODULE_ALL`, `UDP_TABLE_OWNER_MODULE`: where owner-module rows come from. */
const TCP_TABLE_OWNER_MODULE_ALL = 8;
const UDP_TABLE_OWNER_MODULE = 2;

/** The declarations, one per table function. */
export const TABLES = {
  GetTcpTable: ordered(TCP_BASIC),
  GetTcpTable2: ordered(codec(shapes.TCP_TABLE2, decodeTcpTable2)),
  GetTcp6Table: ordered(codec(shapes.TCP6_TABLE, decodeTcp6Table)),
  GetTcp6Table2: ordered(codec(shapes.TCP6_TABLE2, decodeTcp6Table2)),
  GetUdpTable: ordered(UDP_BASIC),
  GetUdp6Table: ordered(UDP6_BASIC),
  // TCP_TABLE_CLASS: BASIC, OWNER_PID, OWNER_MODULE, each _LISTENER, _CONNECTIONS, _ALL.
  // Windows has no BASIC classes for IPv6.
  GetExtendedTcpTable: {
    kind: "extended",
    classes: {
      [AF_INET]: [...three(TCP_BASIC), ...three(TCP_OWNER_PID), ...three(TCP_OWNER_MODULE)],
      [AF_INET6]: [...three(undefined), ...three(TCP6_OWNER_PID), ...three(TCP6_OWNER_MODULE)],
    },
  },
  // UDP_TABLE_CLASS: BASIC, OWNER_PID, OWNER_MODULE.
  GetExtendedUdpTable: {
    kind: "extended",
    classes: {
      [AF_INET]: [
        UDP_BASIC,
        codec(shapes.UDP_TABLE_OWNER_PID, decodeUdpTableOwnerPid),
        codec(shapes.UDP_TABLE_OWNER_MODULE, decodeUdpTableOwnerModule),
      ],
      [AF_INET6]: [
        UDP6_BASIC,
        codec(shapes.UDP6_TABLE_OWNER_PID, decodeUdp6TableOwnerPid),
        codec(shapes.UDP6_TABLE_OWNER_MODULE, decodeUdp6TableOwnerModule),
      ],
    },
  },
  GetOwnerModuleFromTcpEntry: ownerModule(
    MIB_TCPROW_OWNER_MODULE.size,
    "GetExtendedTcpTable",
    AF_INET,
    TCP_TABLE_OWNER_MODULE_ALL,
  ),
  GetOwnerModuleFromTcp6Entry: ownerModule(
    MIB_TCP6ROW_OWNER_MODULE.size,
    "GetExtendedTcpTable",
    AF_INET6,
    TCP_TABLE_OWNER_MODULE_ALL,
  ),
  GetOwnerModuleFromUdpEntry: ownerModule(
    MIB_UDPROW_OWNER_MODULE.size,
    "GetExtendedUdpTable",
    AF_INET,
    UDP_TABLE_OWNER_MODULE,
  ),
  GetOwnerModuleFromUdp6Entry: ownerModule(
    MIB_UDP6ROW_OWNER_MODULE.size,
    "GetExtendedUdpTable",
    AF_INET6,
    UDP_TABLE_OWNER_MODULE,
  ),
  GetIpInterfaceTable: netio(codec(shapes.IP_INTERFACE_TABLE, decodeIpInterfaceTable)),
  GetAnycastIpAddressTable: netio(
    codec(shapes.ANYCAST_IP_ADDRESS_TABLE, decodeAnycastIpAddressTable),
  ),
  GetUnicastIpAddressTable: netio(
    codec(shapes.UNICAST_IP_ADDRESS_TABLE, decodeUnicastIpAddressTable),
  ),
  GetIpForwardTable2: netio(codec(shapes.IP_FORWARD_TABLE2, decodeIpForwardTable2)),
  GetIpNetTable2: netio(codec(shapes.IP_NET_TABLE2, decodeIpNetTable2)),
  GetIfTable2: netio(codec(shapes.IF_TABLE2, decodeIfTable2), false),
  GetTcpStatisticsEx: fixed(MIB_TCPSTATS.size, decodeTcpStatistics),
  GetTcpStatisticsEx2: fixed(MIB_TCPSTATS2.size, decodeTcpStatistics2),
  GetUdpStatisticsEx: fixed(MIB_UDPSTATS.size, decodeUdpStatistics),
  GetUdpStatisticsEx2: fixed(MIB_UDPSTATS2.size, decodeUdpStatistics2),
} as const satisfies { readonly [F in TableFunction]: Declaration };

/** The declared functions, in declaration order (the recorder's sweep order). */
export const TABLE_FUNCTIONS = Object.keys(TABLES) as readonly TableFunction[];

/** The functions of one call kind. */
export type FunctionOfKind<K extends Declaration["kind"]> = {
  [F in TableFunction]: (typeof TABLES)[F]["kind"] extends K ? F : never;
}[TableFunction];

/** Functions called like `GetTcpTable2`. */
export type OrderedFunction = FunctionOfKind<"ordered">;
/** Functions called like `GetExtendedTcpTable`. */
export type ExtendedFunction = FunctionOfKind<"extended">;
/** Functions whose tables Windows allocates. */
export type NetioFunction = FunctionOfKind<"netio">;
/** The `GetOwnerModuleFrom*Entry` functions. */
export type OwnerModuleFunction = FunctionOfKind<"ownerModule">;
/** The statistics functions. */
export type FixedFunction = FunctionOfKind<"fixed">;

/** The parameters every function of a kind takes, as `Deno.dlopen` types. */
interface KindParameters {
  ordered: readonly ["buffer", "buffer", "i32"];
  extended: readonly ["buffer", "buffer", "i32", "u32", "i32", "u32"];
  netio: readonly ["u16", "buffer"] | readonly ["buffer"];
  ownerModule: readonly ["buffer", "i32", "buffer", "buffer"];
  fixed: readonly ["buffer", "u32"];
}

// A symbol whose parameters are not those of its declared kind fails here.
symbols satisfies {
  readonly [F in TableFunction]: {
    readonly parameters: KindParameters[(typeof TABLES)[F]["kind"]];
    readonly result: "u32";
  };
};

/** The row codec of `fn`'s (family, class) pair, or undefined where Windows has none. */
export function extendedCodec(
  fn: ExtendedFunction,
  family: number,
  tableClass: number,
): TableCodec | undefined {
  const classes: Extended["classes"] = TABLES[fn].classes;
  return Object.hasOwn(classes, family) ? classes[family]![tableClass] : undefined;
}

/**
 * Decodes `row`, the entry passed to the owner-module lookup `fn`, with the
 * codec of the table it comes from (as a one-row table).
 */
export function decodeEntry(fn: OwnerModuleFunction, row: Uint8Array): Record<string, unknown> {
  const { fn: source, family, tableClass } = TABLES[fn].source;
  const { shape, decode } = extendedCodec(source as ExtendedFunction, family, tableClass)!;
  const table = new Uint8Array(shape.rowsAt + shape.rowSize);
  new DataView(table.buffer).setUint32(0, 1, true);
  table.set(row.subarray(0, shape.rowSize), shape.rowsAt);
  return decode(table)[0] as Record<string, unknown>;
}
