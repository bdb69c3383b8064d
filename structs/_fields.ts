// Range-checked writing of one structure's members, for the encoders: a value
// its C type cannot hold is refused with a TypeError naming the field, never
// wrapped (DataView's setters would silently keep the low bits).
import { writeSocketAddress } from "./_address.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** A value as an error message shows it. */
function shown(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** `value` if it is an integer number from `min` to `max`, else a TypeError naming `field`. */
export function checkInteger(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `${field}: expected an integer from ${min} to ${max}, found ${shown(value)}`,
    );
  }
  return value;
}

/** `value` if it is a bigint from `min` to `max`, else a TypeError naming `field`. */
export function checkBigInt(value: unknown, min: bigint, max: bigint, field: string): bigint {
  if (typeof value !== "bigint" || value < min || value > max) {
    throw new TypeError(`${field}: expected a bigint from ${min} to ${max}, found ${shown(value)}`);
  }
  return value;
}

/** `value` if it is a boolean, else a TypeError naming `field`. */
export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`${field}: expected a boolean, found ${shown(value)}`);
  }
  return value;
}

/**
 * Writes the members of the structure `structure` at `offset` of `view`,
 * little-endian; each method takes the member's offset, its value and its
 * field name (named in errors as `structure.field`).
 */
export class FieldWriter {
  readonly #view: DataView;
  readonly #offset: number;
  readonly #structure: string;

  constructor(view: DataView, offset: number, structure: string) {
    this.#view = view;
    this.#offset = offset;
    this.#structure = structure;
  }

  /** `structure.field`, for errors. */
  name(field: string): string {
    return `${this.#structure}.${field}`;
  }

  /** A UCHAR or UINT8. */
  u8(at: number, value: number, field: string): void {
    this.#view.setUint8(this.#offset + at, checkInteger(value, 0, 0xff, this.name(field)));
  }

  /** A ULONG or DWORD. */
  u32(at: number, value: number, field: string): void {
    this.#view.setUint32(
      this.#offset + at,
      checkInteger(value, 0, 0xffffffff, this.name(field)),
      true,
    );
  }

  /** A C enum (an int). */
  i32(at: number, value: number, field: string): void {
    this.#view.setInt32(
      this.#offset + at,
      checkInteger(value, INT32_MIN, INT32_MAX, this.name(field)),
      true,
    );
  }

  /** A 32-bit DWORD counter given as a bigint (the 32-bit forms of 64-bit counters). */
  u32n(at: number, value: bigint, field: string): void {
    this.#view.setUint32(
      this.#offset + at,
      Number(checkBigInt(value, 0n, 0xffffffffn, this.name(field))),
      true,
    );
  }

  /** A ULONG64, DWORD64 or NET_LUID. */
  u64(at: number, value: bigint, field: string): void {
    this.#view.setBigUint64(
      this.#offset + at,
      checkBigInt(value, 0n, UINT64_MAX, this.name(field)),
      true,
    );
  }

  /** A LARGE_INTEGER. */
  i64(at: number, value: bigint, field: string): void {
    this.#view.setBigInt64(
      this.#offset + at,
      checkBigInt(value, INT64_MIN, INT64_MAX, this.name(field)),
      true,
    );
  }

  /** A BOOLEAN: 1 or 0. */
  bool(at: number, value: boolean, field: string): void {
    this.#view.setUint8(this.#offset + at, checkBoolean(value, this.name(field)) ? 1 : 0);
  }

  /** One-bit members packed into the byte at `at`: `bits` maps each bit index to its value. */
  bits(at: number, bits: readonly (readonly [number, boolean, string])[]): void {
    let byte = 0;
    for (const [bit, value, field] of bits) {
      if (checkBoolean(value, this.name(field))) byte |= 1 << bit;
    }
    this.#view.setUint8(this.#offset + at, byte);
  }

  /** A `SOCKADDR_INET`. */
  address(at: number, address: SocketAddress, field: string): void {
    const name = this.name(field);
    if (typeof address !== "object" || address === null) {
      throw new TypeError(`${name}: expected a socket address, found ${shown(address)}`);
    }
    if (address.family !== AF_INET && address.family !== AF_INET6) {
      throw new TypeError(
        `${name}.family: expected AF_INET (${AF_INET}) or AF_INET6 (${AF_INET6}), found ${
          shown((address as { family: unknown }).family)
        }`,
      );
    }
    checkInteger(address.port, 0, 0xffff, `${name}.port`);
    if (address.family === AF_INET6) {
      checkInteger(address.flowInfo, 0, 0xffffffff, `${name}.flowInfo`);
      checkInteger(address.scopeId, 0, 0xffffffff, `${name}.scopeId`);
    }
    if (typeof address.address !== "string") {
      throw new TypeError(`${name}.address: expected a string, found ${shown(address.address)}`);
    }
    try {
      writeSocketAddress(this.#view, this.#offset + at, address);
    } catch (error) {
      if (error instanceof TypeError) throw new TypeError(`${name}.address: ${error.message}`);
      throw error;
    }
  }
}
