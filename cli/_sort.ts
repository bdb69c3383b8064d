// The orders --sort offers for TCP and UDP rows, IPv4 and IPv6 together.
import {
  compareEndpoints,
  localEndpoint,
  type LocalMembers,
  remoteEndpoint,
  type RemoteMembers,
} from "./_endpoint.ts";

/** The keys `tcp --sort` takes; `local` is the default. */
export const SORT_KEYS = ["local", "remote", "state", "pid"] as const;

/** The keys `udp --sort` takes: UDP rows have no remote end and no state. */
export const UDP_SORT_KEYS = ["local", "pid"] as const;

/** A key of {@linkcode SORT_KEYS}. */
export type SortKey = typeof SORT_KEYS[number];

/** What the orders read of a row: UDP rows have no remote end or state, --basic rows no PID. */
type Row = LocalMembers & Partial<RemoteMembers> & { state?: number; owningPid?: number };
type Compare = (a: Row, b: Row) => number;

const byLocal: Compare = (a, b) =>
  compareEndpoints(localEndpoint(a), localEndpoint(b)) ||
  compareEndpoints(remoteEndpoint(a), remoteEndpoint(b));

const ORDERS: Readonly<Record<SortKey, Compare>> = {
  local: byLocal,
  remote: (a, b) => compareEndpoints(remoteEndpoint(a), remoteEndpoint(b)) || byLocal(a, b),
  state: (a, b) => (a.state ?? 0) - (b.state ?? 0) || byLocal(a, b),
  pid: (a, b) => (a.owningPid ?? 0) - (b.owningPid ?? 0) || byLocal(a, b),
};

/**
 * Sorts rows by `key`, ties broken by local then remote endpoint. Addresses
 * compare numerically (the order Windows gives sorted rows in), IPv4 before
 * IPv6, as netstat lists them.
 *
 * @returns A new array.
 */
export function sortRows<R extends Row>(rows: readonly R[], key: SortKey): R[] {
  return rows.toSorted(ORDERS[key]);
}
