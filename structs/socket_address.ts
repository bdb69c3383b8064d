/** `AF_UNSPEC`: both IPv4 and IPv6, where a function takes an address family. */
export const AF_UNSPEC = 0;
/** `AF_INET`: IPv4. */
export const AF_INET = 2;
/** `AF_INET6`: IPv6 (23 on Windows, not Linux's 10). */
export const AF_INET6 = 23;

/** A decoded IPv4 `SOCKADDR_IN`. */
export interface Ipv4SocketAddress {
  /** `AF_INET` (2). */
  family: typeof AF_INET;
  /** Dotted-quad text, for example `"192.0.2.1"`. */
  address: string;
  /** Host-order port. */
  port: number;
}

/** A decoded IPv6 `SOCKADDR_IN6`. */
export interface Ipv6SocketAddress {
  /** `AF_INET6` (23). */
  family: typeof AF_INET6;
  /** RFC 5952 text, for example `"2001:db8::1"` or `"::ffff:192.0.2.1"`. */
  address: string;
  /** Host-order port. */
  port: number;
  /** `sin6_flowinfo`, read in network byte order. */
  flowInfo: number;
  /** `sin6_scope_id`: the zone (interface index for link-local addresses). */
  scopeId: number;
}

/** A decoded `SOCKADDR_INET`: an IPv4 or an IPv6 socket address. */
export type SocketAddress = Ipv4SocketAddress | Ipv6SocketAddress;
