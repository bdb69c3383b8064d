// The members every IPv4 TCP row starts with, at the same offsets in
// MIB_TCPROW, MIB_TCPROW2, MIB_TCPROW_OWNER_PID and MIB_TCPROW_OWNER_MODULE
// (tests/layout/probe.c checks each of them), and the row readers.
//
// Windows leaves the remote members of a LISTEN row undefined: every reader
// returns a listener's remote end as 0.0.0.0 port 0, whatever the bytes hold.
import { formatIpv4, freshIpv4, ipv4TextStats, readPort } from "./_address.ts";
import type { FieldWriter } from "./_fields.ts";
import { readModuleInfo } from "./_owner_module_row.ts";
import { openTable, type TableShape } from "./_table.ts";
import {
  MIB_TCPROW,
  MIB_TCPROW2,
  MIB_TCPROW_OWNER_MODULE,
  MIB_TCPROW_OWNER_PID,
} from "./layout.ts";
import type { TcpRow, TcpRow2, TcpRowOwnerModule, TcpRowOwnerPid } from "./tcp_row.ts";
import { TcpState } from "./tcp_state.ts";

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
const {
  dwOwningPid: OWNING_PID_M,
  liCreateTimestamp: CREATE_TIMESTAMP_M,
  OwningModuleInfo: MODULE_INFO_M,
  OwningModuleInfoCount: MODULE_INFO_COUNT_M,
} = MIB_TCPROW_OWNER_MODULE;
const LISTEN = TcpState.LISTEN;
/** A listener's remote address: the unspecified address. */
const UNSPECIFIED = "0.0.0.0";
const ipv4 = formatIpv4;
const fresh = freshIpv4;
const port = readPort;
const stats = ipv4TextStats;

// Each reader is one object literal written out member by member (not built
// on a shared reader, not spread): V8 then makes every row with one
// allocation of one shape, and these run once per row of tables that
// monitoring agents decode every second.

/** Decodes the common members of the IPv4 TCP row at `o` (a `MIB_TCPROW`). */
export function readTcpRow(view: DataView, o: number): TcpRow {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : ipv4(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
  };
}

/** {@linkcode readTcpRow} with the remote address made anew: see {@linkcode decodeTcpRows}. */
export function readTcpRowFresh(view: DataView, o: number): TcpRow {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : fresh(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
  };
}

/** Decodes the `MIB_TCPROW2` at `o`. */
export function readTcpRow2(view: DataView, o: number): TcpRow2 {
  const state = view.getUint32(o + STATE2, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR2),
    localPort: port(view, o + LOCAL_PORT2),
    remoteAddr: listen ? UNSPECIFIED : ipv4(view, o + REMOTE_ADDR2),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT2),
    owningPid: view.getUint32(o + OWNING_PID2, true),
    offloadState: view.getUint32(o + OFFLOAD_STATE2, true),
  };
}

/** {@linkcode readTcpRow2} with the remote address made anew: see {@linkcode decodeTcpRows}. */
export function readTcpRow2Fresh(view: DataView, o: number): TcpRow2 {
  const state = view.getUint32(o + STATE2, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR2),
    localPort: port(view, o + LOCAL_PORT2),
    remoteAddr: listen ? UNSPECIFIED : fresh(view, o + REMOTE_ADDR2),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT2),
    owningPid: view.getUint32(o + OWNING_PID2, true),
    offloadState: view.getUint32(o + OFFLOAD_STATE2, true),
  };
}

/** Decodes the `MIB_TCPROW_OWNER_PID` at `o`. */
export function readTcpRowOwnerPid(view: DataView, o: number): TcpRowOwnerPid {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : ipv4(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
    owningPid: view.getUint32(o + OWNING_PID, true),
  };
}

/** {@linkcode readTcpRowOwnerPid} with the remote address made anew: see {@linkcode decodeTcpRows}. */
export function readTcpRowOwnerPidFresh(view: DataView, o: number): TcpRowOwnerPid {
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : fresh(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
    owningPid: view.getUint32(o + OWNING_PID, true),
  };
}

