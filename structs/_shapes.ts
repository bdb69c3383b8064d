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

// ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ----
