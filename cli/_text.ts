// The one rule for text that reaches a terminal: control characters are shown
// as escapes, never sent, so a module name, a path, a capture's producer or a
// bad argument cannot forge a line or send an ANSI sequence.

/**
 * What is escaped: C0 controls, DEL, C1 controls, the bidirectional
 * embeddings, overrides and isolates (which reorder the rest of a line), and
 * UTF-16 surrogates that are not half of a pair.
 */
const UNSAFE =
  // deno-lint-ignore no-control-regex -- matching control characters is the point
  /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}

/**
 * `text` with every control character, bidirectional control and lone
 * surrogate written as a visible escape: `\n`, `\t`, `\r`, `\x1b`, `\x9b`,
 * `\u{202e}`, `\u{d800}`. Anything else, backslashes included (Windows
 * paths), is left as it is, so ordinary text is unchanged.
 *
 * @param text Any string.
 * @returns The string, safe to print on a terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** The mark that ends a cut text. */
export const ELLIPSIS = "\u2026";

/**
 * `text` cut to at most `max` UTF-16 code units, the last being
 * {@linkcode ELLIPSIS} when anything was cut; a surrogate pair is never split.
 *
 * @param text The text, already escaped.
 * @param max The most code units kept, at least 1.
 * @returns The text, or its start and an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}
