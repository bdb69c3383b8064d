// The IPv6 TCP rows (MIB_TCP6ROW, MIB_TCP6ROW2, MIB_TCP6ROW_OWNER_PID; the
// owner-module row is read in tcp6_table_owner_module.ts): their readers and
// the writer of the members they share.
import { ipv6Text, readPort } from "./_address.ts";
import type { FieldWriter } from "./_fields.ts";
import { MIB_TCP6ROW, MIB_TCP6ROW2, MIB_TCP6ROW_OWNER_PID } from "./layout.ts";
import type { Tcp6Row, Tcp6Row2, Tcp6RowOwnerPid } from "./tcp6_row.ts";
import { TcpState } from "./tcp_state.ts";

// ---- decoding -------------------------------------------------------------

// Imported functions and offsets copied into module constants: optimized code
// re-reads an imported binding or a property of an imported object on every
// call, but folds a module constant away (see _tcp_row.ts). These run once per row.
const LISTEN = TcpState.LISTEN;
/** The unspecified address: a listener's remote end. */
const UNSPECIFIED = "::";
const ipv6 = ipv6Text;
const port = readPort;
const {
  State: STATE,
  LocalAddr: LOCAL_ADDR,
  dwLocalScopeId: LOCAL_SCOPE_ID,
  dwLocalPort: LOCAL_PORT,
  RemoteAddr: REMOTE_ADDR,
  dwRemoteScopeId: REMOTE_SCOPE_ID,
  dwRemotePort: REMOTE_PORT,
} = MIB_TCP6ROW;
const {
  LocalAddr: LOCAL_ADDR2,
  dwLocalScopeId: LOCAL_SCOPE_ID2,
  dwLocalPort: LOCAL_PORT2,
  RemoteAddr: REMOTE_ADDR2,
  dwRemoteScopeId: REMOTE_SCOPE_ID2,
  dwRemotePort: REMOTE_PORT2,
  State: STATE2,
  dwOwningPid: OWNING_PID2,
  dwOffloadState: OFFLOAD_STATE2,
} = MIB_TCP6ROW2;
const {
  ucLocalAddr: LOCAL_ADDR_P,
  dwLocalScopeId: LOCAL_SCOPE_ID_P,
  dwLocalPort: LOCAL_PORT_P,
  ucRemoteAddr: REMOTE_ADDR_P,
  dwRemoteScopeId: REMOTE_SCOPE_ID_P,
  dwRemotePort: REMOTE_PORT_P,
  dwState: STATE_P,
  dwOwningPid: OWNING_PID_P,
} = MIB_TCP6ROW_OWNER_PID;

// Each row is one object literal, written out member by member. A LISTEN
// row's remote members are undefined on Windows: they read as "::", 0, 0.

/** Decodes the `MIB_TCP6ROW` at `o`. */
export function readTcp6Row(view: DataView, o: number): Tcp6Row {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv6(view, o + LOCAL_ADDR),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID, true),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : ipv6(view, o + REMOTE_ADDR),
    remoteScopeId: listen ? 0 : view.getUint32(o + REMOTE_SCOPE_ID, true),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
  };
}

/** Decodes the `MIB_TCP6ROW2` at `o`. */
export function readTcp6Row2(view: DataView, o: number): Tcp6Row2 {
  const state = view.getUint32(o + STATE2, true);
  const listen = state === LISTEN;
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR2),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID2, true),
    localPort: port(view, o + LOCAL_PORT2),
    remoteAddr: listen ? UNSPECIFIED : ipv6(view, o + REMOTE_ADDR2),
    remoteScopeId: listen ? 0 : view.getUint32(o + REMOTE_SCOPE_ID2, true),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT2),
    state,
    owningPid: view.getUint32(o + OWNING_PID2, true),
    offloadState: view.getUint32(o + OFFLOAD_STATE2, true),
  };
}