/** Decodes the `MIB_TCPROW_OWNER_MODULE` at `o`. */
export function readTcpRowOwnerModule(view: DataView, o: number): TcpRowOwnerModule {
  const owningModuleInfo = readModuleInfo(view, o + MODULE_INFO_M, MODULE_INFO_COUNT_M);
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : ipv4(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
    owningPid: view.getUint32(o + OWNING_PID_M, true),
    createTimestamp: view.getBigInt64(o + CREATE_TIMESTAMP_M, true),
    owningModuleInfo,
  };
}

/** {@linkcode readTcpRowOwnerModule} with the remote address made anew: see {@linkcode decodeTcpRows}. */
export function readTcpRowOwnerModuleFresh(view: DataView, o: number): TcpRowOwnerModule {
  const owningModuleInfo = readModuleInfo(view, o + MODULE_INFO_M, MODULE_INFO_COUNT_M);
  const state = view.getUint32(o + STATE, true);
  const listen = state === LISTEN;
  return {
    state,
    localAddr: ipv4(view, o + LOCAL_ADDR),
    localPort: port(view, o + LOCAL_PORT),
    remoteAddr: listen ? UNSPECIFIED : fresh(view, o + REMOTE_ADDR),
    remotePort: listen ? 0 : port(view, o + REMOTE_PORT),
    owningPid: view.getUint32(o + OWNING_PID_M, true),
    createTimestamp: view.getBigInt64(o + CREATE_TIMESTAMP_M, true),
    owningModuleInfo,
  };
}

// Looking an address up in the memo of texts costs time when it is not
// there; when most lookups of a stretch of rows miss (a table of new peers: a
// flood, a busy proxy), the rest of the table is decoded with the remote
// address made anew (`fresh`), but for every 16th row, which still goes
// through the memo so that it learns peers that come back. Both ways give the
// same strings; only the time differs (about a third less for a table of new
// peers), and it is bounded either way, whatever the addresses.

/** Rows per stretch whose misses are counted. */
export const STRETCH = 256;
/** More misses than this in a stretch (of up to 2 × STRETCH lookups) switch to `fresh`. */
export const MOSTLY_NEW = STRETCH / 2;

/**
 * Decodes every row of a table of IPv4 TCP rows with `read`, or, from the
 * first stretch of rows whose lookups mostly missed, with `readFresh` (and
 * `read` for every 16th row).
 */
export function decodeTcpRows<R>(
  bytes: Uint8Array,
  shape: TableShape,
  read: (view: DataView, o: number) => R,
  readFresh: (view: DataView, o: number) => R,
): R[] {
  const { view, count } = openTable(bytes, shape);
  const { rowsAt, rowSize } = shape;
  const rows = new Array<R>(count);
  let made = stats.made;
  for (let i = 0, o = rowsAt; i < count; i++, o += rowSize) {
    rows[i] = read(view, o);
    if ((i & (STRETCH - 1)) === STRETCH - 1) {
      if (stats.made - made > MOSTLY_NEW) {
        for (i++, o += rowSize; i < count; i++, o += rowSize) {
          rows[i] = (i & 15) === 0 ? read(view, o) : readFresh(view, o);
        }
        break;
      }
      made = stats.made;
    }
  }
  return rows;
}

/**
 * Encodes the common members of `row` through `w`, checked; ports go to the
 * low 16 bits, network order. The row's values are written as given, a
 * listener's remote members included.
 */
export function writeTcpRow(w: FieldWriter, row: TcpRow): void {
  w.u32(STATE, row.state, "state");
  w.ipv4(LOCAL_ADDR, row.localAddr, "localAddr");
  w.port(LOCAL_PORT, row.localPort, "localPort");
  w.ipv4(REMOTE_ADDR, row.remoteAddr, "remoteAddr");
  w.port(REMOTE_PORT, row.remotePort, "remotePort");
}
