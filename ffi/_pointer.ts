// The only place outside library.ts that touches raw pointers.
import { tableLength, type TableShape } from "../structs/_table.ts";
import { DecodeError } from "../structs/decode_error.ts";

/** Largest table this module accepts from Windows: far above 200,000 owner-module rows. */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

/** The address of `buffer[0]`. */
export function addressOf(buffer: Uint8Array): bigint {
  return BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(buffer)));
}

/** The address a pointer value holds (0 for null). */
export function addressOfPointer(pointer: Deno.PointerValue): bigint {
  return BigInt(Deno.UnsafePointer.value(pointer));
}

/** A pointer value for `address` (null for 0). */
export function pointerAt(address: bigint): Deno.PointerValue {
  return Deno.UnsafePointer.create(address);
}

/**
 * Copies the OS-allocated table at `address` into JavaScript memory: its
 * row count, then exactly the rows it announces.
 */
export function copyTable(address: bigint, shape: TableShape): Uint8Array {
  const view = new Deno.UnsafePointerView(pointerAt(address)!);
  const count = view.getUint32(0);
  const size = tableLength(count, shape);
  if (size > MAX_TABLE_BYTES) {
    throw new DecodeError(
      shape.structure,
      `${count} rows would span ${size} bytes, more than the ${MAX_TABLE_BYTES}-byte limit`,
    );
  }
  const bytes = new Uint8Array(size);
  view.copyInto(bytes);
  return bytes;
}
