// The IPv6 TCP rows (MIB_TCP6ROW, MIB_TCP6ROW2, MIB_TCP6ROW_OWNER_PID; the
// owner-module row is read in tcp6_table_owner_module.ts), and what the IPv6
// and UDP decoders and encoders share: the input checks, the memoised IPv6
// text, the OwningModuleInfo words and the range checks of the encoders.
import { formatIpv6, readPort, writeIpv4, writeIpv6 } from "./_address.ts";
import { encodeRows, type TableShape } from "./_table.ts";
import { MIB_TCP6ROW, MIB_TCP6ROW2, MIB_TCP6ROW_OWNER_PID } from "./layout.ts";
import type { Tcp6Row, Tcp6Row2, Tcp6RowOwnerPid } from "./tcp6_row.ts";
import { TcpState } from "./tcp_state.ts";

// ---- decoding -------------------------------------------------------------

/** The name of what a decoder was given instead of bytes: `null`, `string`, `ArrayBuffer`. */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== "object") return typeof value;
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** Throws the TypeError of decoder `fn` when `bytes` is not a `Uint8Array`. */
export function expectBytes(fn: string, bytes: unknown): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${fn}: expected a Uint8Array, found ${typeName(bytes)}`);
  }
}

/** Reads the `count` ULONGLONGs of an `OwningModuleInfo` at `o`. */
export function readModuleInfo(view: DataView, o: number, count: number): bigint[] {
  const words = new Array<bigint>(count);
  for (let i = 0; i < count; i++) words[i] = view.getBigUint64(o + 8 * i, true);
  return words;
}

// IPv6 text, memoised by address, as _address.ts does for dotted quads:
// formatIpv6 takes about 150 ns, and a table repeats its few local addresses
// and its peers row after row. Open addressing with linear probing over
// V6_SLOTS slots of four 32-bit key words, at most half full; when full it is
// emptied, so it never holds more than V6_MAX_TEXTS strings (16,384; about
// 1.5 MB with its arrays). Outputs are formatIpv6's strings either way.
const V6_SLOT_BITS = 15;
const V6_SLOTS = 1 << V6_SLOT_BITS;
const V6_MAX_TEXTS = V6_SLOTS >> 1;
const v6Keys = new Int32Array(4 * V6_SLOTS);
const v6Texts: (string | undefined)[] = Array.from({ length: V6_SLOTS }, () => undefined);
let v6Count = 0;
const format6 = formatIpv6;

/** The slot an address hashes to: its four words mixed, then Fibonacci hashing. */
const v6Home = (a: number, b: number, c: number, d: number) =>
  Math.imul(
    Math.imul(a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f) ^ d,
    0x9e3779b1,
  ) >>> (32 - V6_SLOT_BITS);

/** RFC 5952 text of the 16 bytes at `o` ({@linkcode formatIpv6}'s), memoised. */
export function ipv6Text(view: DataView, o: number): string {
  const a = view.getInt32(o, true);
  const b = view.getInt32(o + 4, true);
  const c = view.getInt32(o + 8, true);
  const d = view.getInt32(o + 12, true);
  let slot = v6Home(a, b, c, d);
  for (;; slot = (slot + 1) & (V6_SLOTS - 1)) {
    const text = v6Texts[slot];
    if (text === undefined) break;
    const k = slot << 2;
    if (v6Keys[k] === a && v6Keys[k + 1] === b && v6Keys[k + 2] === c && v6Keys[k + 3] === d) {
      return text;
    }
  }
  const text = format6(view, o);
  if (v6Count === V6_MAX_TEXTS) {
    v6Texts.fill(undefined);
    v6Count = 0;
    slot = v6Home(a, b, c, d);
  }
  v6Count++;
  const k = slot << 2;
  v6Keys[k] = a;
  v6Keys[k + 1] = b;
  v6Keys[k + 2] = c;
  v6Keys[k + 3] = d;
  v6Texts[slot] = text;
  return text;
}

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
// Encoders check every value and refuse one that does not fit its member
// (a TypeError naming the field) instead of letting DataView wrap it.

/** Who is encoding what: for messages, `"encodeX: rows[3]"` or `"encodeX: row"`. */
export interface Where {
  /** The encoder's name. */
  fn: string;
  /** The row's index in `rows`, or -1 for a lone `row`. */
  index: number;
}

/** `"encodeX: rows[3].name"`, or `"encodeX: row.name"` for a lone row; no `.name` when empty. */
export const fieldName = (where: Where, name: string): string =>
  `${where.fn}: ${where.index < 0 ? "row" : `rows[${where.index}]`}${name ? "." + name : ""}`;

/** Readable text of a refused value. */
function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return typeName(value);
  return String(value);
}

function refuse(where: Where, name: string, expected: string, value: unknown): never {
  throw new TypeError(`${fieldName(where, name)} must be ${expected}, found ${show(value)}`);
}

/** Throws unless `rows` is an array; the encoders' first check. */
export function expectRows(fn: string, rows: unknown): void {
  if (!Array.isArray(rows)) {
    throw new TypeError(`${fn}: rows must be an array, found ${show(rows)}`);
  }
}

/**
 * Encodes `rows` as a table of `shape` with `write`, after checking that
 * `rows` is an array; `write` learns each row's index for its messages.
 */
export function encodeCheckedRows<R>(
  fn: string,
  rows: readonly R[],
  shape: TableShape,
  write: (view: DataView, o: number, row: R, where: Where) => void,
): Uint8Array {
  expectRows(fn, rows);
  const where: Where = { fn, index: 0 };
  return encodeRows(rows, shape, (view, o, row) => {
    where.index = (o - shape.rowsAt) / shape.rowSize;
    write(view, o, row, where);
  });
}

/** Encodes one row of `size` bytes with `write` (the argument of `GetOwnerModuleFrom…Entry`). */
export function encodeCheckedRow<R>(
  fn: string,
  row: R,
  size: number,
  write: (view: DataView, o: number, row: R, where: Where) => void,
): Uint8Array {
  const bytes = new Uint8Array(size);
  write(new DataView(bytes.buffer), 0, row, { fn, index: -1 });
  return bytes;
}

/** Throws unless `row` is an object. */
export function expectRow(where: Where, row: unknown): void {
  if (typeof row !== "object" || row === null) {
    throw new TypeError(`${fieldName(where, "")} must be a row object, found ${show(row)}`);
  }
}

/** `value` if it is an integer in 0..`max`, else a TypeError naming field `name`. */
export function checkUint(where: Where, name: string, value: unknown, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
    refuse(where, name, `an integer in 0..${max === 0xffff ? "65535" : "0xFFFFFFFF"}`, value);
  }
  return value as number;
}

/** Writes port `value` (0..65535) to the low 16 bits of the DWORD at `o`, network order. */
export function writePortField(
  view: DataView,
  o: number,
  where: Where,
  name: string,
  value: unknown,
): void {
  view.setUint16(o, checkUint(where, name, value, 0xffff), false);
}

/** Writes a DWORD (0..0xFFFFFFFF) little-endian at `o`. */
export function writeDwordField(
  view: DataView,
  o: number,
  where: Where,
  name: string,
  value: unknown,
): void {
  view.setUint32(o, checkUint(where, name, value, 0xffffffff), true);
}

/** Writes a signed 32-bit int (-2³¹..2³¹-1) little-endian at `o`. */
export function writeInt32Field(
  view: DataView,
  o: number,
  where: Where,
  name: string,
  value: unknown,
): void {
  if (
    !Number.isInteger(value) || (value as number) < -0x80000000 || (value as number) > 0x7fffffff
  ) {
    refuse(where, name, "an integer in -2147483648..2147483647", value);
  }
  view.setInt32(o, value as number, true);
}

/** `value` if it is a boolean, else a TypeError naming field `name`. */
export function checkBoolean(where: Where, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") refuse(where, name, "a boolean", value);
  return value;
}

/** Writes address text `value` at `o`: 16 bytes of IPv6, or 4 of IPv4 when `ipv4`. */
export function writeAddressField(
  view: DataView,
  o: number,
  where: Where,
  name: string,
  value: unknown,
  ipv4 = false,
): void {
  const expected = ipv4 ? "IPv4 dotted-quad text" : "IPv6 address text";
  if (typeof value !== "string") refuse(where, name, expected, value);
  try {
    (ipv4 ? writeIpv4 : writeIpv6)(view, o, value);
  } catch (error) {
    if (error instanceof TypeError) refuse(where, name, expected, value);
    throw error;
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Writes `createTimestamp`, a bigint in int64 range, as a LARGE_INTEGER at `o`. */
export function writeTimestampField(view: DataView, o: number, where: Where, value: unknown): void {
  if (typeof value !== "bigint" || value < INT64_MIN || value > INT64_MAX) {
    refuse(where, "createTimestamp", "a bigint in -(2^63)..2^63-1", value);
  }
  view.setBigInt64(o, value, true);
}

/**
 * Writes `owningModuleInfo`, at most `count` bigints in 0..2⁶⁴-1, as
 * ULONGLONGs at `o`; words it does not give stay zero.
 */
export function writeModuleInfoField(
  view: DataView,
  o: number,
  where: Where,
  value: unknown,
  count: number,
): void {
  if (!Array.isArray(value) || value.length > count) {
    refuse(where, "owningModuleInfo", `an array of at most ${count} bigints`, value);
  }
  value.forEach((word: unknown, i) => {
    if (typeof word !== "bigint" || word < 0n || word > UINT64_MAX) {
      refuse(where, `owningModuleInfo[${i}]`, "a bigint in 0..2^64-1", word);
    }
    view.setBigUint64(o + 8 * i, word, true);
  });
}

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
 * Encodes the members every IPv6 TCP row has, at offsets `at` from `o`,
 * checked; ports go to the low 16 bits, network order. The row's values are
 * written as given, a listener's remote members included.
 */
export function writeTcp6Row(
  view: DataView,
  o: number,
  at: Tcp6Offsets,
  row: Tcp6Row,
  where: Where,
): void {
  expectRow(where, row);
  writeDwordField(view, o + at.state, where, "state", row.state);
  writeAddressField(view, o + at.localAddr, where, "localAddr", row.localAddr);
  writeDwordField(view, o + at.localScopeId, where, "localScopeId", row.localScopeId);
  writePortField(view, o + at.localPort, where, "localPort", row.localPort);
  writeAddressField(view, o + at.remoteAddr, where, "remoteAddr", row.remoteAddr);
  writeDwordField(view, o + at.remoteScopeId, where, "remoteScopeId", row.remoteScopeId);
  writePortField(view, o + at.remotePort, where, "remotePort", row.remotePort);
}
