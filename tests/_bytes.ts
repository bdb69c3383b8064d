// Byte helpers for tests.

/** `length` bytes of 0xA5: junk where a decoder must not look (padding, port upper bits). */
export function junk(length: number): Uint8Array {
  return new Uint8Array(length).fill(0xa5);
}

/** A copy of `bytes` as a view at `offset` inside a larger buffer of junk. */
export function at(bytes: Uint8Array, offset: number): Uint8Array {
  const host = junk(offset + bytes.length + 5);
  host.set(bytes, offset);
  return host.subarray(offset, offset + bytes.length);
}
