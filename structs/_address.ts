import { DecodeError } from "./decode_error.ts";
import { SOCKADDR_IN, SOCKADDR_IN6 } from "./layout.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

const DECIMAL: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));

/** Dotted-quad text of the four bytes at `offset` (network order, as in memory). */
export function formatIpv4(view: DataView, offset: number): string {
  return DECIMAL[view.getUint8(offset)] + "." + DECIMAL[view.getUint8(offset + 1)] + "." +
    DECIMAL[view.getUint8(offset + 2)] + "." + DECIMAL[view.getUint8(offset + 3)];
}

/** Host-order port from a network-order 16-bit value at `offset`. */
export function readPort(view: DataView, offset: number): number {
  return view.getUint16(offset, false);
}

/** RFC 5952 text of the 16 bytes at `offset`. */
export function formatIpv6(view: DataView, offset: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(view.getUint16(offset + 2 * i, false));
  // ::ffff:a.b.c.d (IPv4-mapped) keeps the dotted quad.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return "::ffff:" + formatIpv4(view, offset + 12);
  }
  // Longest run of two or more zero groups; the first one wins a tie.
  let bestStart = -1, bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return hex.slice(0, bestStart).join(":") + "::" + hex.slice(bestStart + bestLength).join(":");
}

/** Writes dotted-quad `text` as four bytes at `offset`. */
export function writeIpv4(view: DataView, offset: number, text: string): void {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    throw new TypeError(`not an IPv4 address: ${JSON.stringify(text)}`);
  }
  parts.forEach((p, i) => view.setUint8(offset + i, Number(p)));
}

/** Writes IPv6 `text` (any valid form, including `::` and a trailing dotted quad) at `offset`. */
export function writeIpv6(view: DataView, offset: number, text: string): void {
  const invalid = () => new TypeError(`not an IPv6 address: ${JSON.stringify(text)}`);
  const halves = text.split("::");
  if (halves.length > 2) throw invalid();
  const parse = (part: string): number[] => {
    if (part === "") return [];
    const words: number[] = [];
    const pieces = part.split(":");
    pieces.forEach((piece, i) => {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const quad = new DataView(new ArrayBuffer(4));
        writeIpv4(quad, 0, piece);
        words.push(quad.getUint16(0), quad.getUint16(2));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        words.push(parseInt(piece, 16));
      } else {
        throw invalid();
      }
    });
    return words;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const zeros = 8 - head.length - tail.length;
  if (halves.length === 2 ? zeros < 1 : zeros !== 0) throw invalid();
  [...head, ...Array<number>(zeros).fill(0), ...tail].forEach((w, i) =>
    view.setUint16(offset + 2 * i, w, false)
  );
}

/** Decodes the `SOCKADDR_INET` at `offset`. */
export function readSocketAddress(
  view: DataView,
  offset: number,
  structure: string,
): SocketAddress {
  const family = view.getUint16(offset, true);
  if (family === AF_INET) {
    return {
      family,
      address: formatIpv4(view, offset + SOCKADDR_IN.sin_addr),
      port: readPort(view, offset + SOCKADDR_IN.sin_port),
    };
  }
  if (family === AF_INET6) {
    return {
      family,
      address: formatIpv6(view, offset + SOCKADDR_IN6.sin6_addr),
      port: readPort(view, offset + SOCKADDR_IN6.sin6_port),
      flowInfo: view.getUint32(offset + SOCKADDR_IN6.sin6_flowinfo, false),
      scopeId: view.getUint32(offset + SOCKADDR_IN6.sin6_scope_id, true),
    };
  }
  throw new DecodeError(
    structure,
    `expected address family AF_INET (${AF_INET}) or AF_INET6 (${AF_INET6}), found ${family}`,
  );
}

/** Encodes `address` as a `SOCKADDR_INET` at `offset`. */
export function writeSocketAddress(view: DataView, offset: number, address: SocketAddress): void {
  view.setUint16(offset, address.family, true);
  if (address.family === AF_INET) {
    view.setUint16(offset + SOCKADDR_IN.sin_port, address.port, false);
    writeIpv4(view, offset + SOCKADDR_IN.sin_addr, address.address);
  } else {
    view.setUint16(offset + SOCKADDR_IN6.sin6_port, address.port, false);
    view.setUint32(offset + SOCKADDR_IN6.sin6_flowinfo, address.flowInfo, false);
    writeIpv6(view, offset + SOCKADDR_IN6.sin6_addr, address.address);
    view.setUint32(offset + SOCKADDR_IN6.sin6_scope_id, address.scopeId, true);
  }
}
