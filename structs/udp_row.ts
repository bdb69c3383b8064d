/** One IPv4 UDP endpoint: a decoded `MIB_UDPROW`. */
export interface UdpRow {
  /** Local IPv4 address, dotted quad (`0.0.0.0` when bound to every address). */
  localAddr: string;
  /** Local port, host order. */
  localPort: number;
}

/** A decoded `MIB_UDPROW_OWNER_PID`: a {@linkcode UdpRow} and the owning process. */
export interface UdpRowOwnerPid extends UdpRow {
  /** ID of the process that owns the socket. */
  owningPid: number;
}

/** A decoded `MIB_UDPROW_OWNER_MODULE`: a {@linkcode UdpRowOwnerPid} and its module. */
export interface UdpRowOwnerModule extends UdpRowOwnerPid {
  /** `liCreateTimestamp`: when the socket was bound, raw FILETIME ticks (100 ns since 1601). */
  createTimestamp: bigint;
  /** `SpecificPortBind`: bit 0 of {@linkcode UdpRowOwnerModule.flags}, as Windows reports it. */
  specificPortBind: boolean;
  /** `dwFlags`: the whole 32-bit union holding `SpecificPortBind`, as a signed int. */
  flags: number;
  /** `OwningModuleInfo`: the 16 opaque words Windows uses to find the owning module. */
  owningModuleInfo: bigint[];
}

/** One IPv6 UDP endpoint: a decoded `MIB_UDP6ROW`. */
export interface Udp6Row {
  /** Local IPv6 address, RFC 5952 text (`::` when bound to every address). */
  localAddr: string;
  /** `dwLocalScopeId`: the local address's scope (zone) ID, 0 unless link- or site-local. */
  localScopeId: number;
  /** Local port, host order. */
  localPort: number;
}

/** A decoded `MIB_UDP6ROW_OWNER_PID`: a {@linkcode Udp6Row} and the owning process. */
export interface Udp6RowOwnerPid extends Udp6Row {
  /** ID of the process that owns the socket. */
  owningPid: number;
}

/** A decoded `MIB_UDP6ROW_OWNER_MODULE`: a {@linkcode Udp6RowOwnerPid} and its module. */
export interface Udp6RowOwnerModule extends Udp6RowOwnerPid {
  /** `liCreateTimestamp`: when the socket was bound, raw FILETIME ticks (100 ns since 1601). */
  createTimestamp: bigint;
  /** `SpecificPortBind`: bit 0 of {@linkcode Udp6RowOwnerModule.flags}, as Windows reports it. */
  specificPortBind: boolean;
  /** `dwFlags`: the whole 32-bit union holding `SpecificPortBind`, as a signed int. */
  flags: number;
  /** `OwningModuleInfo`: the 16 opaque words Windows uses to find the owning module. */
  owningModuleInfo: bigint[];
}