/** Decodes the `MIB_TCP6ROW_OWNER_PID` at `o`. */
export function readTcp6RowOwnerPid(view: DataView, o: number): Tcp6RowOwnerPid {
  const state = view.getUint32(o + STATE_P, true);
  const listen = state === LISTEN;
  return {
    localAddr: ipv6(view, o + LOCAL_ADDR_P),
    localScopeId: view.getUint32(o + LOCAL_SCOPE_ID_P, true),
    localPort: port(view, o + LOCAL_PORT_P),
    remoteAddr: listen ? UNSPECIFIED : ipv6(view, o + REMOTE_ADDR_P),
    remoteScopeId: listen ? 0 : view.getUint32(o + REMOTE_SCOPE_ID_P, true),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT_P),
    state,
    owningPid: view.getUint32(o + OWNING_PID_P, true),
  };
}

// ---- encoding -------------------------------------------------------------
// Every value is checked by the FieldWriter (see _fields.ts): one that does
// not fit its member is refused with a TypeError naming the field.

/** Where the members of one IPv6 TCP row kind are. */
export interface Tcp6Offsets {
  state: number;
  localAddr: number;
  localScopeId: number;
  localPort: number;
  remoteAddr: number;
  remoteScopeId: number;
  remotePort: number;
}

export const TCP6ROW_AT: Tcp6Offsets = {
  state: MIB_TCP6ROW.State,
  localAddr: MIB_TCP6ROW.LocalAddr,
  localScopeId: MIB_TCP6ROW.dwLocalScopeId,
  localPort: MIB_TCP6ROW.dwLocalPort,
  remoteAddr: MIB_TCP6ROW.RemoteAddr,
  remoteScopeId: MIB_TCP6ROW.dwRemoteScopeId,
  remotePort: MIB_TCP6ROW.dwRemotePort,
};

export const TCP6ROW2_AT: Tcp6Offsets = {
  state: MIB_TCP6ROW2.State,
  localAddr: MIB_TCP6ROW2.LocalAddr,
  localScopeId: MIB_TCP6ROW2.dwLocalScopeId,
  localPort: MIB_TCP6ROW2.dwLocalPort,
  remoteAddr: MIB_TCP6ROW2.RemoteAddr,
  remoteScopeId: MIB_TCP6ROW2.dwRemoteScopeId,
  remotePort: MIB_TCP6ROW2.dwRemotePort,
};

export const TCP6ROW_OWNER_PID_AT: Tcp6Offsets = {
  state: MIB_TCP6ROW_OWNER_PID.dwState,
  localAddr: MIB_TCP6ROW_OWNER_PID.ucLocalAddr,
  localScopeId: MIB_TCP6ROW_OWNER_PID.dwLocalScopeId,
  localPort: MIB_TCP6ROW_OWNER_PID.dwLocalPort,
  remoteAddr: MIB_TCP6ROW_OWNER_PID.ucRemoteAddr,
  remoteScopeId: MIB_TCP6ROW_OWNER_PID.dwRemoteScopeId,
  remotePort: MIB_TCP6ROW_OWNER_PID.dwRemotePort,
};

/**
 * Encodes the members every IPv6 TCP row has, at offsets `at` of the row `w`
 * writes; ports go to the low 16 bits, network order. The row's values are
 * written as given, a listener's remote members included.
 */
export function writeTcp6Row(w: FieldWriter, at: Tcp6Offsets, row: Tcp6Row): void {
  w.u32(at.state, row.state, "state");
  w.ipv6(at.localAddr, row.localAddr, "localAddr");
  w.u32(at.localScopeId, row.localScopeId, "localScopeId");
  w.port(at.localPort, row.localPort, "localPort");
  w.ipv6(at.remoteAddr, row.remoteAddr, "remoteAddr");
  w.u32(at.remoteScopeId, row.remoteScopeId, "remoteScopeId");
  w.port(at.remotePort, row.remotePort, "remotePort");
}
