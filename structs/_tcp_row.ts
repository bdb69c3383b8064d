// The five members every IPv4 TCP row starts with, at the same offsets in
// MIB_TCPROW, MIB_TCPROW2, MIB_TCPROW_OWNER_PID and MIB_TCPROW_OWNER_MODULE
// (tests/layout/probe.c checks each of them).
import { formatIpv4, readPort, writeIpv4 } from "./_address.ts";
import { MIB_TCPROW as R } from "./layout.ts";
import type { TcpRow } from "./tcp_row.ts";

/** Decodes the common members of the IPv4 TCP row at `o`. */
export function readTcpRow(view: DataView, o: number): TcpRow {
  return {
    state: view.getUint32(o + R.dwState, true),
    localAddr: formatIpv4(view, o + R.dwLocalAddr),
    localPort: readPort(view, o + R.dwLocalPort),
    remoteAddr: formatIpv4(view, o + R.dwRemoteAddr),
    remotePort: readPort(view, o + R.dwRemotePort),
  };
}

/** Encodes the common members of `row` at `o`; ports go to the low 16 bits, network order. */
export function writeTcpRow(view: DataView, o: number, row: TcpRow): void {
  view.setUint32(o + R.dwState, row.state, true);
  writeIpv4(view, o + R.dwLocalAddr, row.localAddr);
  view.setUint16(o + R.dwLocalPort, row.localPort, false);
  writeIpv4(view, o + R.dwRemoteAddr, row.remoteAddr);
  view.setUint16(o + R.dwRemotePort, row.remotePort, false);
}
