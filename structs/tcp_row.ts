/**
 * One IPv4 TCP connection: a decoded `MIB_TCPROW`.
 *
 * Windows leaves the remote members of a listener (`state` 2, LISTEN)
 * undefined, so every decoder returns a LISTEN row's remote end as the
 * unspecified endpoint whatever the bytes hold: `remoteAddr` `"0.0.0.0"`,
 * `remotePort` 0.
 *
 * Rows are plain data: own enumerable data properties, which
 * `JSON.stringify`, spread, `structuredClone` and `assert.deepStrictEqual`
 * all see.
 */
export interface TcpRow {
  /** The raw `MIB_TCP_STATE` value (see {@linkcode TcpState} and {@linkcode tcpStateName}). */
  state: number;
  /** Local IPv4 address, dotted quad. */
  localAddr: string;
  /** Local port, host order. */
  localPort: number;
  /** Remote IPv4 address, dotted quad; `"0.0.0.0"` for a listener. */
  remoteAddr: string;
  /** Remote port, host order; 0 for a listener. */
  remotePort: number;
}

/**
 * A decoded `MIB_TCPROW_OWNER_PID`: a {@linkcode TcpRow} and the owning
 * process. A LISTEN row's remote end is `"0.0.0.0"` port 0, as in
 * {@linkcode TcpRow}.
 */
export interface TcpRowOwnerPid extends TcpRow {
  /** ID of the process that owns the socket. */
  owningPid: number;
}

/**
 * A decoded `MIB_TCPROW2`: a {@linkcode TcpRowOwnerPid} and its offload
 * state. A LISTEN row's remote end is `"0.0.0.0"` port 0, as in
 * {@linkcode TcpRow}.
 */
export interface TcpRow2 extends TcpRowOwnerPid {
  /** The raw `TCP_CONNECTION_OFFLOAD_STATE` (0 = in host, 1 offloading, 2 offloaded, 3 uploading). */
  offloadState: number;
}

/**
 * A decoded `MIB_TCPROW_OWNER_MODULE`: a {@linkcode TcpRowOwnerPid} and its
 * module. A LISTEN row's remote end is `"0.0.0.0"` port 0, as in
 * {@linkcode TcpRow}.
 */
export interface TcpRowOwnerModule extends TcpRowOwnerPid {
  /** `liCreateTimestamp`: when the socket was bound, raw FILETIME ticks (100 ns since 1601). */
  createTimestamp: bigint;
  /** `OwningModuleInfo`: the 16 opaque words Windows uses to find the owning module. */
  owningModuleInfo: bigint[];
}
