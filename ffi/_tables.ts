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
import { MIB_TCPROW_OWNER_MODULE } from "../structs/layout.ts";
import { AF_INET } from "../structs/socket_address.ts";
import { decodeTcpTable } from "../structs/tcp_table.ts";
import { decodeTcpTable2 } from "../structs/tcp_table2.ts";
import { decodeTcpTableOwnerModule } from "../structs/tcp_table_owner_module.ts";
import { decodeTcpTableOwnerPid } from "../structs/tcp_table_owner_pid.ts";
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

const TCP_BASIC = codec(shapes.TCP_TABLE, decodeTcpTable);
const TCP_OWNER_PID = codec(shapes.TCP_TABLE_OWNER_PID, decodeTcpTableOwnerPid);
const TCP_OWNER_MODULE = codec(shapes.TCP_TABLE_OWNER_MODULE, decodeTcpTableOwnerModule);

/** `TCP_TABLE_CLASS` values: `_LISTENER`, `_CONNECTIONS`, `_ALL` of each kind. */
export const TCP_TABLE_CLASS = {
  BASIC_LISTENER: 0,
  OWNER_PID_LISTENER: 3,
  OWNER_PID_ALL: 5,
  OWNER_MODULE_LISTENER: 6,
  OWNER_MODULE_ALL: 8,
} as const;

/** The declarations, one per table function. */
export const TABLES = {
  GetTcpTable: ordered(TCP_BASIC),
  GetTcpTable2: ordered(codec(shapes.TCP_TABLE2, decodeTcpTable2)),
  GetExtendedTcpTable: {
    kind: "extended",
    classes: {
      [AF_INET]: [
        ...[TCP_BASIC, TCP_BASIC, TCP_BASIC],
        ...[TCP_OWNER_PID, TCP_OWNER_PID, TCP_OWNER_PID],
        ...[TCP_OWNER_MODULE, TCP_OWNER_MODULE, TCP_OWNER_MODULE],
      ],
    },
  },
  GetOwnerModuleFromTcpEntry: {
    kind: "ownerModule",
    rowSize: MIB_TCPROW_OWNER_MODULE.size,
    source: {
      fn: "GetExtendedTcpTable",
      family: AF_INET,
      tableClass: TCP_TABLE_CLASS.OWNER_MODULE_ALL,
    },
  },
  GetIpInterfaceTable: netio(
    codec(shapes.IP_INTERFACE_TABLE, decodeIpInterfaceTable),
  ),
  GetAnycastIpAddressTable: netio(
    codec(shapes.ANYCAST_IP_ADDRESS_TABLE, decodeAnycastIpAddressTable),
  ),
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
