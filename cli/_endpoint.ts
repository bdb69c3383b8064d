// How a TCP row's endpoints are shown and ordered.
import { type TcpRow, TcpState } from "../mod.ts";

/** An address and port. */
export interface Endpoint {
  /** IPv4 dotted quad. */
  addr: string;
  /** Port, host order. */
  port: number;
}

/** The local endpoint of `row`. */
export function localEndpoint(row: TcpRow): Endpoint {
  return { addr: row.localAddr, port: row.localPort };
}

/**
 * The remote endpoint of `row` as netstat shows it: `0.0.0.0:0` for a
 * listener, whose remote port Windows leaves undefined.
 */
export function remoteEndpoint(row: TcpRow): Endpoint {
  return row.state === TcpState.LISTEN
    ? { addr: "0.0.0.0", port: 0 }
    : { addr: row.remoteAddr, port: row.remotePort };
}

/** `addr:port`. */
export function formatEndpoint({ addr, port }: Endpoint): string {
  return `${addr}:${port}`;
}

/** The 32-bit value of a dotted quad, for numeric order. */
function ipv4Value(addr: string): number {
  return addr.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/** Orders endpoints by address (numerically), then port. */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  return ipv4Value(a.addr) - ipv4Value(b.addr) || a.port - b.port;
}
