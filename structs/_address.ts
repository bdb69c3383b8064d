import { DecodeError } from "./decode_error.ts";
import { SOCKADDR_IN, SOCKADDR_IN6 } from "./layout.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

const DECIMAL: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));
/** `"0."` to `"255."`: a dotted quad is three of these and a {@linkcode DECIMAL}. */
const DECIMAL_DOT: readonly string[] = DECIMAL.map((text) => text + ".");

// Dotted-quad text, memoised by address. A busy server's table repeats a few
// local addresses and a few thousand peers row after row, and a monitor reads
// it every second: rows then share strings made once instead of building two
// each, which makes decodeTcpTable2 several times faster (see bench/). Open
// addressing with linear probing over TEXT_SLOTS slots, at most half full;
// when full it is emptied, so it never holds more than MAX_TEXTS strings
// (with its two arrays, about 1.5 MB at most) whatever the tables hold.
// Outputs are the same strings either way.
const TEXT_SLOT_BITS = 15;
const TEXT_SLOTS = 1 << TEXT_SLOT_BITS;
const MAX_TEXTS = TEXT_SLOTS >> 1;
const textKeys = new Int32Array(TEXT_SLOTS);
const texts: (string | undefined)[] = Array.from({ length: TEXT_SLOTS }, () => undefined);
let textCount = 0;

/** Fibonacci hashing: the top bits of the key times 2³²/φ. */
const homeSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - TEXT_SLOT_BITS);

function rememberText(key: number, slot: number): string {
  const text = DECIMAL_DOT[key >>> 24]! + DECIMAL_DOT[(key >>> 16) & 255]! +
    DECIMAL_DOT[(key >>> 8) & 255]! + DECIMAL[key & 255]!;
  if (textCount === MAX_TEXTS) {
    texts.fill(undefined);
    textCount = 0;
    slot = homeSlot(key);
  }
  textCount++;
  textKeys[slot] = key;
  texts[slot] = text;
  return text;
}

/** Dotted-quad text of an address given as a number, first octet most significant. */
function ipv4Text(address: number): string {
  const key = address | 0;
  for (let slot = homeSlot(key);; slot = (slot + 1) & (TEXT_SLOTS - 1)) {
    const text = texts[slot];
    if (text === undefined) return rememberText(key, slot);
    if (textKeys[slot] === key) return text;
  }
}

/** Dotted-quad text of the four bytes at `offset` (network order, as in memory). */
export function formatIpv4(view: DataView, offset: number): string {
  return ipv4Text(view.getUint32(offset, false));
}

/** Host-order port from a network-order 16-bit value at `offset`. */
export function readPort(view: DataView, offset: number): number {
  return view.getUint16(offset, false);
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX_PAIR: readonly string[] = HEX.map((text) => text.padStart(2, "0"));

/** A 16-bit group in lowercase hex without leading zeros. */
const hexGroup = (group: number) =>
  group > 0xff ? HEX[group >>> 8]! + HEX_PAIR[group & 0xff]! : HEX[group]!;

/** Scratch of formatIpv6: the groups to join. */
const hexGroups: string[] = [];

/** RFC 5952 text of the 16 bytes at `offset`. */
export function formatIpv6(view: DataView, offset: number): string {
  // ::ffff:a.b.c.d (IPv4-mapped: five zero groups, then ffff) keeps the dotted quad.
  if (
    view.getUint32(offset, false) === 0 && view.getUint32(offset + 4, false) === 0 &&
    view.getUint32(offset + 8, false) === 0xffff
  ) {
    return "::ffff:" + formatIpv4(view, offset + 12);
  }
  // Longest run of two or more zero groups; the first one wins a tie.
  let bestStart = -1, bestLength = 1;
  for (let i = 0, run = 0; i < 8; i++) {
    if (view.getUint16(offset + 2 * i, false) !== 0) {
      run = 0;
    } else if (++run > bestLength) {
      bestLength = run;
      bestStart = i - run + 1;
    }
  }
  // The groups in hex joined by ":", that run (if any) as one empty group:
  // "a::b". A run at either end takes one more empty group, for its second ":".
  // Array.join makes one flat string (about 60 bytes); `+=` would leave a
  // chain of ConsStrings (about 440).
  hexGroups.length = 0;
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      if (i === 0) hexGroups.push("");
      hexGroups.push("");
      i += bestLength - 1;
      if (i === 7) hexGroups.push("");
    } else {
      hexGroups.push(hexGroup(view.getUint16(offset + 2 * i, false)));
    }
  }
  return hexGroups.join(":");
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

/**
 * Decodes the `SOCKADDR_INET` at `offset`, the `Address` of row `row` of
 * `table` (named in the error only, so nothing is built per row).
 */
export function readSocketAddress(
  view: DataView,
  offset: number,
  table: string,
  row: number,
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
    `${table}.Table[${row}].Address`,
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
