// JSON output: 64-bit values (LUIDs, timestamps) as decimal strings, since
// JSON numbers lose precision past 2^53.

/**
 * What JSON.stringify leaves as it is but a terminal could act on: DEL, the
 * C1 controls and the bidirectional embeddings, overrides and isolates. (It
 * escapes C0 controls and lone surrogates itself.)
 */
const UNSAFE = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as one indented JSON document, with every bigint as its decimal
 * string and every control character as a `\u` escape, so the document is
 * plain to print on a terminal and parses to the same value.
 *
 * @param value The rows.
 * @returns The document, without a trailing newline.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item) => typeof item === "bigint" ? item.toString() : item,
    2,
  ).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
