import { formatIpv4, readPort } from "./_address.ts";
import { TCP_TABLE2 as SHAPE } from "./_shapes.ts";
import { openTable } from "./_table.ts";
import { readTcpRow2 } from "./_tcp_row.ts";
import { DecodeError } from "./decode_error.ts";
import { MIB_TCPROW2 } from "./layout.ts";
import type { TcpRow2 } from "./tcp_row.ts";

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

function outOfRange(index: number, length: number): never {
  const rows = length === 0 ? "the table has no rows" : `its rows are 0..${length - 1}`;
  throw new DecodeError(SHAPE.structure, `row index ${index} is not a row of the table: ${rows}`);
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
 * read past the table.
 *
 * In a hot loop, compare with module constants (`const ESTABLISHED =
 * TcpState.ESTABLISHED;` at the top of the module) rather than
 * `TcpState.ESTABLISHED` itself: V8 reads a property of an imported object
 * again on every iteration, and in a scan that costs as much as an accessor.
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
 * let https = 0;
 * for (let i = 0; i < table.length; i++) {
 *   if (table.state(i) === TcpState.ESTABLISHED && table.remotePort(i) === 443) https++;
 * }
 * console.log(https); // 1
 * ```
 */
export class TcpTable2View {
  /** The number of rows (`dwNumEntries`). */
  readonly length: number;
  readonly #view: DataView;

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
   * The remote address of row `i` as dotted-quad text (`"0.0.0.0"` for a listener).
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
    return ipv4(this.#view, this.#at(i) + REMOTE_ADDR);
  }

  /**
   * The remote address of row `i` as an unsigned 32-bit number, first octet
   * most significant: `192.0.2.7` is `0xc0000207`. Allocates nothing.
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
    return this.#view.getUint32(this.#at(i) + REMOTE_ADDR, false);
  }

  /**
   * The remote port of row `i`, host order. Windows leaves it undefined for a listener.
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
    return port(this.#view, this.#at(i) + REMOTE_PORT);
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
}
