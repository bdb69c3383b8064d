import { formatIpv4, readPort } from "./_address.ts";
import { TCP_TABLE2 as SHAPE } from "./_shapes.ts";
import { openTable } from "./_table.ts";
import { readTcpRow2 } from "./_tcp_row.ts";
import { DecodeError } from "./decode_error.ts";
import { MIB_TCPROW2 } from "./layout.ts";
import type { TcpRow2 } from "./tcp_row.ts";
import { TcpState } from "./tcp_state.ts";

// Imported functions and offsets copied into module constants: optimized code
// re-reads an imported binding, or a property of an imported object
// (`MIB_TCPROW2.dwState`), on every call, but folds a module constant away.
// Each accessor runs once per row of a scan.
const { rowsAt: ROWS_AT, rowSize: ROW_SIZE } = SHAPE;
const {
  dwState: STATE,
  dwLocalAddr: LOCAL_ADDR,
  dwLocalPort: LOCAL_PORT,
  dwRemoteAddr: REMOTE_ADDR,
  dwRemotePort: REMOTE_PORT,
  dwOwningPid: OWNING_PID,
  dwOffloadState: OFFLOAD_STATE,
} = MIB_TCPROW2;
const ipv4 = formatIpv4;
const port = readPort;
const readRow = readTcpRow2;
const LISTEN = TcpState.LISTEN;

function outOfRange(index: number, length: number): never {
  const rows = length === 0 ? "the table has no rows" : `its rows are 0..${length - 1}`;
  throw new DecodeError(SHAPE.structure, `row index ${index} is not a row of the table: ${rows}`);
}

/** Members a row must have to match a filter of {@linkcode TcpTable2View.count}. */
interface Filter {
  state?: number;
  port?: number;
  localPort?: number;
  remotePort?: number;
  owningPid?: number;
}

/**
 * A filter as XOR values and masks over the raw members, as the scans read
 * them: a row matches when every masked XOR is 0. Ports are compared as read
 * little-endian (their bytes swapped), which saves a swap per row.
 */
interface Masks {
  state: number;
  stateMask: number;
  localPort: number;
  localPortMask: number;
  remotePort: number;
  remotePortMask: number;
  owningPid: number;
  owningPidMask: number;
  port: number;
  portMask: number;
}

