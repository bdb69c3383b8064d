// JSON output: 64-bit values (LUIDs, timestamps) as decimal strings, since
// JSON numbers lose precision past 2^53.

/**
 * `value` as one indented JSON document, with every bigint as its decimal string.
 *
 * @param value The rows.
 * @returns The document, without a trailing newline.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item) => typeof item === "bigint" ? item.toString() : item,
    2,
  );
}
