// How the endpoints of TCP and UDP rows, IPv4 and IPv6, are shown and ordered.

/** An address and port. */
export interface Endpoint {
  /** A dotted quad, or RFC 5952 IPv6 text. */
  addr: string;
  /** Port, host order. */
  port: number;
  /** The IPv6 scope (zone) ID; 0 for none, and for IPv4. */
  scopeId: number;
}

/** The local members of every connection row; IPv6 rows add the scope ID. */
export interface LocalMembers {
  /** Local address. */
  localAddr: string;
  /** Local port. */
  localPort: number;
  /** Local scope ID (IPv6 rows). */
  localScopeId?: number;
}

/** The remote members of a TCP row; IPv6 rows add the scope ID. UDP rows have none. */
export interface RemoteMembers {
  /** Remote address. */
  remoteAddr: string;
  /** Remote port. */
  remotePort: number;
  /** Remote scope ID (IPv6 rows). */
  remoteScopeId?: number;
}

/** The local endpoint of `row`. */
export function localEndpoint(row: LocalMembers): Endpoint {
  return { addr: row.localAddr, port: row.localPort, scopeId: row.localScopeId ?? 0 };
}

/**
 * The remote endpoint of `row`; undefined for a UDP row, which has none. A
 * listener's is the unspecified address and port 0: the decoders set that,
 * whatever Windows left in the row.
 */
export function remoteEndpoint(row: Partial<RemoteMembers>): Endpoint | undefined {
  const { remoteAddr: addr, remotePort: port = 0, remoteScopeId: scopeId = 0 } = row;
  return addr === undefined ? undefined : { addr, port, scopeId };
}

const isIpv6 = (addr: string) => addr.includes(":");

/** Whether RFC 5952 text is a link-local address (fe80::/10), whose scope ID says which link. */
const isLinkLocal = (addr: string) => /^fe[89ab][0-9a-f]:/.test(addr);

/**
 * An endpoint as netstat shows it: `addr:port` for IPv4, `[addr]:port` for
 * IPv6 with the scope ID of a link-local address (`[fe80::1%12]:80`; other
 * addresses' scope IDs say nothing, and Wine sets one on `::1`), and `*:*`
 * for none (a UDP socket's foreign address).
 */
export function formatEndpoint(endpoint: Endpoint | undefined): string {
  if (endpoint === undefined) return "*:*";
  const { addr, port, scopeId } = endpoint;
  if (!isIpv6(addr)) return `${addr}:${port}`;
  return `[${addr}${isLinkLocal(addr) && scopeId !== 0 ? `%${scopeId}` : ""}]:${port}`;
}

/** The 32-bit value of a dotted quad, for numeric order. */
function ipv4Value(addr: string): number {
  return addr.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/** The 128-bit value of RFC 5952 text (`::`, `fe80::1`, `::ffff:192.0.2.1`), for numeric order. */
function ipv6Value(addr: string): bigint {
  // A dotted tail (IPv4-mapped) is the last two groups.
  const text = addr.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => {
    const group = (high: string, low: string) => (Number(high) * 256 + Number(low)).toString(16);
    return `${group(a, b)}:${group(c, d)}`;
  });
  const [head, tail] = text.split("::").map((part) => part === "" ? [] : part.split(":"));
  const groups = tail === undefined
    ? head!
    : [...head!, ...Array<string>(8 - head!.length - tail.length).fill("0"), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** Orders two addresses of one family numerically. */
function compareAddresses(a: string, b: string): number {
  if (!isIpv6(a)) return ipv4Value(a) - ipv4Value(b);
  const [x, y] = [ipv6Value(a), ipv6Value(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Orders endpoints: IPv4 before IPv6 (the order netstat lists them in), then
 * by address (numerically), scope ID and port. No endpoint (UDP's remote)
 * ties with any other.
 */
export function compareEndpoints(a: Endpoint | undefined, b: Endpoint | undefined): number {
  if (a === undefined || b === undefined) return 0;
  const v6 = isIpv6(a.addr);
  if (v6 !== isIpv6(b.addr)) return v6 ? 1 : -1;
  return compareAddresses(a.addr, b.addr) || a.scopeId - b.scopeId || a.port - b.port;
}