/** Whether `value` is an integer in 0..`max`. */
const isUint = (value: unknown, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;

/** `value`, checked to be an integer in 0..`max`, else a TypeError naming `name`. */
function member(filter: Filter, name: keyof Filter, max: number): number | undefined {
  const value: unknown = filter[name];
  if (value === undefined) return undefined;
  if (!isUint(value, max)) {
    throw new TypeError(
      `TcpTable2View filter: ${name} must be an integer in 0..${max}, found ${String(value)}`,
    );
  }
  return value;
}

/** A port as `getUint16(offset, true)` reads it: its two bytes swapped. */
const swapped = (port: number) => ((port & 0xff) << 8) | (port >>> 8);

function masks(filter: Filter): Masks {
  if (typeof filter !== "object" || filter === null) {
    throw new TypeError(`TcpTable2View filter: expected an object, found ${String(filter)}`);
  }
  const state = member(filter, "state", 0xffffffff);
  const port = member(filter, "port", 0xffff);
  const localPort = member(filter, "localPort", 0xffff);
  const remotePort = member(filter, "remotePort", 0xffff);
  const owningPid = member(filter, "owningPid", 0xffffffff);
  return {
    state: (state ?? 0) | 0,
    stateMask: state === undefined ? 0 : -1,
    localPort: swapped(localPort ?? 0),
    localPortMask: localPort === undefined ? 0 : 0xffff,
    remotePort: swapped(remotePort ?? 0),
    remotePortMask: remotePort === undefined ? 0 : 0xffff,
    owningPid: (owningPid ?? 0) | 0,
    owningPidMask: owningPid === undefined ? 0 : -1,
    port: swapped(port ?? 0),
    portMask: port === undefined ? 0 : 0xffff,
  };
}

/**
 * The rows of table `bytes` (checked, `count` rows) with state `state` (not LISTEN) and
 * port `port` (swapped) at either end, four rows per iteration, without a
 * branch per row: a row matches when `(state ^ S) | (localPort ^ P) *
 * (remotePort ^ P)` is 0 (both ports are below 2¹⁶, so the product is 0
 * only when one of them is). The state test leaves out listeners, whose
 * remote port is undefined. The DataView is made here, not passed in: V8
 * then knows its length and data in the loop instead of loading them again
 * for every read (about 10% faster).
 */
function countStatePort(bytes: Uint8Array, count: number, state: number, port: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The row count read from the view, not `count` (V8 makes a faster loop of
  // it); -1 if the caller's bytes changed it since the view was made.
  const rows = view.getUint32(0, true);
  if (rows !== count) return -1;
  const end = ROWS_AT + rows * ROW_SIZE;
  const at = (o: number) =>
    (view.getInt32(o + STATE, true) ^ state) |
    Math.imul(
      view.getUint16(o + LOCAL_PORT, true) ^ port,
      view.getUint16(o + REMOTE_PORT, true) ^ port,
    );
  let matches = 0;
  let o = ROWS_AT;
  for (; o + 3 * ROW_SIZE < end; o += 4 * ROW_SIZE) {
    matches += +(at(o) === 0) + +(at(o + ROW_SIZE) === 0) + +(at(o + 2 * ROW_SIZE) === 0) +
      +(at(o + 3 * ROW_SIZE) === 0);
  }
  for (; o < end; o += ROW_SIZE) matches += +(at(o) === 0);
  return matches;
}

/** 0 when the row at `o` matches `m`; the remote port of a listener reads as 0. */
function mismatch(view: DataView, o: number, m: Masks): number {
  const state = view.getInt32(o + STATE, true);
  const localPort = view.getUint16(o + LOCAL_PORT, true);
  const remotePort = view.getUint16(o + REMOTE_PORT, true) & (+(state === LISTEN) - 1);
  return ((state ^ m.state) & m.stateMask) | ((localPort ^ m.localPort) & m.localPortMask) |
    ((remotePort ^ m.remotePort) & m.remotePortMask) |
    ((view.getInt32(o + OWNING_PID, true) ^ m.owningPid) & m.owningPidMask) |
    Math.imul((localPort ^ m.port) & m.portMask, (remotePort ^ m.port) & m.portMask);
}

/**
 * A zero-copy view of a `MIB_TCPTABLE2`, as filled by `GetTcpTable2`: reads
 * one member of one row straight from the bytes, and allocates nothing but
 * the strings and objects you ask for. For scanning big tables, where
 * {@linkcode decodeTcpTable2} would build an object per row only for most of
 * them to be dropped.
 *
 * The table is checked once, when the view is made; the view then reads the
 * caller's bytes, so changes to them show through. Every accessor takes a row
 * index `i`, an integer in `0..length - 1`; any other index (negative,
 * fractional, `length` or more) throws a {@linkcode DecodeError} rather than
 * read past the table. A listener's (`state` 2, LISTEN) remote members,
 * which Windows leaves undefined, read as `"0.0.0.0"` and 0, as in the
 * decoded rows.
 *
 * To count or pick rows by state, port and PID, {@linkcode TcpTable2View.count}
 * and {@linkcode TcpTable2View.rows} make one pass over the bytes without a
 * branch per row: faster than a loop over the accessors (several times
 * faster on a big table, whose rows match in no order a processor can
 * predict). In a loop over the accessors, compare with module constants
 * (`const ESTABLISHED = TcpState.ESTABLISHED;` at the top of the module)
 * rather than `TcpState.ESTABLISHED` itself: V8 reads a property of an
 * imported object again on every iteration, and in a scan that costs as much
 * as an accessor.
 *
 * @example Counting HTTPS connections without decoding the table
 * ```ts
 * import { TcpState, TcpTable2View } from "@iphlpapi/iphlpapi";
 * import { encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const table = new TcpTable2View(encodeTcpTable2([{
 *   state: 5, localAddr: "10.0.0.2", localPort: 50000, remoteAddr: "192.0.2.7",
 *   remotePort: 443, owningPid: 4242, offloadState: 0,
 * }]));
 * console.log(table.count({ state: TcpState.ESTABLISHED, port: 443 })); // 1
 * let https = 0;
 * for (let i = 0; i < table.length; i++) {
 *   if (table.state(i) === TcpState.ESTABLISHED && table.remotePort(i) === 443) https++;
 * }
 * console.log(https); // 1
 * ```
 */
export class TcpTable2View {
  // One instance alive for as long as the class: when none survived a full
  // collection, V8 dropped the instances' layout and, with it, the
  // optimized code of every loop over a view (a poll loop ran about 8×
  // slower). It is an empty table; nothing else uses it.
  static readonly #keepLayout = new TcpTable2View(new Uint8Array(4));

  /** The number of rows (`dwNumEntries`). */
  readonly length: number;
  readonly #view: DataView;
  readonly #bytes: Uint8Array;

  /**
   * Checks that `bytes` holds a whole `MIB_TCPTABLE2` and makes a view of it.
   * Nothing is copied.
   *
   * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
   * @throws {DecodeError} If `bytes` cannot hold the row count or the rows it announces.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * console.log(new TcpTable2View(new Uint8Array(4)).length); // 0
   * ```
   */
  constructor(bytes: Uint8Array) {
    const { view, count } = openTable(bytes, SHAPE);
    this.#view = view;
    this.#bytes = bytes;
    this.length = count;
  }

  /** Byte offset of row `i`, after checking `i`. */
  #at(i: number): number {
    if ((i >>> 0) !== i || i >= this.length) outOfRange(i, this.length);
    return ROWS_AT + i * ROW_SIZE;
  }

  /**
   * The raw `MIB_TCP_STATE` of row `i` (`dwState`); see {@linkcode TcpState}.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The state.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpState, TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * for (let i = 0; i < table.length; i++) {
   *   if (table.state(i) === TcpState.LISTEN) console.log(table.localPort(i));
   * }
   * ```
   */
  state(i: number): number {
    return this.#view.getUint32(this.#at(i) + STATE, true);
  }

  /**
   * The local address of row `i` as dotted-quad text, for example `"10.0.0.2"`.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The address text.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * const addresses = new Set<string>();
   * for (let i = 0; i < table.length; i++) addresses.add(table.localAddr(i));
   * ```
   */
  localAddr(i: number): string {
    return ipv4(this.#view, this.#at(i) + LOCAL_ADDR);
  }

  /**
   * The local address of row `i` as an unsigned 32-bit number, first octet
   * most significant: `10.0.0.2` is `0x0a000002`. Allocates nothing.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The address, `0..0xffffffff`.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example Rows on 10.0.0.0/8
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * for (let i = 0; i < table.length; i++) {
   *   if (table.localAddrUint32(i) >>> 24 === 10) console.log(table.row(i));
   * }
   * ```
   */
  localAddrUint32(i: number): number {
    return this.#view.getUint32(this.#at(i) + LOCAL_ADDR, false);
  }

  /**
   * The local port of row `i`, host order.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The port.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * let onHttps = 0;
   * for (let i = 0; i < table.length; i++) if (table.localPort(i) === 443) onHttps++;
   * ```
   */
  localPort(i: number): number {
    return port(this.#view, this.#at(i) + LOCAL_PORT);
  }

  /**
   * The remote address of row `i` as dotted-quad text: `"0.0.0.0"` for a
   * listener (`state` 2, LISTEN), whose remote members Windows leaves
   * undefined, whatever the bytes hold.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The address text.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * const peers = new Set<string>();
   * for (let i = 0; i < table.length; i++) peers.add(table.remoteAddr(i));
   * ```
   */
  remoteAddr(i: number): string {
    const o = this.#at(i);
    if (this.#view.getUint32(o + STATE, true) === LISTEN) return "0.0.0.0";
    return ipv4(this.#view, o + REMOTE_ADDR);
  }

  /**
   * The remote address of row `i` as an unsigned 32-bit number, first octet
   * most significant: `192.0.2.7` is `0xc0000207`; 0 for a listener. Allocates
   * nothing.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The address, `0..0xffffffff`.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example Connections per peer, keyed by number
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * const perPeer = new Map<number, number>();
   * for (let i = 0; i < table.length; i++) {
   *   const peer = table.remoteAddrUint32(i);
   *   perPeer.set(peer, (perPeer.get(peer) ?? 0) + 1);
   * }
   * ```
   */
  remoteAddrUint32(i: number): number {
    const o = this.#at(i);
    if (this.#view.getUint32(o + STATE, true) === LISTEN) return 0;
    return this.#view.getUint32(o + REMOTE_ADDR, false);
  }

  /**
   * The remote port of row `i`, host order: 0 for a listener, whose remote
   * port Windows leaves undefined, whatever the bytes hold.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The port.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * let toHttps = 0;
   * for (let i = 0; i < table.length; i++) if (table.remotePort(i) === 443) toHttps++;
   * ```
   */
  remotePort(i: number): number {
    const o = this.#at(i);
    if (this.#view.getUint32(o + STATE, true) === LISTEN) return 0;
    return port(this.#view, o + REMOTE_PORT);
  }

  /**
   * The ID of the process that owns row `i`'s socket (`dwOwningPid`).
   *
   * @param i The row index, `0..length - 1`.
   * @returns The process ID.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example This process's connections
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * for (let i = 0; i < table.length; i++) {
   *   if (table.owningPid(i) === Deno.pid) console.log(table.row(i));
   * }
   * ```
   */
  owningPid(i: number): number {
    return this.#view.getUint32(this.#at(i) + OWNING_PID, true);
  }

  /**
   * The raw `TCP_CONNECTION_OFFLOAD_STATE` of row `i` (0 = in host, 1
   * offloading, 2 offloaded, 3 uploading).
   *
   * @param i The row index, `0..length - 1`.
   * @returns The offload state.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example
   * ```ts
   * import { TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * let offloaded = 0;
   * for (let i = 0; i < table.length; i++) if (table.offloadState(i) === 2) offloaded++;
   * ```
   */
  offloadState(i: number): number {
    return this.#view.getUint32(this.#at(i) + OFFLOAD_STATE, true);
  }

  /**
   * Row `i` decoded: the object {@linkcode decodeTcpTable2} gives for it.
   *
   * @param i The row index, `0..length - 1`.
   * @returns The row.
   * @throws {DecodeError} If `i` is not a row index.
   *
   * @example Decoding only the rows that match
   * ```ts
   * import { type TcpRow2, TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * const listeners: TcpRow2[] = [];
   * for (let i = 0; i < table.length; i++) {
   *   if (table.state(i) === 2) listeners.push(table.row(i));
   * }
   * ```
   */
  row(i: number): TcpRow2 {
    return readRow(this.#view, this.#at(i));
  }

  /**
   * How many rows match `filter`: every member it gives must equal the
   * row's (`port` matches the local or the remote port). A listener's
   * remote port counts as 0, as {@linkcode TcpTable2View.remotePort} reads
   * it. One pass over the bytes, without a branch per row, and nothing
   * allocated: the fastest way to count rows in a big table, faster than a
   * loop over the accessors (and much faster when which rows match is hard
   * to predict, as it is in a real table).
   *
   * @param filter The members to match; an empty filter matches every row.
   * @returns The number of matching rows.
   * @throws {TypeError} If a member of `filter` is not an integer in range
   * (ports 0..65535, `state` and `owningPid` 0..0xFFFFFFFF).
   *
   * @example HTTPS connections, inbound or outbound
   * ```ts
   * import { TcpState, TcpTable2View } from "@iphlpapi/iphlpapi";
   * import { encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
   *
   * const table = new TcpTable2View(encodeTcpTable2([{
   *   state: 5, localAddr: "10.0.0.2", localPort: 50000, remoteAddr: "192.0.2.7",
   *   remotePort: 443, owningPid: 4242, offloadState: 0,
   * }]));
   * console.log(table.count({ state: TcpState.ESTABLISHED, port: 443 })); // 1
   * ```
   */
  count(filter: {
    /** `dwState`; see {@linkcode TcpState}. */
    state?: number;
    /** The local or the remote port, host order. */
    port?: number;
    /** The local port, host order. */
    localPort?: number;
    /** The remote port, host order (0 for a listener). */
    remotePort?: number;
    /** `dwOwningPid`. */
    owningPid?: number;
  }): number {
    // A state (not LISTEN) and a port, as the CLI's --state and --port give:
    // its own loop, and no masks to make (they cost as much as 100 rows).
    const { state, port } = filter;
    if (
      isUint(state, 0xffffffff) && state !== LISTEN && isUint(port, 0xffff) &&
      filter.localPort === undefined && filter.remotePort === undefined &&
      filter.owningPid === undefined
    ) {
      const matches = countStatePort(this.#bytes, this.length, state | 0, swapped(port));
      if (matches >= 0) return matches;
    }
    const m = masks(filter);
    const view = this.#view;
    const end = ROWS_AT + this.length * ROW_SIZE;
    let matches = 0;
    for (let o = ROWS_AT; o < end; o += ROW_SIZE) matches += +(mismatch(view, o, m) === 0);
    return matches;
  }

  /**
   * The rows that match `filter`, decoded (each the object
   * {@linkcode TcpTable2View.row} gives), in table order: the rows
   * {@linkcode TcpTable2View.count} counts.
   *
   * @param filter The members to match, as for {@linkcode TcpTable2View.count}.
   * @returns The matching rows.
   * @throws {TypeError} If a member of `filter` is not an integer in range.
   *
   * @example The listeners of one process
   * ```ts
   * import { TcpState, TcpTable2View } from "@iphlpapi/iphlpapi";
   *
   * const table = new TcpTable2View(new Uint8Array(4));
   * for (const row of table.rows({ state: TcpState.LISTEN, owningPid: 4242 })) {
   *   console.log(`${row.localAddr}:${row.localPort}`);
   * }
   * ```
   */
  rows(filter: {
    /** `dwState`; see {@linkcode TcpState}. */
    state?: number;
    /** The local or the remote port, host order. */
    port?: number;
    /** The local port, host order. */
    localPort?: number;
    /** The remote port, host order (0 for a listener). */
    remotePort?: number;
    /** `dwOwningPid`. */
    owningPid?: number;
  }): TcpRow2[] {
    const m = masks(filter);
    const view = this.#view;
    const end = ROWS_AT + this.length * ROW_SIZE;
    const rows: TcpRow2[] = [];
    for (let o = ROWS_AT; o < end; o += ROW_SIZE) {
      if (mismatch(view, o, m) === 0) rows.push(readRow(view, o));
    }
    return rows;
  }
}
