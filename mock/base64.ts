// Base64, the one place the runtime's codec is reached: Deno 2.5 and later
// have Uint8Array.fromBase64/toBase64; older releases (the oldest supported
// is 2.1) fall back to atob/btoa. Both paths accept exactly the same text:
// the standard alphabet, padded, no whitespace.

type Base64Statics = { fromBase64?: (text: string) => Uint8Array };
type Base64Methods = { toBase64?: () => string };

const native = (Uint8Array as unknown as Base64Statics).fromBase64;
// No repeated group: a 7.5 MB capture must not exhaust the regex engine's stack.
const ALPHABET = /^[A-Za-z0-9+/]*(?:==?)?$/;

/**
 * The bytes of standard, padded base64 `text`: how a capture's `data` is
 * read. Works on every supported Deno (the built-in `Uint8Array.fromBase64`
 * needs 2.5).
 *
 * @param text Base64 in the standard alphabet, padded, without whitespace.
 * @returns The bytes.
 * @throws {TypeError} If `text` is not that, saying why.
 *
 * @example
 * ```ts
 * import { base64ToBytes } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(base64ToBytes("AQID")); // Uint8Array(3) [ 1, 2, 3 ]
 * ```
 */
export function base64ToBytes(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("expected a string");
  if (text.length % 4 !== 0) {
    throw new TypeError(`its length ${text.length} is not a multiple of 4`);
  }
  if (!ALPHABET.test(text)) {
    throw new TypeError("it holds characters outside the base64 alphabet, or misplaced padding");
  }
  if (native) return native.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Standard, padded base64 of `bytes`: how a capture's `data` is written.
 *
 * @param bytes The bytes.
 * @returns Their base64.
 *
 * @example
 * ```ts
 * import { bytesToBase64, encodeTcpTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * console.log(bytesToBase64(encodeTcpTable2([]))); // "AAAAAA=="
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const method = (bytes as unknown as Base64Methods).toBase64;
  if (method) return method.call(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
