// Where each table's rows start and how big they are, from layout.ts.
import type { TableShape } from "./_table.ts";
import * as L from "./layout.ts";

export const TCP_TABLE: TableShape = {
  structure: "MIB_TCPTABLE",
  rowsAt: L.MIB_TCPTABLE.table,
  rowSize: L.MIB_TCPROW.size,
};

export const TCP_TABLE2: TableShape = {
  structure: "MIB_TCPTABLE2",
  rowsAt: L.MIB_TCPTABLE2.table,
  rowSize: L.MIB_TCPROW2.size,
};

export const TCP_TABLE_OWNER_PID: TableShape = {
  structure: "MIB_TCPTABLE_OWNER_PID",
  rowsAt: L.MIB_TCPTABLE_OWNER_PID.table,
  rowSize: L.MIB_TCPROW_OWNER_PID.size,
};

export const TCP_TABLE_OWNER_MODULE: TableShape = {
  structure: "MIB_TCPTABLE_OWNER_MODULE",
  rowsAt: L.MIB_TCPTABLE_OWNER_MODULE.table,
  rowSize: L.MIB_TCPROW_OWNER_MODULE.size,
};

export const IP_INTERFACE_TABLE: TableShape = {
  structure: "MIB_IPINTERFACE_TABLE",
  rowsAt: L.MIB_IPINTERFACE_TABLE.Table,
  rowSize: L.MIB_IPINTERFACE_ROW.size,
};

export const ANYCAST_IP_ADDRESS_TABLE: TableShape = {
  structure: "MIB_ANYCASTIPADDRESS_TABLE",
  rowsAt: L.MIB_ANYCASTIPADDRESS_TABLE.Table,
  rowSize: L.MIB_ANYCASTIPADDRESS_ROW.size,
};

// ---- wave 2: IPv6 and UDP connection tables (issue 9) ----

export const TCP6_TABLE: TableShape = {
  structure: "MIB_TCP6TABLE",
  rowsAt: L.MIB_TCP6TABLE.table,
  rowSize: L.MIB_TCP6ROW.size,
};

export const TCP6_TABLE2: TableShape = {
  structure: "MIB_TCP6TABLE2",
  rowsAt: L.MIB_TCP6TABLE2.table,
  rowSize: L.MIB_TCP6ROW2.size,
};

export const TCP6_TABLE_OWNER_PID: TableShape = {
  structure: "MIB_TCP6TABLE_OWNER_PID",
  rowsAt: L.MIB_TCP6TABLE_OWNER_PID.table,
  rowSize: L.MIB_TCP6ROW_OWNER_PID.size,
};

export const TCP6_TABLE_OWNER_MODULE: TableShape = {
  structure: "MIB_TCP6TABLE_OWNER_MODULE",
  rowsAt: L.MIB_TCP6TABLE_OWNER_MODULE.table,
  rowSize: L.MIB_TCP6ROW_OWNER_MODULE.size,
};

export const UDP_TABLE: TableShape = {
  structure: "MIB_UDPTABLE",
  rowsAt: L.MIB_UDPTABLE.table,
  rowSize: L.MIB_UDPROW.size,
};

export const UDP_TABLE_OWNER_PID: TableShape = {
  structure: "MIB_UDPTABLE_OWNER_PID",
  rowsAt: L.MIB_UDPTABLE_OWNER_PID.table,
  rowSize: L.MIB_UDPROW_OWNER_PID.size,
};

export const UDP_TABLE_OWNER_MODULE: TableShape = {
  structure: "MIB_UDPTABLE_OWNER_MODULE",
  rowsAt: L.MIB_UDPTABLE_OWNER_MODULE.table,
  rowSize: L.MIB_UDPROW_OWNER_MODULE.size,
};

export const UDP6_TABLE: TableShape = {
  structure: "MIB_UDP6TABLE",
  rowsAt: L.MIB_UDP6TABLE.table,
  rowSize: L.MIB_UDP6ROW.size,
};

export const UDP6_TABLE_OWNER_PID: TableShape = {
  structure: "MIB_UDP6TABLE_OWNER_PID",
  rowsAt: L.MIB_UDP6TABLE_OWNER_PID.table,
  rowSize: L.MIB_UDP6ROW_OWNER_PID.size,
};

export const UDP6_TABLE_OWNER_MODULE: TableShape = {
  structure: "MIB_UDP6TABLE_OWNER_MODULE",
  rowsAt: L.MIB_UDP6TABLE_OWNER_MODULE.table,
  rowSize: L.MIB_UDP6ROW_OWNER_MODULE.size,
};

// ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ----

export const UNICAST_IP_ADDRESS_TABLE: TableShape = {
  structure: "MIB_UNICASTIPADDRESS_TABLE",
  rowsAt: L.MIB_UNICASTIPADDRESS_TABLE.Table,
  rowSize: L.MIB_UNICASTIPADDRESS_ROW.size,
};

export const IP_FORWARD_TABLE2: TableShape = {
  structure: "MIB_IPFORWARD_TABLE2",
  rowsAt: L.MIB_IPFORWARD_TABLE2.Table,
  rowSize: L.MIB_IPFORWARD_ROW2.size,
};

export const IP_NET_TABLE2: TableShape = {
  structure: "MIB_IPNET_TABLE2",
  rowsAt: L.MIB_IPNET_TABLE2.Table,
  rowSize: L.MIB_IPNET_ROW2.size,
};

export const IF_TABLE2: TableShape = {
  structure: "MIB_IF_TABLE2",
  rowsAt: L.MIB_IF_TABLE2.Table,
  rowSize: L.MIB_IF_ROW2.size,
};

/** A fixed-size structure the caller allocates: `size` bytes, named `structure` in errors. */
export interface StructShape {
  /** The structure's name, for error messages. */
  structure: string;
  /** `sizeof` the structure: what a call that fills one must allocate. */
  size: number;
}

export const TCP_STATS: StructShape = { structure: "MIB_TCPSTATS", size: L.MIB_TCPSTATS.size };

export const TCP_STATS2: StructShape = { structure: "MIB_TCPSTATS2", size: L.MIB_TCPSTATS2.size };

export const UDP_STATS: StructShape = { structure: "MIB_UDPSTATS", size: L.MIB_UDPSTATS.size };

export const UDP_STATS2: StructShape = { structure: "MIB_UDPSTATS2", size: L.MIB_UDPSTATS2.size };
