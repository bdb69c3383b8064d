import { namesByValue } from "./_names.ts";

/**
 * The `MIB_TCP_STATE` values, by the names `netstat`, psutil and TCPView users
 * know. Rows keep the raw number in `state`, so values outside this list are
 * preserved.
 *
 * @example Counting listening sockets
 * ```ts
 * import { type TcpRow, TcpState } from "@iphlpapi/iphlpapi";
 *
 * const rows: TcpRow[] = [];
 * const listening = rows.filter((row) => row.state === TcpState.LISTEN).length;
 * ```
 */
export const TcpState = {
  CLOSED: 1,
  LISTEN: 2,
  SYN_SENT: 3,
  SYN_RCVD: 4,
  ESTABLISHED: 5,
  FIN_WAIT1: 6,
  FIN_WAIT2: 7,
  CLOSE_WAIT: 8,
  CLOSING: 9,
  LAST_ACK: 10,
  TIME_WAIT: 11,
  DELETE_TCB: 12,
} as const;

/** A name of {@linkcode TcpState}. */
export type TcpStateName = keyof typeof TcpState;

const NAMES = namesByValue(TcpState);

/**
 * The readable name of a raw `MIB_TCP_STATE` value: `"ESTABLISHED"` for 5, and
 * `"UNKNOWN(n)"` for a value Windows did not document.
 *
 * @param state The raw `dwState` of a row.
 * @returns The state's name.
 *
 * @example
 * ```ts
 * import { tcpStateName } from "@iphlpapi/iphlpapi";
 *
 * console.log(tcpStateName(2)); // "LISTEN"
 * ```
 */
export function tcpStateName(state: number): TcpStateName | `UNKNOWN(${number})` {
  return NAMES.get(state) ?? `UNKNOWN(${state})`;
}
