// Range-checked writing of one structure's members, for the encoders: a value
// its C type cannot hold is refused with a TypeError naming the field, never
// wrapped (DataView's setters would silently keep the low bits).
import { writeIpv4, writeIpv6, writeSocketAddress } from "./_address.ts";
import { encodeRows, type TableShape } from "./_table.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** A value as an error message shows it: an object by its type (`Array`, `Object`). */
function shown(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    return Object.prototype.toString.call(value).slice(8, -1);
  }
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
 * Writes the members of the structure at `offset` of `view`, little-endian;
 * each method takes the member's offset, its value and its field name, named
 * in errors as `structure.field`. `structure` is the C structure
 * (`MIB_IF_ROW2`) or the encoder's row (`encodeUdpTable: rows[3]`).
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

  /** A port: 0..65535, network order, in the low 16 bits of the DWORD at `at`. */
  port(at: number, value: number, field: string): void {
    this.#view.setUint16(
      this.#offset + at,
      checkInteger(value, 0, 0xffff, this.name(field)),
      false,
    );
  }

  /** A C enum or other int. */
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

  /**
   * Up to `count` ULONGLONGs from `at` (the `OwningModuleInfo` words); words
   * `values` does not give stay zero.
   */
  u64s(at: number, values: readonly bigint[], count: number, field: string): void {
    if (!Array.isArray(values) || values.length > count) {
      throw new TypeError(
        `${this.name(field)}: expected an array of at most ${count} bigints, found ${
          shown(values)
        }`,
      );
    }
    values.forEach((value, i) => this.u64(at + 8 * i, value, `${field}[${i}]`));
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

  /** An IPv4 address (`IN_ADDR`, a DWORD), from dotted-quad text. */
  ipv4(at: number, text: string, field: string): void {
    this.#addressText(at, text, field, "IPv4 dotted-quad text", writeIpv4);
  }

  /** An IPv6 address (`IN6_ADDR`, 16 bytes), from its text. */
  ipv6(at: number, text: string, field: string): void {
    this.#addressText(at, text, field, "IPv6 address text", writeIpv6);
  }

  #addressText(
    at: number,
    text: string,
    field: string,
    expected: string,
    write: (view: DataView, offset: number, text: string) => void,
  ): void {
    const refuse = () =>
      new TypeError(`${this.name(field)}: expected ${expected}, found ${shown(text)}`);
    if (typeof text !== "string") throw refuse();
    try {
      write(this.#view, this.#offset + at, text);
    } catch (error) {
      throw error instanceof TypeError ? refuse() : error;
    }
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

/**
 * Encodes `rows` as a table of `shape`, each row with `write` through a
 * {@linkcode FieldWriter} named after encoder `fn` and the row
 * (`encodeUdpTable: rows[3].localPort`), after checking that `rows` is an
 * array and each row an object.
 */
export function encodeCheckedRows<R>(
  fn: string,
  rows: readonly R[],
  shape: TableShape,
  write: (w: FieldWriter, row: R) => void,
): Uint8Array {
  if (!Array.isArray(rows)) {
    throw new TypeError(`${fn}: rows must be an array, found ${shown(rows)}`);
  }
  return encodeRows(rows, shape, (view, o, row, i) => {
    write(rowWriter(view, o, `${fn}: rows[${i}]`, row), row);
  });
}

/**
 * Encodes one row of `size` bytes with `write` (the argument of a
 * `GetOwnerModuleFrom…Entry`), its fields named `fn: row.field`.
 */
export function encodeCheckedRow<R>(
  fn: string,
  row: R,
  size: number,
  write: (w: FieldWriter, row: R) => void,
): Uint8Array {
  const bytes = new Uint8Array(size);
  write(rowWriter(new DataView(bytes.buffer), 0, `${fn}: row`, row), row);
  return bytes;
}

/** A writer for the row at `o`, named `name`, once `row` is checked to be an object. */
function rowWriter(view: DataView, o: number, name: string, row: unknown): FieldWriter {
  if (typeof row !== "object" || row === null) {
    throw new TypeError(`${name} must be a row object, found ${shown(row)}`);
  }
  return new FieldWriter(view, o, name);
}
