import { DecodeError } from "./decode_error.ts";
import { SOCKADDR_IN, SOCKADDR_IN6 } from "./layout.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

const DECIMAL: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));
/** `"0."` to `"255."`. */
const DECIMAL_DOT: readonly string[] = DECIMAL.map((text) => text + ".");

// ---- Dotted quads ----------------------------------------------------------
//
// A busy server's table repeats a few local addresses and a few thousand peers
// row after row, and a monitor reads it every second, so the texts are
// memoised by address: rows then share strings made once. The memo is built
// so that no choice of addresses can make it slow (a SYN flood with spoofed
// sources picks them):
//
// - Its slots come from a hash with a random seed and multiplier, drawn once
//   per process, so which addresses collide cannot be known from outside.
// - A lookup examines at most TEXT_PROBES slots (linear probing), whatever the
//   slots hold; an address not found there is a miss.
// - A missed text is remembered only on its address's second miss: a bit
//   filter (the doorkeeper, hashed with a second random seed) records the
//   addresses missed since it was last cleared. Addresses seen once, as in a
//   flood or a table of new peers, make no entries and evict none. It is
//   cleared after DOORKEEPER_LIMIT new bits, so at most 1 in 8 of its bits is
//   set and at most 1 in 8 new addresses is let in by an unrelated one's bit.
// - At most MAX_TEXTS texts (16,384, a quarter of the 65,536 slots, so that
//   probe windows seldom fill) are remembered; when full the memo is emptied.
//   Its arrays take 0.8 MB, plus the texts.
// - When most lookups of a stretch of rows miss, the TCP decoders stop looking
//   remote addresses up and make their texts directly (freshIpv4; see
//   _tcp_row.ts): a table of new peers then costs no lookups at all.
//
// A lookup costs at most TEXT_PROBES slots and one text made, whatever the
// addresses; tests/perf_flood_test.ts counts both.
//
// A miss makes the text from two halves, "a.b." (by the high 16 bits) and
// "c.d" (by the low 16 bits), each made once per process on first use: one
// concatenation, one new string (which V8 keeps as a pair of pointers to the
// halves when it is 13 characters or more) instead of three. They are direct
// lookups (65,536 slots each, no hashing) and hold at most 2 × 65,536 short
// strings, about 4 MB, whatever the tables hold.
//
// Outputs are the same strings either way.
const TEXT_SLOT_BITS = 16;
const TEXT_SLOTS = 1 << TEXT_SLOT_BITS;
const TEXT_MASK = TEXT_SLOTS - 1;
const TEXT_SHIFT = 32 - TEXT_SLOT_BITS;
/** A quarter of the slots: probe windows then seldom fill up. */
const MAX_TEXTS = TEXT_SLOTS >> 2;
/** The most slots one lookup examines. */
export const TEXT_PROBES = 4;
const textKeys = new Int32Array(TEXT_SLOTS);
const texts: (string | undefined)[] = new Array<string | undefined>(TEXT_SLOTS).fill(undefined);
let textCount = 0;
const DOORKEEPER_BITS = 18;
const DOORKEEPER_SHIFT = 32 - DOORKEEPER_BITS;
const DOORKEEPER_LIMIT = 1 << (DOORKEEPER_BITS - 3);
/** One bit per doorkeeper hash: set when an address that hashes there was missed. */
const doorkeeper = new Int32Array(1 << (DOORKEEPER_BITS - 5));
let doorkeeperCount = 0;
const random = crypto.getRandomValues(new Int32Array(4));
const SEED = random[0]!;
/** Odd, so that multiplying by it is a bijection of the 32-bit integers. */
const MULTIPLIER = random[1]! | 1;
const DOORKEEPER_SEED = random[2]!;
const DOORKEEPER_MULTIPLIER = random[3]! | 1;

/** The halves, indexed by 16-bit value; made on the first miss. */
let highHalves: (string | undefined)[] | undefined;
let lowHalves: (string | undefined)[] | undefined;

