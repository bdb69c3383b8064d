/**
 * One IPv6 TCP connection: a decoded `MIB_TCP6ROW`.
 *
 * Windows leaves the remote members of a listener (`state` 2, LISTEN)
 * undefined, so every decoder returns a LISTEN row's remote end as the
 * unspecified endpoint whatever the bytes hold: `remoteAddr` `"::"`,
 * `remoteScopeId` 0, `remotePort` 0.
 */
export interface Tcp6Row {
  /** The raw `MIB_TCP_STATE` value (see {@linkcode TcpState} and {@linkcode tcpStateName}). */
  state: number;
  /** Local IPv6 address, RFC 5952 text (`::`, `fe80::1`, `::ffff:192.0.2.1`). */
  localAddr: string;
  /** `dwLocalScopeId`: the local address's scope (zone) ID, 0 unless link- or site-local. */
  localScopeId: number;
  /** Local port, host order. */
  localPort: number;
  /** Remote IPv6 address, RFC 5952 text; `"::"` for a listener. */
  remoteAddr: string;
  /** `dwRemoteScopeId`: the remote address's scope ID; 0 for a listener. */
  remoteScopeId: number;
  /** Remote port, host order; 0 for a listener. */
  remotePort: number;
}

/**
 * A decoded `MIB_TCP6ROW_OWNER_PID`: a {@linkcode Tcp6Row} and the owning
 * process. A LISTEN row's remote members are `"::"`, 0 and 0, as in
 * {@linkcode Tcp6Row}.
 */
export interface Tcp6RowOwnerPid extends Tcp6Row {
  /** ID of the process that owns the socket. */
  owningPid: number;
}

/**
 * A decoded `MIB_TCP6ROW2`: a {@linkcode Tcp6RowOwnerPid} and its offload
 * state. A LISTEN row's remote members are `"::"`, 0 and 0, as in
 * {@linkcode Tcp6Row}.
 */
export interface Tcp6Row2 extends Tcp6RowOwnerPid {
  /** The raw `TCP_CONNECTION_OFFLOAD_STATE` (0 = in host, 1 offloading, 2 offloaded, 3 uploading). */
  offloadState: number;
}

/**
 * A decoded `MIB_TCP6ROW_OWNER_MODULE`: a {@linkcode Tcp6RowOwnerPid} and its
 * module. A LISTEN row's remote members are `"::"`, 0 and 0, as in
 * {@linkcode Tcp6Row}.
 */
export interface Tcp6RowOwnerModule extends Tcp6RowOwnerPid {
  /** `liCreateTimestamp`: when the socket was bound, raw FILETIME ticks (100 ns since 1601). */
  createTimestamp: bigint;
  /** `OwningModuleInfo`: the 16 opaque words Windows uses to find the owning module. */
  owningModuleInfo: bigint[];
}
