// The orders --sort offers for TCP rows.
import type { TcpRow, TcpRowOwnerPid } from "../mod.ts";
import { compareEndpoints, localEndpoint, remoteEndpoint } from "./_endpoint.ts";

/** The keys `--sort` takes; `local` is the default. */
export const SORT_KEYS = ["local", "remote", "state", "pid"] as const;

/** A key of {@linkcode SORT_KEYS}. */
export type SortKey = typeof SORT_KEYS[number];

type Row = TcpRow & Partial<TcpRowOwnerPid>;
type Compare = (a: Row, b: Row) => number;

const byLocal: Compare = (a, b) =>
  compareEndpoints(localEndpoint(a), localEndpoint(b)) ||
  compareEndpoints(remoteEndpoint(a), remoteEndpoint(b));

const ORDERS: Readonly<Record<SortKey, Compare>> = {
  local: byLocal,
  remote: (a, b) => compareEndpoints(remoteEndpoint(a), remoteEndpoint(b)) || byLocal(a, b),
  state: (a, b) => a.state - b.state || byLocal(a, b),
  pid: (a, b) => (a.owningPid ?? 0) - (b.owningPid ?? 0) || byLocal(a, b),
};

/**
 * Sorts TCP rows by `key`, ties broken by local then remote endpoint,
 * addresses compared numerically (the order Windows gives sorted rows).
 *
 * @returns A new array.
 */
export function sortRows<R extends Row>(rows: readonly R[], key: SortKey): R[] {
  return rows.toSorted(ORDERS[key]);
}