/** Counters of the slow paths, for tests: they do not run on a hit at the home slot. */
export const ipv4TextStats = {
  /** Slots examined beyond the home slot, by every lookup. */
  extraProbes: 0,
  /** Texts made by lookups that missed. */
  made: 0,
  /** Texts remembered. */
  remembered: 0,
  /** Times the memo was emptied. */
  emptied: 0,
  /** Times the doorkeeper was cleared. */
  doorkeeperCleared: 0,
  /** Texts made without a lookup, by {@linkcode freshIpv4}. */
  fresh: 0,
};

/** For tests: forgets every text and every sighting, as in a new process. */
export function clearIpv4Memo(): void {
  texts.fill(undefined);
  textCount = 0;
  doorkeeper.fill(0);
  doorkeeperCount = 0;
}

/** The home slot of `key` (an address as an int32). Exported for tests. */
export function ipv4HomeSlot(key: number): number {
  return Math.imul(key ^ SEED, MULTIPLIER) >>> TEXT_SHIFT;
}

/**
 * For tests: `count` (at most 2¹⁷) distinct addresses, as int32s, whose home
 * slot is `home`: what an attacker who knew this process's seed would send.
 */
export function collidingIpv4Keys(count: number, home: number): number[] {
  // The inverse of MULTIPLIER modulo 2³² (Newton's iteration doubles the
  // correct low bits each step; an odd number is its own inverse modulo 8).
  let inverse = MULTIPLIER;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(MULTIPLIER, inverse));
  return Array.from(
    { length: count },
    (_, j) => SEED ^ Math.imul(inverse, ((home << TEXT_SHIFT) + j) | 0),
  );
}

function makeHalves(): (string | undefined)[] {
  return new Array<string | undefined>(1 << 16).fill(undefined);
}

/** Dotted-quad text of `key`, made from its two halves. */
function makeText(key: number): string {
  const high = key >>> 16, low = key & 0xffff;
  const highs = highHalves ??= makeHalves();
  const lows = lowHalves ??= makeHalves();
  const first = highs[high] ??= DECIMAL_DOT[high >>> 8]! + DECIMAL_DOT[high & 255]!;
  const second = lows[low] ??= DECIMAL_DOT[low >>> 8]! + DECIMAL[low & 255]!;
  return first + second;
}

/**
 * A miss: makes the text, and remembers it on the address's second miss, in
 * `free` (an empty slot of its probe window; -1 when there is none, and then
 * in `home` itself, instead of the text there).
 */
function missed(key: number, home: number, free: number): string {
  const text = makeText(key);
  ipv4TextStats.made++;
  const bit = Math.imul(key ^ DOORKEEPER_SEED, DOORKEEPER_MULTIPLIER) >>> DOORKEEPER_SHIFT;
  const word = bit >>> 5, mask = 1 << (bit & 31);
  const bits = doorkeeper[word]!;
  if ((bits & mask) === 0) {
    if (doorkeeperCount === DOORKEEPER_LIMIT) {
      doorkeeper.fill(0);
      doorkeeperCount = 0;
      ipv4TextStats.doorkeeperCleared++;
    }
    doorkeeper[word] = doorkeeper[word]! | mask;
    doorkeeperCount++;
    return text;
  }
  if (textCount === MAX_TEXTS) {
    texts.fill(undefined);
    textCount = 0;
    ipv4TextStats.emptied++;
    free = home;
  }
  let slot = free;
  if (slot < 0) slot = home;
  else textCount++;
  ipv4TextStats.remembered++;
  textKeys[slot] = key;
  texts[slot] = text;
  return text;
}

/**
 * Dotted-quad text of an address given as a 32-bit integer, first octet most
 * significant (`0x0a000002` is `"10.0.0.2"`; signed or unsigned alike).
 */
export function ipv4Text(address: number): string {
  const key = address | 0;
  const home = Math.imul(key ^ SEED, MULTIPLIER) >>> TEXT_SHIFT;
  let text = texts[home];
  if (text !== undefined) {
    if (textKeys[home] === key) return text;
    // The rest of the probe window, inline: a call here would cost more than the probes.
    for (let probe = 1; probe < TEXT_PROBES; probe++) {
      const slot = (home + probe) & TEXT_MASK;
      ipv4TextStats.extraProbes++;
      text = texts[slot];
      if (text === undefined) return missed(key, home, slot);
      if (textKeys[slot] === key) return text;
    }
    return missed(key, home, -1);
  }
  return missed(key, home, home);
}

