// The checks every decoder starts with: the bytes are a Uint8Array, and a
// fixed-size structure fits in them.
import type { StructShape } from "./_shapes.ts";
import { DecodeError } from "./decode_error.ts";

/** What `value` is, for an error message. */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "an object";
}

/**
 * Checks that the `bytes` given to the decoder of `structure` are a
 * `Uint8Array` (a `DataView`, `ArrayBuffer` or other typed array would
 * otherwise be read as something else, or not at all).
 *
 * @throws {TypeError} Naming the structure and what was given instead.
 */
export function requireBytes(bytes: unknown, structure: string): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${structure}: expected the bytes as a Uint8Array, found ${kind(bytes)}`);
  }
}

/**
 * A view of the fixed-size structure at the start of `bytes`.
 *
 * @throws {TypeError} If `bytes` is not a Uint8Array.
 * @throws {DecodeError} If `bytes` is shorter than the structure.
 */
export function openStruct(bytes: Uint8Array, shape: StructShape): DataView {
  requireBytes(bytes, shape.structure);
  if (bytes.byteLength < shape.size) {
    throw new DecodeError(
      shape.structure,
      `expected at least ${shape.size} bytes, found ${bytes.byteLength}`,
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset, shape.size);
}
