// The UDP rows: MIB_UDPROW, MIB_UDPROW_OWNER_PID, MIB_UDP6ROW and
// MIB_UDP6ROW_OWNER_PID (the owner-module rows are read in their table files),
// and the writers of the members the UDP rows share.
import { formatIpv4, ipv6Text, readPort } from "./_address.ts";
import { checkBoolean, type FieldWriter } from "./_fields.ts";
import { MIB_UDP6ROW, MIB_UDP6ROW_OWNER_PID, MIB_UDPROW, MIB_UDPROW_OWNER_PID } from "./layout.ts";
import type { Udp6Row, Udp6RowOwnerPid, UdpRow, UdpRowOwnerPid } from "./udp_row.ts";

// Module constants, not imported bindings, in the readers: see _tcp_row.ts.
const ipv4 = formatIpv4;
const ipv6 = ipv6Text;
const port = readPort;
const { dwLocalAddr: LOCAL_ADDR, dwLocalPort: LOCAL_PORT } = MIB_UDPROW;
const {
  dwLocalAddr: LOCAL_ADDR_P,
  dwLocalPort: LOCAL_PORT_P,
  dwOwningPid: OWNING_PID_P,
} = MIB_UDPROW_OWNER_PID;
const {
  dwLocalAddr: LOCAL_ADDR6,
  dwLocalScopeId: LOCAL_SCOPE_ID6,
  dwLocalPort: LOCAL_PORT6,
} = MIB_UDP6ROW;
const {
  ucLocalAddr: LOCAL_ADDR6_P,
  dwLocalScopeId: LOCAL_SCOPE_ID6_P,
  dwLocalPort: LOCAL_PORT6_P,
  dwOwningPid: OWNING_PID6_P,
} = MIB_UDP6ROW_OWNER_PID;

/** Decodes the `MIB_UDPROW` at `o`. */
export function readUdpRow(view: DataView, o: number): UdpRow {
  return {
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
  };
}

/** Decodes the `MIB_UDPROW_OWNER_PID` at `o`. */
export function readUdpRowOwnerPid(view: DataView, o: number): UdpRowOwnerPid {
  return {
    localAddr: ipv4(view, o + LOCAL_ADDR_P),
    localPort: port(view, o + LOCAL_PORT_P),
    owningPid: view.getUint32(o + OWNING_PID_P, true),
  };
}

/** Decodes the `MIB_UDP6ROW` at `o`. */
export function readUdp6Row(view: DataView, o: number): Udp6Row {
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR6),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID6, true),
    localPort: port(view, o + LOCAL_PORT6),
  };
}

/** Decodes the `MIB_UDP6ROW_OWNER_PID` at `o`. */
export function readUdp6RowOwnerPid(view: DataView, o: number): Udp6RowOwnerPid {
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR6_P),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID6_P, true),
    localPort: port(view, o + LOCAL_PORT6_P),
    owningPid: view.getUint32(o + OWNING_PID6_P, true),
  };
}

/** Where the members of one IPv4 UDP row kind are. */
export interface UdpOffsets {
  localAddr: number;
  localPort: number;
}

/** Where the members of one IPv6 UDP row kind are. */
export interface Udp6Offsets extends UdpOffsets {
  localScopeId: number;
}

/** Encodes the members every IPv4 UDP row has, at offsets `at` of the row `w` writes. */
export function writeUdpRow(w: FieldWriter, at: UdpOffsets, row: UdpRow): void {
  w.ipv4(at.localAddr, row.localAddr, "localAddr");
  w.port(at.localPort, row.localPort, "localPort");
}

/** Encodes the members every IPv6 UDP row has, at offsets `at` of the row `w` writes. */
export function writeUdp6Row(w: FieldWriter, at: Udp6Offsets, row: Udp6Row): void {
  w.ipv6(at.localAddr, row.localAddr, "localAddr");
  w.u32(at.localScopeId, row.localScopeId, "localScopeId");
  w.port(at.localPort, row.localPort, "localPort");
}

/**
 * Writes the `dwFlags` union at `at` from `flags` (a signed 32-bit int),
 * after checking that `specificPortBind` (a boolean) agrees with its bit
 * `bit`: the encoder does not guess which of the two was meant.
 */
export function writeFlags(
  w: FieldWriter,
  at: number,
  row: { specificPortBind: boolean; flags: number },
  bit: number,
): void {
  const specificPortBind = checkBoolean(row.specificPortBind, w.name("specificPortBind"));
  w.i32(at, row.flags, "flags");
  const { flags } = row;
  if ((((flags >>> bit) & 1) === 1) !== specificPortBind) {
    throw new TypeError(
      `${w.name("specificPortBind")} is ${specificPortBind} but bit ${bit} of flags (${flags}) is ${
        specificPortBind ? "clear" : "set"
      }: they are one union, set both alike`,
    );
  }
}