/** Dotted-quad text of the four bytes at `offset` (network order, as in memory). */
export function formatIpv4(view: DataView, offset: number): string {
  return ipv4Text(view.getInt32(offset, false));
}

/**
 * {@linkcode formatIpv4} without the memo: the text made anew from its
 * halves. For tables whose addresses are mostly new (a flood, a busy
 * proxy), where looking them up only costs time and fills the memo with
 * what the doorkeeper lets in by mistake: the TCP decoders switch to it when
 * most lookups of a stretch of rows miss.
 */
export function freshIpv4(view: DataView, offset: number): string {
  ipv4TextStats.fresh++;
  return makeText(view.getInt32(offset, false));
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

// ---- IPv6 text, memoised ----------------------------------------------------
//
// formatIpv6 takes about 150 ns, and a table repeats its few local addresses
// and its peers row after row, so IPv6 texts are memoised too, with the same
// bound as the dotted quads: a lookup examines at most TEXT_PROBES slots, and
// a miss with no empty slot in its window takes the home slot. Its hash mixes
// the four words linearly, so addresses that collide can always be chosen;
// the bound makes that harmless: whatever the addresses, a lookup costs at
// most TEXT_PROBES slots and one formatIpv6 (tests/perf_flood_test.ts counts
// both). At most V6_MAX_TEXTS texts (a quarter of the slots) are held; when
// full the memo is emptied. Outputs are formatIpv6's strings either way.
const V6_SLOT_BITS = 15;
const V6_SLOTS = 1 << V6_SLOT_BITS;
const V6_MASK = V6_SLOTS - 1;
const V6_MAX_TEXTS = V6_SLOTS >> 2;
const v6Keys = new Int32Array(4 * V6_SLOTS);
const v6Texts: (string | undefined)[] = new Array<string | undefined>(V6_SLOTS).fill(undefined);
let v6Count = 0;

/** Counters of the IPv6 memo's slow paths, for tests. */
export const ipv6TextStats = {
  /** Slots examined beyond the home slot, by every lookup. */
  extraProbes: 0,
  /** Texts made by lookups that missed. */
  made: 0,
};

/** The home slot of an address, given as its four 32-bit words. Exported for tests. */
export function ipv6HomeSlot(a: number, b: number, c: number, d: number): number {
  return Math.imul(
    Math.imul(a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f) ^ d,
    0x9e3779b1,
  ) >>> (32 - V6_SLOT_BITS);
}

/** RFC 5952 text of the 16 bytes at `offset` ({@linkcode formatIpv6}'s), memoised. */
export function ipv6Text(view: DataView, offset: number): string {
  const a = view.getInt32(offset, true);
  const b = view.getInt32(offset + 4, true);
  const c = view.getInt32(offset + 8, true);
  const d = view.getInt32(offset + 12, true);
  const home = ipv6HomeSlot(a, b, c, d);
  let free = -1;
  for (let probe = 0; probe < TEXT_PROBES; probe++) {
    const slot = (home + probe) & V6_MASK;
    if (probe > 0) ipv6TextStats.extraProbes++;
    const text = v6Texts[slot];
    if (text === undefined) {
      free = slot;
      break;
    }
    const k = slot << 2;
    if (v6Keys[k] === a && v6Keys[k + 1] === b && v6Keys[k + 2] === c && v6Keys[k + 3] === d) {
      return text;
    }
  }
  const text = formatIpv6(view, offset);
  ipv6TextStats.made++;
  if (v6Count === V6_MAX_TEXTS) {
    v6Texts.fill(undefined);
    v6Count = 0;
    free = home;
  }
  let slot = home;
  if (free >= 0) {
    slot = free;
    v6Count++;
  }
  const k = slot << 2;
  v6Keys[k] = a;
  v6Keys[k + 1] = b;
  v6Keys[k + 2] = c;
  v6Keys[k + 3] = d;
  v6Texts[slot] = text;
  return text;
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
