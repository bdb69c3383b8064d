// The members every IPv4 TCP row starts with, at the same offsets in
// MIB_TCPROW, MIB_TCPROW2, MIB_TCPROW_OWNER_PID and MIB_TCPROW_OWNER_MODULE
// (tests/layout/probe.c checks each of them), and the whole MIB_TCPROW2.
import { formatIpv4, readPort, writeIpv4 } from "./_address.ts";
import { MIB_TCPROW, MIB_TCPROW2, MIB_TCPROW_OWNER_PID } from "./layout.ts";
import type { TcpRow, TcpRow2, TcpRowOwnerPid } from "./tcp_row.ts";

// Imported functions and offsets copied into module constants: optimized code
// re-reads an imported binding, or a property of an imported object
// (`MIB_TCPROW.dwState`), on every call, but folds a module constant away.
// These run once per row.
const {
  dwState: STATE,
  dwLocalAddr: LOCAL_ADDR,
  dwLocalPort: LOCAL_PORT,
  dwRemoteAddr: REMOTE_ADDR,
  dwRemotePort: REMOTE_PORT,
} = MIB_TCPROW;
const {
  dwState: STATE2,
  dwLocalAddr: LOCAL_ADDR2,
  dwLocalPort: LOCAL_PORT2,
  dwRemoteAddr: REMOTE_ADDR2,
  dwRemotePort: REMOTE_PORT2,
  dwOwningPid: OWNING_PID2,
  dwOffloadState: OFFLOAD_STATE2,
} = MIB_TCPROW2;
const OWNING_PID = MIB_TCPROW_OWNER_PID.dwOwningPid;
const ipv4 = formatIpv4;
const port = readPort;

/** Decodes the common members of the IPv4 TCP row at `o`. */
export function readTcpRow(view: DataView, o: number): TcpRow {
  return {
    state: view.getUint32(o + STATE, true),
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: ipv4(view, o + REMOTE_ADDR),
    remotePort: port(view, o + REMOTE_PORT),
  };
}

// Written out member by member (not built on readTcpRow) so that each row is
// one object literal: this is the row monitoring agents decode every second.
/** Decodes the `MIB_TCPROW2` at `o`. */
export function readTcpRow2(view: DataView, o: number): TcpRow2 {
  return {
    state: view.getUint32(o + STATE2, true),
    localAddr: ipv4(view, o + LOCAL_ADDR2),
    localPort: port(view, o + LOCAL_PORT2),
    remoteAddr: ipv4(view, o + REMOTE_ADDR2),
    remotePort: port(view, o + REMOTE_PORT2),
    owningPid: view.getUint32(o + OWNING_PID2, true),
    offloadState: view.getUint32(o + OFFLOAD_STATE2, true),
  };
}

/** Decodes the `MIB_TCPROW_OWNER_PID` at `o`: one literal, as {@linkcode readTcpRow2}. */
export function readTcpRowOwnerPid(view: DataView, o: number): TcpRowOwnerPid {
  return {
    state: view.getUint32(o + STATE, true),
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: ipv4(view, o + REMOTE_ADDR),
    remotePort: port(view, o + REMOTE_PORT),
    owningPid: view.getUint32(o + OWNING_PID, true),
  };
}

/** Encodes the common members of `row` at `o`; ports go to the low 16 bits, network order. */
export function writeTcpRow(view: DataView, o: number, row: TcpRow): void {
  view.setUint32(o + STATE, row.state, true);
  writeIpv4(view, o + LOCAL_ADDR, row.localAddr);
  view.setUint16(o + LOCAL_PORT, row.localPort, false);
  writeIpv4(view, o + REMOTE_ADDR, row.remoteAddr);
  view.setUint16(o + REMOTE_PORT, row.remotePort, false);
}
